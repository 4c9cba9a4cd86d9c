using System.Diagnostics;
using EgmEcc.Fleet;
using EgmEcc.History;
using EgmEcc.Reporting;
using EgmEcc.Tests;
using static EgmEcc.Tests.DashboardSamples;

namespace EgmEcc.Core.Tests.Reporting;

public class FleetDashboardTests
{
    [Fact]
    public void Histogram_CountsEveryHostOnce_NothingLostApart()
    {
        var dashboard = FleetDashboard.Create(SampleFleet());

        Assert.Equal(10, dashboard.Histogram.Sum(b => b.Hosts));
        Assert.True(dashboard.Histogram[0].NothingLost);
        Assert.Equal(1, dashboard.Histogram[0].Hosts);
        Assert.All(dashboard.Histogram.Skip(1), b => Assert.False(b.NothingLost));
    }

    [Fact]
    public void Histogram_BoundsAreExact_AShareOnAStepIsInThatStepsBar()
    {
        // One page of 100,000 is exactly 0.001 % lost: the bar (0.0005, 0.001], not the next.
        var host = Host("x", new RegionSummary("egm0", 0, 100_000 * Page, 99_999 * Page, [0, 0, 0, 0], 0, 0, 1));
        var above = Host("y", new RegionSummary("egm0", 0, 100_000 * Page, 99_999 * Page - 1, [0, 0, 0, 0], 0, 0, 1));

        var bins = UsableBin.Of([host, above]);

        Assert.Equal(new LossStep(1, -3), bins[1].AtMost);
        Assert.Equal(1, bins[1].Hosts);
        Assert.Equal(new LossStep(2, -3), bins[^1].AtMost);
        Assert.Equal(1, bins[^1].Hosts);
    }

    [Fact]
    public void Histogram_SpansTheStepsHoldingHosts_WithEmptyBarsBetween()
    {
        var bins = FleetDashboard.Create(SampleFleet()).Histogram;

        Assert.True(bins[1].Hosts > 0);
        Assert.True(bins[^1].Hosts > 0);
        var steps = bins.Skip(1).Select(b => UsableBin.Steps.IndexOf(b.AtMost!.Value)).ToArray();
        Assert.Equal(Enumerable.Range(steps[0], steps.Length), steps);
    }

    [Fact]
    public void WorstHosts_LeastUsableShareFirst_ThenFullestTable_ThenName()
    {
        var worst = FleetDashboard.Create(SampleFleet()).WorstHosts;

        Assert.Equal("gh-a03", worst[0].Host);
        Assert.Equal("gh-a02", worst[^1].Host);
        for (var i = 1; i < worst.Length; i++)
        {
            Assert.True(FleetDashboard.CompareWorst(worst[i - 1], worst[i]) < 0, $"{worst[i - 1].Host} before {worst[i].Host}");
        }
    }

    [Fact]
    public void WorstHosts_SameShare_FullerTableFirst()
    {
        var a = Host("a", Region("egm0", 0, 448, 10, 10));
        var b = Host("b", Region("egm0", 0, 448, 10, 20));

        Assert.True(FleetDashboard.CompareWorst(b, a) < 0);
    }

    [Fact]
    public void WorstHosts_AtMostTheRowsAskedFor_TheSameAsAFullSort()
    {
        var fleet = SampleFleet();

        var worst = FleetDashboard.Create(fleet, null, new DashboardOptions { HostRows = 3 });

        Assert.Equal(fleet.Hosts.Order(Comparer<HostSummary>.Create(FleetDashboard.CompareWorst)).Take(3).Select(h => h.Host), worst.WorstHosts.Select(h => h.Host));
        Assert.Equal(7, worst.HostsNotListed);
    }

    [Fact]
    public void Cliffs_WithoutHistory_FewestLeftFirst_EstimatedWhereNoTableWasRead()
    {
        var dashboard = FleetDashboard.Create(SampleFleet());

        Assert.False(dashboard.CliffsForecast);
        Assert.Equal(("gh-a03", "egm0", 3700, false), (dashboard.Cliffs[0].Host, dashboard.Cliffs[0].Region, dashboard.Cliffs[0].Entries, dashboard.Cliffs[0].Estimated));
        Assert.Equal(("gh-b02", "egm0"), (dashboard.Cliffs[1].Host, dashboard.Cliffs[1].Region));
        Assert.Contains(dashboard.Cliffs, c => c is { Host: "gh-a04", Region: "egm0", Entries: 200, Estimated: true });
        Assert.DoesNotContain(dashboard.Cliffs, c => c.Entries == 0);
        Assert.True(dashboard.Cliffs.Select(c => c.Left).SequenceEqual(dashboard.Cliffs.Select(c => c.Left).Order()));
    }

    [Fact]
    public void Cliffs_AtMostTheRowsAskedFor_CountingTheRest()
    {
        var dashboard = FleetDashboard.Create(SampleFleet(), null, new DashboardOptions { CliffRows = 2 });

        Assert.Equal(2, dashboard.Cliffs.Length);
        Assert.Equal(SampleFleet().Hosts.SelectMany(h => h.Regions).Count(r => r.RetiredPages > 0), dashboard.CliffCandidates);
    }

    [Fact]
    public void Cliffs_WithHistory_SoonestOverflowFirst()
    {
        var history = SampleHistory();

        var dashboard = FleetDashboard.Create(FleetDashboard.LatestFleet(history), history);

        Assert.True(dashboard.CliffsForecast);
        Assert.Equal(("h2", "egm0"), (dashboard.Cliffs[0].Host, dashboard.Cliffs[0].Region));
        Assert.Equal(("h1", "egm0"), (dashboard.Cliffs[1].Host, dashboard.Cliffs[1].Region));
        Assert.Equal(("h2", "egm1"), (dashboard.Cliffs[2].Host, dashboard.Cliffs[2].Region));
    }

