namespace EgmEcc.Tests;

/// <summary>
/// docs/design.md §2: a corrected error names an at-risk page, counted and listed per region and
/// left usable, unless the options retire corrected errors.
/// </summary>
public partial class PlannerTests
{
    private static RetiredRecord Corrected(ulong address, ulong size = 0, int line = 1, string? host = null) =>
        RetiredRecord.AtAddress(address, size, Line(line), host, RecordKind.AtRisk);

    [Fact]
    public void Create_AtRiskRecord_IsListedAndLeftUsable()
    {
        var plan = PlanOf([Egm(0, G, 16 * M)], [Corrected(G + M + 0x1000, 0x100)]);
        var region = plan.Regions[0];

        Assert.Empty(region.Holes);
        Assert.Equal([R(0, 16 * M)], region.Usable.ToArray());
        Assert.Equal([R(M, K64)], region.AtRisk.ToArray());
        Assert.Equal(K64, region.Stats.AtRiskBytes);
        Assert.Equal(1UL, region.Stats.AtRiskPages);
        Assert.Equal(0, region.Stats.AppliedRecords);
        Assert.Equal(new Accounting(1, 0, 0, 0, 0, AtRisk: 1), plan.Accounting);
        Assert.Empty(plan.Diagnostics);
    }

    [Fact]
    public void Create_AtRiskRecord_IsWidenedToTheGranuleNotTheLayoutGranule()
    {
        // G = 4K, P = 64K: a retired 4K page costs 64K of layout, an at-risk one is 4K at risk.
        var plan = PlanOf([Egm(0, G, 16 * M)], [Corrected(G + M + 0x1800, 0x10)], Options(granule: K4));

        Assert.Equal([R(M + 0x1000, K4)], plan.Regions[0].AtRisk.ToArray());
        Assert.Equal(1UL, plan.Regions[0].Stats.AtRiskPages);
    }

    [Fact]
    public void Create_AtRiskPagesThatTouch_MergeIntoOneRange()
    {
        var plan = PlanOf([Egm(0, G, 16 * M)], [Corrected(G + M + K64), Corrected(G + M), Corrected(G + M + 0x100), Corrected(G + (4 * M))]);

        Assert.Equal([R(M, 2 * K64), R(4 * M, K64)], plan.Regions[0].AtRisk.ToArray());
        Assert.Equal(3UL, plan.Regions[0].Stats.AtRiskPages);

        // Every at-risk record counts, repeats too: at-risk records have no duplicates.
        Assert.Equal(new Accounting(4, 0, 0, 0, 0, AtRisk: 4), plan.Accounting);
    }

    [Fact]
    public void Create_AtRiskOverlappingAHole_OnlyItsUsablePartIsAtRisk()
    {
        // A retired page at 1M; a corrected error over it and the next page; one inside the hole.
        var plan = PlanOf([Egm(0, G, 16 * M)], [At(G + M), Corrected(G + M, 2 * K64), Corrected(G + M + 0x10)]);
        var region = plan.Regions[0];

        Assert.Equal([new Hole(M, K64, K64, 0)], region.Holes.ToArray());
        Assert.Equal([R(M + K64, K64)], region.AtRisk.ToArray());
        Assert.Equal(K64, region.Stats.AtRiskBytes);

        // The one in the hole is still an at-risk record: it lies in the region.
        Assert.Equal(new Accounting(3, 1, 0, 0, 0, AtRisk: 2), plan.Accounting);
    }

    [Fact]
    public void Create_AtRiskInAFragment_IsNotAtRisk()
    {
        // Retired pages around a 64K gap shorter than E = 128K: the gap is fragment, not usable.
        var plan = PlanOf([Egm(0, G, 16 * M)], [At(G + M), At(G + M + (2 * K64)), Corrected(G + M + K64)], Options(minExtent: 2 * K64));

        Assert.Equal([new Hole(M, 3 * K64, 2 * K64, K64)], plan.Regions[0].Holes.ToArray());
        Assert.Empty(plan.Regions[0].AtRisk);
        Assert.Equal(0UL, plan.Regions[0].Stats.AtRiskBytes);
    }

    [Fact]
    public void Create_RetireCorrected_AtRiskRecordsRetireLikeAnyOther()
    {
        var options = new PlanOptions(retireCorrected: true);

        var plan = PlanOf([Egm(0, G, 16 * M)], [Corrected(G + M + 0x1000, 0x100), Corrected(G + M), At(G + (2 * M))], options);
        var region = plan.Regions[0];

        Assert.Equal([new Hole(M, K64, K64, 0), new Hole(2 * M, K64, K64, 0)], region.Holes.ToArray());
        Assert.Empty(region.AtRisk);
        Assert.Equal(0UL, region.Stats.AtRiskPages);
        Assert.Equal(new Accounting(3, 2, 1, 0, 0, AtRisk: 0), plan.Accounting);
    }

    [Fact]
    public void Create_AtRiskInNoRegion_IsOutOfRegionAndSaysWhatItIs()
    {
        var plan = PlanOf([Egm(0, G, 16 * M)], [Corrected(3 * G, line: 6)]);

        Assert.Equal(new Accounting(1, 0, 0, 0, 1, AtRisk: 0), plan.Accounting);
        Assert.Equal(
            "warning: retired.csv:6: at-risk record (corrected error) at 0xc0000000 (64K) lies in no region; counted out-of-region",
            Assert.Single(RecordWarnings(plan)));
    }

    [Fact]
    public void Create_AtRiskAcrossARegionEdge_IsClippedAndSplit()
    {
        // Over the end of egm0, a gap, and into egm1.
        var plan = PlanOf([Egm(0, G, 16 * M), Egm(1, G + (32 * M), 16 * M)], [Corrected(G + (16 * M) - K64, (16 * M) + (2 * K64), line: 2)]);

        Assert.Equal([R((16 * M) - K64, K64)], plan.Regions[0].AtRisk.ToArray());
        Assert.Equal([R(0, K64)], plan.Regions[1].AtRisk.ToArray());
        Assert.Equal(new Accounting(1, 0, 0, 1, 0, AtRisk: 1), plan.Accounting);
        Assert.StartsWith("warning: retired.csv:2: at-risk record (corrected error) 0x40ff0000", Assert.Single(RecordWarnings(plan)), StringComparison.Ordinal);
    }

    [Fact]
    public void Create_AtRiskCoveringRegionsWhole_EveryRegionIsAtRisk()
    {
        Region[] regions = [Egm(0, G, 16 * M), Egm(1, G + (16 * M), 16 * M), Egm(2, G + (32 * M), 16 * M)];

        var plan = PlanOf(regions, [Corrected(0, ulong.MaxValue), Corrected(G, 48 * M), In("egm1", M)]);

        Assert.Equal([R(0, 16 * M), R(0, M), R(M + K64, 15 * M - K64), R(0, 16 * M)], plan.Regions.SelectMany(r => r.AtRisk).ToArray());
        Assert.Equal(new Accounting(3, 1, 0, 1, 0, AtRisk: 2), plan.Accounting);
    }
}
