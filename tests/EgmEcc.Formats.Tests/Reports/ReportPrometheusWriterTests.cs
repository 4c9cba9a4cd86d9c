using System.Text.RegularExpressions;
using EgmEcc.Formats.Reports;
using EgmEcc.Reporting;

namespace EgmEcc.Formats.Tests.Reports;

public partial class ReportPrometheusWriterTests
{
    /// <summary>A host name with the characters a label value must escape.</summary>
    private const string QuotedHost = "rack\"7\\b";

    private static string Render(Report report) => ReportWriterGoldenTests.Write("prometheus", report);

    /// <summary>
    /// Two hosts (one named with a quote and a backslash), at-risk pages, a duplicate, a clipped and
    /// an out-of-region record, and gates that pass for some regions and fail for others.
    /// </summary>
    internal static Report MultiHost()
    {
        var here = SourceLocation.AtLine("fleet.csv", 2);
        var regions = new[]
        {
            new EgmEcc.Region("egm0", 0, 0x20_0000_0000, 4UL << 30, here, "gpu-a"),
            new EgmEcc.Region("egm1", 1, 0x40_0000_0000, 4UL << 30, here, "gpu-a"),
            new EgmEcc.Region("egm0", 0, 0x20_0000_0000, 2UL << 30, here, QuotedHost),
        };
        var records = new[]
        {
            RetiredRecord.AtAddress(0x20_0001_0000, 0, here, "gpu-a"),
            RetiredRecord.AtAddress(0x20_0001_0000, 0, here, "gpu-a"),
            RetiredRecord.AtAddress(0x20_0003_0000, 0, here, "gpu-a", RecordKind.AtRisk),
            RetiredRecord.AtAddress(0x40_FFFF_0000, 0x2_0000, here, "gpu-a"),
            RetiredRecord.AtAddress(0x10_0000_0000, 0, here, "gpu-a"),
            RetiredRecord.AtAddress(0x20_4000_0000, 0, here, QuotedHost),
            RetiredRecord.AtAddress(0x20_0005_0000, 0, here, QuotedHost, RecordKind.AtRisk),
        };
        var plan = Planner.Create(RegionSet.Create(regions), records, PlanOptions.Default);
        return Report.Create(plan, new ReportGates { MinUsablePercent = 99.998, MinHugePages = [new HugePageGate(1UL << 30, 2)], FailOnWarning = true });
    }

    /// <summary>The samples of the output: (family, labels, value).</summary>
    private static (string Family, string Labels, string Value)[] Samples(string text) =>
        [.. text.Split('\n').Where(l => l.Length > 0 && l[0] != '#').Select(l => SampleLine().Match(l)).Select(m => (m.Groups[1].Value, m.Groups[2].Value, m.Groups[3].Value))];

    [GeneratedRegex(@"^([a-z_]+)(\{.*\})? (\d+)$")]
    private static partial Regex SampleLine();

    [Fact]
    public void Write_MultiHost_MatchesGolden()
    {
        Golden.Check("report-multi-host.prom", Render(MultiHost()));
    }

    [Fact]
    public void Write_EveryFamily_OneHelpAndTypeBeforeItsSamples_FamiliesSortedByName()
    {
        var lines = Render(MultiHost()).Split('\n');

        var helps = lines.Where(l => l.StartsWith("# HELP ", StringComparison.Ordinal)).Select(l => l.Split(' ')[2]).ToArray();
        var types = lines.Where(l => l.StartsWith("# TYPE ", StringComparison.Ordinal)).Select(l => l.Split(' ')).ToArray();
        Assert.Equal(helps.Distinct(), helps);
        Assert.Equal(helps, types.Select(t => t[2]));
        Assert.All(types, t => Assert.Equal("gauge", t[3]));
        Assert.Equal(helps.Order(StringComparer.Ordinal), helps);
        Assert.All(helps, h => Assert.StartsWith("egmecc_", h, StringComparison.Ordinal));
        var families = Samples(string.Join('\n', lines)).Select(s => s.Family).ToArray();
        Assert.Equal(helps, families.Distinct());
        Assert.True(families.Zip(families.Skip(1)).All(p => string.CompareOrdinal(p.First, p.Second) <= 0), "a family's samples are not together");
    }

