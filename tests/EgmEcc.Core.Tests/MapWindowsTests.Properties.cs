using FsCheck;
using FsCheck.Fluent;

namespace EgmEcc.Tests;

public partial class MapWindowsTests
{
    // A region of up to 64 MiB with up to 40 retired records of 64K..1M at random offsets, and an alignment of 64K..64M.
    private static readonly Gen<(RegionPlan Region, ulong Alignment)> Cases =
        from pages in Gen.Choose(1, 1024)
        from records in Gen.ListOf(Gen.Zip(Gen.Choose(0, 1023), Gen.Choose(1, 16))).Select(l => l.Take(40).ToArray())
        from shift in Gen.Choose(16, 26)
        from minExtent in Gen.Elements(0x1_0000UL, 0x3_0000UL, 0x20_0000UL)
        select (Build((ulong)pages * 0x1_0000, records, minExtent), 1UL << shift);

    private static RegionPlan Build(ulong size, (int Page, int Pages)[] records, ulong minExtent) =>
        Planner.Create(
            RegionSet.Create([new Region("egm0", 0, 0x20_0000_0000, size, Here)]),
            records.Select(r => RetiredRecord.InRegion("egm0", (ulong)r.Page * 0x1_0000 % size, (ulong)r.Pages * 0x1_0000, Here)).ToArray(),
            new PlanOptions(minExtent: minExtent)).Regions[0];

    [Fact]
    public void Create_AnyRegion_WindowsAreDisjointAlignedInsideUsableAndConserveBytes()
    {
        Prop.ForAll(Cases.ToArbitrary(), c =>
        {
            var (region, alignment) = c;
            var windows = MapWindows.Create(region, alignment);
            var usable = region.UsableSet;
            UInt128 previousEnd = 0;
            UInt128 mapped = 0;
            foreach (var w in windows.Windows)
            {
                Assert.False(w.IsEmpty);
                Assert.True(w.Start >= previousEnd, $"{w} overlaps or precedes the window before it");
                Assert.Equal(0UL, w.Start % alignment);
                Assert.Equal(0UL, w.Size % alignment);
                Assert.True(usable.Encloses(w), $"{w} is not inside the usable extents {usable}");
                previousEnd = w.End;
                mapped += w.Size;
            }

            Assert.Equal((UInt128)region.Stats.UsableBytes, mapped + windows.UnmappedBytes);
            Assert.Equal(region.Stats.UsableBytes, windows.MappedBytes + windows.UnmappedBytes);
        }).Check(Properties.Seeded(300));
    }

    [Fact]
    public void CreateDefault_AnyRegion_KeepsNinetyPercentOrFallsBackToGranule()
    {
        Prop.ForAll(Cases.ToArbitrary(), c =>
        {
            var windows = MapWindows.CreateDefault(c.Region, PlanOptions.DefaultHugePages, PlanOptions.Page64K);
            if (windows.Alignment == PlanOptions.Page64K)
            {
                Assert.Equal(0UL, windows.UnmappedBytes);
            }
            else
            {
                Assert.True((UInt128)windows.MappedBytes * 10 >= (UInt128)windows.UsableBytes * 9);
                foreach (var larger in PlanOptions.DefaultHugePages.Where(h => h > windows.Alignment))
                {
                    var more = MapWindows.Create(c.Region, larger);
                    Assert.True((UInt128)more.MappedBytes * 10 < (UInt128)more.UsableBytes * 9, $"{larger} also keeps 90%");
                }
            }
        }).Check(Properties.Seeded(300));
    }
}
