using System.Globalization;
using System.Text;
using EgmEcc.Reporting;

namespace EgmEcc.Formats.Reports;

/// <summary>
/// The report's figures as gauges in the Prometheus text exposition format (version 0.0.4), for
/// node_exporter's textfile collector (docs/design.md §4.6; the metric list is in docs/report.md).
/// </summary>
/// <remarks>
/// <para>Per region, labelled <c>host</c>, <c>region</c> and <c>node</c> (the PXM): its bytes
/// (size, usable, hole, retired, fragment, at-risk, largest extent), its counts (holes, extents,
/// at-risk pages), and its hugepage capacity and ideal capacity with a <c>size</c> label in bytes.
/// <c>host</c> is always there, empty when the plan names no host (as in the plan's JSON); an
/// empty label is no label to Prometheus, so a single host's series carry none.</para>
/// <para>Per run: records by outcome (<c>applied</c>, <c>at_risk</c>, <c>duplicate</c>,
/// <c>out_of_region</c>, which add up to every record read), clipped records apart (a clipped
/// record also has one of those outcomes, so it has a gauge of its own rather than an outcome that
/// would count it twice), warnings, firmware tables near their 4096-entry limit, whether every
/// gate passed, and each gate asked for with its verdict.</para>
/// <para>Families are sorted by name, each with one <c>HELP</c> and one <c>TYPE</c> line; series
/// follow the plan's (host, base) order, hugepage sizes ascending. No timestamp is written: the
/// output depends on the inputs only, and node_exporter reports the file's age
/// (<c>node_textfile_mtime_seconds</c>). The firmware table gauges (entries used and the limit)
/// have a series only for regions whose table was read, and no family when none was.</para>
/// </remarks>
public sealed class ReportPrometheusWriter : IReportWriter
{
    /// <inheritdoc/>
    public string Name => "prometheus";

    /// <inheritdoc/>
    public void Write(Report report, TextWriter output, ReportOutputOptions options)
    {
        ArgumentNullException.ThrowIfNull(report);
        ArgumentNullException.ThrowIfNull(output);
        var text = output;

        Region(text, report, "at_risk_bytes", "Usable bytes holding corrected errors: at risk, not retired.", s => s.AtRiskBytes);
        Region(text, report, "at_risk_pages", "At-risk retirement granules (at-risk bytes / granule).", s => s.AtRiskPages);
        Region(text, report, "extents", "Usable extents.", s => (ulong)s.Extents);
        FirmwareTable(text, report, "firmware_table_entries", "Entries used in the region's firmware retired-page table (the largest of its per-GPU copies).", entries => (ulong)entries);
        FirmwareTable(text, report, "firmware_table_limit", "Entries the firmware retired-page table holds; the driver refuses the region beyond them.", _ => FirmwareTableFill.Limit);
        Region(text, report, "fragment_bytes", "Hole bytes from usable extents shorter than the minimum extent.", s => s.FragmentBytes);
        Region(text, report, "hole_bytes", "Bytes in holes (retired + fragment).", s => s.HoleBytes);
        Region(text, report, "holes", "Holes a guest or a mapping must skip.", s => (ulong)s.Holes);
        HugePages(text, report, "hugepages", "Hugepages of the size label (bytes) that fit wholly in usable extents.", h => h.Count);
        HugePages(text, report, "hugepages_ideal", "Hugepages of the size label (bytes) the region would hold with no holes.", h => h.Ideal);
        Region(text, report, "largest_extent_bytes", "The longest usable extent.", s => s.LargestExtentBytes);
        Region(text, report, "retired_bytes", "Hole bytes covered by retired pages (widened to the layout granule).", s => s.RetiredBytes);
        Region(text, report, "size_bytes", "The EGM region's size.", s => s.SizeBytes);
        Region(text, report, "usable_bytes", "Bytes in usable extents.", s => s.UsableBytes);

        var accounting = report.Plan.Accounting;
        Family(text, "egmecc_report_clipped_records", "Records cut at a region's edge (each also counted in egmecc_report_records).");
        Sample(text, "egmecc_report_clipped_records", string.Empty, (ulong)accounting.Clipped);
        Family(text, "egmecc_report_firmware_tables_near_limit", "Firmware retired-page tables holding 3584 or more of their 4096 entries.");
        Sample(text, "egmecc_report_firmware_tables_near_limit", string.Empty, (ulong)report.Warnings.FirmwareTablesNearLimit);
        if (!report.Gates.IsDefaultOrEmpty)
        {
            Family(text, "egmecc_report_gate_passed", "1 when the gate passed for the region (empty region: the whole run), 0 when it failed.");
            foreach (var gate in report.Gates)
            {
                Sample(text, "egmecc_report_gate_passed", Labels(("host", gate.Host ?? string.Empty), ("region", gate.Region ?? string.Empty), ("gate", gate.Gate)), gate.Passed ? 1UL : 0);
            }
        }

        Family(text, "egmecc_report_gates_passed", "1 when every gate asked for passed (or none was asked for), 0 when one failed.");
        Sample(text, "egmecc_report_gates_passed", string.Empty, report.Passed ? 1UL : 0);
        Family(text, "egmecc_report_records", "Records read, by what became of them (at_risk: corrected errors left usable); they add up to every record.");
        foreach (var (outcome, count) in new[] { ("applied", accounting.Applied), ("at_risk", accounting.AtRisk), ("duplicate", accounting.Duplicate), ("out_of_region", accounting.OutOfRegion) })
        {
            Sample(text, "egmecc_report_records", Labels(("outcome", outcome)), (ulong)count);
        }

        Family(text, "egmecc_report_warnings", "Warnings the run raised (notes not counted).");
        Sample(text, "egmecc_report_warnings", string.Empty, (ulong)report.Warnings.Warnings);
    }

