using EgmEcc.Fleet;

namespace EgmEcc.Formats.Output.Documents;

/// <summary>
/// The fleet report as a table a person reads: one row per host, then the fleet totals and the
/// hosts below threshold. An <c>at-risk</c> column (corrected-error pages, left usable) appears
/// when any host has some, and a <c>fw table</c> column (the fullest firmware table's entries of
/// 4096, <c>-</c> for a host without one) when any host's table was read.
/// </summary>
public sealed class FleetTextWriter : IDocumentWriter<FleetReport>
{
    /// <inheritdoc/>
    public string Name => "text";

    /// <inheritdoc/>
    public void Write(FleetReport document, TextWriter output)
    {
        ArgumentNullException.ThrowIfNull(document);
        ArgumentNullException.ThrowIfNull(output);
        var huge = document.Options.HugePages;
        var headers = new List<string> { "host", "regions", "size", "usable", "usable%" };
        headers.AddRange(huge.Select(h => FleetFormat.PageName(h)));
        if (document.VmShape is { } shape)
        {
            headers.Add($"vm {shape}");
        }

        var atRisk = document.Totals.AtRiskPages > 0;
        if (atRisk)
        {
            headers.Add("at-risk");
        }

        var tables = document.Totals.TableEntries is not null;
        if (tables)
        {
            headers.Add("fw table");
        }

        headers.AddRange(["records", "warnings"]);

        // The flag column exists only when there is a threshold to flag against, and has a header
        // like every other column, so the rules span exactly the columns the rows fill.
        var flagged = document.MinUsablePercent is not null;
        if (flagged)
        {
            headers.Add("flag");
        }

        var table = new TextTable([.. headers]);
        foreach (var host in document.Hosts)
        {
            var row = new List<string>
            {
                host.Host,
                FleetFormat.Number(host.Regions.Length),
                FleetFormat.Human((UInt128)host.SizeBytes),
                FleetFormat.Human((UInt128)host.UsableBytes),
                FleetFormat.Percent(host.UsablePercent),
            };
            row.AddRange(huge.Select((_, h) => FleetFormat.Number((UInt128)host.HugePages(h))));
            if (document.VmShape is not null)
            {
                row.Add(FleetFormat.Number(host.VmFit));
            }

            if (atRisk)
            {
                row.Add(FleetFormat.Number((UInt128)host.AtRiskPages));
            }

            if (tables)
            {
                row.Add(TableFill(host.TableEntries));
            }

            row.AddRange([FleetFormat.Number(host.Accounting.Records), FleetFormat.Number(host.Warnings)]);
            if (flagged)
            {
                row.Add(document.IsBelowThreshold(host) ? "BELOW" : string.Empty);
            }

            table.Add([.. row]);
        }

        var t = document.Totals;
        table.Rule();
        var total = new List<string> { $"fleet ({t.Hosts} hosts)", FleetFormat.Number(t.Regions), FleetFormat.Human(t.SizeBytes), FleetFormat.Human(t.UsableBytes), FleetFormat.Percent(t.UsablePercent) };
        total.AddRange(t.HugePages.Select(FleetFormat.Number));
        if (document.VmShape is not null)
        {
            total.Add(FleetFormat.Number(t.VmFit));
        }

        if (atRisk)
        {
            total.Add(FleetFormat.Number(t.AtRiskPages));
        }

        if (tables)
        {
            total.Add(TableFill(t.TableEntries));
        }

        total.AddRange([FleetFormat.Number(t.Accounting.Records), FleetFormat.Number(t.Warnings)]);
        if (flagged)
        {
            total.Add(string.Empty);
        }

        table.Add([.. total]);
        table.Write(output);

        if (document.MinUsablePercent is { } min)
        {
            var below = document.HostsBelowThreshold.Select(h => h.Host).ToList();
            output.Write($"\n{below.Count} host(s) below {FleetFormat.Percent(min)}% usable{(below.Count == 0 ? string.Empty : ": " + string.Join(", ", below))}\n");
        }
    }

    /// <summary><c>14/4096</c>: the entries used of the most the driver takes; <c>-</c> when no table was read.</summary>
    private static string TableFill(int? entries) =>
        entries is { } used ? $"{FleetFormat.Number((long)used)}/{FleetFormat.Number((long)FirmwareTableFill.Limit)}" : "-";
}
