using System.Collections.Immutable;
using EgmEcc.Fleet;
using EgmEcc.History;

namespace EgmEcc.Reporting;

/// <summary>
/// What the fleet dashboard shows (docs/design.md §4.15): summaries of a fleet now and, with a
/// history, of the fleet over time and its forecast. It keeps only summaries: the histogram, at
/// most <see cref="DashboardOptions.HostRows"/> hosts, at most
/// <see cref="DashboardOptions.CliffRows"/> firmware tables, the totals per snapshot and the fan,
/// so its size grows with what it lists, not with the fleet.
/// </summary>
public sealed record FleetDashboard
{
    /// <summary>The options every host was planned with.</summary>
    public required PlanOptions Options { get; init; }

    /// <summary>The VM shape counted, or null.</summary>
    public VmShape? VmShape { get; init; }

    /// <summary>The fleet's totals now.</summary>
    public required FleetTotals Totals { get; init; }

    /// <summary>Retired granules over every host now.</summary>
    public UInt128 RetiredPages { get; init; }

    /// <summary>When the page was made (the report clock), or null.</summary>
    public DateTimeOffset? GeneratedAt { get; init; }

    /// <summary>The time the figures are of: the latest snapshot's with a history, else <see cref="GeneratedAt"/>.</summary>
    public DateTimeOffset? Now { get; init; }

    /// <summary>Hosts by the share of their EGM memory lost, on the loss scale of <see cref="UsableBin"/>.</summary>
    public required ImmutableArray<UsableBin> Histogram { get; init; }

    /// <summary>The worst hosts first (least usable share, then fullest firmware table, then name); at most <see cref="DashboardOptions.HostRows"/>.</summary>
    public required ImmutableArray<HostSummary> WorstHosts { get; init; }

    /// <summary>The firmware tables closest to the cliff, soonest first; at most <see cref="DashboardOptions.CliffRows"/>.</summary>
    public required ImmutableArray<TableCliff> Cliffs { get; init; }

    /// <summary>Regions whose table holds any entry or has an overflow date: the candidates <see cref="Cliffs"/> was taken from.</summary>
    public int CliffCandidates { get; init; }

    /// <summary>True when <see cref="Cliffs"/> come from a history (with overflow dates), false when from the fleet's entries left alone.</summary>
    public bool CliffsForecast { get; init; }

    /// <summary>The fleet's totals at each snapshot, oldest first; empty without a history.</summary>
    public ImmutableArray<SnapshotTotals> Timeline { get; init; } = [];

    /// <summary>The forecast of the fleet's usable bytes, or null without a history or without rates.</summary>
    public ForecastFan? Fan { get; init; }

    /// <summary>The number of hosts not in <see cref="WorstHosts"/>.</summary>
    public long HostsNotListed => Totals.Hosts - WorstHosts.Length;

    /// <summary>
    /// The dashboard of <paramref name="fleet"/> (the fleet now) and, when given, its
    /// <paramref name="history"/>: totals per snapshot, the firmware-table cliffs with their dates,
    /// and the forecast fan from the measured rates.
    /// </summary>
    /// <param name="fleet">The fleet now; with a history, usually <see cref="LatestFleet"/>.</param>
    /// <param name="history">The history, or null.</param>
    /// <param name="options">What to list and forecast; null for the defaults.</param>
    public static FleetDashboard Create(FleetReport fleet, HistoryReport? history = null, DashboardOptions? options = null)
    {
        ArgumentNullException.ThrowIfNull(fleet);
        options ??= new DashboardOptions();
        var totals = fleet.Totals;
        UInt128 retired = 0;
        foreach (var host in fleet.Hosts)
        {
            retired += host.RetiredPages;
        }

        // A history's cliffs are of every host it saw; only those of the fleet now are at risk.
        var fromHistory = history is not null && !history.Cliffs.IsDefaultOrEmpty;
        var hosts = fleet.Hosts.Select(h => h.Host).ToHashSet(StringComparer.Ordinal);
        var candidates = fromHistory ? history!.Cliffs.Where(c => IsCandidate(c) && hosts.Contains(c.Host)).ToList() : EstimatedCliffs(fleet).ToList();
        candidates.Sort(CompareCliffs);
        var now = history is { History.Snapshots.Length: > 0 } ? history.History.Snapshots[^1].At : options.GeneratedAt;

        return new FleetDashboard
        {
            Options = fleet.Options,
            VmShape = fleet.VmShape,
            Totals = totals,
            RetiredPages = retired,
            GeneratedAt = options.GeneratedAt,
            Now = now,
            Histogram = UsableBin.Of(fleet.Hosts),
            WorstHosts = Worst(fleet.Hosts, options.HostRows),
            Cliffs = [.. candidates.Take(options.CliffRows)],
            CliffCandidates = candidates.Count,
            CliffsForecast = fromHistory,
            Timeline = history is null ? [] : SnapshotTotals.Of(history.History),
            Fan = history is null || now is null ? null : ForecastFan.Of(fleet, history, now.Value, options),
        };
    }

