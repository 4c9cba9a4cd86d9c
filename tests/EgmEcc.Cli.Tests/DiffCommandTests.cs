using System.Text.Json;

namespace EgmEcc.Cli.Tests;

public partial class DiffCommandTests
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

    // Regression: hugepage counts past 2^63 (1-byte pages of a region reaching 2^64) made diff exit 70.
    [Fact]
    public void Diff_CapacityCountsPast2Pow63_ReportsTheChange()
    {
        var work = Cli.TemporaryDirectory();
        var regions = Path.Combine(work, "regions.csv");
        var retired = Path.Combine(work, "retired.csv");
        File.WriteAllText(regions, "id,node,base,size\nr0,0,0,0xffffffffffff0000\n");
        File.WriteAllText(retired, "address\n0x10000\n");
        var (old, @new) = (Path.Combine(work, "old.json"), Path.Combine(work, "new.json"));
        Assert.Equal(0, Cli.Run("plan", "--regions", regions, "--huge-pages", "1", "--output", old).Exit);
        Assert.Equal(0, Cli.Run("plan", "--regions", regions, "--retired", retired, "--huge-pages", "1", "--output", @new).Exit);

        var run = Cli.Run("diff", old, @new);

        Assert.Equal(4, run.Exit);
        Assert.Contains("18446744073709486080 -> 18446744073709420544", run.Out, StringComparison.Ordinal);
    }

    [Fact]
    public void Diff_AfterAddingRecords_ReportsExactlyThoseHoles()
    {
        var old = WritePlan(Retired);
        var more = Path.Combine(Cli.TemporaryDirectory(), "retired.csv");
        File.WriteAllText(more, File.ReadAllText(Retired) + "gh-a02,0x0000003000000000,\ngh-b01,0x0000003000120000,128K\n");
        var @new = WritePlan(more);

        var run = Cli.Run("diff", old, @new, "--format", "json");
        Assert.Equal(4, run.Exit);
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
        Assert.Contains($"egmecc: error: {fleet}:2: schema 'egmecc.fleet/1' is not a plan", run.Error);
    }

    [Fact]
    public void Diff_TwoFleetSnapshots_ReportsOnlyTheHostThatChanged()
    {
        var directory = Cli.TemporaryDirectory();
        var tree = Path.Combine(directory, "hosts");
        CopyTree(Cli.Data("fleet", "hosts"), tree);
        var old = Path.Combine(directory, "old.json");
        var @new = Path.Combine(directory, "new.json");
        Assert.Equal(0, Cli.Run("fleet", "--dir", tree, "--plan-json", old).Exit);
        File.AppendAllText(Path.Combine(tree, "gh-a03", "retired.csv"), "0x0000402300000000,128K\n");
        Assert.Equal(0, Cli.Run("fleet", "--dir", tree, "--plan-json", @new).Exit);

        var run = Cli.Run("diff", old, @new, "--format", "json");

        Assert.Equal(4, run.Exit);
        Assert.Equal(string.Empty, run.Error);
        using var json = JsonDocument.Parse(run.Out);
        Assert.False(json.RootElement.GetProperty("optionsDiffer").GetBoolean());
        var region = Assert.Single(json.RootElement.GetProperty("regions").EnumerateArray().ToArray());
        Assert.Equal("gh-a03", region.GetProperty("host").GetString());
        var hole = Assert.Single(region.GetProperty("newHoles").EnumerateArray().ToArray());
        Assert.Equal("0x402300000000", hole.GetProperty("address").GetString());
        Assert.Equal("0x20000", hole.GetProperty("size").GetString());
        var host = Assert.Single(json.RootElement.GetProperty("hosts").EnumerateArray().ToArray());
        Assert.Equal(0x20000, host.GetProperty("oldUsableBytes").GetInt64() - host.GetProperty("newUsableBytes").GetInt64());
        Assert.Equal(0x20000, host.GetProperty("newHoleBytes").GetInt64());
    }

    [Fact]
    public void Diff_OtherOptions_ComparesButWarns()
    {
        var old = WritePlan(Retired);
        var path = Path.Combine(Cli.TemporaryDirectory(), "plan-4k.json");
        Assert.Equal(0, Cli.Run("plan", "--regions", Regions, "--retired", Retired, "--granule", "4K", "--guest-page", "4K", "-o", path).Exit);

        var text = Cli.Run("diff", old, path);
        var json = Cli.Run("diff", old, path, "--format", "json");

        Assert.Equal(4, text.Exit);
        const string Changes = "granule 64K -> 4K, guest page 64K -> 4K, min extent 64K -> 4K";
        Assert.StartsWith($"egmecc: warning: the plans were made with different options ({Changes});", json.Error);
        Assert.StartsWith($"note: the plans were made with different options ({Changes});", text.Out);
        Assert.Contains("- hole ", text.Out);
        using var document = JsonDocument.Parse(json.Out);
        Assert.True(document.RootElement.GetProperty("optionsDiffer").GetBoolean());
        Assert.Equal(3, document.RootElement.GetProperty("optionChanges").GetArrayLength());
    }

    [Fact]
    public void Diff_StandardInput_ReadsEitherSide()
    {
        var plan = WritePlan(Retired);
        var bytes = File.ReadAllBytes(plan);
        foreach (string[] args in new[] { new[] { "diff", "-", plan }, ["diff", plan, "-"] })
        {
            var output = new StringWriter();
            var error = new StringWriter();
            var code = EgmEccCli.Run(args, new CliConsole(output, error, () => new MemoryStream(bytes)));
            Assert.Equal(0, code);
            Assert.Equal("no changes\n", output.ToString());
        }

        var both = Cli.Run("diff", "-", "-");
        Assert.Equal(1, both.Exit);
        Assert.Equal("egmecc: error: only one input can be standard input ('-')\negmecc: see 'egmecc diff --help'\n", both.Error);
    }

    // Regression: a region of more than 2^63 bytes (legal: it may reach the top of the address space) was exit 70.
    [Fact]
    public void Diff_RegionLargerThan2To63_PrintsTheChange()
    {
        var directory = Cli.TemporaryDirectory();
        var regions = Path.Combine(directory, "regions.csv");
        var retired = Path.Combine(directory, "retired.csv");
        File.WriteAllText(regions, "id,node,base,size\negm0,0,0x10000,0xffffffffffff0000\n");
        File.WriteAllText(retired, "address\n0x8000000000000000\n");
        var old = Path.Combine(directory, "old.json");
        var @new = Path.Combine(directory, "new.json");
        Assert.Equal(0, Cli.Run("plan", "--regions", regions, "-o", old).Exit);
        Assert.Equal(0, Cli.Run("plan", "--regions", regions, "--retired", retired, "-o", @new).Exit);

        var run = Cli.Run("diff", old, @new);

        Assert.Equal(4, run.Exit);
        Assert.StartsWith("egm0: changed, usable 15.99 EiB -> 15.99 EiB (-64 KiB)", run.Out, StringComparison.Ordinal);
        Assert.Contains("+ hole 0x7fffffffffff0000 size 0x10000 (SPA 0x8000000000000000)", run.Out, StringComparison.Ordinal);
    }

    private static void CopyTree(string from, string to)
    {
        foreach (var file in Directory.EnumerateFiles(from, "*", SearchOption.AllDirectories))
        {
            var target = Path.Combine(to, Path.GetRelativePath(from, file));
            Directory.CreateDirectory(Path.GetDirectoryName(target)!);
            File.Copy(file, target);
        }
    }

    private static string WritePlan(string retired)
    {
        var path = Path.Combine(Cli.TemporaryDirectory(), "plan.json");
        var run = Cli.Run("plan", "--regions", Regions, "--retired", retired, "--format", "json", "-o", path);
        Assert.Equal(0, run.Exit);
        return path;
    }
}
