using EgmEcc.History;
using static EgmEcc.Tests.History.HandMadeHistory;

namespace EgmEcc.Tests.History;

public class TableCliffsTests
{
    private const ulong K64 = 64 * 1024;

    private static readonly DateTimeOffset At = Year(1);

    [Fact]
    public void ReadTable_CountsItsEntries_AndTheDateIsEntriesLeftOverTheRate()
    {
        // 4000 entries; 4097 − 4000 = 97 more at 97 pages per TiB-year on a 1 TiB region: one year.
        var cliff = TableCliffs.Of("h", Region("egm0", TiB, 5000, 4000, usable: 123), At, new RetirementRate(97, 48.5, 194), K64);
        Assert.Equal(4000, cliff.Entries);
        Assert.False(cliff.Estimated);
        Assert.Equal(96, cliff.Left);
        Assert.Equal(123UL, cliff.CostBytes);
        Assert.Equal(At.AddDays(RateFit.DaysPerYear), cliff.Overflow!.Value.Expected);
        Assert.Equal(At.AddDays(RateFit.DaysPerYear / 2), cliff.Overflow.Value.Earliest);
        Assert.Equal(At.AddDays(RateFit.DaysPerYear * 2), cliff.Overflow.Value.Latest);
    }

    [Fact]
    public void NoTable_EstimatesFromRetiredBytes_In64KPagesRoundedUp()
    {
        var fourK = TableCliffs.Of("h", Region("egm0", TiB, 17), At, null, 4096);
        Assert.True(fourK.Estimated);
        Assert.Equal(2, fourK.Entries); // 17 × 4 KiB = 68 KiB: two 64 KiB pages
        Assert.Equal(3, TableCliffs.Of("h", Region("egm0", TiB, 3), At, null, K64).Entries);
        Assert.Equal(6, TableCliffs.Of("h", Region("egm0", TiB, 3), At, null, 2 * K64).Entries);
        Assert.Equal(int.MaxValue, TableCliffs.EstimatedEntries(ulong.MaxValue, 1UL << 30));
    }

    [Fact]
    public void TheRateCountsGranules_SoAtA4KGranuleSixteenMakeAnEntry()
    {
        // 97 entries to go; 97 × 16 granules of 4 KiB per TiB-year is 97 entries a year.
        var cliff = TableCliffs.Of("h", Region("egm0", TiB, 0, 4000), At, new RetirementRate(97 * 16, 97 * 16, 97 * 16), 4096);
        Assert.Equal(At.AddDays(RateFit.DaysPerYear), cliff.Overflow!.Value.Expected);
    }

    [Fact]
    public void TheRegionsSizeScalesTheRate()
    {
        var cliff = TableCliffs.Of("h", Region("egm0", TiB / 4, 0, 4000), At, new RetirementRate(97, 97, 97), K64);
        Assert.Equal(At.AddDays(RateFit.DaysPerYear * 4), cliff.Overflow!.Value.Expected);
    }

    [Fact]
    public void AtTheLimit_OneMoreEntryOverflows()
    {
        var full = TableCliffs.Of("h", Region("egm0", TiB, 0, 4096), At, new RetirementRate(365.25, 365.25, 365.25), K64);
        Assert.Equal(0, full.Left);
        Assert.Equal(At.AddDays(1), full.Overflow!.Value.Expected);
    }

    [Fact]
    public void AlreadyOver_OverflowsNow_WhateverTheRate()
    {
        var over = TableCliffs.Of("h", Region("egm0", TiB, 4097), At, null, K64);
        Assert.True(over.Estimated);
        Assert.Equal(0, over.Left);
        Assert.Equal(new ForecastDate(At, At, At), over.Overflow);
    }

    [Fact]
    public void ZeroMeanRate_OrNoRate_HasNoDate()
    {
        Assert.Null(TableCliffs.Of("h", Region("egm0", TiB, 10), At, new RetirementRate(0, 0, 0), K64).Overflow);
        Assert.Null(TableCliffs.Of("h", Region("egm0", TiB, 10), At, null, K64).Overflow);
    }

    [Fact]
    public void ZeroP5Rate_HasNoLatestDate()
    {
        var cliff = TableCliffs.Of("h", Region("egm0", TiB, 0, 4000), At, new RetirementRate(97, 0, 194), K64);
        Assert.NotNull(cliff.Overflow);
        Assert.Null(cliff.Overflow.Value.Latest);
    }

    [Fact]
    public void PastTheLastDate_IsNoDate()
    {
        // 4097 entries at 1e-3 a year is four million years away.
        var never = TableCliffs.Of("h", Region("egm0", TiB, 0), At, new RetirementRate(1e-3, 1e-4, 1e-2), K64);
        Assert.Null(never.Overflow);

        // Expected and earliest within reach, latest not.
        var slow = TableCliffs.Of("h", Region("egm0", TiB, 0), At, new RetirementRate(10, 1e-6, 20), K64);
        Assert.Equal(At.AddDays(409.7 * RateFit.DaysPerYear).Year, slow.Overflow!.Value.Expected.Year);
        Assert.Null(slow.Overflow.Value.Latest);
    }

    [Fact]
    public void Of_History_EveryRegionOfTheLatestObservation_InHostThenRegionOrder()
    {
        var two = new HostTimeline("b", [
            new HostObservation(0, Year(0), Summary("b", Region("egm0", TiB, 0), Region("egm1", TiB, 0))),
            new HostObservation(1, Year(1), Summary("b", Region("egm0", TiB, 100), Region("egm1", TiB, 4000, usable: 7))),
        ]);
        var history = Series([Host("a", TiB, (0, 0), (1, 50)), two]);
        var report = HistoryAnalysis.Of(history, null);
        Assert.Equal([("a", "egm0"), ("b", "egm0"), ("b", "egm1")], report.Cliffs.Select(c => (c.Host, c.Region)));
        Assert.Equal([50, 100, 4000], report.Cliffs.Select(c => c.Entries));
        Assert.Equal(7UL, report.Cliffs[2].CostBytes);
        Assert.NotNull(report.Prior);
        Assert.Equal(2, report.Rates.Length);
        Assert.All(report.Cliffs, c => Assert.True(c.Overflow!.Value.Expected > Year(1)));

        // The fuller table of b, at b's rate, overflows first.
        Assert.True(report.Cliffs[2].Overflow!.Value.Expected < report.Cliffs[1].Overflow!.Value.Expected);
    }

    [Fact]
    public void Of_History_WithoutRates_HasNoDates()
    {
        var report = HistoryAnalysis.Of(Series([Host("a", TiB, (0, 50))]), null);
        Assert.Null(report.Prior);
        Assert.Empty(report.Rates);
        Assert.Null(Assert.Single(report.Cliffs).Overflow);
    }
}
