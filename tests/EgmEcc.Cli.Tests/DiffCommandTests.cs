using System.Text.Json;

namespace EgmEcc.Cli.Tests;

public class DiffCommandTests
{
    private static readonly string Regions = Cli.Data("fleet", "regions.csv");
    private static readonly string Retired = Cli.Data("fleet", "retired.csv");

    [Fact]
    public void Diff_PlanWithItself_IsEmpty()
    {
        var plan = WritePlan(Retired);
        var text = Cli.Run("diff", plan, plan);
        Assert.Equal(0, text.Exit);
        Assert.Equal("no changes\n", text.Out);

        using var json = JsonDocument.Parse(Cli.Run("diff", plan, plan, "--format", "json").Out);
        Assert.Equal(0, json.RootElement.GetProperty("regions").GetArrayLength());
        Assert.Equal(0, json.RootElement.GetProperty("hosts").GetArrayLength());
    }

    [Fact]
    public void Diff_AfterAddingRecords_ReportsExactlyThoseHoles()
    {
        var old = WritePlan(Retired);
        var more = Path.Combine(Cli.TemporaryDirectory(), "retired.csv");
        File.WriteAllText(more, File.ReadAllText(Retired) + "gh-a02,0x0000003000000000,\ngh-b01,0x0000003000120000,128K\n");
        var @new = WritePlan(more);

        var run = Cli.Run("diff", old, @new, "--format", "json");
        Assert.Equal(0, run.Exit);
        using var json = JsonDocument.Parse(run.Out);
        var regions = json.RootElement.GetProperty("regions").EnumerateArray().ToArray();
        Assert.Equal(["gh-a02/egm0", "gh-b01/egm0"], regions.Select(r => $"{r.GetProperty("host").GetString()}/{r.GetProperty("id").GetString()}").ToArray());
        var holes = regions.Select(r => r.GetProperty("newHoles").EnumerateArray().Select(h => $"{h.GetProperty("address").GetString()}+{h.GetProperty("size").GetString()}").Single()).ToArray();
        Assert.Equal(["0x3000000000+0x10000", "0x3000120000+0x20000"], holes);
        Assert.All(regions, r => Assert.Equal(0, r.GetProperty("clearedHoles").GetArrayLength()));

        var text = Cli.Run("diff", old, @new).Out;
        Assert.Contains("gh-a02 egm0: changed", text);
        Assert.Contains("+ hole 0xe00000000 size 0x10000 (SPA 0x3000000000)", text);
    }

    [Fact]
    public void Diff_FleetPlanJsonOfTheTree_MatchesThePlanOfTheHostColumnForm()
    {
        var fleetPlan = Path.Combine(Cli.TemporaryDirectory(), "fleet-plan.json");
        var run = Cli.Run("fleet", "--dir", Cli.Data("fleet", "hosts"), "--plan-json", fleetPlan);
        Assert.Equal(0, run.Exit);

        var diff = Cli.Run("diff", fleetPlan, WritePlan(Retired));
        Assert.Equal("no changes\n", diff.Out);
    }

    [Fact]
    public void Diff_NotAPlan_IsAnInputError()
    {
        var fleet = Path.Combine(Cli.TemporaryDirectory(), "fleet.json");
        Cli.Run("fleet", "--dir", Cli.Data("fleet", "hosts"), "--format", "json", "-o", fleet);
        var run = Cli.Run("diff", fleet, fleet);
        Assert.Equal(2, run.Exit);
        Assert.Contains($"egmecc: error: {fleet}: schema 'egmecc.fleet/1' is not a plan", run.Error);
    }

    private static string WritePlan(string retired)
    {
        var path = Path.Combine(Cli.TemporaryDirectory(), "plan.json");
        var run = Cli.Run("plan", "--regions", Regions, "--retired", retired, "--format", "json", "-o", path);
        Assert.Equal(0, run.Exit);
        return path;
    }
}
