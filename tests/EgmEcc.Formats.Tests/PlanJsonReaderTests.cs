using System.Text;
using EgmEcc.Diffing;
using EgmEcc.Formats.Inputs;
using EgmEcc.Formats.Json;
using EgmEcc.Formats.Output;
using EgmEcc.Formats.Output.Documents;
using EgmEcc.Pipeline;

namespace EgmEcc.Formats.Tests;

public class PlanJsonReaderTests
{
    /// <summary>The sample fleet as host-column files: a plan of several hosts.</summary>
    private static readonly string FleetRegions = Repo.PathOf("data/fleet/regions.csv");

    private static readonly string FleetRetired = Repo.PathOf("data/fleet/retired.csv");

    [Fact]
    public void Read_WrittenFleetPlan_WritesBackByteForByte()
    {
        var plan = new HostInputs
        {
            Regions = [InputFile.FromPath(FleetRegions)],
            Retired = [InputFile.FromPath(FleetRetired)],
        }.Plan(PlanOptions.Default);
        var json = Write(plan);

        var read = PlanJsonReader.Read(InputFile.FromBytes("plan.json", Encoding.UTF8.GetBytes(json)));

        Assert.Equal(json, Write(read));
        Assert.Equal(7, read.Regions.Length);
        Assert.Equal(plan.Accounting, read.Accounting);
    }

    [Fact]
    public void Read_OtherSchema_IsAnInputError()
    {
        var e = Assert.Throws<InputException>(() => PlanJsonReader.Read(InputFile.FromBytes("x.json", """{"schema": "egmecc.fleet/1"}"""u8.ToArray())));
        Assert.Contains("'egmecc.fleet/1' is not a plan", e.Message);
    }

    [Fact]
    public void Read_MalformedJson_ReportsTheLine()
    {
        var e = Assert.Throws<InputException>(() => PlanJsonReader.Read(InputFile.FromBytes("x.json", "{\n\"schema\": \n}"u8.ToArray())));
        Assert.Equal("x.json:3", e.Location.ToString());
    }

    [Fact]
    public void Read_BadHex_NamesThePath()
    {
        const string Json = """
            {"schema": "egmecc.plan/1",
             "options": {"granule": 65536, "guestPage": 65536, "layoutGranule": 65536, "minExtent": 65536, "hugePages": [2097152]},
             "regions": [{"host": "", "id": "egm0", "node": 0, "base": "0xZZ", "size": "0x40000000", "usable": [], "holes": [], "stats": {}}],
             "accounting": {"records": 0, "applied": 0, "duplicate": 0, "clipped": 0, "outOfRegion": 0}}
            """;
        var e = Assert.Throws<InputException>(() => PlanJsonReader.Read(InputFile.FromBytes("x.json", Encoding.UTF8.GetBytes(Json))));
        Assert.StartsWith("regions[0].base", e.Message);
    }

    // Regression: a region listed twice, or stats that do not add up, crashed 'egmecc diff' (exit 70).
    [Theory]
    [InlineData("twice", "regions[7]: region 'egm0' of host 'gh-a01' appears again (first at regions[0]); a plan lists each region once")]
    [InlineData("stats", "usableBytes 18446744073709551615 and holeBytes")]
    [InlineData("overlap", "overlaps region 'egm0'")]
    [InlineData("unsorted", "regions[0].holes[1]: ")]
    public void Read_InconsistentPlan_IsAnInputError(string damage, string message)
    {
        var plan = new HostInputs
        {
            Regions = [InputFile.FromPath(FleetRegions)],
            Retired = [InputFile.FromPath(FleetRetired)],
        }.Plan(PlanOptions.Default);
        var json = System.Text.Json.Nodes.JsonNode.Parse(Write(plan))!;
        var regions = json["regions"]!.AsArray();
        switch (damage)
        {
            case "twice":
                regions.Add(regions[0]!.DeepClone());
                break;
            case "stats":
                regions[0]!["stats"]!["usableBytes"] = ulong.MaxValue;
                break;
            case "unsorted":
                var holes = regions[0]!["holes"]!.AsArray();
                var first = holes[0]!.DeepClone();
                holes[0] = holes[1]!.DeepClone();
                holes[1] = first;
                break;
            default:
                var copy = regions[0]!.DeepClone();
                copy["id"] = "egm9";
                copy["node"] = 9;
                regions.Add(copy);
                break;
        }

        var e = Assert.Throws<InputException>(() => PlanJsonReader.Read(InputFile.FromBytes("plan.json", Encoding.UTF8.GetBytes(json.ToJsonString()))));

        Assert.StartsWith("plan.json", e.Location.ToString(), StringComparison.Ordinal);
        Assert.Contains(message, e.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Read_DiffOfReadBackPlans_SameAsOfThePlansThemselves()
    {
        // The JSON has no per-region record counts (they read back as 0): the diff must not depend on them.
        var inputs = new HostInputs
        {
            Regions = [InputFile.FromPath(FleetRegions)],
            Retired = [InputFile.FromPath(FleetRetired)],
        };
        var old = inputs.Plan(PlanOptions.Default);
        var more = InputFile.FromBytes("more.csv", "host,address,size\ngh-a02,0x3000000000,\ngh-b01,0x3000120000,128K\n"u8.ToArray());
        var @new = (inputs with { Retired = [.. inputs.Retired, more] }).Plan(PlanOptions.Default);
        Assert.Contains(@new.Regions, r => r.Stats.AppliedRecords > 0);

        var direct = DiffJson(PlanDiff.Compare(old, @new));
        var readBack = DiffJson(PlanDiff.Compare(ReadBack(old), ReadBack(@new)));

        Assert.Equal(direct, readBack);
        Assert.Contains("0x3000120000", readBack);
        Assert.DoesNotContain("applied", readBack);
    }

    private static Plan ReadBack(Plan plan) => PlanJsonReader.Read(InputFile.FromBytes("plan.json", Encoding.UTF8.GetBytes(Write(plan))));

    private static string DiffJson(PlanDiff diff)
    {
        var output = new StringWriter();
        new DiffJsonWriter().Write(diff, output);
        return output.ToString();
    }

    private static string Write(Plan plan)
    {
        var output = new StringWriter();
        new PlanJsonWriter().Write(plan, output, OutputOptions.Default);
        return output.ToString();
    }
}
