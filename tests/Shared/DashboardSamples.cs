using System.Collections.Immutable;
using EgmEcc.Fleet;
using EgmEcc.History;

namespace EgmEcc.Tests;

/// <summary>
/// A hand-built fleet of 10 hosts and a small history of 4 of them, for the fleet dashboard
/// (docs/design.md §4.15): every figure is chosen, so a test can say which host is worst, which
/// table is nearest the cliff and what the fan starts from.
/// </summary>
internal static class DashboardSamples
{
    public const ulong GiB = 1UL << 30;

    public const ulong Page = 64 * 1024;

    /// <summary>When the sample page was made.</summary>
    public static readonly DateTimeOffset Made = new(2026, 11, 30, 12, 0, 0, TimeSpan.Zero);

    /// <summary>A region of <paramref name="gib"/> GiB that lost <paramref name="retired"/> 64 KiB pages.</summary>
    public static RegionSummary Region(string id, int node, ulong gib, ulong retired, int? table = null, ulong atRisk = 0) =>
        new(id, node, gib * GiB, (gib * GiB) - (retired * Page), [(gib * GiB - (retired * Page)) / (2UL << 20), 0, 0, 0], 0, atRisk, retired, table);

    public static HostSummary Host(string name, params RegionSummary[] regions) => new()
    {
        Host = name,
        Regions = [.. regions],
        Accounting = new Accounting(regions.Sum(r => (long)r.RetiredPages), regions.Sum(r => (long)r.RetiredPages), 0, 0, 0),
        Warnings = 0,
        VmFit = 0,
        TableEntries = regions.Max(r => r.TableEntries),
    };

    /// <summary>
    /// Ten hosts: one that lost nothing, one near the table cliff (3,700 entries read), one of odd
    /// name (its anchor must be escaped), one with at-risk pages, one with a single small region.
    /// </summary>
    public static FleetReport SampleFleet() => new()
    {
        Options = PlanOptions.Default,
        Hosts =
        [
            Host("gh-a01", Region("egm0", 0, 448, 12, 12), Region("egm1", 1, 448, 3)),
            Host("gh-a02", Region("egm0", 0, 448, 0, 0), Region("egm1", 1, 448, 0, 0)),
            Host("gh-a03", Region("egm0", 0, 448, 3700, 3700), Region("egm1", 1, 448, 40, 40)),
            Host("gh-a04", Region("egm0", 0, 448, 200), Region("egm1", 1, 448, 180)),
            Host("gh-a05", Region("egm0", 0, 448, 1), Region("egm1", 1, 448, 2, null, 5)),
            Host("gh-b01", Region("egm0", 0, 208, 64)),
            Host("gh-b02", Region("egm0", 0, 208, 900, 900), Region("egm1", 1, 208, 10, 10)),
            Host("gh-c01", Region("egm0", 0, 464, 20), Region("egm1", 1, 464, 20)),
            Host("gh-c02", Region("egm0", 0, 464, 5), Region("egm1", 1, 464, 7)),
            Host("rack 7/\"gpu\" <x>", Region("egm0", 0, 448, 30), Region("egm1", 1, 448, 31)),
        ],
    };

    public static readonly ImmutableArray<Snapshot> Snapshots =
    [
        new("fleet-2026-06-01", new DateTimeOffset(2026, 6, 1, 0, 0, 0, TimeSpan.Zero)),
        new("fleet-2026-08-01", new DateTimeOffset(2026, 8, 1, 0, 0, 0, TimeSpan.Zero)),
        new("fleet-2026-10-01", new DateTimeOffset(2026, 10, 1, 0, 0, 0, TimeSpan.Zero)),
        new("fleet-2026-11-01", new DateTimeOffset(2026, 11, 1, 0, 0, 0, TimeSpan.Zero)),
    ];

    /// <summary>
    /// Four hosts over four snapshots: h1 steady, h2 retiring fast toward its table's cliff, h3
    /// gone after the second snapshot (its cliff, soonest of all, is of no host
    /// of the fleet now), h4 new in the third; rates for h1 and h2, the prior for
    /// the rest, and h2's egm0 overflowing within the year.
    /// </summary>
    public static HistoryReport SampleHistory()
    {
        HostObservation Obs(int s, HostSummary summary) => new(s, Snapshots[s].At, summary);
        var timelines = ImmutableArray.Create(
            new HostTimeline("h1", [.. Enumerable.Range(0, 4).Select(s => Obs(s, Host("h1", Region("egm0", 0, 448, 10 + (ulong)s * 2, 10 + s * 2), Region("egm1", 1, 448, 4, 4))))]),
            new HostTimeline("h2", [.. new[] { 2400, 2900, 3400, 3650 }.Select((n, s) => Obs(s, Host("h2", Region("egm0", 0, 448, (ulong)n, n), Region("egm1", 1, 448, 30, 30))))]),
            new HostTimeline("h3", [Obs(0, Host("h3", Region("egm0", 0, 208, 50))), Obs(1, Host("h3", Region("egm0", 0, 208, 55)))]),
            new HostTimeline("h4", [Obs(2, Host("h4", Region("egm0", 0, 464, 0, 0), Region("egm1", 1, 464, 1, 1))), Obs(3, Host("h4", Region("egm0", 0, 464, 2, 2), Region("egm1", 1, 464, 1, 1)))]));
        var overflow = new ForecastDate(new DateTimeOffset(2027, 3, 10, 0, 0, 0, TimeSpan.Zero), new DateTimeOffset(2027, 1, 20, 0, 0, 0, TimeSpan.Zero), new DateTimeOffset(2027, 6, 1, 0, 0, 0, TimeSpan.Zero));
        return new HistoryReport
        {
            History = new FleetHistory
            {
                Options = PlanOptions.Default,
                Snapshots = Snapshots,
                Hosts = timelines,
                Changes = [new HistoryChange("h4", 2, HistoryChangeKind.Appeared, "new"), new HistoryChange("h3", 2, HistoryChangeKind.Vanished, "gone")],
            },
            Prior = new RatePrior(new RetirementRate(40, 2, 150), 0.8, 0.02),
            Rates =
            [
                new HostRate("h1", new RetirementRate(25, 12, 42), 6, 0.37, 3),
                new HostRate("h2", new RetirementRate(3300, 2900, 3700), 1250, 0.37, 3),
            ],
            Cliffs =
            [
                new TableCliff("h1", "egm0", 16, false, new ForecastDate(new DateTimeOffset(2370, 1, 1, 0, 0, 0, TimeSpan.Zero), new DateTimeOffset(2200, 1, 1, 0, 0, 0, TimeSpan.Zero), null), 448 * GiB),
                new TableCliff("h1", "egm1", 4, false, null, 448 * GiB),
                new TableCliff("h2", "egm0", 3650, false, overflow, (448 * GiB) - (3650 * Page)),
                new TableCliff("h2", "egm1", 30, false, null, (448 * GiB) - (30 * Page)),
                new TableCliff("h3", "egm0", 55, true, new ForecastDate(new DateTimeOffset(2026, 12, 1, 0, 0, 0, TimeSpan.Zero), new DateTimeOffset(2026, 11, 15, 0, 0, 0, TimeSpan.Zero), new DateTimeOffset(2027, 1, 1, 0, 0, 0, TimeSpan.Zero)), (208 * GiB) - (55 * Page)),
                new TableCliff("h4", "egm0", 2, false, null, 464 * GiB),
                new TableCliff("h4", "egm1", 1, false, null, 464 * GiB),
            ],
        };
    }
}
