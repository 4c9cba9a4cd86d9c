namespace EgmEcc.Cli.Tests;

/// <summary><c>diff</c> in scripts and alerting: its exit code, <c>--fail-on</c> and where the options note goes.</summary>
public partial class DiffCommandTests
{
    private static (string Old, string New) AddedHoles()
    {
        var more = Path.Combine(Cli.TemporaryDirectory(), "retired.csv");
        File.WriteAllText(more, File.ReadAllText(Retired) + "gh-a02,0x0000003000000000,\ngh-b01,0x0000003000120000,128K\n");
        return (WritePlan(Retired), WritePlan(more));
    }

    // Regression: diff exited 0 when holes were added, so a script could not tell.
    [Fact]
    public void Diff_ExitCode_ZeroUnchangedFourChanged()
    {
        var (old, @new) = AddedHoles();

        Assert.Equal(0, Cli.Run("diff", old, old).Exit);
        Assert.Equal(4, Cli.Run("diff", old, @new).Exit);
        Assert.Equal(4, Cli.Run("diff", @new, old, "--format", "json").Exit);
    }

    [Fact]
    public void Diff_FailOnNewHoles_ExitsThreeNamingTheRegions_AndZeroWhenHolesOnlyCleared()
    {
        var (old, @new) = AddedHoles();

        var added = Cli.Run("diff", old, @new, "--fail-on", "new-holes");
        var cleared = Cli.Run("diff", @new, old, "--fail-on", "new-holes");

        Assert.Equal(3, added.Exit);
        Assert.Contains("gh-a02 egm0: changed", added.Out, StringComparison.Ordinal);
        Assert.Equal("egmecc: gate failed: 2 new hole(s) in 2 region(s): gh-a02 egm0, gh-b01 egm0 (--fail-on new-holes)\n", added.Error);
        Assert.Equal(0, cleared.Exit);
        Assert.Equal(string.Empty, cleared.Error);
    }

    [Fact]
    public void Diff_FailOnUsableLoss_FailsOnlyForHostsThatLostMore()
    {
        var (old, @new) = AddedHoles();

        var loss = Cli.Run("diff", old, @new, "--fail-on", "usable-loss:64K");
        var within = Cli.Run("diff", old, @new, "--fail-on", "usable-loss:128K");
        var gain = Cli.Run("diff", @new, old, "--fail-on", "usable-loss:0");

        Assert.Equal(3, loss.Exit);
        Assert.Equal("egmecc: gate failed: usable bytes fell by more than 64 KiB: gh-b01 -128 KiB (--fail-on usable-loss:64K)\n", loss.Error);
        Assert.Equal(0, within.Exit);
        Assert.Equal(string.Empty, within.Error);
        Assert.Equal(0, gain.Exit);
    }

    [Fact]
    public void Diff_FailOnHugeLoss_CountsLostHugepagesPerHost()
    {
        var (old, @new) = AddedHoles();

        var lost = Cli.Run("diff", old, @new, "--fail-on", "huge-loss:2M:0", "--fail-on", "huge-loss:1G:1");
        var within = Cli.Run("diff", old, @new, "--fail-on", "huge-loss:2M:1,huge-loss:1G:1");

        Assert.Equal(3, lost.Exit);
        Assert.Equal("egmecc: gate failed: 2M hugepages fell by more than 0: gh-a02 -1, gh-b01 -1 (--fail-on huge-loss:2M:0)\n", lost.Error);
        Assert.Equal(0, within.Exit);
    }

    [Theory]
    [InlineData("egmecc: error: --fail-on: 'holes' is not a diff condition; expected new-holes, usable-loss:SIZE or huge-loss:SIZE:COUNT (e.g. usable-loss:1G)", "holes")]
    [InlineData("egmecc: error: --fail-on: 'usable-loss:1Q': '1Q' has an unknown size suffix (use K, M, G, T or KiB, MiB, GiB, TiB)", "usable-loss:1Q")]
    [InlineData("egmecc: error: --fail-on: 'huge-loss:3M:1': the hugepage size must be a power of two", "huge-loss:3M:1")]
    [InlineData("egmecc: error: --fail-on huge-loss:4M:1 asks about 4M hugepages, which the two plans do not both count", "huge-loss:4M:1")]
    public void Diff_BadCondition_IsAUsageError(string firstLine, string condition)
    {
        var plan = WritePlan(Retired);

        Cli.AssertUsageError(Cli.Run("diff", plan, plan, "--fail-on", condition), firstLine);
    }

    // Regression: the options note was printed on standard output and on standard error.
    [Fact]
    public void Diff_OptionsNote_OnceWhereTheReaderSeesIt()
    {
        var old = WritePlan(Retired);
        var path = Path.Combine(Cli.TemporaryDirectory(), "plan-4k.json");
        Assert.Equal(0, Cli.Run("plan", "--regions", Regions, "--retired", Retired, "--granule", "4K", "-o", path).Exit);
        var file = Path.Combine(Cli.TemporaryDirectory(), "diff.txt");

        var text = Cli.Run("diff", old, path);
        var json = Cli.Run("diff", old, path, "--format", "json");
        var toFile = Cli.Run("diff", old, path, "-o", file);

        Assert.Single(text.Out.Split('\n'), l => l.StartsWith("note: the plans were made with different options", StringComparison.Ordinal));
        Assert.Equal(string.Empty, text.Error);
        Assert.Single(json.ErrorLines, l => l.StartsWith("egmecc: warning: the plans were made with different options", StringComparison.Ordinal));
        Assert.Single(toFile.ErrorLines, l => l.StartsWith("egmecc: warning: the plans were made with different options", StringComparison.Ordinal));
        Assert.StartsWith("note: the plans were made with different options", File.ReadAllText(file), StringComparison.Ordinal);
    }
}
