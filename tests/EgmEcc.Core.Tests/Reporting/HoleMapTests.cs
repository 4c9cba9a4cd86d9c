using EgmEcc.Reporting;
using FsCheck;
using FsCheck.Fluent;

namespace EgmEcc.Tests.Reporting;

public class HoleMapTests
{
    private static readonly SourceLocation Here = SourceLocation.AtLine("test", 1);

    private static RegionPlan PlanOf(ulong @base, ulong size, params ulong[] retiredOffsets)
    {
        var regions = RegionSet.Create([new Region("egm0", 0, @base, size, Here)]);
        var records = retiredOffsets.Select(o => RetiredRecord.InRegion("egm0", o, 0, Here)).ToArray();
        return Planner.Create(regions, records, PlanOptions.Default).Regions[0];
    }

    [Fact]
    public void Cells_TinyHoleInHugeRegion_MarksExactlyItsCell()
    {
        var plan = PlanOf(0x20_0000_0000, 384UL << 30, 0x17a450000);

        var cells = HoleMap.Cells(plan, 64);

        var marked = Assert.Single(cells, c => c.HasHole);
        Assert.Equal(0x17a450000UL / (6UL << 30), (ulong)cells.IndexOf(marked));
        Assert.Equal(0x10000UL, marked.HoleBytes);
        Assert.False(marked.IsAllHole);
    }

    [Fact]
    public void Cells_HoleAcrossCellBoundary_MarksBothCells()
    {
        var plan = PlanOf(0, 0x40_0000, 0x1f_0000, 0x20_0000);

        var cells = HoleMap.Cells(plan, 2);

        Assert.Equal([0x1_0000UL, 0x1_0000UL], cells.Select(c => c.HoleBytes).ToArray());
        Assert.All(cells, c => Assert.True(c.HasHole));
    }

    [Fact]
    public void Cells_RegionReachingTopOf64Bits_TilesWithoutOverflow()
    {
        var size = 0x10_0000_0000UL;
        var plan = PlanOf(ulong.MaxValue - size + 1, size, size - 0x1_0000);

        var cells = HoleMap.Cells(plan, 7);

        Assert.Equal(0UL, cells[0].Start);
        Assert.Equal(size, cells[^1].End);
        Assert.True(cells[^1].HasHole);
    }

    [Fact]
    public void Cells_MoreCellsThanBytesOfHoles_AreContiguousAndSumToHoleBytes()
    {
        // Against a naive model: random holes in a 16 MiB region, any cell count.
        var gen =
            from offsets in Gen.Choose(0, 255).ArrayOf()
            from cells in Gen.Choose(1, 300)
            select (offsets, cells);
        Prop.ForAll(gen.ToArbitrary(), t =>
        {
            var size = 256UL * 0x1_0000;
            var plan = PlanOf(0x1_0000_0000, size, [.. t.offsets.Select(o => (ulong)o * 0x1_0000)]);
            var cells = HoleMap.Cells(plan, t.cells);
            var contiguous = cells[0].Start == 0 && cells[^1].End == size && cells.Zip(cells.Skip(1)).All(p => p.First.End == p.Second.Start);
            var sum = cells.Aggregate(0UL, (a, c) => a + c.HoleBytes) == plan.Stats.HoleBytes;
            var marks = cells.All(c => c.HasHole == plan.Holes.Any(h => h.Offset < c.End && h.Offset + h.Size > c.Start));
            return contiguous && sum && marks;
        }).Check(Properties.Seeded());
    }

    [Fact]
    public void Cells_RegionSmallerThanTheCellCount_GivesOneByteCellsAllInTheHole()
    {
        var plan = PlanOf(0x1000, 10, 0);

        var cells = HoleMap.Cells(plan, 64);

        Assert.Equal(10, cells.Length);
        Assert.All(cells, c => Assert.True(c.IsAllHole));
    }

    [Fact]
    public void ZoomWindows_SmallHoles_EachInAPowerOfTwoWindowInsideTheRegion()
    {
        var plan = PlanOf(0x20_0000_0000, 384UL << 30, 0, 0x940000000, 0x940800000, 0x5f_ffff_0000);

        var inset = HoleMap.ZoomWindows(plan, visibleBytes: 768UL << 20, maxWindows: 16);

        Assert.Equal(4, inset.Windows.Length);
        Assert.Equal(0, inset.OmittedHoles);
        Assert.Equal(4, inset.Windows.Sum(w => w.HoleCount));
        foreach (var w in inset.Windows)
        {
            Assert.True(ulong.IsPow2(w.Size));
            Assert.True(w.Range.End <= plan.Region.Size);
            for (var h = w.FirstHole; h < w.FirstHole + w.HoleCount; h++)
            {
                Assert.True(w.Range.Encloses(plan.Holes[h].Range));
            }
        }
    }

    [Fact]
    public void ZoomWindows_NeighbouringSmallHoles_ShareAWindow()
    {
        var plan = PlanOf(0, 1UL << 40, 0x100_0000, 0x100_0000 + 0x4_0000, 0x100_0000 + 0x8_0000);

        var inset = HoleMap.ZoomWindows(plan, visibleBytes: 1UL << 30, maxWindows: 16);

        var window = Assert.Single(inset.Windows);
        Assert.Equal(3, window.HoleCount);
    }

    [Fact]
    public void ZoomWindows_MoreThanTheLimit_CountsTheRestAsOmitted()
    {
        var plan = PlanOf(0, 1UL << 40, [.. Enumerable.Range(0, 10).Select(i => (ulong)i << 32)]);

        var inset = HoleMap.ZoomWindows(plan, visibleBytes: 1UL << 30, maxWindows: 4);

        Assert.Equal(4, inset.Windows.Length);
        Assert.Equal(6, inset.OmittedHoles);
    }

    [Fact]
    public void ZoomWindows_HolesLargeEnoughToSee_GetNoWindow()
    {
        var plan = PlanOf(0, 0x100_0000, 0x10_0000);

        Assert.Empty(HoleMap.ZoomWindows(plan, visibleBytes: 0x1_0000, maxWindows: 16).Windows);
    }
}
