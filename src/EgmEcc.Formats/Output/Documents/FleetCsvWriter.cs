using CsvHelper;
using EgmEcc.Fleet;

namespace EgmEcc.Formats.Output.Documents;

/// <summary>
/// The fleet report as CSV: one row per host (<c>scope</c> = <c>host</c>) and a last row with the
/// fleet totals (<c>scope</c> = <c>fleet</c>, empty host). Bytes are integers; <c>belowThreshold</c>
/// is the number of hosts of the row's scope below the threshold (0 or 1 for a host), and
/// <c>usablePercent</c> has the JSON's four decimals: one type and one precision per column, so a
/// spreadsheet or a script reads every row alike (docs/design.md §4.7).
/// <c>atRiskPages</c> counts corrected-error pages left usable. <c>tableEntries</c> and
/// <c>tableEntriesLeft</c> (last) are the fullest firmware table's, empty when none was read.
/// </summary>
public sealed class FleetCsvWriter : IDocumentWriter<FleetReport>
{
    /// <inheritdoc/>
    public string Name => "csv";

    /// <inheritdoc/>
    public void Write(FleetReport document, TextWriter output)
    {
        ArgumentNullException.ThrowIfNull(document);
        ArgumentNullException.ThrowIfNull(output);
        var huge = document.Options.HugePages;
        using var csv = CsvWriter.Create(output, new CsvWriterOptions { NewLine = "\n" }, leaveOpen: true);
        string[] head = ["scope", "host", "regions", "sizeBytes", "usableBytes", "usablePercent", .. huge.Select(h => "hugePages" + FleetFormat.PageName(h)), "vmFit", "atRiskPages", "records", "applied", "duplicate", "outOfRegion", "warnings", "belowThreshold", "tableEntries", "tableEntriesLeft"];
        csv.WriteHeader(head);
        foreach (var host in document.Hosts)
        {
            Row(csv, "host", host.Host, host.Regions.Length, host.SizeBytes, host.UsableBytes, host.UsablePercent, huge.Select((_, h) => (UInt128)host.HugePages(h)), host.VmFit, host.AtRiskPages, host.Accounting, host.Warnings, FleetFormat.Number(document.IsBelowThreshold(host) ? 1L : 0L), host.TableEntries);
        }

        var t = document.Totals;
        Row(csv, "fleet", string.Empty, t.Regions, t.SizeBytes, t.UsableBytes, t.UsablePercent, t.HugePages, t.VmFit, t.AtRiskPages, t.Accounting, t.Warnings, FleetFormat.Number(document.HostsBelowThreshold.Count()), t.TableEntries);
    }

    private static void Row(CsvWriter csv, string scope, string host, long regions, UInt128 size, UInt128 usable, double percent, IEnumerable<UInt128> huge, long vm, UInt128 atRisk, Accounting a, long warnings, string below, int? table)
    {
        csv.WriteField(scope);
        csv.WriteField(host);
        csv.WriteField(FleetFormat.Number(regions));
        csv.WriteField(FleetFormat.Number(size));
        csv.WriteField(FleetFormat.Number(usable));
        csv.WriteField(FleetFormat.FourDecimals(percent));
        foreach (var h in huge)
        {
            csv.WriteField(FleetFormat.Number(h));
        }

        csv.WriteField(FleetFormat.Number(vm));
        csv.WriteField(FleetFormat.Number(atRisk));
        csv.WriteField(FleetFormat.Number(a.Records));
        csv.WriteField(FleetFormat.Number(a.Applied));
        csv.WriteField(FleetFormat.Number(a.Duplicate));
        csv.WriteField(FleetFormat.Number(a.OutOfRegion));
        csv.WriteField(FleetFormat.Number(warnings));
        csv.WriteField(below);

        // Last, so the columns before keep their positions; empty when no firmware table was read.
        csv.WriteField(table is { } used ? FleetFormat.Number((long)used) : string.Empty);
        csv.WriteField(table is { } left ? FleetFormat.Number((long)(FirmwareTableFill.Limit - left)) : string.Empty);
        csv.EndRecord();
    }
}