    /// <summary>
    /// The fleet now of a history: every host observed in the latest snapshot, with its figures
    /// there (a host that vanished earlier is not in the fleet any more).
    /// </summary>
    public static FleetReport LatestFleet(HistoryReport history)
    {
        ArgumentNullException.ThrowIfNull(history);
        var last = history.History.Snapshots.Length - 1;
        return new FleetReport
        {
            Options = history.History.Options,
            VmShape = history.VmShape,
            Hosts = [.. history.History.Hosts.Where(h => h.Latest.Snapshot == last).Select(h => h.Latest.Summary)],
        };
    }

    /// <summary>Orders hosts worst first: least usable share (exactly, as a fraction), then fullest table, then name.</summary>
    public static int CompareWorst(HostSummary a, HostSummary b)
    {
        ArgumentNullException.ThrowIfNull(a);
        ArgumentNullException.ThrowIfNull(b);
        var (lostA, sizeA) = LostShare(a);
        var (lostB, sizeB) = LostShare(b);
        var byShare = (lostB * sizeA).CompareTo(lostA * sizeB);
        if (byShare != 0)
        {
            return byShare;
        }

        var byTable = (b.TableEntries ?? -1).CompareTo(a.TableEntries ?? -1);
        return byTable != 0 ? byTable : string.CompareOrdinal(a.Host, b.Host);
    }

    /// <summary>A host's lost share as a fraction <c>lost / size</c>; a host of no size counts as wholly lost.</summary>
    internal static (UInt128 Lost, UInt128 Size) LostShare(HostSummary host) =>
        host.SizeBytes == 0 ? (1, 1) : (host.SizeBytes - host.UsableBytes, host.SizeBytes);

    /// <summary>The <paramref name="count"/> worst hosts, found with a bounded heap: memory grows with <paramref name="count"/>, not the fleet.</summary>
    private static ImmutableArray<HostSummary> Worst(ImmutableArray<HostSummary> hosts, int count)
    {
        if (count <= 0)
        {
            return [];
        }

        // A max-heap on "least bad first": its root is the best of the kept hosts, the one to drop.
        var kept = new PriorityQueue<HostSummary, HostSummary>(count + 1, Comparer<HostSummary>.Create(static (a, b) => CompareWorst(b, a)));
        foreach (var host in hosts)
        {
            kept.Enqueue(host, host);
            if (kept.Count > count)
            {
                kept.Dequeue();
            }
        }

        var worst = new List<HostSummary>(kept.Count);
        while (kept.Count > 0)
        {
            worst.Add(kept.Dequeue());
        }

        worst.Sort(CompareWorst);
        return [.. worst];
    }

    /// <summary>A cliff worth listing: its table holds entries, or it has an overflow date.</summary>
    private static bool IsCandidate(TableCliff cliff) => cliff.Entries > 0 || cliff.Overflow is not null;