    [Fact]
    public void LatestFleet_HostsOfTheLastSnapshot_AtTheirLatestFigures()
    {
        var fleet = FleetDashboard.LatestFleet(SampleHistory());

        Assert.Equal(["h1", "h2", "h4"], fleet.Hosts.Select(h => h.Host));
        Assert.Equal(3650UL + 30, fleet.Hosts[1].RetiredPages);
    }

    [Fact]
    public void Timeline_TotalsPerSnapshot_NewPagesOnlyFromEachHostsPreviousObservation()
    {
        var history = SampleHistory();

        var timeline = FleetDashboard.Create(FleetDashboard.LatestFleet(history), history).Timeline;

        Assert.Equal([3L, 3, 3, 3], timeline.Select(t => t.Hosts));
        Assert.Equal([0, 2 + 500 + 5, 2 + 500, 2 + 250 + 2], timeline.Select(t => (int)t.NewRetiredPages));
        Assert.Equal((UInt128)(12 + 4 + 2900 + 30 + 55), timeline[1].RetiredPages);
        Assert.Equal(3400, timeline[2].TableEntries);
    }

    [Fact]
    public void Timeline_FewerRetiredPagesThanBefore_AddsNoNewPages()
    {
        var at = SampleHistory().History.Snapshots;
        var history = new FleetHistory
        {
            Options = PlanOptions.Default,
            Snapshots = at[..3],
            Hosts = [new HostTimeline("h", [.. new ulong[] { 10, 5, 8 }.Select((n, s) => new HostObservation(s, at[s].At, Host("h", Region("egm0", 0, 448, n))))])],
        };

        Assert.Equal([0, 0, 3], SnapshotTotals.Of(history).Select(t => (int)t.NewRetiredPages));
    }

    [Fact]
    public void Fan_StartsAtUsableNow_LosesPagesAtTheRates_AndTheCliffAtItsDate()
    {
        var history = SampleHistory();
        var fleet = FleetDashboard.LatestFleet(history);

        var fan = FleetDashboard.Create(fleet, history).Fan!;

        var now = fleet.Totals.UsableBytes;
        Assert.Equal(SampleHistory().History.Snapshots[^1].At, fan.Points[0].At);
        Assert.Equal((now, now, now), (fan.Points[0].Mean, fan.Points[0].P5, fan.Points[0].P95));
        Assert.Equal(1, fan.HostsOnPrior);
        var expectedPerYear = (25 * 896 / 1024.0) + (3300 * 896 / 1024.0) + (40 * 928 / 1024.0);
        Assert.Equal(expectedPerYear, fan.PagesPerYear, 6);
        Assert.All(fan.Points, p => Assert.True(p.P5 <= p.Mean && p.Mean <= p.P95, $"{p.At}: {p.P5} <= {p.Mean} <= {p.P95}"));
        for (var i = 1; i < fan.Points.Length; i++)
        {
            Assert.True(fan.Points[i].Mean <= fan.Points[i - 1].Mean);
        }

        // A year on: the pages at the rates, and h2's egm0 refused at its expected date (2027-03-10).
        var cost = (448 * GiB) - (3650 * Page);
        var pagesLost = (UInt128)Math.Round(expectedPerYear * Page);
        Assert.Equal(now - pagesLost - cost, fan.Points[^1].Mean);
        var before = fan.Points.Last(p => p.At < new DateTimeOffset(2027, 3, 10, 0, 0, 0, TimeSpan.Zero));
        Assert.True(now - before.Mean < cost);
    }

    [Fact]
    public void Fan_None_WithoutRatesOrPrior()
    {
        var history = SampleHistory() with { Prior = null, Rates = [] };

        Assert.Null(FleetDashboard.Create(FleetDashboard.LatestFleet(history), history).Fan);
        Assert.Null(FleetDashboard.Create(SampleFleet()).Fan);
    }

    [Fact]
    public void Create_TenThousandHosts_KeepsOnlyWhatItLists()
    {
        var hosts = Enumerable.Range(0, 10_000)
            .Select(i => Host($"h{i:D5}", Region("egm0", 0, 448, (ulong)(i * 7919 % 500), null), Region("egm1", 1, 448, (ulong)(i % 13), i % 13)))
            .ToArray();
        var fleet = new FleetReport { Options = PlanOptions.Default, Hosts = [.. hosts] };
        var clock = Stopwatch.StartNew();

        var dashboard = FleetDashboard.Create(fleet);

        Assert.True(clock.Elapsed < TimeSpan.FromSeconds(5), $"took {clock.Elapsed}");
        Assert.Equal(200, dashboard.WorstHosts.Length);
        Assert.Equal(20, dashboard.Cliffs.Length);
        Assert.Equal(10_000, dashboard.Histogram.Sum(b => b.Hosts));
        Assert.Equal(9_800, dashboard.HostsNotListed);
        Assert.Equal(hosts.Order(Comparer<HostSummary>.Create(FleetDashboard.CompareWorst)).Take(200).Select(h => h.Host), dashboard.WorstHosts.Select(h => h.Host));
    }

    [Fact]
    public void EstimatedEntries_RetiredBytesIn64KiBPages_RoundedUp()
    {
        Assert.Equal(3, FleetDashboard.EstimatedEntries(3, 64 * 1024));
        Assert.Equal(1, FleetDashboard.EstimatedEntries(3, 4096));
        Assert.Equal(8, FleetDashboard.EstimatedEntries(4, 128 * 1024));
        Assert.Equal(int.MaxValue, FleetDashboard.EstimatedEntries(ulong.MaxValue, 1UL << 40));
    }
}
