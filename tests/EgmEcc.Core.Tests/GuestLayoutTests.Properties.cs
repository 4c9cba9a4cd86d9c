using FsCheck;
using FsCheck.Fluent;

namespace EgmEcc.Tests;

public partial class GuestLayoutTests
{
    // One to three regions with distinct PXMs in any order, sizes of 1..256 pages, an optional guest
    // size, and up to 20 retired runs anywhere in them.
    private static readonly Gen<Plan> Plans =
        from count in Gen.Choose(1, 3)
        from pxms in Gen.Shuffle(Enumerable.Range(0, 8).ToArray()).Select(p => p.Take(count).ToArray())
        from pages in Gen.ArrayOf(Gen.Choose(1, 256), count)
        from guestPages in Gen.ArrayOf(Gen.Choose(0, 256), count)
        from runs in Gen.ListOf(Gen.Zip(Gen.Choose(0, count - 1), Gen.Zip(Gen.Choose(0, 255), Gen.Choose(1, 4)))).Select(l => l.Take(20).ToArray())
        select Planner.Create(
            RegionSet.Create(Enumerable.Range(0, count).Select(i => new Region(
                $"r{i}",
                pxms[i],
                (ulong)(i + 1) << 40,
                (ulong)pages[i] * 0x1_0000,
                Here,
                guestSize: guestPages[i] is > 0 and var g && g <= pages[i] ? (ulong)g * 0x1_0000 : null))),
            runs.Where(r => r.Item2.Item1 < pages[r.Item1])
                .Select(r => RetiredRecord.InRegion($"r{r.Item1}", (ulong)r.Item2.Item1 * 0x1_0000, (ulong)r.Item2.Item2 * 0x1_0000, Here))
                .ToArray(),
            PlanOptions.Default);

    [Fact]
    public void Create_AnyPlan_NodesFollowInPxmOrderAndTileTheirSpans()
    {
        Prop.ForAll(Plans.ToArbitrary(), plan =>
        {
            var layout = GuestLayout.Create(plan, 0x8000_0000);
            UInt128 next = 0x8000_0000;
            var previousPxm = -1;
            foreach (var node in layout.Nodes)
            {
                var region = node.Region.Region;
                Assert.True(region.Node > previousPxm);
                Assert.Equal(next, (UInt128)node.Span.Start);
                Assert.Equal(region.GuestSize ?? region.Size, node.Span.Size);

                // Memory and reserved pieces alternate without gaps or overlaps over the span.
                var pieces = node.Memory.Concat(node.Reserved).OrderBy(r => r.Start).ToArray();
                UInt128 cursor = node.Span.Start;
                foreach (var piece in pieces)
                {
                    Assert.False(piece.IsEmpty);
                    Assert.Equal(cursor, (UInt128)piece.Start);
                    cursor = piece.End;
                }

                Assert.Equal(node.Span.End, cursor);
                Assert.Equal(node.Span.Size, node.MemoryBytes + node.ReservedBytes);

                // Usable pieces are usable extents moved to the guest and clipped to the span; reserved pieces hold no usable byte.
                Assert.All(node.Memory, m => Assert.True(node.Region.UsableSet.Encloses(AddressRange.FromBaseSize(m.Start - node.Span.Start, m.Size))));
                Assert.All(node.Reserved, r => Assert.DoesNotContain(node.Region.Usable, u => u.Overlaps(AddressRange.FromBaseSize(r.Start - node.Span.Start, r.Size))));
                previousPxm = region.Node;
                next = node.Span.End;
            }

            Assert.Equal(next - 0x8000_0000, layout.TotalBytes);
        }).Check(Properties.Seeded(300));
    }
}