    private static void Region(TextWriter text, Report report, string name, string help, Func<RegionStats, ulong> value)
    {
        var metric = "egmecc_region_" + name;
        Family(text, metric, help);
        foreach (var region in report.Regions)
        {
            Sample(text, metric, RegionLabels(region.Region), value(region.Stats));
        }
    }

    private static void FirmwareTable(TextWriter text, Report report, string name, string help, Func<int, ulong> value)
    {
        var metric = "egmecc_region_" + name;
        var any = false;
        foreach (var region in report.Regions)
        {
            if (report.Plan.TableEntries(region.Region) is { } entries)
            {
                if (!any)
                {
                    Family(text, metric, help);
                    any = true;
                }

                Sample(text, metric, RegionLabels(region.Region), value(entries));
            }
        }
    }

    private static void HugePages(TextWriter text, Report report, string name, string help, Func<HugePageLoss, ulong> value)
    {
        var metric = "egmecc_region_" + name;
        Family(text, metric, help);
        foreach (var region in report.Regions)
        {
            foreach (var huge in region.HugePages)
            {
                var labels = RegionLabels(region.Region, ("size", huge.PageSize.ToString(CultureInfo.InvariantCulture)));
                Sample(text, metric, labels, value(huge));
            }
        }
    }

    private static string RegionLabels(EgmEcc.Region region, params (string Name, string Value)[] more) =>
        Labels([("host", region.Host), ("region", region.Id), ("node", region.Node.ToString(CultureInfo.InvariantCulture)), .. more]);

    // Written with '\n', whatever the writer's NewLine: the format's line end.
    private static void Family(TextWriter text, string metric, string help) =>
        text.Write($"# HELP {metric} {help}\n# TYPE {metric} gauge\n");

    private static void Sample(TextWriter text, string metric, string labels, ulong value) =>
        text.Write(string.Create(CultureInfo.InvariantCulture, $"{metric}{labels} {value}\n"));

    /// <summary><c>{name="value",...}</c>, each value escaped as the exposition format asks (<c>\\</c>, <c>\"</c>, <c>\n</c>).</summary>
    internal static string Labels(params (string Name, string Value)[] labels)
    {
        var text = new StringBuilder("{");
        for (var i = 0; i < labels.Length; i++)
        {
            text.Append(i == 0 ? "" : ",").Append(labels[i].Name).Append("=\"");
            foreach (var c in labels[i].Value)
            {
                text.Append(c switch
                {
                    '\\' => "\\\\",
                    '"' => "\\\"",
                    '\n' => "\\n",
                    _ => c.ToString(),
                });
            }

            text.Append('"');
        }

        return text.Append('}').ToString();
    }
}
