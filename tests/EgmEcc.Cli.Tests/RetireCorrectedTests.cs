using System.Text.Json.Nodes;

namespace EgmEcc.Cli.Tests;

/// <summary>
/// <c>--retire-corrected</c> (docs/design.md §2): corrected errors of the sample kernel log are
/// at-risk pages by default, retired with the flag, on every verb that plans.
/// </summary>
public class RetireCorrectedTests
{
    private static readonly string Regions = Cli.Data("samples", "grace-2s.regions.csv");
    private static readonly string KernelLog = Cli.Data("samples", "grace-2s.kmsg.log");

    [Fact]
    public void Plan_CorrectedErrorsByDefault_AreAtRiskAndLeftUsable()
    {
        var run = Cli.Run("plan", "--regions", Regions, "--retired", KernelLog, "--format", "json");
        var plan = JsonNode.Parse(run.Out)!;
        var egm1 = plan["regions"]![1]!;

        Assert.True(run.Exit == 0, run.ToString());
        // The sample's corrected error in egm0 is at risk, not a hole; those in egm1 lie in a retired page.
        Assert.DoesNotContain(plan["regions"]![0]!["holes"]!.AsArray(), h => (string?)h!["offset"] == "0x1000050000");
        Assert.Equal("""[{"offset":"0x1000050000","address":"0x3000050000","size":"0x10000"}]""", plan["regions"]![0]!["atRisk"]!.ToJsonString(new System.Text.Json.JsonSerializerOptions { WriteIndented = false }));
        Assert.Empty(egm1["atRisk"]!.AsArray());
        Assert.Equal(3, (long)plan["accounting"]!["atRisk"]!);
    }

    [Fact]
    public void Plan_RetireCorrected_RetiresThemAndLeavesNothingAtRisk()
    {
        var atRisk = JsonNode.Parse(Cli.Run("plan", "--regions", Regions, "--retired", KernelLog).Out)!;
        var run = Cli.Run("plan", "--regions", Regions, "--retired", KernelLog, "--retire-corrected");
        var conservative = JsonNode.Parse(run.Out)!;

        Assert.True(run.Exit == 0, run.ToString());
        Assert.All(conservative["regions"]!.AsArray(), r => Assert.Empty(r!["atRisk"]!.AsArray()));
        Assert.Equal(0, (long)conservative["accounting"]!["atRisk"]!);

        // What was at risk is now retired: the applied and duplicate records gain the at-risk ones.
        var before = atRisk["accounting"]!;
        var after = conservative["accounting"]!;
        Assert.Equal((long)before["applied"]! + (long)before["duplicate"]! + (long)before["atRisk"]!, (long)after["applied"]! + (long)after["duplicate"]!);
        Assert.True((long)conservative["regions"]![0]!["stats"]!["retiredBytes"]! > (long)atRisk["regions"]![0]!["stats"]!["retiredBytes"]!);
    }

    [Fact]
    public void Validate_CountsTheAtRiskRecords()
    {
        var byDefault = Cli.Run("validate", "--regions", Regions, "--retired", KernelLog);
        var conservative = Cli.Run("validate", "--regions", Regions, "--retired", KernelLog, "--retire-corrected");

        Assert.StartsWith("regions 2, records 11: applied 6, at-risk 3, duplicate 1, out-of-region 1, clipped 0;", byDefault.Out, StringComparison.Ordinal);
        Assert.StartsWith("regions 2, records 11: applied 7, duplicate 3, out-of-region 1, clipped 0;", conservative.Out, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("report", "--format", "json")]
    [InlineData("validate")]
    public void OtherSingleHostVerbs_AcceptTheFlag(params string[] verb)
    {
        var run = Cli.Run([.. verb, "--regions", Regions, "--retired", KernelLog, "--retire-corrected"]);

        Assert.True(run.Exit == 0, run.ToString());
    }

    [Fact]
    public void FleetAndForecast_RetireCorrected_ReachesEveryHostsPlan()
    {
        var dir = Cli.TemporaryDirectory();
        try
        {
            var host = Directory.CreateDirectory(Path.Combine(dir, "gh-k01")).FullName;
            File.Copy(Regions, Path.Combine(host, "regions.csv"));
            File.Copy(KernelLog, Path.Combine(host, "kmsg.log"));

            var byDefault = JsonNode.Parse(Cli.Run("fleet", "--dir", dir, "--format", "json").Out)!;
            var run = Cli.Run("fleet", "--dir", dir, "--format", "json", "--retire-corrected");
            var conservative = JsonNode.Parse(run.Out)!;
            var forecast = Cli.Run("forecast", "--dir", dir, "--rate", "0", "--trials", "2", "--retire-corrected");

            Assert.True(run.Exit == 0, run.ToString());
            Assert.True((long)byDefault["totals"]!["atRiskPages"]! > 0);
            Assert.Equal(0, (long)conservative["totals"]!["atRiskPages"]!);
            Assert.True(forecast.Exit == 0, forecast.ToString());
        }
        finally
        {
            Directory.Delete(dir, recursive: true);
        }
    }
}
