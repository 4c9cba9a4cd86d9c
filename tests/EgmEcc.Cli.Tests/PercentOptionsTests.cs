namespace EgmEcc.Cli.Tests;

/// <summary>Every percentage flag takes the same text (one parser): <c>50</c> and <c>50%</c>, within [0, 100].</summary>
public class PercentOptionsTests
{
    private static readonly string Tree = Cli.Data("fleet", "hosts");

    [Theory]
    [InlineData("99.6")]
    [InlineData("99.6%")]
    public void FleetMinUsable_WithOrWithoutPercentSign_IsAccepted(string value)
    {
        var run = Cli.Run("fleet", "--dir", Tree, "--min-usable", value);

        Assert.True(run.Exit == 0, run.ToString());
        Assert.Contains("1 host(s) below 99.60% usable: gh-a03", run.Out);
    }

    [Theory]
    [InlineData("fleet", "--min-usable", "101")]
    [InlineData("fleet", "--min-usable", "NaN")]
    [InlineData("fleet", "--min-usable", "50%%")]
    [InlineData("report", "--fail-below-usable", "101")]
    [InlineData("report", "--fail-below-usable", "-1%")]
    public void PercentFlags_OutOfRangeOrMalformed_AreTheSameUsageError(string verb, string flag, string value)
    {
        var inputs = verb == "fleet" ? new[] { "--dir", Tree } : new[] { "--regions", Cli.Regions, "--retired", Cli.Retired };

        var run = Cli.Run([verb, .. inputs, flag, value]);

        Cli.AssertUsageError(run, $"egmecc: error: {flag}: '{value}' is not a percentage in [0, 100]");
    }

    /// <summary>A hugepage count beyond 2^53 printed as 1.8446744073709552E+19 in the gate line.</summary>
    [Fact]
    public void ReportGate_HugeCount_PrintedAsTheUserGaveIt()
    {
        var run = Cli.Run("report", "--regions", Cli.Regions, "--retired", Cli.Retired, "--fail-below-huge", "1G:18446744073709551615");

        Assert.Equal(3, run.Exit);
        Assert.Contains("is below 18446744073709551615 (--fail-below-huge 1G:18446744073709551615)", run.Error);
        Assert.DoesNotContain("E+", run.Error);
    }
}
