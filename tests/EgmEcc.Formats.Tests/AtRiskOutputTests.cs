using System.Collections.Immutable;
using System.Text;
using System.Text.Json.Nodes;
using EgmEcc.Fleet;
using EgmEcc.Formats.Inputs;
using EgmEcc.Formats.Json;
using EgmEcc.Formats.Output;
using EgmEcc.Formats.Output.Documents;
using EgmEcc.Formats.Reports;
using EgmEcc.Reporting;

namespace EgmEcc.Formats.Tests;

/// <summary>At-risk pages (corrected errors, docs/design.md §2) in every output that shows them.</summary>
public class AtRiskOutputTests
{
    private const ulong Base = 0x20_0000_0000;

    /// <summary>One region with a retired page at 1 MiB and two at-risk pages at 2 MiB (one more, in the hole, counts but is not at risk).</summary>
    private static Plan AtRiskPlan(PlanOptions? options = null)
    {
        var at = SourceLocation.AtLine("k.log", 1);
        RetiredRecord[] records =
        [
            RetiredRecord.AtAddress(Base + 0x10_0000, 0, at),
            RetiredRecord.AtAddress(Base + 0x20_0000, 0x2_0000, SourceLocation.AtLine("k.log", 2), kind: RecordKind.AtRisk),
            RetiredRecord.AtAddress(Base + 0x10_0000, 0, SourceLocation.AtLine("k.log", 3), kind: RecordKind.AtRisk),
        ];
        var regions = RegionSet.Create([new Region("egm0", 0, Base, 1UL << 30, SourceLocation.AtLine("r.csv", 2))]);
        return Planner.Create(regions, records, options ?? PlanOptions.Default);
    }

    private static string PlanJson(Plan plan)
    {
        var output = new StringWriter { NewLine = "\n" };
        new PlanJsonWriter().Write(plan, output, OutputOptions.Default);
        return output.ToString();
    }

    [Fact]
    public void PlanJson_AtRiskAfterHolesStatsAfterFragmentBytesAccountingAfterApplied()
    {
        var json = PlanJson(AtRiskPlan());
        var region = JsonNode.Parse(json)!["regions"]![0]!.AsObject();

        Assert.Equal(["host", "id", "node", "base", "size", "usable", "holes", "atRisk", "stats"], region.Select(p => p.Key).ToArray());
        Assert.Equal("""[{"offset":"0x200000","address":"0x2000200000","size":"0x20000"}]""", region["atRisk"]!.ToJsonString());
        var stats = region["stats"]!.AsObject().Select(p => p.Key).ToArray();
        Assert.Equal(["retiredBytes", "fragmentBytes", "atRiskBytes", "atRiskPages", "largestExtentBytes"], stats[3..8]);
        Assert.Equal(0x2_0000, (long)region["stats"]!["atRiskBytes"]!);
        Assert.Equal(2, (long)region["stats"]!["atRiskPages"]!);
        var accounting = JsonNode.Parse(json)!["accounting"]!.AsObject();
        Assert.Equal(["records", "applied", "atRisk", "duplicate", "clipped", "outOfRegion"], accounting.Select(p => p.Key).ToArray());
        Assert.Equal(2, (long)accounting["atRisk"]!);
    }

    [Fact]
    public void PlanJson_NoAtRisk_StillWritesTheEmptyListAndZeros()
    {
        var json = JsonNode.Parse(PlanJson(AtRiskPlan(new PlanOptions(retireCorrected: true))))!;

        Assert.Equal("[]", json["regions"]![0]!["atRisk"]!.ToJsonString());
        Assert.Equal(0, (long)json["regions"]![0]!["stats"]!["atRiskPages"]!);
        Assert.Equal(0, (long)json["accounting"]!["atRisk"]!);
    }

    [Fact]
    public void PlanJsonReader_AtRisk_ReadsBackByteForByte()
    {
        var plan = AtRiskPlan();
        var json = PlanJson(plan);

        var read = PlanJsonReader.Read(InputFile.FromBytes("plan.json", Encoding.UTF8.GetBytes(json)));

        Assert.Equal(plan.Regions[0].AtRisk.ToArray(), read.Regions[0].AtRisk.ToArray());
        Assert.Equal(2UL, read.Regions[0].Stats.AtRiskPages);
        Assert.Equal(plan.Accounting, read.Accounting);
        Assert.Equal(json, PlanJson(read));
    }

    [Fact]
    public void PlanJsonReader_PlanFromBeforeAtRisk_ReadsAsNone()
    {
        var json = JsonNode.Parse(PlanJson(AtRiskPlan(new PlanOptions(retireCorrected: true))))!;
        var region = json["regions"]![0]!.AsObject();
        region.Remove("atRisk");
        region["stats"]!.AsObject().Remove("atRiskBytes");
        region["stats"]!.AsObject().Remove("atRiskPages");
        json["accounting"]!.AsObject().Remove("atRisk");

        var read = PlanJsonReader.Read(InputFile.FromBytes("old.json", Encoding.UTF8.GetBytes(json.ToJsonString())));

        Assert.Empty(read.Regions[0].AtRisk);
        Assert.Equal(0UL, read.Regions[0].Stats.AtRiskBytes);
        Assert.Equal(0, read.Accounting.AtRisk);
        Assert.True(read.Accounting.IsBalanced);
    }

