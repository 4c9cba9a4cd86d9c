namespace EgmEcc.Tests;

public partial class PlannerTests
{
    [Fact]
    public void Create_RecordNamingItsRegion_AppliesAtTheOffset()
    {
        var plan = PlanOf([Egm(0, 0x10 * G, 16 * M), Egm(1, 0x20 * G, 16 * M)], [In("egm1", 0x2_0000)]);

        Assert.Empty(plan.Regions[0].Holes);
        Assert.Equal([new Hole(0x2_0000, K64, K64, 0)], plan.Regions[1].Holes.ToArray());
        Assert.Equal(new Accounting(1, 1, 0, 0, 0), plan.Accounting);
    }

    [Fact]
    public void Create_RecordByAddress_AttributedToTheRegionContainingIt()
    {
        var plan = PlanOf([Egm(1, 2 * G, 16 * M), Egm(0, 1 * G, 16 * M)], [At((2 * G) + 0x5_0000)]);

        Assert.Equal(["egm0", "egm1"], plan.Regions.Select(r => r.Region.Id).ToArray());
        Assert.Empty(plan.Regions[0].Holes);
        Assert.Equal([new Hole(0x5_0000, K64, K64, 0)], plan.Regions[1].Holes.ToArray());
        Assert.Equal(1, plan.Regions[1].Stats.AppliedRecords);
    }

    [Fact]
    public void Create_RecordNamingAnUnknownRegion_ThrowsInputExceptionAtTheRecord()
    {
        var regions = RegionSet.Create([Egm(0, G, 16 * M)]);

        var e = Assert.Throws<InputException>(() => Planner.Create(regions, [In("egm0", 0, line: 2), In("egm9", 0, line: 3)], PlanOptions.Default));

        Assert.Equal(Line(3), e.Location);
        Assert.Equal("record names region 'egm9', which no input defines", e.Message);
    }

    [Fact]
    public void Create_RecordNamingARegionOfAnotherHost_ThrowsNamingTheHost()
    {
        var regions = RegionSet.Create([Egm(0, G, 16 * M, "h1"), Egm(1, G, 16 * M, "h2")]);

        var e = Assert.Throws<InputException>(() => Planner.Create(regions, [In("egm1", 0, host: "h1")], PlanOptions.Default));

        Assert.Equal("record names region 'egm1' of host 'h1', which no input defines", e.Message);
    }

    [Fact]
    public void Create_SeveralHostsAndARecordNamingNone_ThrowsInputException()
    {
        var regions = RegionSet.Create([Egm(0, G, 16 * M, "h1"), Egm(0, G, 16 * M, "h2")]);

        var e = Assert.Throws<InputException>(() => Planner.Create(regions, [At(G, line: 4)], PlanOptions.Default));

        Assert.Equal(Line(4), e.Location);
        Assert.Equal("the record names no host, but the regions describe 2 hosts; add a 'host' column", e.Message);
    }

    [Fact]
    public void Create_RecordNamingAnUnknownHost_ThrowsInputException()
    {
        var regions = RegionSet.Create([Egm(0, G, 16 * M, "h1")]);

        var e = Assert.Throws<InputException>(() => Planner.Create(regions, [At(G, host: "h9", line: 5)], PlanOptions.Default));

        Assert.Equal(Line(5), e.Location);
        Assert.Equal("the record names host 'h9', which no region input defines", e.Message);
    }

    [Fact]
    public void Create_RecordNamingAHostWhenRegionsNameNone_ThrowsInputException()
    {
        var regions = RegionSet.Create([Egm(0, G, 16 * M)]);

        var e = Assert.Throws<InputException>(() => Planner.Create(regions, [At(G, host: "h1")], PlanOptions.Default));

        Assert.Equal("the record names host 'h1', which no region input defines", e.Message);
    }

