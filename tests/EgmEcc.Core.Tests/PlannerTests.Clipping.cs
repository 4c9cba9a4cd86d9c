namespace EgmEcc.Tests;

public partial class PlannerTests
{
    [Fact]
    public void Create_RecordCrossingTheRegionEnd_ClippedWarnedAndApplied()
    {
        var plan = PlanOf([Egm(0, G, 16 * M)], [At(G + (16 * M) - K64, 2 * K64, line: 7)]);

        Assert.Equal(new Accounting(1, 1, 0, 1, 0), plan.Accounting);
        Assert.Equal([new Hole((16 * M) - K64, K64, K64, 0)], plan.Regions[0].Holes.ToArray());
        Assert.Equal(
            ["warning: retired.csv:7: retired record 0x40ff0000 (128K) crosses the edge of region 'egm0' [0x40000000, 0x41000000); clipped to the region"],
            RecordWarnings(plan));
    }

    [Fact]
    public void Create_RecordStartingBeforeTheRegion_RunsIntoItAndIsClipped()
    {
        var plan = PlanOf([Egm(0, G, 16 * M)], [At(G - K64, 2 * K64, line: 2)]);

        Assert.Equal(new Accounting(1, 1, 0, 1, 0), plan.Accounting);
        Assert.Equal([new Hole(0, K64, K64, 0)], plan.Regions[0].Holes.ToArray());
        Assert.Equal(
            ["warning: retired.csv:2: retired record 0x3fff0000 (128K) crosses the edge of region 'egm0' [0x40000000, 0x41000000); clipped to the region"],
            RecordWarnings(plan));
    }

    [Fact]
    public void Create_RecordEndingExactlyAtTheRegionBase_IsOutOfRegion()
    {
        var plan = PlanOf([Egm(0, G, 16 * M)], [At(G - K64)]);

        Assert.Equal(new Accounting(1, 0, 0, 0, 1), plan.Accounting);
    }

    [Fact]
    public void Create_RegionRelativeRecordCrossingTheEnd_IsClipped()
    {
        var plan = PlanOf([Egm(0, G, 16 * M)], [In("egm0", (16 * M) - K4, K64)]);

        Assert.Equal(new Accounting(1, 1, 0, 1, 0), plan.Accounting);
        Assert.Equal([new Hole((16 * M) - K64, K64, K64, 0)], plan.Regions[0].Holes.ToArray());
        Assert.Equal(
            ["warning: retired.csv:1: retired record egm0+0xfff000 (64K) crosses the edge of region 'egm0' [0x40000000, 0x41000000); clipped to the region"],
            RecordWarnings(plan));
    }

    [Fact]
    public void Create_HugeRecordRunningPast2Pow64_IsClippedWithoutOverflow()
    {
        var plan = PlanOf([Egm(0, G, 16 * M)], [At(G + (15 * M), ulong.MaxValue), In("egm0", 15 * M, ulong.MaxValue)]);

        Assert.Equal(new Accounting(2, 1, 1, 2, 0), plan.Accounting);
        Assert.Equal([new Hole(15 * M, M, M, 0)], plan.Regions[0].Holes.ToArray());
    }

    [Fact]
    public void Create_RecordWithinTheRegion_IsNotClippedEvenIfWideningReachesTheEnd()
    {
        // Region size is not a multiple of L: widening is clipped to the region silently.
        var plan = PlanOf([Egm(0, G, (16 * M) + 0x8000)], [At(G + (16 * M), K4)]);

        Assert.Equal(new Accounting(1, 1, 0, 0, 0), plan.Accounting);
        Assert.Equal([new Hole(16 * M, 0x8000, 0x8000, 0)], plan.Regions[0].Holes.ToArray());
        Assert.Empty(RecordWarnings(plan));
    }
}