    [Fact]
    public void PlanJsonReader_AtRiskOutsideTheRegion_IsAnInputErrorNamingThePath()
    {
        var json = JsonNode.Parse(PlanJson(AtRiskPlan()))!;
        json["regions"]![0]!["atRisk"]![0]!["offset"] = "0x40000000";

        var e = Assert.Throws<InputException>(() => PlanJsonReader.Read(InputFile.FromBytes("bad.json", Encoding.UTF8.GetBytes(json.ToJsonString()))));

        Assert.StartsWith("regions[0].atRisk[0]: ", e.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void PlanText_AtRisk_SummaryLineRowsAndAccounting()
    {
        var output = new StringWriter { NewLine = "\n" };
        new PlanTextWriter().Write(AtRiskPlan(), output, OutputOptions.Default);
        var text = output.ToString();

        Assert.Contains("  at risk (corrected errors, left usable): 2 page(s) of 64K, 128 KiB in 1 range(s)\n", text, StringComparison.Ordinal);
        Assert.Contains("  risk    0x200000            0x2000200000        0x20000             128 KiB\n", text, StringComparison.Ordinal);
        Assert.Contains("records 3: applied 1, at-risk 2, duplicate 0, out-of-region 0 (clipped 0)\n", text, StringComparison.Ordinal);
    }

    [Fact]
    public void PlanText_NoAtRisk_SaysNothingOfIt()
    {
        var output = new StringWriter { NewLine = "\n" };
        new PlanTextWriter().Write(AtRiskPlan(new PlanOptions(retireCorrected: true)), output, OutputOptions.Default);

        Assert.DoesNotContain("risk", output.ToString(), StringComparison.Ordinal);
    }

    [Fact]
    public void Report_TerminalAndHtml_ShowARowForTheAtRiskRegion()
    {
        var report = Report.Create(AtRiskPlan());
        var terminal = new StringWriter { NewLine = "\n" };
        var html = new StringWriter { NewLine = "\n" };

        new ReportTerminalWriter().Write(report, terminal, ReportOutputOptions.Plain);
        new ReportHtmlWriter().Write(report, html, ReportOutputOptions.Plain);

        Assert.Contains("\n  at risk 2 page(s), 128 KiB in 1 range(s) (corrected errors, left usable)\n", terminal.ToString(), StringComparison.Ordinal);
        Assert.Contains("retired records 3: 1 applied, 2 at-risk, 0 duplicate", terminal.ToString(), StringComparison.Ordinal);
        Assert.Contains("<tr><th>at risk (corrected, usable)</th><td>2 page(s), 128 KiB in 1 range(s)</td></tr>", html.ToString(), StringComparison.Ordinal);
        Assert.Contains("retired records 3: 1 applied, 2 at-risk, 0 duplicate", html.ToString(), StringComparison.Ordinal);
    }

    [Fact]
    public void Report_NoAtRisk_NoRow()
    {
        var report = Report.Create(AtRiskPlan(new PlanOptions(retireCorrected: true)));
        var terminal = new StringWriter { NewLine = "\n" };

        new ReportTerminalWriter().Write(report, terminal, ReportOutputOptions.Plain);

        Assert.DoesNotContain("at risk", terminal.ToString(), StringComparison.Ordinal);
        Assert.DoesNotContain("at-risk", terminal.ToString(), StringComparison.Ordinal);
    }

    [Fact]
    public void Fleet_AtRiskPages_InHostAndFleetRowsOfEveryFormat()
    {
        var fleet = new FleetReport
        {
            Options = PlanOptions.Default,
            Hosts = [HostSummary.FromPlan("a", AtRiskPlan(), null), HostSummary.FromPlan("b", AtRiskPlan(new PlanOptions(retireCorrected: true)), null)],
        };

        Assert.Equal((UInt128)2, fleet.Totals.AtRiskPages);
        Assert.Equal(2, fleet.Totals.Accounting.AtRisk);

        var text = Write(new FleetTextWriter(), fleet).Split('\n');
        Assert.Matches(@"^host +regions .* at-risk +records +warnings$", text[0]);
        Assert.Matches(@"^a .* 2 +3 +\d+$", text[2]);
        Assert.Matches(@"^b .* 0 +3 +\d+$", text[3]);
        Assert.Matches(@"^fleet \(2 hosts\) .* 2 +6 +\d+$", text[5]);

        var csv = Write(new FleetCsvWriter(), fleet).Split('\n');
        var columns = csv[0].Split(',');
        var at = Array.IndexOf(columns, "atRiskPages");
        Assert.Equal(Array.IndexOf(columns, "vmFit") + 1, at);
        Assert.Equal(["2", "0", "2"], csv[1..4].Select(row => row.Split(',')[at]).ToArray());

        var json = JsonNode.Parse(Write(new FleetJsonWriter(), fleet))!;
        Assert.Equal(2, (long)json["hosts"]![0]!["atRiskPages"]!);
        Assert.Equal(2, (long)json["hosts"]![0]!["regions"]![0]!["atRiskPages"]!);
        Assert.Equal(2, (long)json["hosts"]![0]!["accounting"]!["atRisk"]!);
        Assert.Equal(2, (long)json["totals"]!["atRiskPages"]!);
    }

    [Fact]
    public void FleetText_NoAtRiskAnywhere_NoColumn()
    {
        var fleet = new FleetReport { Options = PlanOptions.Default, Hosts = [HostSummary.FromPlan("b", AtRiskPlan(new PlanOptions(retireCorrected: true)), null)] };

        Assert.DoesNotContain("at-risk", Write(new FleetTextWriter(), fleet), StringComparison.Ordinal);
    }

    private static string Write(IDocumentWriter<FleetReport> writer, FleetReport report)
    {
        var output = new StringWriter { NewLine = "\n" };
        writer.Write(report, output);
        return output.ToString();
    }
}
