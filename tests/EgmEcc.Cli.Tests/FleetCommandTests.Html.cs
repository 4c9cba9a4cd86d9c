using EgmEcc.Fleet;
using EgmEcc.Formats.Reports;
using EgmEcc.Pipeline;
using EgmEcc.Reporting;

namespace EgmEcc.Cli.Tests;

public partial class FleetCommandTests
{
    [Fact]
    public void Fleet_Html_WritesTheDashboardBesideTheTable()
    {
        var html = Path.Combine(Cli.TemporaryDirectory(), "fleet.html");

        var run = Cli.Run("fleet", "--dir", Tree, "--vm-shape", "2x200G@512M", "--html", html);

        Assert.Equal(0, run.Exit);
        Assert.Contains("fleet (4 hosts)", run.Out);
        var page = File.ReadAllText(html);
        Assert.StartsWith("<!DOCTYPE html>", page, StringComparison.Ordinal);
        Assert.Contains("<title>EGM fleet dashboard: 4 host(s) · 2026-11-29T12:00:00Z</title>", page, StringComparison.Ordinal);
        Assert.Contains("egmecc fleet --dir", page, StringComparison.Ordinal);
        foreach (var host in new[] { "gh-a01", "gh-a02", "gh-a03", "gh-b01" })
        {
            Assert.Contains($"<tr id=\"host-{host}\">", page, StringComparison.Ordinal);
        }

        Assert.Empty(Directory.EnumerateFiles(Path.GetDirectoryName(html)!, "*.tmp"));
    }

    [Fact]
    public void Fleet_Html_IsTheWritersPageOfTheFleetReport()
    {
        var html = Path.Combine(Cli.TemporaryDirectory(), "fleet.html");
        var report = FleetRun.Report(new DirectoryFleetSource(Tree), PlanOptions.Default, null, null, null, 1);
        var expected = new StringWriter { NewLine = "\n" };
        new FleetHtmlWriter().Write(report, null, expected, new FleetHtmlOptions { Dashboard = new DashboardOptions { GeneratedAt = Cli.FixedTime } });

        var run = Cli.Run("fleet", "--dir", Tree, "--format", "json", "--html", html);

        Assert.Equal(0, run.Exit);
        var page = File.ReadAllText(html);
        Assert.Equal(RemoveInvocation(expected.ToString()), RemoveInvocation(page));
    }

    /// <summary>The page less its command-line line, which only the command line writes.</summary>
    private static string RemoveInvocation(string page) =>
        string.Join('\n', page.Split('\n').Where(l => !l.StartsWith("<p class=\"meta\"><code>", StringComparison.Ordinal)));
}
