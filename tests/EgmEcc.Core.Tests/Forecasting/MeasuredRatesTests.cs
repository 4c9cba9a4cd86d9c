using EgmEcc.Fleet;
using EgmEcc.Forecasting;
using EgmEcc.History;
using EgmEcc.Synthesis;

namespace EgmEcc.Tests.Forecasting;

public class MeasuredRatesTests
{
    private static readonly RatePrior Prior = new(new RetirementRate(2, 0.5, 4), Shape: 2, ExposureTiBYears: 1);

    [Theory]
    [InlineData(0.5, 2.0)]
    [InlineData(3.0, 0.25)]
    [InlineData(40.0, 10.0)]
    public void Draw_ManyDraws_HaveTheGammasMeanAndVariance(double shape, double exposure)
    {
        var posterior = new RatePosterior(shape, exposure);
        var random = new SeededRandom(7);
        const int n = 200_000;
        double sum = 0, squares = 0;
        for (var i = 0; i < n; i++)
        {
            var x = posterior.Draw(ref random);
            Assert.True(x >= 0);
            sum += x;
            squares += x * x;
        }

        var mean = sum / n;
        var variance = (squares / n) - (mean * mean);
        Assert.Equal(shape / exposure, mean, shape / exposure * 0.02);
        Assert.Equal(shape / (exposure * exposure), variance, shape / (exposure * exposure) * 0.05);
    }

    [Fact]
    public void PosteriorOf_KnownHost_AddsItsPagesAndExposureToThePrior()
    {
        var rates = new MeasuredRates(Prior, [new HostRate("a", new RetirementRate(5, 3, 7), NewPages: 13, ExposureTiBYears: 2.5, Intervals: 4)]);

        Assert.Equal(new RatePosterior(15, 3.5), rates.PosteriorOf("a"));
        Assert.Equal(new RatePosterior(2, 1), rates.PosteriorOf("unknown"));
    }

    [Fact]
    public void AddHost_MeasuredRateOfZero_ReproducesTodaysPlan()
    {
        var plan = Planner.Create(RegionSet.Create([new Region("egm0", 0, 1UL << 40, 1UL << 40, SourceLocation.AtLine("t", 1))]), [], PlanOptions.Default);
        var forecaster = new Forecaster(new ForecastOptions(1000, 1, trials: 20), PlanOptions.Default, null, _ => new RatePosterior(0, 1));

        var figures = forecaster.AddHost("h", plan);

        Assert.Equal(figures.Usable.Today, figures.Usable.P5);
        Assert.Equal(0, figures.RatePerTiBYear);
    }

    [Fact]
    public void AddHost_MeasuredRate_IsEachHostsOwnNotTheOptions()
    {
        // 1 TiB, a measured mean of 100 pages/TiB/year against an option rate of 0: the mean loss
        // is about 100 granules, and the option's rate is not used.
        var plan = Planner.Create(RegionSet.Create([new Region("egm0", 0, 1UL << 40, 1UL << 40, SourceLocation.AtLine("t", 1))]), [], PlanOptions.Default);
        var forecaster = new Forecaster(new ForecastOptions(0, 1, trials: 400), PlanOptions.Default, null, _ => new RatePosterior(10_000, 100));

        var figures = forecaster.AddHost("h", plan);

        var lostPages = ((decimal)figures.Usable.Today - figures.Usable.Mean) / PlanOptions.Default.Granule;
        Assert.InRange(lostPages, 90m, 110m);
        Assert.Equal(100, figures.RatePerTiBYear);
    }

    [Fact]
    public void AddHost_UncertainRate_WidensTheSpreadBeyondPoissonAlone()
    {
        // The same mean rate, known exactly or known only roughly: the rough one's p5..p95 is wider.
        var plan = Planner.Create(RegionSet.Create([new Region("egm0", 0, 1UL << 40, 1UL << 40, SourceLocation.AtLine("t", 1))]), [], PlanOptions.Default);
        Estimate Spread(RatePosterior posterior) =>
            new Forecaster(new ForecastOptions(0, 1, trials: 1000), PlanOptions.Default, null, _ => posterior).AddHost("h", plan).Usable;

        var certain = Spread(new RatePosterior(2_000_000, 20_000));
        var rough = Spread(new RatePosterior(2, 0.02));

        Assert.True(rough.P95 - rough.P5 > 3 * (certain.P95 - certain.P5), $"rough {rough} certain {certain}");
    }
}
