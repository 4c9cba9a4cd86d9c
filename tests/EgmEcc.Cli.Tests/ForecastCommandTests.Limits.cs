namespace EgmEcc.Cli.Tests;

public partial class ForecastCommandTests
{
    // Regression: --rate 1e300 overflowed the Poisson draw (exit 70); a rate no TiB can hold is a usage error.
    [Theory]
    [InlineData("1e300", "1")]
    [InlineData("16777217", "1")]
    [InlineData("1048577", "16")]
    public void Forecast_RateBeyondWhatATiBHolds_IsAUsageError(string rate, string horizon)
    {
        var run = Cli.Run("forecast", "--dir", Tree, "--rate", rate, "--horizon", horizon, "--trials", "1");

        Assert.Equal(1, run.Exit);
        Assert.Equal(string.Empty, run.Out);
        Assert.StartsWith("egmecc: error: --rate ", run.Error, StringComparison.Ordinal);
        Assert.Contains("more than a TiB holds (16777216 granules of 64K)", run.Error, StringComparison.Ordinal);
    }

    // Regression: --trials 2147483647 overflowed the per-host figure array (exit 70).
    [Theory]
    [InlineData("0")]
    [InlineData("1000001")]
    [InlineData("2147483647")]
    public void Forecast_TrialsOutOfRange_IsAUsageError(string trials)
    {
        var run = Cli.Run("forecast", "--dir", Tree, "--rate", "1", "--trials", trials);

        Assert.Equal(1, run.Exit);
        Assert.Equal($"egmecc: error: --trials must be between 1 and 1000000, not {trials}", run.Error.Split('\n')[0]);
    }

    [Fact]
    public void Forecast_EveryGranuleOfATiB_IsStillAForecast()
    {
        var run = Cli.Run("forecast", "--dir", Tree, "--rate", "16777216", "--trials", "1", "--huge-pages", "1G", "--format", "csv");

        Assert.Equal(0, run.Exit);
    }

    // Regression: --rate 16777215 was accepted and cost about 6 s a trial, 100 minutes for the default trials.
    [Fact]
    public void Forecast_WorkBeyondTheBudget_IsAUsageErrorSayingHowToReduceIt()
    {
        var run = Cli.Run("forecast", "--dir", Tree, "--rate", "16777215");

        Assert.Equal(1, run.Exit);
        Assert.Equal(string.Empty, run.Out);
        Assert.Equal(
            "egmecc: error: host 'gh-a01' would draw about 1.468E+07 new pages per trial (--rate x EGM size x --horizon) x 1000 trials = 1.468E+10, more than the 1E+08 a host may take in reasonable time; lower --trials, --rate or --horizon",
            run.ErrorLines[0]);
        Assert.True(run.Elapsed < TimeSpan.FromSeconds(60), $"refusing took {run.Elapsed}");
    }

    [Fact]
    public void Forecast_WorkWithinTheBudget_Runs()
    {
        var run = Cli.Run("forecast", "--dir", Tree, "--rate", "100000", "--trials", "10", "--format", "csv");

        Assert.True(run.Exit == 0, run.ToString());
    }
}