    /// <summary>Soonest overflow first; tables without a date after, fewest entries left first; then host and region.</summary>
    private static int CompareCliffs(TableCliff a, TableCliff b)
    {
        var byDate = (a.Overflow, b.Overflow) switch
        {
            (null, null) => 0,
            (null, _) => 1,
            (_, null) => -1,
            ({ } x, { } y) => x.Expected.CompareTo(y.Expected),
        };
        if (byDate != 0)
        {
            return byDate;
        }

        var byLeft = a.Left.CompareTo(b.Left);
        if (byLeft != 0)
        {
            return byLeft;
        }

        var byHost = string.CompareOrdinal(a.Host, b.Host);
        return byHost != 0 ? byHost : string.CompareOrdinal(a.Region, b.Region);
    }

    /// <summary>
    /// Without a history's cliffs: every region's entries now, the table's count when one was read,
    /// else its retired 64 KiB pages (estimated, as docs/design.md §4.13 counts them); no dates.
    /// </summary>
    private static IEnumerable<TableCliff> EstimatedCliffs(FleetReport fleet)
    {
        foreach (var host in fleet.Hosts)
        {
            foreach (var region in host.Regions)
            {
                var entries = region.TableEntries ?? EstimatedEntries(region.RetiredPages, fleet.Options.Granule);
                if (entries > 0)
                {
                    yield return new TableCliff(host.Host, region.Id, entries, region.TableEntries is null, null, region.UsableBytes);
                }
            }
        }
    }

    /// <summary>Retired granules as 64 KiB firmware-table entries, rounded up (a part of a page is a page).</summary>
    /// <param name="retiredPages">Retired granules.</param>
    /// <param name="granule">The granule, in bytes.</param>
    public static int EstimatedEntries(ulong retiredPages, ulong granule)
    {
        var pages = (((UInt128)retiredPages * granule) + TableEntryBytes - 1) / TableEntryBytes;
        return pages > int.MaxValue ? int.MaxValue : (int)pages;
    }

    /// <summary>The bytes one firmware-table entry retires (docs/design.md §1).</summary>
    private const ulong TableEntryBytes = 64 * 1024;
}

/// <summary>What the dashboard lists and how far it forecasts.</summary>
public sealed record DashboardOptions
{
    /// <summary>The most host rows (docs/design.md §4.15: at most 200).</summary>
    public int HostRows { get; init; } = 200;

    /// <summary>The most firmware tables in the cliff table.</summary>
    public int CliffRows { get; init; } = 20;

    /// <summary>How far the fan reaches, in years.</summary>
    public double HorizonYears { get; init; } = 1;

    /// <summary>Points of the fan after now (its resolution).</summary>
    public int FanSteps { get; init; } = 24;

    /// <summary>When the page is made, or null.</summary>
    public DateTimeOffset? GeneratedAt { get; init; }
}

/// <summary>
/// One step of the dashboard's loss scale: <c>Mantissa × 10^Exponent</c> percent of a host's EGM
/// memory lost, the mantissa 1, 2 or 5.
/// </summary>
/// <param name="Mantissa">1, 2 or 5.</param>
/// <param name="Exponent">The power of ten.</param>
public readonly record struct LossStep(int Mantissa, int Exponent)
{
    /// <summary>The lost percentage (approximate: for drawing, never for binning).</summary>
    public double Percent => Mantissa * Math.Pow(10, Exponent);

    /// <summary>True when <c>lost / size</c> is at most this step, exactly.</summary>
    public bool Holds(UInt128 lost, UInt128 size)
    {
        // lost / size * 100 <= m * 10^e, in integers: lost * 100 * 10^-e <= m * size (e < 0).
        var scale = (UInt128)100;
        var limit = (UInt128)Mantissa * size;
        for (var e = Exponent; e < 0; e++)
        {
            scale *= 10;
        }

        for (var e = 0; e < Exponent; e++)
        {
            limit *= 10;
        }

        return lost * scale <= limit;
    }
}

