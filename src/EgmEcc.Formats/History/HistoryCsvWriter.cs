using CsvHelper;
using EgmEcc.Formats.Output.Documents;
using EgmEcc.History;

namespace EgmEcc.Formats.History;

/// <summary>
/// The history as CSV (docs/design.md §4.13): one row per host and observation, hosts in name
/// order and each host's observations oldest first:
/// <c>host,snapshot,at,regions,sizeBytes,usableBytes,usablePercent,retiredPages,newRetiredPages,atRiskPages,hugePages&lt;H&gt;...,vmFit,tableEntries</c>.
/// <c>newRetiredPages</c> is empty on a host's first observation and after a change (no count to
/// compare with); <c>tableEntries</c> empty when no firmware table was read.
/// </summary>
public sealed class HistoryCsvWriter : IDocumentWriter<HistoryReport>
{
    /// <inheritdoc/>
    public string Name => "csv";

    /// <inheritdoc/>
    public void Write(HistoryReport document, TextWriter output)
    {
        ArgumentNullException.ThrowIfNull(document);
        ArgumentNullException.ThrowIfNull(output);
        var history = document.History;
        var huge = history.Options.HugePages;
        using var csv = CsvWriter.Create(output, new CsvWriterOptions { NewLine = "\n" }, leaveOpen: true);
        csv.WriteHeader(["host", "snapshot", "at", "regions", "sizeBytes", "usableBytes", "usablePercent", "retiredPages", "newRetiredPages", "atRiskPages", .. huge.Select(h => "hugePages" + FleetFormat.PageName(h)), "vmFit", "tableEntries"]);
        foreach (var host in history.Hosts)
        {
            for (var i = 0; i < host.Observations.Length; i++)
            {
                var o = host.Observations[i];
                var s = o.Summary;
                csv.WriteField(host.Host);
                csv.WriteField(history.Snapshots[o.Snapshot].Name);
                csv.WriteField(HistoryFormat.Time(o.At));
                csv.WriteField(FleetFormat.Number(s.Regions.Length));
                csv.WriteField(FleetFormat.Number((UInt128)s.SizeBytes));
                csv.WriteField(FleetFormat.Number((UInt128)s.UsableBytes));
                csv.WriteField(FleetFormat.FourDecimals(s.UsablePercent));
                csv.WriteField(FleetFormat.Number((UInt128)s.RetiredPages));
                csv.WriteField(HistoryBuilder.NewRetiredPages(host, i) is { } added ? FleetFormat.Number((UInt128)added) : string.Empty);
                csv.WriteField(FleetFormat.Number((UInt128)s.AtRiskPages));
                for (var h = 0; h < huge.Length; h++)
                {
                    csv.WriteField(FleetFormat.Number((UInt128)s.HugePages(h)));
                }

                csv.WriteField(FleetFormat.Number(s.VmFit));
                csv.WriteField(s.TableEntries is { } used ? FleetFormat.Number((long)used) : string.Empty);
                csv.EndRecord();
            }
        }
    }
}
