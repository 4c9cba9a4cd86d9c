using System.Text.Json.Nodes;
using EgmEcc.Fleet;
using EgmEcc.Formats.Output.Documents;

namespace EgmEcc.Formats.Tests.Output;

/// <summary>
/// Fleet summaries carry each host's fullest firmware table (docs/design.md §4.7): the largest of
/// its tables, of a known region or not; the fleet row the fullest host's; none when none was read.
/// </summary>
public class FleetTableFillTests
{
    private static Plan PlanWithTables(params (string? Region, int Entries)[] tables) =>
        Planner.Create(TestInputs.Grace2s(), [], PlanOptions.Default) with
        {
            FirmwareTables = [.. tables.Select(t => new FirmwareTableFill(SourceLocation.InFile("t"), string.Empty, t.Region, t.Entries))],
        };

    private static FleetReport Fleet() => new()
    {
        Options = PlanOptions.Default,
        Hosts =
        [
            HostSummary.FromPlan("a", PlanWithTables(("egm0", 14), ("egm0", 12), ("egm1", 11)), null),
            HostSummary.FromPlan("b", PlanWithTables((null, 3584)), null),
            HostSummary.FromPlan("c", PlanWithTables(), null),
        ],
    };

    [Fact]
    public void HostSummary_LargestTableOfItsRegions_AndTheFleetsFullest()
    {
        var fleet = Fleet();

        Assert.Equal([14, 3584, null], fleet.Hosts.Select(h => h.TableEntries).ToArray());
        Assert.Equal([4082, 512, null], fleet.Hosts.Select(h => h.TableEntriesLeft).ToArray());
        Assert.Equal(3584, fleet.Totals.TableEntries);
    }

    [Fact]
    public void FleetCsv_TableColumnsLast_EmptyWithoutATable()
    {
        var csv = Write(new FleetCsvWriter(), Fleet()).Split('\n');

        Assert.EndsWith(",belowThreshold,tableEntries,tableEntriesLeft", csv[0], StringComparison.Ordinal);
        Assert.EndsWith(",14,4082", csv[1], StringComparison.Ordinal);
        Assert.EndsWith(",3584,512", csv[2], StringComparison.Ordinal);
        Assert.EndsWith(",0,,", csv[3], StringComparison.Ordinal);
        Assert.EndsWith(",3584,512", csv[4], StringComparison.Ordinal);
    }

    [Fact]
    public void FleetJson_TableEntriesPerHostAndInTotals_NullWithoutATable()
    {
        var json = JsonNode.Parse(Write(new FleetJsonWriter(), Fleet()))!;

        Assert.Equal(14, (int)json["hosts"]![0]!["tableEntries"]!);
        Assert.Equal(4082, (int)json["hosts"]![0]!["tableEntriesLeft"]!);
        Assert.Null(json["hosts"]![2]!["tableEntries"]);
        Assert.Null(json["hosts"]![2]!["tableEntriesLeft"]);
        Assert.Equal(3584, (int)json["totals"]!["tableEntries"]!);
        Assert.Equal(512, (int)json["totals"]!["tableEntriesLeft"]!);
    }

    [Fact]
    public void FleetText_FwTableColumnOnlyWhenATableWasRead()
    {
        var text = Write(new FleetTextWriter(), Fleet()).Split('\n');
        var none = Write(new FleetTextWriter(), new FleetReport { Options = PlanOptions.Default, Hosts = [Fleet().Hosts[2]] });

        Assert.Matches(@"^host +regions .* fw table +records +warnings$", text[0]);
        Assert.Matches(@"^a .* 14/4096 +0 +0$", text[2]);
        Assert.Matches(@"^c .* - +0 +0$", text[4]);
        Assert.Matches(@"^fleet \(3 hosts\) .* 3584/4096 +0 +0$", text[6]);
        Assert.DoesNotContain("fw table", none, StringComparison.Ordinal);
    }

    private static string Write(IDocumentWriter<FleetReport> writer, FleetReport report)
    {
        var output = new StringWriter { NewLine = "\n" };
        writer.Write(report, output);
        return output.ToString();
    }
}