/// <summary>
/// One bar of the dashboard's histogram (docs/design.md §4.15): the hosts whose lost share of EGM
/// memory lies in <c>(<see cref="Above"/>, <see cref="AtMost"/>]</c> percent. A fleet where most
/// hosts keep 99.9x % differs in the decimals, so the scale is logarithmic in the share lost, in
/// 1-2-5 steps from 0.000001 % (one 64 KiB page of a large host is about 0.000007 %) to 100 %;
/// hosts that lost nothing have a bar of their own (both bounds null).
/// </summary>
/// <param name="Above">The lower bound (exclusive), or null for the first step's bar, from just above 0.</param>
/// <param name="AtMost">The upper bound (inclusive), or null for the bar of hosts that lost nothing.</param>
/// <param name="Hosts">How many hosts.</param>
public sealed record UsableBin(LossStep? Above, LossStep? AtMost, long Hosts)
{
    /// <summary>The loss scale: 1-2-5 steps from 10^-6 % to 100 %.</summary>
    public static ImmutableArray<LossStep> Steps { get; } = [.. MakeSteps()];

    /// <summary>True for the bar of hosts that lost nothing.</summary>
    public bool NothingLost => AtMost is null;

    /// <summary>
    /// The histogram of <paramref name="hosts"/>: the bar of hosts that lost nothing, then the
    /// steps from the lowest to the highest holding a host (none when no host lost anything).
    /// </summary>
    public static ImmutableArray<UsableBin> Of(IEnumerable<HostSummary> hosts)
    {
        ArgumentNullException.ThrowIfNull(hosts);
        var counts = new long[Steps.Length];
        long none = 0;
        foreach (var host in hosts)
        {
            var (lost, size) = FleetDashboard.LostShare(host);
            if (lost == 0)
            {
                none++;
                continue;
            }

            // The first step holding the share; 100 % holds every share, so one is always found.
            var step = 0;
            while (!Steps[step].Holds(lost, size))
            {
                step++;
            }

            counts[step]++;
        }

        var bins = ImmutableArray.CreateBuilder<UsableBin>();
        bins.Add(new UsableBin(null, null, none));
        var first = Array.FindIndex(counts, c => c > 0);
        if (first >= 0)
        {
            var last = Array.FindLastIndex(counts, c => c > 0);
            for (var i = first; i <= last; i++)
            {
                bins.Add(new UsableBin(i == 0 ? null : Steps[i - 1], Steps[i], counts[i]));
            }
        }

        return bins.ToImmutable();
    }

    private static IEnumerable<LossStep> MakeSteps()
    {
        for (var e = -6; e <= 1; e++)
        {
            yield return new LossStep(1, e);
            yield return new LossStep(2, e);
            yield return new LossStep(5, e);
        }

        yield return new LossStep(1, 2);
    }
}

/// <summary>The fleet's totals at one snapshot (docs/design.md §4.13): the hosts observed in it.</summary>
/// <param name="Snapshot">The snapshot.</param>
/// <param name="Hosts">Hosts observed in it.</param>
/// <param name="SizeBytes">Their EGM bytes.</param>
/// <param name="UsableBytes">Their usable bytes.</param>
/// <param name="RetiredPages">Their retired granules.</param>
/// <param name="NewRetiredPages">Granules retired since each host's previous observation (increases only; a decrease is a change, not a retirement).</param>
/// <param name="AtRiskPages">Their at-risk pages.</param>
/// <param name="TableEntries">The fullest firmware table read, or null when none was.</param>
public sealed record SnapshotTotals(Snapshot Snapshot, long Hosts, UInt128 SizeBytes, UInt128 UsableBytes, UInt128 RetiredPages, UInt128 NewRetiredPages, UInt128 AtRiskPages, int? TableEntries)
{
    /// <summary>Usable bytes as a percentage of the EGM bytes.</summary>
    public double UsablePercent => SizeBytes == 0 ? 0 : 100.0 * (double)UsableBytes / (double)SizeBytes;

