using FsCheck;
using FsCheck.Fluent;

namespace EgmEcc.Tests;

public partial class GuestLayoutTests
{
    [Fact]
    public void Create_GuestBaseNotGuestPageAligned_Throws()
    {
        var plan = PlanOf([new Region("egm0", 0, 0x20_0000_0000, 0x10_0000, Here)]);

        var e = Assert.Throws<SettingException>(() => GuestLayout.Create(plan, 0x4000_1000));

        Assert.Equal("the guest base 0x40001000 is not a multiple of the guest page 0x10000 (64K)", e.Message);
        Assert.Null(GuestLayout.CheckBase(0x4001_0000, PlanOptions.Page64K));
    }

    [Fact]
    public void Create_GuestSizeNotGuestPageAligned_CutsTailAndNextNodeStartToWholePages()
    {
        var plan = PlanOf(
        [
            new Region("egm0", 0, 0x20_0000_0000, 0x10_0000, Here, guestSize: 0x8_1000),
            new Region("egm1", 1, 0x40_0000_0000, 0x10_0000, Here),
        ]);

        var layout = GuestLayout.Create(plan);

        // QEMU lays nodes end to end at the guest size, so the spans keep it ...
        Assert.Equal(AddressRange.FromBaseSize(0x4000_0000, 0x8_1000), layout.Nodes[0].Span);
        Assert.Equal(AddressRange.FromBaseSize(0x4008_1000, 0x10_0000), layout.Nodes[1].Span);

        // ... but the guest can use only whole 64 KiB pages: the partial ones are reserved and counted.
        Assert.Equal([AddressRange.FromBaseSize(0x4000_0000, 0x8_0000)], layout.Nodes[0].Memory.ToArray());
        Assert.Equal([AddressRange.FromBaseSize(0x4008_0000, 0x1000)], layout.Nodes[0].Reserved.ToArray());
        Assert.Equal(0x1000UL, layout.Nodes[0].TrimmedBytes);
        Assert.Equal([AddressRange.FromStartEnd(0x4009_0000, 0x4018_0000)], layout.Nodes[1].Memory.ToArray());
        Assert.Equal([AddressRange.FromStartEnd(0x4008_1000, 0x4009_0000), AddressRange.FromStartEnd(0x4018_0000, 0x4018_1000)], layout.Nodes[1].Reserved.ToArray());
        Assert.Equal(0x1_0000UL, layout.Nodes[1].TrimmedBytes);
    }

    [Fact]
    public void Create_GuestSizeLeavesPieceShorterThanMinExtent_ReservesIt()
    {
        var plan = Planner.Create(
            RegionSet.Create([new Region("egm0", 0, 0x20_0000_0000, 0x10_0000, Here, guestSize: 0x9_0000)]),
            [RetiredRecord.InRegion("egm0", 0x7_0000, 0, Here)],
            new PlanOptions(minExtent: 0x4_0000));

        var node = Assert.Single(GuestLayout.Create(plan).Nodes);

        // The extent [0x80000, 0x100000) is 512 KiB, but only 64 KiB of it lie inside the guest size.
        Assert.Equal([AddressRange.FromBaseSize(0x4000_0000, 0x7_0000)], node.Memory.ToArray());
        Assert.Equal([AddressRange.FromStartEnd(0x4007_0000, 0x4009_0000)], node.Reserved.ToArray());
        Assert.Equal(0x1_0000UL, node.TrimmedBytes);
    }

    [Fact]
    public void Create_NodeEndingAtTopOfAddressSpace_KeepsItsLastPage()
    {
        var plan = PlanOf([new Region("egm0", 0, 0x20_0000_0000, 0x10_0000, Here)]);

        var node = Assert.Single(GuestLayout.Create(plan, ulong.MaxValue - 0xf_ffff).Nodes);

        Assert.Equal([node.Span], node.Memory.ToArray());
        Assert.Equal(0UL, node.TrimmedBytes);
    }

    // Guest sizes in 4 KiB steps (mostly not multiples of the 64 KiB guest page) and a minimum extent of 1 to 4 pages.
    private static readonly Gen<Plan> UnalignedPlans =
        from count in Gen.Choose(1, 3)
        from pages in Gen.ArrayOf(Gen.Choose(1, 64), count)
        from guest4k in Gen.ArrayOf(Gen.Choose(1, 1024), count)
        from minPages in Gen.Choose(1, 4)
        from runs in Gen.ListOf(Gen.Zip(Gen.Choose(0, count - 1), Gen.Choose(0, 63))).Select(l => l.Take(10).ToArray())
        select Planner.Create(
            RegionSet.Create(Enumerable.Range(0, count).Select(i => new Region(
                $"r{i}",
                i,
                (ulong)(i + 1) << 40,
                (ulong)pages[i] * 0x1_0000,
                Here,
                guestSize: Math.Min((ulong)guest4k[i] * 0x1000, (ulong)pages[i] * 0x1_0000)))),
            runs.Where(r => r.Item2 < pages[r.Item1]).Select(r => RetiredRecord.InRegion($"r{r.Item1}", (ulong)r.Item2 * 0x1_0000, 0, Here)).ToArray(),
            new PlanOptions(minExtent: (ulong)minPages * 0x1_0000));

    [Fact]
    public void Create_AnyGuestSize_MemoryIsWholeGuestPagesOfAtLeastMinExtentAndTrimmedBytesBalance()
    {
        Prop.ForAll(UnalignedPlans.ToArbitrary(), plan =>
        {
            var page = plan.Options.GuestPage;
            foreach (var node in GuestLayout.Create(plan).Nodes)
            {
                Assert.All(node.Memory, m =>
                {
                    Assert.Equal(0UL, m.Start % page);
                    Assert.Equal(0UL, m.Size % page);
                    Assert.True(m.Size >= plan.Options.MinExtent, $"{m} is shorter than the minimum extent");
                    Assert.True(node.Span.Encloses(m));
                    Assert.True(node.Region.UsableSet.Encloses(AddressRange.FromBaseSize(m.Start - node.Span.Start, m.Size)));
                });
                Assert.Equal(node.Span.Size, node.MemoryBytes + node.ReservedBytes);

                var usableInSpan = node.Region.Usable.Select(u => u.Intersect(AddressRange.FromBaseSize(0, node.Span.Size))).Aggregate(0UL, (t, r) => t + r.Size);
                Assert.Equal(usableInSpan, node.MemoryBytes + node.TrimmedBytes);
            }
        }).Check(Properties.Seeded(300));
    }
}
