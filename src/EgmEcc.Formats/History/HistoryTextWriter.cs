using System.Globalization;
using EgmEcc.Formats.Output.Documents;
using EgmEcc.Formats.Policies;
using EgmEcc.History;

namespace EgmEcc.Formats.History;

/// <summary>
/// The history as text (docs/design.md §4.13): a heading, the fleet prior, a row per host (its
/// observations, first and last day, retired pages now and new over its history, at-risk pages,
/// usable share, fullest firmware table, measured rate and the table's overflow date), the
/// fleet's totals per snapshot, and the changes. What is not measured reads <c>-</c>.
/// </summary>
public sealed class HistoryTextWriter : IDocumentWriter<HistoryReport>
{
    /// <inheritdoc/>
    public string Name => "text";

    /// <inheritdoc/>
    public void Write(HistoryReport document, TextWriter output)
    {
        ArgumentNullException.ThrowIfNull(document);
        ArgumentNullException.ThrowIfNull(output);
        var history = document.History;
        var snapshots = history.Snapshots;
        var span = snapshots.IsEmpty ? string.Empty : $", {HistoryFormat.Day(snapshots[0].At)} to {HistoryFormat.Day(snapshots[^1].At)}";
        output.Write($"history: {Count(snapshots.Length, "snapshot")}{span}, {Count(history.Hosts.Length, "host")}, {Count(history.Changes.Length, "change")}\n");
        output.Write($"fleet prior: {Prior(document.Prior)}\n\n");
        WriteHosts(document, output);
        output.Write("\nfleet per snapshot\n");
        WriteSnapshots(history, output);
        output.Write(history.Changes.IsEmpty ? "\nchanges: none\n" : "\nchanges\n");
        WriteChanges(history, output);
        if (document.Policy is { } policy)
        {
            output.Write('\n');
            PolicyTextWriter.Write(policy, output);
        }
    }

    private static void WriteHosts(HistoryReport document, TextWriter output)
    {
        var rates = HistoryFormat.Rates(document);
        var cliffs = HistoryFormat.Cliffs(document);
        var table = new TextTable("host", "snapshots", "first", "last", "retired", "new", "at-risk", "usable%", "fw table", "rate", "p5-p95", "overflow");
        foreach (var host in document.History.Hosts)
        {
            var latest = host.Latest.Summary;
            ulong added = 0;
            for (var i = 1; i < host.Observations.Length; i++)
            {
                added += HistoryBuilder.NewRetiredPages(host, i) ?? 0;
            }

            var rate = rates.GetValueOrDefault(host.Host);
            var own = cliffs[host.Host].ToList();
            table.Add(
                host.Host,
                FleetFormat.Number(host.Observations.Length),
                HistoryFormat.Day(host.Observations[0].At),
                HistoryFormat.Day(host.Latest.At),
                FleetFormat.Number((UInt128)latest.RetiredPages),
                FleetFormat.Number((UInt128)added),
                FleetFormat.Number((UInt128)latest.AtRiskPages),
                FleetFormat.Percent(latest.UsablePercent),
                TableFill(own, latest.TableEntries),
                rate is null ? "-" : Rate(rate.Rate.PerTiBYear),
                rate is null ? "-" : $"{Rate(rate.Rate.P5)}-{Rate(rate.Rate.P95)}",
                Overflow(own));
        }

        table.Write(output);
    }

    private static void WriteSnapshots(FleetHistory history, TextWriter output)
    {
        var table = new TextTable("snapshot", "at", "hosts", "size", "usable", "usable%", "retired", "new", "at-risk");
        for (var s = 0; s < history.Snapshots.Length; s++)
        {
            long hosts = 0;
            UInt128 size = 0, usable = 0, retired = 0, added = 0, atRisk = 0;
            foreach (var host in history.Hosts)
            {
                for (var i = 0; i < host.Observations.Length; i++)
                {
                    var o = host.Observations[i];
                    if (o.Snapshot != s)
                    {
                        continue;
                    }

                    hosts++;
                    size += o.Summary.SizeBytes;
                    usable += o.Summary.UsableBytes;
                    retired += o.Summary.RetiredPages;
                    added += HistoryBuilder.NewRetiredPages(host, i) ?? 0;
                    atRisk += o.Summary.AtRiskPages;
                }
            }

            var percent = size == 0 ? 0 : 100.0 * (double)usable / (double)size;
            table.Add(history.Snapshots[s].Name, HistoryFormat.Time(history.Snapshots[s].At), FleetFormat.Number(hosts), FleetFormat.Human(size), FleetFormat.Human(usable), FleetFormat.Percent(percent), FleetFormat.Number(retired), FleetFormat.Number(added), FleetFormat.Number(atRisk));
        }

        table.Write(output);
    }

    private static void WriteChanges(FleetHistory history, TextWriter output)
    {
        var hostWidth = history.Changes.Select(c => c.Host.Length).DefaultIfEmpty(0).Max();
        var kindWidth = history.Changes.Select(c => HistoryFormat.Kind(c.Kind).Length).DefaultIfEmpty(0).Max();
        foreach (var change in history.Changes)
        {
            var line = $"{HistoryFormat.Day(history.Snapshots[change.Snapshot].At)}  {change.Host.PadRight(hostWidth)}  {HistoryFormat.Kind(change.Kind).PadRight(kindWidth)}  {change.Detail}";
            output.Write(line.TrimEnd());
            output.Write('\n');
        }
    }

    private static string Prior(RatePrior? prior) => prior is null
        ? "-"
        : $"{Rate(prior.Rate.PerTiBYear)} pages/TiB/year (p5 {Rate(prior.Rate.P5)}, p95 {Rate(prior.Rate.P95)}), shape {Rate(prior.Shape)}, weight {Rate(prior.ExposureTiBYears)} TiB-years";

    /// <summary>The fullest region's entries of 4096: from the cliffs when measured (<c>~</c> marks an estimate from retired pages), else the table read, else <c>-</c>.</summary>
    private static string TableFill(List<TableCliff> cliffs, int? read)
    {
        if (cliffs.Count > 0)
        {
            var fullest = cliffs.MaxBy(c => c.Entries)!;
            return $"{(fullest.Estimated ? "~" : string.Empty)}{FleetFormat.Number((long)fullest.Entries)}/{FleetFormat.Number((long)FirmwareTableFill.Limit)}";
        }

        return read is { } used ? $"{FleetFormat.Number((long)used)}/{FleetFormat.Number((long)FirmwareTableFill.Limit)}" : "-";
    }

    /// <summary>The soonest expected overflow of the host's tables (<c>2027-05-14</c>), or <c>-</c>.</summary>
    private static string Overflow(List<TableCliff> cliffs) =>
        cliffs.Where(c => c.Overflow is not null).Select(c => c.Overflow!.Value.Expected).DefaultIfEmpty().Min() is { } soonest && soonest != default
            ? HistoryFormat.Day(soonest)
            : "-";

    private static string Rate(double value) => HistoryFormat.Rate(value).ToString("0.00", CultureInfo.InvariantCulture);

    private static string Count(int n, string noun) => $"{n.ToString(CultureInfo.InvariantCulture)} {noun}{(n == 1 ? string.Empty : "s")}";
}