    [Fact]
    public void Write_RecordsByOutcome_AddUpToEveryRecordClippedApart()
    {
        var report = MultiHost();

        var samples = Samples(Render(report));

        var accounting = report.Plan.Accounting;
        Assert.True(accounting is { Clipped: > 0, AtRisk: > 0, Duplicate: > 0, OutOfRegion: > 0 }, "the case must exercise every outcome");
        var byOutcome = samples.Where(s => s.Family == "egmecc_report_records").ToArray();
        Assert.Equal(["{outcome=\"applied\"}", "{outcome=\"at_risk\"}", "{outcome=\"duplicate\"}", "{outcome=\"out_of_region\"}"], byOutcome.Select(s => s.Labels));
        Assert.Equal(accounting.Records, byOutcome.Sum(s => long.Parse(s.Value, System.Globalization.CultureInfo.InvariantCulture)));
        Assert.Equal(("egmecc_report_clipped_records", "", accounting.Clipped.ToString(System.Globalization.CultureInfo.InvariantCulture)), samples.Single(s => s.Family == "egmecc_report_clipped_records"));
    }

    [Fact]
    public void Write_LabelValues_EscapeBackslashQuoteAndLineEnd()
    {
        var text = Render(MultiHost());

        Assert.Contains("egmecc_region_size_bytes{host=\"rack\\\"7\\\\b\",region=\"egm0\",node=\"0\"} 2147483648\n", text, StringComparison.Ordinal);
        Assert.Equal("{a=\"x\\\\y\\\"z\\nw\",b=\"\"}", ReportPrometheusWriter.Labels(("a", "x\\y\"z\nw"), ("b", "")));
    }

    [Fact]
    public void Write_SingleUnnamedHost_EmptyHostLabelAndEveryRegionFigure()
    {
        var report = Report.Create(ReportSamples.SamplePlan());

        var samples = Samples(Render(report));

        var egm1 = report.Regions[1];
        Assert.Equal(egm1.Stats.UsableBytes.ToString(System.Globalization.CultureInfo.InvariantCulture), samples.Single(s => s.Family == "egmecc_region_usable_bytes" && s.Labels == "{host=\"\",region=\"egm1\",node=\"1\"}").Value);
        Assert.Equal(
            egm1.HugePages.Select(h => ($"{{host=\"\",region=\"egm1\",node=\"1\",size=\"{h.PageSize}\"}}", h.Count.ToString(System.Globalization.CultureInfo.InvariantCulture))),
            samples.Where(s => s.Family == "egmecc_region_hugepages" && s.Labels.Contains("egm1", StringComparison.Ordinal)).Select(s => (s.Labels, s.Value)));
        Assert.All(samples.Where(s => s.Family.StartsWith("egmecc_region_", StringComparison.Ordinal)), s => Assert.StartsWith("{host=\"\",", s.Labels, StringComparison.Ordinal));
    }

    [Fact]
    public void Write_Gates_OnePassedSeriesPerGateAndTheRunsVerdict()
    {
        var samples = Samples(Render(MultiHost()));
        var none = Samples(Render(Report.Create(ReportSamples.SamplePlan())));

        Assert.Equal(
            [
                ("{host=\"gpu-a\",region=\"egm0\",gate=\"usable-percent\"}", "1"),
                ("{host=\"gpu-a\",region=\"egm0\",gate=\"hugepages-1G\"}", "1"),
                ("{host=\"gpu-a\",region=\"egm1\",gate=\"usable-percent\"}", "1"),
                ("{host=\"gpu-a\",region=\"egm1\",gate=\"hugepages-1G\"}", "1"),
                ("{host=\"rack\\\"7\\\\b\",region=\"egm0\",gate=\"usable-percent\"}", "0"),
                ("{host=\"rack\\\"7\\\\b\",region=\"egm0\",gate=\"hugepages-1G\"}", "0"),
                ("{host=\"\",region=\"\",gate=\"warnings\"}", "0"),
            ],
            samples.Where(s => s.Family == "egmecc_report_gate_passed").Select(s => (s.Labels, s.Value)));
        Assert.Equal("0", samples.Single(s => s.Family == "egmecc_report_gates_passed").Value);
        Assert.DoesNotContain(none, s => s.Family == "egmecc_report_gate_passed");
        Assert.Equal("1", none.Single(s => s.Family == "egmecc_report_gates_passed").Value);
    }

    [ToolFact("promtool")]
    public void PromtoolCheckMetrics_SampleHostAndMultiHostReports_PassWithoutLintComplaints()
    {
        foreach (var (name, report) in new[] { ("sample host", Report.Create(ReportSamples.SamplePlan())), ("multi-host", MultiHost()), ("firmware tables", WithTables()) })
        {
            var (code, output, error) = ExternalTools.Run("promtool", ["check", "metrics"], input: Render(report));

            Assert.True(code == 0 && output.Length == 0 && error.Length == 0, $"{name}: promtool exited {code}: {output}{error}");
        }
    }
}
