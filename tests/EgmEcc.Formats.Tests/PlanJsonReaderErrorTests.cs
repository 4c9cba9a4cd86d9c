using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;
using EgmEcc.Formats.Inputs;
using EgmEcc.Formats.Json;
using EgmEcc.Formats.Output;
using EgmEcc.Pipeline;

namespace EgmEcc.Formats.Tests;

/// <summary>
/// A damaged plan is an input error at <c>FILE:LINE</c> (then its JSON path), never a crash:
/// each case here once ended 'egmecc diff' with exit 70, or named no line.
/// </summary>
public class PlanJsonReaderErrorTests
{
    private static readonly JsonSerializerOptions Indented = new() { WriteIndented = true };

    [Theory]
    [InlineData("node", "2147483648", "\"node\": 2147483648", "regions[0].node: PXM 2147483648 is too large")]
    [InlineData("extents", "2147483648", "\"extents\": 2147483648", "regions[0].stats.extents: 2147483648 is more than a plan can list")]
    [InlineData("holes", "2147483648", "\"holes\": 2147483648", "regions[0].stats.holes: 2147483648 is more than a plan can list")]
    [InlineData("id", "\"\"", "{", "a region has an empty id")]
    [InlineData("id", "\"egm\\u001b[2J\"", "{", "region id 'egm\\x1b[2J' holds the control character U+001B; names are printable text")]
    [InlineData("host", "\"h\\u0007\"", "{", "host name 'h\\x07' holds the control character U+0007; names are printable text")]
    public void Read_RegionValueOutOfRange_IsAnErrorAtItsLine(string property, string value, string lineMarker, string message)
    {
        var json = Damage(regions => Set(regions[0]!, property, value));

        var e = Error(json);

        // Errors a region finds in itself are at the line of its object, which opens the line before its first property.
        var line = lineMarker == "{" ? LineOf(json, "\"host\"") - 1 : LineOf(json, lineMarker);
        Assert.Equal($"plan.json:{line}: {message}", e.ToString());
    }

    [Theory]
    [InlineData("\\udc00")]
    [InlineData("\\ud800x")]
    public void Read_LoneSurrogateInAnyString_IsAnErrorAtItsLine(string escape)
    {
        var json = Damage(regions => Set(regions[1]!, "host", "\"HOSTMARK\"")).Replace("HOSTMARK", escape, StringComparison.Ordinal);

        var e = Error(json);

        Assert.Equal($"plan.json:{LineOf(json, escape)}: 'host' is not valid UTF-8 text", e.ToString());
    }

    [Fact]
    public void Read_RawInvalidByteInAString_IsAnErrorAtItsLine()
    {
        var json = Damage(regions => Set(regions[1]!, "host", "\"HOSTMARK\""));
        var bytes = Encoding.UTF8.GetBytes(json);
        var at = json.IndexOf("HOSTMARK", StringComparison.Ordinal);
        bytes[at] = 0xFF;

        var e = Assert.Throws<InputException>(() => PlanJsonReader.Read(InputFile.FromBytes("plan.json", bytes)));

        Assert.Equal($"plan.json:{LineOf(json, "HOSTMARK")}: 'host' is not valid UTF-8 text", e.ToString());
    }