    /// <summary>The totals of every snapshot of <paramref name="history"/>, oldest first.</summary>
    public static ImmutableArray<SnapshotTotals> Of(FleetHistory history)
    {
        ArgumentNullException.ThrowIfNull(history);
        var n = history.Snapshots.Length;
        var hosts = new long[n];
        var size = new UInt128[n];
        var usable = new UInt128[n];
        var retired = new UInt128[n];
        var added = new UInt128[n];
        var atRisk = new UInt128[n];
        var table = new int?[n];
        foreach (var timeline in history.Hosts)
        {
            HostSummary? previous = null;
            foreach (var observation in timeline.Observations)
            {
                var s = observation.Snapshot;
                var summary = observation.Summary;
                hosts[s]++;
                size[s] += summary.SizeBytes;
                usable[s] += summary.UsableBytes;
                retired[s] += summary.RetiredPages;
                atRisk[s] += summary.AtRiskPages;
                if (previous is not null && summary.RetiredPages > previous.RetiredPages)
                {
                    added[s] += summary.RetiredPages - previous.RetiredPages;
                }

                if (summary.TableEntries is { } entries && (table[s] is null || entries > table[s]))
                {
                    table[s] = entries;
                }

                previous = summary;
            }
        }

        return [.. Enumerable.Range(0, n).Select(s => new SnapshotTotals(history.Snapshots[s], hosts[s], size[s], usable[s], retired[s], added[s], atRisk[s], table[s]))];
    }
}

/// <summary>One point of the forecast fan: the fleet's usable bytes expected at a time, and their 5th–95th percentile band.</summary>
/// <param name="At">The time.</param>
/// <param name="Mean">The usable bytes expected.</param>
/// <param name="P5">The 5th percentile (the pessimistic edge: more pages lost, earlier overflows).</param>
/// <param name="P95">The 95th percentile (the optimistic edge).</param>
public readonly record struct FanPoint(DateTimeOffset At, UInt128 Mean, UInt128 P5, UInt128 P95);

/// <summary>
/// The forecast fan of the fleet's usable bytes from now to the horizon (docs/design.md §4.15; the
/// model is in docs/fleet.md, "Dashboard"). Each host retires pages as a Poisson process at its
/// measured rate (the prior's when it has none), each new page costing one layout granule of
/// usable memory; a region whose firmware table overflows loses its usable bytes at once.
/// </summary>
/// <param name="Points">The fan, now first, in equal steps to the horizon.</param>
/// <param name="HorizonYears">How far it reaches.</param>
/// <param name="BytesPerPage">What one new retired page costs: the layout granule.</param>
/// <param name="HostsOnPrior">Hosts forecast at the fleet prior's rate, having none of their own.</param>
/// <param name="PagesPerYear">New retired pages expected per year over the fleet.</param>
public sealed record ForecastFan(ImmutableArray<FanPoint> Points, double HorizonYears, ulong BytesPerPage, long HostsOnPrior, double PagesPerYear)
{
    /// <summary>The z-score of the 95th percentile of a normal distribution.</summary>
    private const double Z95 = 1.6448536269514722;

