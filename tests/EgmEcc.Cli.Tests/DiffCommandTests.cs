using System.Text.Json;

namespace EgmEcc.Cli.Tests;

public class DiffCommandTests
{
    private static readonly string Regions = CliRun.Data("fleet", "regions.csv");
    private static readonly string Retired = CliRun.Data("fleet", "retired.csv");

    [Fact]
    public void Diff_PlanWithItself_IsEmpty()
    {
        var plan = WritePlan(Retired);
        var text = CliRun.Of("diff", plan, plan);
        Assert.Equal(0, text.ExitCode);
        Assert.Equal("no changes\n", text.Out);

        using var json = JsonDocument.Parse(CliRun.Of("diff", plan, plan, "--format", "json").Out);
        Assert.Equal(0, json.RootElement.GetProperty("regions").GetArrayLength());
        Assert.Equal(0, json.RootElement.GetProperty("hosts").GetArrayLength());
    }

    [Fact]
    public void Diff_AfterAddingRecords_ReportsExactlyThoseHoles()
    {
        var old = WritePlan(Retired);
        var more = Path.Combine(CliRun.TempDirectory(), "retired.csv");
        File.WriteAllText(more, File.ReadAllText(Retired) + "gh-a02,0x0000003000000000,\ngh-b01,0x0000003000120000,128K\n");
        var @new = WritePlan(more);

        var run = CliRun.Of("diff", old, @new, "--format", "json");
        Assert.Equal(0, run.ExitCode);
        using var json = JsonDocument.Parse(run.Out);
        var regions = json.RootElement.GetProperty("regions").EnumerateArray().ToArray();
        Assert.Equal(["gh-a02/egm0", "gh-b01/egm0"], regions.Select(r => $"{r.GetProperty("host").GetString()}/{r.GetProperty("id").GetString()}").ToArray());
        var holes = regions.Select(r => r.GetProperty("newHoles").EnumerateArray().Select(h => $"{h.GetProperty("address").GetString()}+{h.GetProperty("size").GetString()}").Single()).ToArray();
        Assert.Equal(["0x3000000000+0x10000", "0x3000120000+0x20000"], holes);
        Assert.All(regions, r => Assert.Equal(0, r.GetProperty("clearedHoles").GetArrayLength()));

        var text = CliRun.Of("diff", old, @new).Out;
        Assert.Contains("gh-a02 egm0: changed", text);
        Assert.Contains("+ hole 0xe00000000 size 0x10000 (SPA 0x3000000000)", text);
    }

    [Fact]
    public void Diff_FleetPlanJsonOfTheTree_MatchesThePlanOfTheHostColumnForm()
    {
        var fleetPlan = Path.Combine(CliRun.TempDirectory(), "fleet-plan.json");
        var run = CliRun.Of("fleet", "--dir", CliRun.Data("fleet", "hosts"), "--plan-json", fleetPlan);
        Assert.Equal(0, run.ExitCode);

        var diff = CliRun.Of("diff", fleetPlan, WritePlan(Retired));
        Assert.Equal("no changes\n", diff.Out);
    }

    [Fact]
    public void Diff_NotAPlan_IsAnInputError()
    {
        var fleet = Path.Combine(CliRun.TempDirectory(), "fleet.json");
        CliRun.Of("fleet", "--dir", CliRun.Data("fleet", "hosts"), "--format", "json", "-o", fleet);
        var run = CliRun.Of("diff", fleet, fleet);
        Assert.Equal(2, run.ExitCode);
        Assert.Contains($"egmecc: error: {fleet}: schema 'egmecc.fleet/1' is not a plan", run.Error);
    }

    private static string WritePlan(string retired)
    {
        var path = Path.Combine(CliRun.TempDirectory(), "plan.json");
        var run = CliRun.Of("plan", "--regions", Regions, "--retired", retired, "--format", "json", "-o", path);
        Assert.Equal(0, run.ExitCode);
        return path;
    }
}
