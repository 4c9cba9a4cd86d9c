using System.Collections.Immutable;
using EgmEcc.Fleet;
using EgmEcc.History;

namespace EgmEcc.Tests.Policies;

/// <summary>Histories built by hand for the policy tests: hosts of one or more regions observed on given days.</summary>
internal static class PolicyHistories
{
    public const ulong TiB = 1UL << 40;

    public static readonly DateTimeOffset Start = new(2026, 1, 1, 0, 0, 0, TimeSpan.Zero);

    /// <summary>A region of <paramref name="size"/> bytes with <paramref name="retired"/> 64 KiB pages retired, each costing its page.</summary>
    public static RegionSummary Region(string id, ulong size, ulong retired, ulong atRisk = 0, int? table = null, ulong[]? huge = null, ulong vmBlocks = 0) =>
        new(id, 0, size, size - (retired * PlanOptions.Page64K), [.. huge ?? [size / (2UL << 20), size / (32UL << 20), size / (512UL << 20), size / (1UL << 30)]], vmBlocks, atRisk, retired, table);

    public static HostSummary Summary(string host, long vmFit = 0, params RegionSummary[] regions) => new()
    {
        Host = host,
        Regions = [.. regions],
        Accounting = new Accounting(0, 0, 0, 0, 0),
        Warnings = 0,
        VmFit = vmFit,
    };

    /// <summary>A host of one 1 TiB region, <c>egm0</c>, with the retired pages given per day.</summary>
    public static (string Host, (double Day, HostSummary Summary)[] Observations) Host(string host, params (double Day, ulong Retired)[] points) =>
        (host, [.. points.Select(p => (p.Day, Summary(host, 0, Region("egm0", TiB, p.Retired))))]);

    /// <summary>A report whose snapshots are the days any host was observed on.</summary>
    public static HistoryReport Report(
        IEnumerable<(string Host, (double Day, HostSummary Summary)[] Observations)> hosts,
        IEnumerable<HostRate>? rates = null,
        IEnumerable<TableCliff>? cliffs = null,
        VmShape? vmShape = null,
        PlanOptions? options = null)
    {
        var all = hosts.ToList();
        var days = all.SelectMany(h => h.Observations.Select(o => o.Day)).Distinct().Order().ToList();
        var snapshots = days.Select(d => new Snapshot($"s{d}", At(d))).ToImmutableArray();
        var timelines = all.Select(h => new HostTimeline(h.Host, [.. h.Observations.Select(o => new HostObservation(days.IndexOf(o.Day), At(o.Day), o.Summary))]));
        return new HistoryReport
        {
            History = new FleetHistory { Options = options ?? PlanOptions.Default, Snapshots = snapshots, Hosts = [.. timelines] },
            VmShape = vmShape,
            Rates = [.. rates ?? []],
            Cliffs = [.. cliffs ?? []],
        };
    }

    /// <summary>A measured rate per TiB per year, with its 5th and 95th percentiles.</summary>
    public static HostRate Rate(string host, double mean, double p5, double p95) => new(host, new RetirementRate(mean, p5, p95), 0, 1, 1);

    public static DateTimeOffset At(double day) => Start.AddDays(day);

    /// <summary>A time <paramref name="years"/> of 365.25 days after <paramref name="from"/>, as the evaluator counts them.</summary>
    public static DateTimeOffset YearsAfter(DateTimeOffset from, double years) => from.AddTicks((long)(years * 365.25 * TimeSpan.TicksPerDay));
}