    /// <summary>
    /// The fan of <paramref name="fleet"/> at the rates of <paramref name="history"/>, or null when
    /// there are none (no host has an interval to fit, so there is no prior either).
    /// </summary>
    /// <remarks>
    /// The pages a host retires by time t are Poisson with mean <c>λ·T·t</c> (λ its rate per TiB-year,
    /// T its TiB), and λ is uncertain: its 5th–95th percentiles give a spread
    /// <c>σλ = (p95 − p5) / 3.29</c>. Summed over independent hosts, the fleet's new pages have mean
    /// <c>μ = t·Σ λT</c> and variance <c>t·Σ λT + t²·Σ (σλ·T)²</c>, and the band is <c>μ ± 1.645·σ</c>
    /// (the normal approximation; the lower edge stops at 0). A region's table overflow takes its
    /// usable bytes at its expected date on the middle line, at its earliest (p5) date on the
    /// pessimistic edge and at its latest (p95) date on the optimistic one.
    /// </remarks>
    public static ForecastFan? Of(FleetReport fleet, HistoryReport history, DateTimeOffset now, DashboardOptions options)
    {
        ArgumentNullException.ThrowIfNull(fleet);
        ArgumentNullException.ThrowIfNull(history);
        ArgumentNullException.ThrowIfNull(options);
        if (history.Prior is null && history.Rates.IsDefaultOrEmpty)
        {
            return null;
        }

        var rates = new Dictionary<string, RetirementRate>(StringComparer.Ordinal);
        foreach (var rate in history.Rates.IsDefault ? [] : history.Rates)
        {
            rates.TryAdd(rate.Host, rate.Rate);
        }

        double mean = 0, variance = 0;
        long onPrior = 0;
        UInt128 usableNow = 0;
        foreach (var host in fleet.Hosts)
        {
            usableNow += host.UsableBytes;
            if (!rates.TryGetValue(host.Host, out var rate))
            {
                if (history.Prior is null)
                {
                    continue;
                }

                rate = history.Prior.Rate;
                onPrior++;
            }

            var tib = host.SizeBytes / (double)(1UL << 40);
            var spread = Math.Max(0, rate.P95 - rate.P5) / (2 * Z95) * tib;
            mean += rate.PerTiBYear * tib;
            variance += spread * spread;
        }

        // Only the fleet's own regions can be refused: a vanished host's cliff is not a loss now.
        var names = fleet.Hosts.Select(h => h.Host).ToHashSet(StringComparer.Ordinal);
        var ofFleet = history.Cliffs.IsDefault ? [] : history.Cliffs.Where(c => names.Contains(c.Host)).ToImmutableArray();
        var page = fleet.Options.LayoutGranule;
        var steps = Math.Max(1, options.FanSteps);
        var horizon = Math.Max(0, options.HorizonYears);
        var points = ImmutableArray.CreateBuilder<FanPoint>(steps + 1);
        for (var k = 0; k <= steps; k++)
        {
            var years = horizon * k / steps;
            var at = now + TimeSpan.FromDays(years * RateFit.DaysPerYear);
            var pages = years * mean;
            var sigma = Math.Sqrt((years * mean) + (years * years * variance));
            var cliffs = CliffCosts(ofFleet, at);
            points.Add(new FanPoint(
                at,
                Less(usableNow, pages * page, cliffs.Expected),
                Less(usableNow, (pages + (Z95 * sigma)) * page, cliffs.Earliest),
                Less(usableNow, Math.Max(0, pages - (Z95 * sigma)) * page, cliffs.Latest)));
        }

        return new ForecastFan(points.MoveToImmutable(), horizon, page, onPrior, mean);
    }

    private static (UInt128 Expected, UInt128 Earliest, UInt128 Latest) CliffCosts(ImmutableArray<TableCliff> cliffs, DateTimeOffset at)
    {
        UInt128 expected = 0, earliest = 0, latest = 0;
        foreach (var cliff in cliffs.IsDefault ? [] : cliffs)
        {
            if (cliff.Overflow is not { } date)
            {
                continue;
            }

            expected += date.Expected <= at ? cliff.CostBytes : 0;
            earliest += date.Earliest <= at ? cliff.CostBytes : 0;
            latest += date.Latest is { } last && last <= at ? cliff.CostBytes : 0;
        }

        return (expected, earliest, latest);
    }

    /// <summary><paramref name="usable"/> less the lost bytes, never below 0.</summary>
    private static UInt128 Less(UInt128 usable, double lostBytes, UInt128 cliffs)
    {
        var lost = double.IsNaN(lostBytes) ? 0 : lostBytes >= (double)usable ? usable : (UInt128)Math.Round(lostBytes);
        var total = lost + cliffs;
        return total >= usable ? 0 : usable - total;
    }
}
