using System.Text.Json;

namespace EgmEcc.Cli.Tests;

public partial class ForecastCommandTests
{
    private static readonly string Tree = Cli.Data("fleet", "hosts");

    [Fact]
    public void Forecast_RateZero_ReproducesTodaysFleetExactly()
    {
        var forecast = Cli.Run("forecast", "--dir", Tree, "--rate", "0", "--horizon", "5", "--trials", "20", "--format", "json", "--vm-shape", "2x200G@512M");
        var fleet = Cli.Run("fleet", "--dir", Tree, "--format", "json", "--vm-shape", "2x200G@512M");
        Assert.Equal(0, forecast.Exit);

        using var f = JsonDocument.Parse(forecast.Out);
        using var p = JsonDocument.Parse(fleet.Out);
        var hosts = f.RootElement.GetProperty("hosts").EnumerateArray().Zip(p.RootElement.GetProperty("hosts").EnumerateArray());
        foreach (var (forecastHost, planHost) in hosts)
        {
            var usable = forecastHost.GetProperty("usableBytes");
            var today = planHost.GetProperty("usableBytes").GetUInt64();
            Assert.Equal(today, usable.GetProperty("mean").GetUInt64());
            Assert.Equal(today, usable.GetProperty("p5").GetUInt64());
            Assert.Equal(today, usable.GetProperty("p95").GetUInt64());
            Assert.Equal(planHost.GetProperty("vmFit").GetInt64(), forecastHost.GetProperty("vmFit").GetProperty("p5").GetInt64());
            Assert.Equal(
                planHost.GetProperty("hugePageCapacity").GetProperty("1073741824").GetUInt64(),
                forecastHost.GetProperty("hugePageCapacity").GetProperty("1073741824").GetProperty("mean").GetUInt64());
        }
    }

    // Regression: the text ran to about 230 columns (wrapping at 120) and showed each figure at the
    // horizon ("895.99 GiB -> 895.99 GiB [895.99 GiB, 895.99 GiB]"), hiding the change it forecasts.
    [Fact]
    public void Forecast_Text_ShowsTheChangeWithinOneHundredColumns()
    {
        var run = Cli.Run("forecast", "--dir", Tree, "--rate", "2", "--trials", "200", "--seed", "1", "--vm-shape", "2x200G@512M");

        Assert.Equal(0, run.Exit);
        Assert.All(run.Out.Split('\n'), line => Assert.True(line.Length <= 100, $"{line.Length} columns: {line}"));
        var usable = run.Out.Split('\n').SkipWhile(l => l != "usable bytes").Skip(3).First();
        Assert.StartsWith("gh-a01", usable, StringComparison.Ordinal);
        Assert.Matches(@"^gh-a01 +895\.99 GiB +-\d+(\.\d+)? KiB +-\d+(\.\d+)? KiB +(-\d+(\.\d+)? KiB|0)$", usable);
    }

    [Theory]
    [InlineData("json")]
    [InlineData("csv")]
    [InlineData("text")]
    public void Forecast_FixedSeed_IdenticalOutput(string format)
    {
        string[] args = ["forecast", "--dir", Tree, "--rate", "2000", "--horizon", "3", "--spread", "clustered", "--trials", "50", "--seed", "7", "--format", format];
        var one = Cli.Run(args);
        var two = Cli.Run([.. args, "--parallel", "1"]);
        Assert.Equal(0, one.Exit);
        Assert.Equal(one.Out, two.Out);
        Assert.NotEqual(one.Out, Cli.Run([.. args[..^4], "--seed", "8", "--format", format]).Out);
    }

    [Fact]
    public void Forecast_Text_ShowsTodayMeanAndPercentiles()
    {
        var run = Cli.Run("forecast", "--dir", Tree, "--rate", "100", "--trials", "10");
        Assert.Equal(0, run.Exit);
        Assert.Contains("rate 100 pages/TiB/year, horizon 1 year(s), uniform, 10 trial(s), seed 1", run.Out);
        Assert.Contains("fleet (4 hosts)", run.Out);
    }

    [Theory]
    [InlineData("--rate", "-1")]
    [InlineData("--trials", "0")]
    [InlineData("--horizon", "-2")]
    public void Forecast_BadNumbers_AreUsageErrors(string flag, string value)
    {
        string[] args = ["forecast", "--dir", Tree, "--rate", "1", flag, value];
        var run = Cli.Run(args);
        Assert.Equal(1, run.Exit);
        Assert.Contains(flag, run.Error);
    }

    [Fact]
    public void Forecast_SampleWarnings_PrintedAsFleetPrintsThem()
    {
        var fleet = Cli.Run("fleet", "--dir", Tree);
        var forecast = Cli.Run("forecast", "--dir", Tree, "--rate", "10", "--trials", "5");

        Assert.Equal(0, forecast.Exit);
        Assert.Contains("egmecc: warning: ", forecast.Error);
        Assert.Equal(fleet.Error, forecast.Error);
    }

    [Fact]
    public void Forecast_ManyWarnings_ShowsTwentyAndTheCount()
    {
        var directory = Cli.TemporaryDirectory();
        Assert.Equal(0, Cli.Run("synth", "--hosts", "16", "--records", "100", "--seed", "3", "-o", directory).Exit);

        // Synthetic region bases are 2 GiB past a multiple of 2^46, so every region warns that it is not 4 GiB aligned.
        string[] inputs = ["--regions", Path.Combine(directory, "regions.csv"), "--retired", Path.Combine(directory, "retired.csv"), "--huge-pages", "2M,4G"];

        var fleet = Cli.Run(["fleet", .. inputs]);
        var forecast = Cli.Run(["forecast", .. inputs, "--rate", "1", "--trials", "2"]);

        Assert.Equal(0, forecast.Exit);
        var lines = forecast.Error.Split('\n', StringSplitOptions.RemoveEmptyEntries);
        Assert.Equal(21, lines.Length);
        Assert.All(lines[..20], line => Assert.StartsWith("egmecc: warning: ", line, StringComparison.Ordinal));
        Assert.Matches(@"^egmecc: \.\.\. \d+ warning\(s\) in all, over \d+ host\(s\)", lines[20]);
        Assert.Equal(fleet.Error, forecast.Error);
    }
}
