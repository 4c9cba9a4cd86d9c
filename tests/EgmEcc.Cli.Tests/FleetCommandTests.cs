using System.Text.Json;

namespace EgmEcc.Cli.Tests;

public partial class FleetCommandTests
{
    private static readonly string Tree = Cli.Data("fleet", "hosts");
    private static readonly string Regions = Cli.Data("fleet", "regions.csv");
    private static readonly string Retired = Cli.Data("fleet", "retired.csv");

    [Fact]
    public void Fleet_Directory_PrintsEveryHostAndTheFleet()
    {
        var run = Cli.Run("fleet", "--dir", Tree, "--vm-shape", "2x200G@512M", "--min-usable", "99.6");

        Assert.Equal(0, run.Exit);
        foreach (var host in new[] { "gh-a01", "gh-a02", "gh-a03", "gh-b01", "fleet (4 hosts)", "vm 2x200G@512M" })
        {
            Assert.Contains(host, run.Out);
        }

        Assert.Contains("1 host(s) below 99.60% usable: gh-a03", run.Out);
        Assert.Contains("retired record at 0x90000000 (64K) lies in no region of host 'gh-b01'", run.Error);
    }

    [Theory]
    [InlineData("csv")]
    [InlineData("json")]
    [InlineData("text")]
    public void Fleet_DirectoryOrHostColumn_SameOutput(string format)
    {
        var tree = Cli.Run("fleet", "--dir", Tree, "--format", format, "--vm-shape", "2x100G@1G");
        var columns = Cli.Run("fleet", "--regions", Regions, "--retired", Retired, "--format", format, "--vm-shape", "2x100G@1G");
        Assert.Equal(0, tree.Exit);
        Assert.Equal(tree.Out, columns.Out);
    }

    [Fact]
    public void Fleet_Json_TotalsAreTheSumOfHosts()
    {
        var run = Cli.Run("fleet", "--dir", Tree, "--format", "json", "--vm-shape", "2x200G@512M");
        using var json = JsonDocument.Parse(run.Out);
        var root = json.RootElement;
        Assert.Equal("egmecc.fleet/1", root.GetProperty("schema").GetString());
        var hosts = root.GetProperty("hosts").EnumerateArray().ToArray();
        var totals = root.GetProperty("totals");
        Assert.Equal(hosts.Sum(h => h.GetProperty("usableBytes").GetInt64()), totals.GetProperty("usableBytes").GetInt64());
        Assert.Equal(hosts.Sum(h => h.GetProperty("vmFit").GetInt64()), totals.GetProperty("vmFit").GetInt64());
        Assert.Equal(6, totals.GetProperty("vmFit").GetInt64());
    }

    [Fact]
    public void Fleet_FailBelow_ExitsThree()
    {
        Assert.Equal(3, Cli.Run("fleet", "--dir", Tree, "--min-usable", "99.6", "--fail-below").Exit);
        Assert.Equal(0, Cli.Run("fleet", "--dir", Tree, "--min-usable", "90", "--fail-below").Exit);
    }

    [Fact]
    public void Fleet_NotATerminal_WritesNoProgress()
    {
        var run = Cli.RunWith([], errorIsTerminal: false, "fleet", "--dir", Tree, "--format", "csv");
        Assert.DoesNotContain("planning", run.Error);
        Assert.DoesNotContain("\u001b", run.Error);
    }

    [Fact]
    public void Fleet_Terminal_QuickRun_StillCorrect()
    {
        var run = Cli.RunWith([], errorIsTerminal: true, "fleet", "--dir", Tree, "--format", "csv");
        Assert.Equal(0, run.Exit);
        Assert.Equal(Cli.Run("fleet", "--dir", Tree, "--format", "csv").Out, run.Out);
    }

    [Theory]
    [InlineData("fleet")]
    [InlineData("fleet", "--dir", "x", "--regions", "y")]
    [InlineData("fleet", "--dir", "x", "--vm-shape", "2x200G")]
    [InlineData("fleet", "--dir", "x", "--min-usable", "120")]
    public void Fleet_BadFlags_AreUsageErrors(params string[] args)
    {
        var run = Cli.Run(args);
        Assert.Equal(1, run.Exit);
        Assert.NotEqual(string.Empty, run.Error.Trim());
    }

    [Fact]
    public void Fleet_Terminal_InputError_StaysAnInputError()
    {
        var run = Cli.RunWith([], errorIsTerminal: true, "fleet", "--dir", Path.Combine(Cli.TemporaryDirectory(), "nope"));
        Assert.Equal(2, run.Exit);
        Assert.Contains("no such directory", run.Error);
    }

    [Fact]
    public void Fleet_MissingDirectory_IsAnInputError()
    {
        var run = Cli.Run("fleet", "--dir", Path.Combine(Cli.TemporaryDirectory(), "nope"));
        Assert.Equal(2, run.Exit);
        Assert.Contains("no such directory", run.Error);
    }
}
