using System.Collections.Immutable;
using EgmEcc.History;
using static EgmEcc.Tests.History.HandMadeHistory;

namespace EgmEcc.Tests.History;

public class RateFitTests
{
    private const double Tight = 1e-9;

    [Theory]
    [InlineData(2.0, 3.0, 0.95, 9.4877290367811540 / 6)] // chi²(4) 95 % over 2β
    [InlineData(1.0, 1.0, 0.05, 0.051293294387550533)] // −ln 0.95
    [InlineData(0.5, 1.0, 0.95, 3.8414588206941236 / 2)] // chi²(1) 95 % over 2
    [InlineData(5.0, 2.0, 0.05, 3.9402991361190600 / 4)] // chi²(10) 5 %
    public void Quantile_MatchesChiSquareTables(double shape, double rate, double p, double expected) =>
        Assert.Equal(expected, RateFit.Quantile(shape, rate, p), 1e-7);

    [Theory]
    [InlineData(0.01)]
    [InlineData(0.05)]
    [InlineData(0.3)]
    [InlineData(1)]
    [InlineData(40)]
    [InlineData(1e5)]
    public void Quantile_InvertsTheCdf_FromTinyToHugeShapes(double shape)
    {
        foreach (var p in new[] { 0.05, 0.5, 0.95 })
        {
            var x = RateFit.Quantile(shape, 2.5, p);
            Assert.True(x > 0);
            Assert.Equal(p, GammaDistribution.LowerRegularized(shape, x * 2.5), 1e-9);
        }
    }

    [Fact]
    public void Evidence_SumsNewPagesAndSizeTimesYears()
    {
        var host = Host("a", TiB / 2, (0, 10), (0.5, 13), (1.5, 20));
        var e = RateFit.EvidenceOf(host, []);
        Assert.Equal(10UL, e.NewPages);
        Assert.Equal(0.75, e.ExposureTiBYears, Tight);
        Assert.Equal(2, e.Intervals);
    }

    [Theory]
    [InlineData(HistoryChangeKind.RegionsChanged)]
    [InlineData(HistoryChangeKind.RetiredDecreased)]
    public void Evidence_AChangeBreaksTheIntervalEndingAtItsSnapshot(HistoryChangeKind kind)
    {
        var host = Host("a", TiB, (0, 10), (0.5, 13), (1.5, 20));
        var e = RateFit.EvidenceOf(host, [new HistoryChange("a", 2, kind, "x"), new HistoryChange("b", 1, kind, "other host")]);
        Assert.Equal(3UL, e.NewPages);
        Assert.Equal(0.5, e.ExposureTiBYears, Tight);
        Assert.Equal(1, e.Intervals);
    }

    [Fact]
    public void Evidence_AppearedAndVanishedDoNotBreakAnInterval()
    {
        var host = Host("a", TiB, (0, 1), (1, 4));
        var e = RateFit.EvidenceOf(host, [new HistoryChange("a", 1, HistoryChangeKind.Appeared, "x"), new HistoryChange("a", 1, HistoryChangeKind.Vanished, "x")]);
        Assert.Equal(1, e.Intervals);
    }

    [Fact]
    public void Evidence_ADecreaseWithoutItsChange_IsSkippedNotNegative()
    {
        var e = RateFit.EvidenceOf(Host("a", TiB, (0, 10), (1, 4), (2, 6)), []);
        Assert.Equal(2UL, e.NewPages);
        Assert.Equal(1, e.Intervals);
    }

    [Fact]
    public void Prior_MethodOfMoments_HandComputed()
    {
        // μ = 10/2 = 5; S = 1·25 + 1·25 = 50; σ² = (50 − 5·1) / (2 − 2/2) = 45; β = 5/45, α = 25/45.
        var prior = RateFit.Prior([new("a", 0, 1, 1), new("b", 10, 1, 1), new("idle", 0, 0, 0)])!;
        Assert.Equal(5.0 / 45, prior.ExposureTiBYears, Tight);
        Assert.Equal(25.0 / 45, prior.Shape, Tight);
        Assert.Equal(5, prior.Rate.PerTiBYear, Tight);
        Assert.Equal(RateFit.Quantile(25.0 / 45, 5.0 / 45, 0.95), prior.Rate.P95, Tight);
    }

