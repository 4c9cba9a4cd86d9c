using System.Collections.Immutable;
using EgmEcc.Fleet;
using EgmEcc.History;

namespace EgmEcc.Tests.History;

/// <summary>Small hand-made histories: hosts of one or more regions observed at given times.</summary>
internal static class HandMadeHistory
{
    public const ulong TiB = 1UL << 40;

    public static readonly DateTimeOffset Start = new(2026, 1, 1, 0, 0, 0, TimeSpan.Zero);

    /// <summary>A time <paramref name="years"/> Julian years after <see cref="Start"/>.</summary>
    public static DateTimeOffset Year(double years) => Start.AddDays(years * RateFit.DaysPerYear);

    public static RegionSummary Region(string id, ulong size, ulong retiredPages, int? tableEntries = null, ulong? usable = null) =>
        new(id, 0, size, usable ?? size, [], 0, 0, retiredPages, tableEntries);

    public static HostSummary Summary(string host, params RegionSummary[] regions) => new()
    {
        Host = host,
        Regions = [.. regions],
        Accounting = new Accounting(0, 0, 0, 0, 0),
        Warnings = 0,
        VmFit = 0,
    };

    /// <summary>A host of one region of <paramref name="size"/> bytes with these retired pages at these times (in years).</summary>
    public static HostTimeline Host(string host, ulong size, params (double Years, ulong Retired)[] points) =>
        new(host, [.. points.Select((p, k) => new HostObservation(k, Year(p.Years), Summary(host, Region("egm0", size, p.Retired))))]);

    public static FleetHistory Series(IEnumerable<HostTimeline> hosts, params HistoryChange[] changes)
    {
        var list = hosts.ToImmutableArray();
        var snapshots = list.Length == 0 ? 0 : list.Max(h => h.Observations.Max(o => o.Snapshot) + 1);
        return new FleetHistory
        {
            Options = PlanOptions.Default,
            Snapshots = [.. Enumerable.Range(0, snapshots).Select(k => new Snapshot($"s{k}", Year(k)))],
            Hosts = list,
            Changes = [.. changes],
        };
    }
}