    [Fact]
    public void Read_DuplicateKey_IsAnErrorAtItsLine()
    {
        var json = Damage(_ => { }).Replace("\"usableBytes\":", "\"holeBytes\": 0,\n\"usableBytes\":", StringComparison.Ordinal);

        var e = Error(json);

        Assert.Equal($"plan.json:{LineOf(json, "\"holeBytes\": 0,") + 1 + 1}: property 'holeBytes' appears twice in one object; give each once", e.ToString());
    }

    [Fact]
    public void Read_BadValue_GivesItsLineAndPath()
    {
        var json = Damage(regions => regions[1]!["base"] = "0xZZ");

        var e = Error(json);

        Assert.Equal($"plan.json:{LineOf(json, "0xZZ")}: regions[1].base: '0xZZ' is not a hexadecimal number", e.ToString());
    }

    [Fact]
    public void Read_MissingProperty_GivesTheLineOfItsObject()
    {
        var json = Damage(regions => regions[1]!.AsObject().Remove("stats"));

        var e = Error(json);

        Assert.Equal($"plan.json:{LineOf(json, "\"host\"", nth: 2) - 1}: regions[1]: missing 'stats'", e.ToString());
    }

    [Fact]
    public void Read_OneLinePlan_StillGivesThePath()
    {
        var json = JsonNode.Parse(Damage(regions => regions[1]!["stats"]!["holes"] = -1))!.ToJsonString();

        Assert.Equal("plan.json:1: regions[1].stats.holes: '-1' is not a non-negative integer", Error(json).ToString());
    }

    [Theory]
    [InlineData("3", "regions[0].stats.hugePageCapacity: '3' is not one of the plan's hugepage sizes in bytes (2097152, 33554432, 536870912, 1073741824)")]
    [InlineData("4096", "regions[0].stats.hugePageCapacity: '4096' is not one of the plan's hugepage sizes in bytes (2097152, 33554432, 536870912, 1073741824)")]
    [InlineData("0x200000", "regions[0].stats.hugePageCapacity: '0x200000' is not one of the plan's hugepage sizes in bytes (2097152, 33554432, 536870912, 1073741824)")]
    public void Read_CapacityForASizeTheOptionsDoNotName_IsAnError(string size, string message)
    {
        var json = Damage(regions => regions[0]!["stats"]!["hugePageCapacity"]![size] = 1);

        Assert.Equal($"plan.json:{LineOf(json, "\"hugePageCapacity\"")}: {message}", Error(json).ToString());
    }

    [Fact]
    public void Read_OptionsHugePageNotAPowerOfTwo_IsAnError()
    {
        var json = Damage(regions => regions.Parent!["options"]!["hugePages"] = JsonNode.Parse("[3]"));

        Assert.StartsWith($"plan.json:{LineOf(json, "\"options\"")}: options: ", Error(json).ToString(), StringComparison.Ordinal);
    }

    [Fact]
    public void Read_MoreHugePagesThanFit_IsAnError()
    {
        // Capacity past the ideal made HugePageCapacity.Lost underflow downstream.
        var json = Damage(regions => regions[0]!["stats"]!["hugePageCapacity"]!["2097152"] = ulong.MaxValue);

        Assert.Contains(": regions[0].stats.hugePageCapacity.2097152: 18446744073709551615 blocks of 2097152 bytes do not fit in the region's", Error(json).ToString(), StringComparison.Ordinal);
    }

    [Fact]
    public void Read_HoleWhoseBytesDoNotAddUp_IsAnError()
    {
        var json = Damage(regions => regions[0]!["holes"]![0]!["retiredBytes"] = 1);

        Assert.Contains(": regions[0].holes[0]: retiredBytes 1 and fragmentBytes ", Error(json).ToString(), StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("regions", "[1]", "regions[0]: expected object, found number")]
    [InlineData("hugePageCapacity", "[]", "regions[0].stats.hugePageCapacity: expected object, found array")]
    [InlineData("schema", "\"egmecc.fleet/\\u001b\"", "schema 'egmecc.fleet/\\x1b' is not a plan; expected 'egmecc.plan/1' (a plan written as JSON)")]
    public void Read_WrongShape_IsAnInputError(string where, string value, string message)
    {
        var json = Damage(regions =>
        {
            switch (where)
            {
                case "regions": regions.Parent!["regions"] = JsonNode.Parse(value); break;
                case "hugePageCapacity": regions[0]!["stats"]!["hugePageCapacity"] = JsonNode.Parse(value); break;
                default: regions.Parent!["schema"] = JsonNode.Parse(value); break;
            }
        });

        Assert.EndsWith($": {message}", Error(json).ToString(), StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("")]
    [InlineData("\n  \n")]
    public void Read_EmptyFile_SaysSo(string text)
    {
        Assert.Equal("plan.json:1: the file is empty; expected a plan (a plan written as JSON)", Error(text).ToString());
    }

    [Fact]
    public void Read_RegionsThatOverlap_NameBothLines()
    {
        var json = Damage(regions =>
        {
            var copy = regions[0]!.DeepClone();
            copy["id"] = "egm9";
            copy["node"] = 9;
            regions.Add(copy);
        });

        var e = Error(json);

        Assert.Matches(@"^plan\.json:\d+: region 'egm9' .* overlaps region 'egm0' .* at plan\.json:\d+$", e.ToString());
        Assert.NotEqual(0, e.Location.Line);
    }

    /// <summary>A written plan of the two-socket sample with retired pages, indented, after <paramref name="damage"/>.</summary>
    private static string Damage(Action<JsonArray> damage)
    {
        var plan = new HostInputs
        {
            Regions = [InputFile.FromPath(TestInputs.DataPath("samples/grace-2s.regions.csv"))],
            Retired = [InputFile.FromPath(TestInputs.DataPath("samples/grace-2s.retired.csv"))],
        }.Plan(PlanOptions.Default);
        var output = new StringWriter();
        new PlanJsonWriter().Write(plan, output, OutputOptions.Default);
        var json = JsonNode.Parse(output.ToString())!;
        damage(json["regions"]!.AsArray());
        return json.ToJsonString(Indented);
    }

    private static void Set(JsonNode region, string property, string value)
    {
        var target = property is "extents" or "holes" ? region["stats"]! : region;
        target[property] = JsonNode.Parse(value);
    }

    private static InputException Error(string json) =>
        Assert.Throws<InputException>(() => PlanJsonReader.Read(InputFile.FromBytes("plan.json", Encoding.UTF8.GetBytes(json))));

    /// <summary>The line of the <paramref name="nth"/> occurrence of <paramref name="marker"/>.</summary>
    private static long LineOf(string json, string marker, int nth = 1)
    {
        var at = -1;
        for (var i = 0; i < nth; i++)
        {
            at = json.IndexOf(marker, at + 1, StringComparison.Ordinal);
        }

        Assert.True(at >= 0, $"no {marker} in the plan");
        return 1 + json[..at].Count(c => c == '\n');
    }
}
