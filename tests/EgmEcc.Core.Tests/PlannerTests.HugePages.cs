namespace EgmEcc.Tests;

public partial class PlannerTests
{
    [Fact]
    public void Create_OneRetiredPage_CostsTheBlockOfEachHugePageSize()
    {
        var plan = PlanOf([Egm(0, G, 8 * M)], [At(G + (2 * M) + K64)], Options(hugePages: [2 * M, 4 * M, 8 * M]));

        Assert.Equal(
            [new HugePageCapacity(2 * M, 3, 4), new HugePageCapacity(4 * M, 1, 2), new HugePageCapacity(8 * M, 0, 1)],
            plan.Regions[0].Stats.HugePageCapacity.ToArray());
        Assert.Equal([1UL, 1UL, 1UL], plan.Regions[0].Stats.HugePageCapacity.Select(h => h.Lost).ToArray());
    }

    [Fact]
    public void Create_NoRecords_CapacityIsIdeal_FloorOfSize()
    {
        var plan = PlanOf([Egm(0, G, (5 * M) + K64)], [], Options(hugePages: [2 * M, 8 * M]));

        Assert.Equal([new HugePageCapacity(2 * M, 2, 2), new HugePageCapacity(8 * M, 0, 0)], plan.Regions[0].Stats.HugePageCapacity.ToArray());
    }

    [Fact]
    public void Create_ExtentNotStartingOnABlock_CountsOnlyAlignedBlocksInRegionOffset()
    {
        // Usable [64K, 8M): [64K, 2M) is no whole aligned block, so only the three from 2M count.
        var plan = PlanOf([Egm(0, G, 8 * M)], [At(G)], Options(hugePages: [2 * M]));

        Assert.Equal(new HugePageCapacity(2 * M, 3, 4), Assert.Single(plan.Regions[0].Stats.HugePageCapacity));
    }

    [Fact]
    public void Create_BaseNotHugePageAligned_WarnsPerSizeAndCountsInRegionOffset()
    {
        var @base = G + M;
        var plan = PlanOf([Egm(0, @base, 8 * M)], [], Options(hugePages: [M, 2 * M, 4 * M]));

        Assert.Equal(
            [
                "warning: regions.csv:2: region 'egm0' base 0x40100000 is not 2M-aligned; its 2M capacity counts blocks aligned in region offset, which the host cannot map as 2M pages",
                "warning: regions.csv:2: region 'egm0' base 0x40100000 is not 4M-aligned; its 4M capacity counts blocks aligned in region offset, which the host cannot map as 4M pages",
            ],
            plan.Diagnostics.Select(d => d.ToString()).ToArray());
        Assert.Equal([8UL, 4UL, 2UL], plan.Regions[0].Stats.HugePageCapacity.Select(h => h.Count).ToArray());
    }

    [Fact]
    public void Create_Diagnostics_RegionWarningsFirstThenRecordsInInputOrder()
    {
        var plan = PlanOf([Egm(0, G + M, 8 * M)], [At(0, line: 3), At(1, line: 1), At(2, line: 2)], Options(hugePages: [2 * M]));

        Assert.Equal(["regions.csv:2", "retired.csv:3", "retired.csv:1", "retired.csv:2"], plan.Diagnostics.Select(d => d.Source.ToString()).ToArray());
    }

    [Fact]
    public void Create_NoHugePageSizes_HasNoCapacityAndNoWarnings()
    {
        var plan = PlanOf([Egm(0, G + 0x1_0000, 8 * M)], [], Options(hugePages: []));

        Assert.Empty(plan.Regions[0].Stats.HugePageCapacity);
        Assert.Empty(plan.Diagnostics);
    }

    [Fact]
    public void Create_DefaultOptions_CountsTheFourDefaultSizes()
    {
        var plan = PlanOf([Egm(0, 4 * G, 2 * G)], [At((4 * G) + K64)]);

        Assert.Equal(
            [new HugePageCapacity(2 * M, 1023, 1024), new HugePageCapacity(32 * M, 63, 64), new HugePageCapacity(512 * M, 3, 4), new HugePageCapacity(G, 1, 2)],
            plan.Regions[0].Stats.HugePageCapacity.ToArray());
    }

    [Theory]
    [InlineData(0UL, 0UL, 2UL, 0UL)]
    [InlineData(0UL, 2UL, 2UL, 1UL)]
    [InlineData(1UL, 4UL, 2UL, 1UL)]
    [InlineData(1UL, 5UL, 2UL, 1UL)]
    [InlineData(1UL, 6UL, 2UL, 2UL)]
    [InlineData(2UL, 3UL, 2UL, 0UL)]
    [InlineData(0UL, ulong.MaxValue, 1UL << 63, 1UL)]
    [InlineData(1UL, ulong.MaxValue, 1UL << 63, 0UL)]
    public void WholeBlocks_Table(ulong start, ulong end, ulong h, ulong expected)
    {
        Assert.Equal(expected, Planner.WholeBlocks(start, end, h));
    }
}
