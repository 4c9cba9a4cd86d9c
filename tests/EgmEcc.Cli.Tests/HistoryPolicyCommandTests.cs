using System.Text.Json;

namespace EgmEcc.Cli.Tests;

/// <summary><c>history --policy</c>, <c>--rule</c> and <c>--html</c> end to end (docs/design.md §4.14, §4.15).</summary>
public class HistoryPolicyCommandTests
{
    private const string Series = "data/history";

    [Fact]
    public void History_CriticalRuleBrokenNow_ExitsThreeNamingTheHosts()
    {
        var run = Cli.Run("history", Series, "--rule", "critical many: retired >= 10");

        Assert.Equal(3, run.Exit);
        Assert.Contains("  critical many: gh-a01 retired 12 >= 10\n", run.Out, StringComparison.Ordinal);
        Assert.Contains("egmecc: policy failed: many (critical): 1 host(s): gh-a01", run.ErrorLines);
    }

    [Fact]
    public void History_WarningRuleBroken_FailsOnlyFromWarningUp()
    {
        var lenient = Cli.Run("history", Series, "--rule", "warning many: retired >= 10");
        var strict = Cli.Run("history", Series, "--rule", "warning many: retired >= 10", "--fail-on", "warning");

        Assert.Equal(0, lenient.Exit);
        Assert.Contains("  warning many: gh-a01 retired 12 >= 10\n", lenient.Out, StringComparison.Ordinal);
        Assert.Equal(3, strict.Exit);
    }

    [Fact]
    public void History_PolicyInJson_ListsTheBreaches()
    {
        var run = Cli.Run("history", Series, "--policy", "data/history/policy.txt", "--rule", "info many: retired >= 10", "--format", "json");

        Assert.True(run.Exit is 0 or 3, run.ToString());
        using var json = JsonDocument.Parse(run.Out);
        var now = json.RootElement.GetProperty("policy").GetProperty("now");
        Assert.Contains(now.EnumerateArray(), b => b.GetProperty("host").GetString() == "gh-a01" && b.GetProperty("rule").GetString() == "many");
    }

    [Fact]
    public void History_NoRules_PolicyIsNull()
    {
        var run = Cli.Run("history", Series, "--format", "json");

        using var json = JsonDocument.Parse(run.Out);
        Assert.Equal(JsonValueKind.Null, json.RootElement.GetProperty("policy").ValueKind);
    }

    [Fact]
    public void History_Html_WritesTheDashboardWithTheTimeline()
    {
        var page = Path.Combine(Cli.TemporaryDirectory(), "history.html");

        var run = Cli.Run("history", Series, "--html", page);

        Assert.True(run.Exit == 0, run.ToString());
        var html = File.ReadAllText(page);
        Assert.Contains("<html", html, StringComparison.Ordinal);
        Assert.Contains("2026-04-01", html, StringComparison.Ordinal);
        Assert.Contains("id=\"host-gh-c01\"", html, StringComparison.Ordinal);
    }
}
