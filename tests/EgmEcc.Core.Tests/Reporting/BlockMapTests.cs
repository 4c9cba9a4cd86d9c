using EgmEcc.Reporting;
using FsCheck;
using FsCheck.Fluent;

namespace EgmEcc.Tests.Reporting;

public class BlockMapTests
{
    private static readonly SourceLocation Here = SourceLocation.AtLine("test", 1);

    private static RegionPlan PlanOf(ulong @base, ulong size, params (ulong Offset, ulong Size)[] retired)
    {
        var regions = RegionSet.Create([new Region("egm0", 0, @base, size, Here)]);
        var records = retired.Select(r => RetiredRecord.InRegion("egm0", r.Offset, r.Size, Here)).ToArray();
        return Planner.Create(regions, records, PlanOptions.Default).Regions[0];
    }

    [Theory]
    [InlineData(448UL << 30, 512, 1UL << 30)]
    [InlineData(384UL << 30, 512, 1UL << 30)]
    [InlineData(256UL << 30, 512, 512UL << 20)]
    [InlineData(1UL << 30, 512, 512UL << 20)]
    [InlineData(448UL << 30, 128, 4UL << 30)]
    [InlineData(16UL << 20, 512, 32UL << 10)]
    public void BlockSizeFor_RegionSize_IsTheSmallestPowerOfTwoFrom512MiBThatFits(ulong size, int maxBlocks, ulong expected)
    {
        Assert.Equal(expected, BlockMap.BlockSizeFor(size, maxBlocks));
    }

    [Fact]
    public void BlockSizeFor_LargestRegion_DoesNotOverflow()
    {
        var block = BlockMap.BlockSizeFor(ulong.MaxValue, 512);

        Assert.Equal(1UL << 55, block);
    }

    [Fact]
    public void Create_DenseRealisticHost_ShowsWhichGigabytesAreWholeAndWhichBroken()
    {
        // 279 holes in 448 GiB: a map to scale is marked end to end; the 1 GiB blocks are not.
        var plan = DenseHost.Plan.Regions[0];
        Assert.Equal(DenseHost.Holes, plan.Holes.Length);
        Assert.All(HoleMap.Cells(plan, 64), c => Assert.True(c.HasHole));

        var map = BlockMap.Create(plan, perRow: 64, maxRows: 8);

        Assert.Equal(1UL << 30, map.BlockSize);
        Assert.Equal(448, map.Blocks.Length);
        Assert.Equal(7, map.Rows);
        Assert.Equal(448, map.Whole + map.Broken + map.Unusable);
        Assert.InRange(map.Broken, 100, 300);
        Assert.InRange(map.Whole, 100, 348);
    }

    [Fact]
    public void Create_HoleSpanningBlocks_MarksTheCoveredBlocksUnusableAndItsEdgesBroken()
    {
        // 8 GiB region in 512 MiB blocks; a hole from 0.75 GiB to 2.25 GiB.
        var plan = PlanOf(0x1_0000_0000, 8UL << 30, ((768UL << 20), 3UL << 29));

        var map = BlockMap.Create(plan, perRow: 64, maxRows: 8);

        Assert.Equal(512UL << 20, map.BlockSize);
        Assert.Equal(
            [BlockState.Whole, BlockState.Broken, BlockState.Unusable, BlockState.Unusable, BlockState.Broken, BlockState.Whole],
            map.Blocks.Take(6).Select(b => b.State).ToArray());
        Assert.Equal(plan.Stats.HoleBytes, map.Blocks.Aggregate(0UL, (a, b) => a + b.HoleBytes));
    }

    [Fact]
    public void Create_RegionReachingTopOf64Bits_EndsAtItsSizeWithoutOverflow()
    {
        // From 64 KiB to 2^64: blocks of 2^55 bytes, the last short and ending at 2^64.
        var size = ulong.MaxValue - 0xffff;
        var plan = PlanOf(0x1_0000, size, (size - 0x1_0000, 0));

        var map = BlockMap.Create(plan, perRow: 64, maxRows: 8);

        Assert.Equal(size, map.Blocks[^1].End);
        Assert.Equal(BlockState.Broken, map.Blocks[^1].State);
        Assert.True(map.Blocks.Zip(map.Blocks.Skip(1)).All(p => p.First.End == p.Second.Start));
    }

    [Fact]
    public void Whole_ShortLastBlock_IsNoHugePage()
    {
        var plan = PlanOf(0x1_0000_0000, 5UL << 28);

        var map = BlockMap.Create(plan, perRow: 64, maxRows: 8);

        Assert.Equal(3, map.Blocks.Length);
        Assert.Equal(BlockState.Whole, map.Blocks[^1].State);
        Assert.Equal(2, map.Whole);
    }

    [Fact]
    public void Create_WholeBlocks_AreTheHugePageCapacityAtTheBlockSize()
    {
        // Against the planner's own count (docs/design.md §2.7): random holes in a 64 GiB region.
        var gen =
            from holes in Gen.Choose(0, (64 << 4) - 1).Select(h => ((ulong)h << 26, (ulong)0x1_0000)).ArrayOf()
            from runs in Gen.Choose(0, 63).Select(h => ((ulong)h << 30, 3UL << 28)).ArrayOf()
            select holes.Concat(runs).ToArray();
        Prop.ForAll(gen.ToArbitrary(), retired =>
        {
            var plan = PlanOf(0x40_0000_0000, 64UL << 30, retired);
            var map = BlockMap.Create(plan, perRow: 16, maxRows: 8);
            return map.BlockSize == 512UL << 20
                && (ulong)map.Whole == plan.UsableSet.WholeAlignedBlocks(map.BlockSize)
                && map.Blocks.All(b => (b.State == BlockState.Whole) == !plan.Holes.Any(h => h.Offset < b.End && h.Offset + h.Size > b.Start));
        }).Check(Properties.Seeded());
    }
}
