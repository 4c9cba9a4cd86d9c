using System.Text.Json.Nodes;
using static EgmEcc.Cli.Tests.Cli;

namespace EgmEcc.Cli.Tests;

public partial class EgmEccCliTests
{
    private const string SampleWarning = "egmecc: warning: data/samples/grace-2s.retired.csv:37: retired record at 0x81230000 (64K) lies in no region; counted out-of-region";

    [Theory]
    [InlineData("json", "json")]
    [InlineData("csv", "csv")]
    [InlineData("text", "txt")]
    public void Plan_SampleInEachFormat_MatchesTheFormatsGoldenFile(string format, string extension)
    {
        var result = Run("plan", "--regions", Regions, "--retired", Retired, "--format", format);

        Assert.True(result.Exit == 0, result.ToString());
        Assert.Equal(File.ReadAllText(Repo.PathOf($"tests/EgmEcc.Formats.Tests/Golden/grace-2s.plan.{extension}")), result.Out);
        Assert.Equal(SampleWarning + "\n", result.Error);
    }

    [Fact]
    public void Plan_NoFormat_WritesJson()
    {
        var result = Run("plan", "--regions", Regions, "--retired", Retired);

        Assert.Equal("egmecc.plan/1", (string?)JsonNode.Parse(result.Out)!["schema"]);
    }

    [Fact]
    public void Plan_NoRetiredFiles_PlansWholeRegions()
    {
        var result = Run("plan", "--regions", Regions, "--format", "csv");

        Assert.Equal(0, result.Exit);
        Assert.Equal("host,region,node,kind,offset,address,size\n,egm0,0,usable,0x0,0x2000000000,0x6000000000\n,egm1,1,usable,0x0,0x402000000000,0x6000000000\n", result.Out);
        Assert.Equal(string.Empty, result.Error);
    }

    [Fact]
    public void Plan_RetiredSplitOverSeveralFiles_GivesTheSamePlan()
    {
        var dir = TemporaryDirectory();
        try
        {
            var lines = File.ReadAllLines(Repo.PathOf(Retired)).Where(l => !l.StartsWith('#')).ToArray();
            var (header, rows) = (lines[0], lines[1..]);
            var parts = new[] { rows[..10], rows[10..25], rows[25..] }.Select((part, i) =>
            {
                var path = Path.Combine(dir, $"part{i}.csv");
                File.WriteAllLines(path, [header, .. part]);
                return path;
            }).ToArray();

            var whole = Json(Run("plan", "--regions", Regions, "--retired", Retired));
            var split = Json(Run("plan", "--regions", Regions, "--retired", parts[0], "--retired", parts[1], "--retired", parts[2]));

            Assert.Equal(Path.Combine(dir, "part2.csv") + ":10", (string?)split["diagnostics"]![0]!["source"]);
            whole.Remove("diagnostics");
            split.Remove("diagnostics");
            Assert.Equal(whole.ToJsonString(), split.ToJsonString());
        }
        finally
        {
            Directory.Delete(dir, recursive: true);
        }
    }

    [Fact]
    public void Plan_RetiredFromStandardInput_ReadsItAsDash()
    {
        var result = RunWithInput(File.ReadAllText(Repo.PathOf(Retired)), "plan", "--regions", Regions, "--retired", "-");
        var fromFile = Json(Run("plan", "--regions", Regions, "--retired", Retired));
        var fromStdin = Json(result);

        Assert.Equal("egmecc: warning: -:37: retired record at 0x81230000 (64K) lies in no region; counted out-of-region\n", result.Error);
        fromFile.Remove("diagnostics");
        fromStdin.Remove("diagnostics");
        Assert.Equal(fromFile.ToJsonString(), fromStdin.ToJsonString());
    }

    [Fact]
    public void Plan_RegionsFromStandardInput_ReadsThem()
    {
        var result = RunWithInput(File.ReadAllText(Repo.PathOf(Regions)), "plan", "--regions", "-", "--format", "csv");

        Assert.Equal(0, result.Exit);
        Assert.Equal(3, result.Out.Split('\n', StringSplitOptions.RemoveEmptyEntries).Length);
    }

    [Fact]
    public void Plan_JsonPlanAsRegions_PlansTheSameRegions()
    {
        var dir = TemporaryDirectory();
        try
        {
            var plan = Path.Combine(dir, "plan.json");
            Assert.Equal(0, Run("plan", "--regions", Regions, "--retired", Retired, "--output", plan).Exit);

            var again = Run("plan", "--regions", plan, "--retired", Retired, "--format", "csv");

            Assert.Equal(Run("plan", "--regions", Regions, "--retired", Retired, "--format", "csv").Out, again.Out);
        }
        finally
        {
            Directory.Delete(dir, recursive: true);
        }
    }

    [Fact]
    public void Plan_RegionsSplitOverCsvAndJson_GivesTheSamePlan()
    {
        var dir = TemporaryDirectory();
        try
        {
            var csv = Path.Combine(dir, "socket0.csv");
            var json = Path.Combine(dir, "socket1.regions");
            File.WriteAllText(csv, "id,node,base,size\negm0,0,0x0000_0020_0000_0000,384G\n");
            File.WriteAllText(json, """[{"id": "egm1", "node": 1, "base": "0x402000000000", "size": 412316860416}]""");

            var split = Run("plan", "--regions", json, "--regions", csv, "--retired", Retired, "--format", "csv");

            Assert.Equal(Run("plan", "--regions", Regions, "--retired", Retired, "--format", "csv").Out, split.Out);
        }
        finally
        {
            Directory.Delete(dir, recursive: true);
        }
    }

    [Fact]
    public void Plan_ManyWarnings_PrintsTwentyAndCountsTheRest()
    {
        var records = string.Concat(Enumerable.Range(1, 25).Select(i => $"0x{i:x}0000\n"));
        var result = RunWithInput("address\n" + records, "plan", "--regions", Regions, "--retired", "-", "--format", "csv");

        Assert.Equal(0, result.Exit);
        Assert.Equal(21, result.ErrorLines.Length);
        Assert.All(result.ErrorLines[..20], line => Assert.StartsWith("egmecc: warning: -:", line, StringComparison.Ordinal));
        Assert.Equal("egmecc: warning: -:2: retired record at 0x10000 (64K) lies in no region; counted out-of-region", result.ErrorLines[0]);
        Assert.Equal("egmecc: ... and 5 more warning(s); --format json lists them all", result.ErrorLines[20]);
    }

    private static JsonObject Json(CliResult result)
    {
        Assert.True(result.Exit == 0, result.ToString());
        return JsonNode.Parse(result.Out)!.AsObject();
    }
}
