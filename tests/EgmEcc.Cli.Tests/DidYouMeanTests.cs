using static EgmEcc.Cli.Tests.Cli;

namespace EgmEcc.Cli.Tests;

/// <summary>A mistyped verb or option gets one clear line naming the nearest one.</summary>
public class DidYouMeanTests
{
    // Regression: 'egmecc pln --regions ...' printed four lines starting with "unknown option '--regions'".
    [Fact]
    public void UnknownVerb_OneLineWithTheNearestVerb()
    {
        var run = Run("pln", "--regions", Regions, "--retired", Retired);

        Assert.Equal(1, run.Exit);
        Assert.Equal(string.Empty, run.Out);
        Assert.Equal(["egmecc: error: unknown verb 'pln'; did you mean 'plan'?", "egmecc: see 'egmecc --help'"], run.ErrorLines);
    }

    [Theory]
    [InlineData("egmecc: error: unknown verb 'plna'; did you mean 'plan'?", "plna")]
    [InlineData("egmecc: error: unknown verb 'repotr'; did you mean 'report'?", "repotr")]
    [InlineData("egmecc: error: unknown verb 'Fleet'; did you mean 'fleet'?", "Fleet", "--dir", "x")]
    [InlineData("egmecc: error: unknown verb 'validat'; did you mean 'validate'?", "validat")]
    [InlineData("egmecc: error: unknown verb 'xyzzy' (verbs: plan, validate, report, fleet, forecast, history, diff, synth, collect, completion)", "xyzzy", "--regions", "x")]
    public void UnknownVerb_NamesTheNearestOrLists(string line, params string[] args)
    {
        var run = Run(args);

        Assert.Equal(1, run.Exit);
        Assert.Equal([line, "egmecc: see 'egmecc --help'"], run.ErrorLines);
    }

    [Theory]
    [InlineData("egmecc: error: unknown option '--retierd'; did you mean '--retired'?", "plan", "--regions", Regions, "--retierd", Retired)]
    [InlineData("egmecc: error: unknown option '--granual'; did you mean '--granule'?", "validate", "--regions", Regions, "--granual", "4K")]
    [InlineData("egmecc: error: unknown option '--fail-below-usabel'; did you mean '--fail-below-usable'?", "report", "--regions", Regions, "--fail-below-usabel", "90")]
    [InlineData("egmecc: error: unknown option '--outptu'; did you mean '--output'?", "fleet", "--dir", "data/fleet/hosts", "--outptu", "x")]
    [InlineData("egmecc: error: unknown option '--hlep'; did you mean '--help'?", "plan", "--hlep")]
    [InlineData("egmecc: error: unknown option '--bogus'", "plan", "--regions", Regions, "--bogus")]
    public void UnknownOption_NamesTheNearestOptionOfTheVerb(string firstLine, params string[] args)
    {
        AssertUsageError(Run(args), firstLine);
    }

    [Theory]
    [InlineData("pln", "plan", 1)]
    [InlineData("plna", "plan", 1)]
    [InlineData("fleet", "fleet", 0)]
    [InlineData("forcast", "forecast", 1)]
    [InlineData("ab", "ba", 1)]
    [InlineData("kitten", "sitting", 3)]
    public void Distance_CountsASwapOfNeighboursAsOneEdit(string a, string b, int expected)
    {
        Assert.Equal(expected, Suggestions.Distance(a, b));
        Assert.Equal(expected, Suggestions.Distance(b, a));
    }
}
