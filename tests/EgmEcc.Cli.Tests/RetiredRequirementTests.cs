using static EgmEcc.Cli.Tests.Cli;

namespace EgmEcc.Cli.Tests;

/// <summary>A run with no retired-page source says so (a warning), and <c>--require-retired</c> makes it an input error.</summary>
public class RetiredRequirementTests
{
    private const string Warning = $"egmecc: warning: {Regions}: no retired-page source was given, so every region reads 100 % usable; name one with --retired FILE (--require-retired makes that an error)\n";

    // Regression: validate and report with no retired input reported 100 % usable and exit 0, silently.
    [Theory]
    [InlineData("validate")]
    [InlineData("report")]
    public void NoRetiredSource_IsWarnedOnce(string verb)
    {
        var run = Run(verb, "--regions", Regions);

        Assert.Equal(0, run.Exit);
        Assert.Equal(Warning, run.Error);
    }

    [Theory]
    [InlineData("validate")]
    [InlineData("report")]
    public void NoRetiredSource_WithRequireRetired_IsAnInputError(string verb)
    {
        AssertInputError(
            Run(verb, "--regions", Regions, "--require-retired"),
            $"egmecc: error: {Regions}: no retired-page source was given, so every region reads 100 % usable; name one with --retired FILE (--require-retired makes that an error)");
    }

    [Theory]
    [InlineData("validate")]
    [InlineData("report")]
    public void RetiredSourceGiven_NoWarning_AndRequireRetiredPasses(string verb)
    {
        var run = Run(verb, "--regions", Regions, "--retired", Retired, "--require-retired");

        Assert.Equal(0, run.Exit);
        Assert.DoesNotContain("retired-page source", run.Error, StringComparison.Ordinal);
    }

    [Fact]
    public void RetiredSourceGiven_FailOnWarning_StillPassesTheSampleRun()
    {
        var run = RunWithInput("address\n", "report", "--regions", Regions, "--retired", "-", "--fail-on-warning");

        Assert.Equal(0, run.Exit);
        Assert.Equal(string.Empty, run.Error);
    }

    // The warning is not one of the plan's warnings: a gate on warnings judges the inputs read, not the ones missing.
    [Fact]
    public void NoRetiredSource_FailOnWarning_GatesOnlyOnThePlansWarnings()
    {
        var run = Run("report", "--regions", Regions, "--fail-on-warning");

        Assert.Equal(0, run.Exit);
        Assert.Equal(Warning, run.Error);
    }

    // A searched host with no retired input read (no memory-error record, and here no table that
    // reads) is not a forgotten --retired: what could not be read is a warning of its own, and a host
    // that holds nothing says so; neither the no-source warning nor --require-retired applies.
    [Fact]
    public void HostMode_NoRetiredInputRead_IsNotAMissingSource()
    {
        using var host = EgmEcc.Tests.FakeHostRoot.Sample(kmsg: string.Empty);
        var mem = host.PathOf("dev/mem");
        if (Directory.Exists(mem))
        {
            Directory.Delete(mem, recursive: true);
        }

        File.Delete(mem);

        var run = Run("validate", "--host", "--root", host.Path, "--require-retired");

        Assert.Equal(0, run.Exit);
        Assert.DoesNotContain("retired-page source", run.Error, StringComparison.Ordinal);
    }
}