    [Fact]
    public void Prior_ShapeBelowJeffreys_KeepsTheMeanAtShapeOneHalf()
    {
        // μ = 25; S = 3·625 + 75² = 7500; σ² = (7500 − 25·3) / (4 − 1) = 2475; α = 625/2475 ≈ 0.25:
        // one far faster host. Below ½ the prior is Gamma(½, ½/μ), its mean still μ.
        var prior = RateFit.Prior([new("a", 0, 1, 1), new("b", 0, 1, 1), new("c", 0, 1, 1), new("fast", 100, 1, 1)])!;
        Assert.Equal(0.5, prior.Shape, Tight);
        Assert.Equal(0.02, prior.ExposureTiBYears, Tight);
        Assert.Equal(25, prior.Rate.PerTiBYear, Tight);
    }

    [Fact]
    public void Prior_SpreadBelowThePoissonPart_IsThePooledRate()
    {
        // Equal rates: the spread is 0, below the Poisson noise, so the prior is Gamma(Σn, W).
        var prior = RateFit.Prior([new("a", 5, 1, 1), new("b", 5, 1, 1)])!;
        Assert.Equal(10, prior.Shape, Tight);
        Assert.Equal(2, prior.ExposureTiBYears, Tight);
    }

    [Fact]
    public void Prior_NeverWeighsMoreThanTheFleetsExposure()
    {
        // μ = 100, S = 2·64 = 128, σ² = 128 − 100 = 28 > 0, but μ/σ² = 3.6 > W = 2: the pooled rate.
        var prior = RateFit.Prior([new("a", 108, 1, 1), new("b", 92, 1, 1)])!;
        Assert.Equal(2, prior.ExposureTiBYears, Tight);
        Assert.Equal(200, prior.Shape, Tight);
    }

    [Fact]
    public void Prior_AllZeroFleet_IsHalfAPageOverTheFleetsExposure()
    {
        var prior = RateFit.Prior([new("a", 0, 1.5, 1), new("b", 0, 2.5, 1)])!;
        Assert.Equal(0.5, prior.Shape, Tight);
        Assert.Equal(4, prior.ExposureTiBYears, Tight);
        Assert.True(prior.Rate.PerTiBYear > 0);
    }

    [Fact]
    public void Prior_OneHost_IsVagueAroundItsMean()
    {
        var prior = RateFit.Prior([new("a", 4, 2, 3)])!;
        Assert.Equal(0.5, prior.Shape, Tight);
        Assert.Equal(0.25, prior.ExposureTiBYears, Tight);
        Assert.Equal(2, prior.Rate.PerTiBYear, Tight);
    }

    [Fact]
    public void Prior_NoExposure_IsNull_AndFitGivesNoRates()
    {
        Assert.Null(RateFit.Prior([new("a", 0, 0, 0)]));
        var (prior, rates) = RateFit.Fit(Series([Host("a", TiB, (0, 3))]));
        Assert.Null(prior);
        Assert.Empty(rates);
    }

    [Fact]
    public void Posterior_AddsPagesToShapeAndExposureToRate()
    {
        // Gamma(2, 1) + 3 pages over 1 TiB-year = Gamma(5, 2): mean 2.5, p5/p95 = chi²(10)/4.
        var rate = RateFit.Posterior(new RatePrior(default, 2, 1), 3, 1);
        Assert.Equal(2.5, rate.PerTiBYear, Tight);
        Assert.Equal(3.9402991361190600 / 4, rate.P5, 1e-7);
        Assert.Equal(18.307038053275146 / 4, rate.P95, 1e-7);
    }

    [Fact]
    public void Fit_EveryHostInOrder_AHostWithoutIntervalsGetsThePrior()
    {
        var history = Series([Host("a", TiB, (0, 0), (1, 4)), Host("b", TiB, (0, 0), (1, 6)), Host("new", TiB, (1, 2))]);
        var (prior, rates) = RateFit.Fit(history);
        Assert.NotNull(prior);
        Assert.Equal(["a", "b", "new"], rates.Select(r => r.Host));
        Assert.Equal(prior.Rate, rates[2].Rate);
        Assert.Equal(0, rates[2].Intervals);
        Assert.Equal(6UL, rates[1].NewPages);
        Assert.True(rates[1].Rate.PerTiBYear > rates[0].Rate.PerTiBYear);
    }
}