    [Fact]
    public void Create_SameSpaOnTwoHosts_RecordGoesToItsOwnHost()
    {
        var plan = PlanOf([Egm(0, G, 16 * M, "h1"), Egm(0, G, 16 * M, "h2")], [At(G + K64, host: "h2"), At(G + (2 * K64), host: "h1")]);

        Assert.Equal([new Hole(2 * K64, K64, K64, 0)], plan.Regions[0].Holes.ToArray());
        Assert.Equal([new Hole(K64, K64, K64, 0)], plan.Regions[1].Holes.ToArray());
    }

    [Fact]
    public void Create_OneNamedHostAndARecordNamingNone_UsesThatHost()
    {
        var plan = PlanOf([Egm(0, G, 16 * M, "gb200-a")], [At(G), In("egm0", K64)]);

        Assert.Equal([new Hole(0, 2 * K64, 2 * K64, 0)], plan.Regions[0].Holes.ToArray());
        Assert.Equal(new Accounting(2, 2, 0, 0, 0), plan.Accounting);
    }

    [Fact]
    public void Create_RecordInNoRegion_CountedAndWarnedAtItsLine()
    {
        var plan = PlanOf([Egm(0, G, 16 * M)], [At(G), At(3 * G, line: 2), At(G + K64, line: 3)]);

        Assert.Equal(new Accounting(3, 2, 0, 0, 1), plan.Accounting);
        var warning = Assert.Single(plan.Diagnostics);
        Assert.Equal(Severity.Warning, warning.Severity);
        Assert.Equal(Line(2), warning.Source);
        Assert.Equal("retired record at 0xc0000000 (64K) lies in no region; counted out-of-region", warning.Message);
        Assert.Equal("warning: retired.csv:2: retired record at 0xc0000000 (64K) lies in no region; counted out-of-region", warning.ToString());
    }

    [Fact]
    public void Create_RecordInNoRegionOfItsHost_WarningNamesTheHost()
    {
        var plan = PlanOf([Egm(0, G, 16 * M, "h1"), Egm(0, 2 * G, 16 * M, "h2")], [At(2 * G, 4 * K, host: "h1")]);

        Assert.Equal(1, plan.Accounting.OutOfRegion);
        Assert.Equal("retired record at 0x80000000 (4K) lies in no region of host 'h1'; counted out-of-region", Assert.Single(plan.Diagnostics).Message);
    }

    [Theory]
    [InlineData(16 * M, true)]
    [InlineData(16 * M + 1, true)]
    [InlineData(ulong.MaxValue, true)]
    [InlineData(16 * M - 1, false)]
    public void Create_RegionRelativeOffsetAtOrPastTheEnd_CountedOutOfRegion(ulong offset, bool outOfRegion)
    {
        var plan = PlanOf([Egm(0, G, 16 * M)], [In("egm0", offset, 1, line: 9)]);

        Assert.Equal(outOfRegion ? 1 : 0, plan.Accounting.OutOfRegion);
        if (outOfRegion)
        {
            Assert.Equal(
                $"warning: retired.csv:9: retired record at offset 0x{offset:x} of region 'egm0' lies past its end (size 0x1000000); counted out-of-region",
                Assert.Single(plan.Diagnostics).ToString());
        }
    }

    [Fact]
    public void Create_RecordBetweenTwoRegions_IsOutOfRegion()
    {
        var plan = PlanOf([Egm(0, G, 16 * M), Egm(1, G + (32 * M), 16 * M)], [At(G + (16 * M)), At(G + (32 * M) - K64)]);

        Assert.Equal(new Accounting(2, 0, 0, 0, 2), plan.Accounting);
        Assert.All(plan.Regions, r => Assert.Empty(r.Holes));
    }

    [Fact]
    public void Create_NoRegions_EveryAddressRecordIsOutOfRegion()
    {
        var plan = PlanOf([], [At(0), At(ulong.MaxValue)]);

        Assert.Empty(plan.Regions);
        Assert.Equal(new Accounting(2, 0, 0, 0, 2), plan.Accounting);
    }
}
