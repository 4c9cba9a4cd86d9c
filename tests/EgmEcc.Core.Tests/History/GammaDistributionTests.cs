using EgmEcc.History;

namespace EgmEcc.Tests.History;

public class GammaDistributionTests
{
    [Theory]
    [InlineData(0.1)]
    [InlineData(1)]
    [InlineData(3)]
    [InlineData(7.5)]
    [InlineData(40)]
    public void LowerRegularized_ClosedFormsForShapesOneTwoThree(double x)
    {
        Assert.Equal(1 - Math.Exp(-x), GammaDistribution.LowerRegularized(1, x), 1e-13);
        Assert.Equal(1 - (Math.Exp(-x) * (1 + x)), GammaDistribution.LowerRegularized(2, x), 1e-13);
        Assert.Equal(1 - (Math.Exp(-x) * (1 + x + (x * x / 2))), GammaDistribution.LowerRegularized(3, x), 1e-13);
    }

    [Theory]
    [InlineData(1, 0)] // Γ(1) = 1
    [InlineData(0.5, 0.57236494292470008)] // ln √π
    [InlineData(10, 12.801827480081469)] // ln 9!
    [InlineData(1e-3, 6.9071788853838)] // ≈ −ln x − γx
    public void LogGamma_KnownValues(double x, double expected) =>
        Assert.Equal(expected, GammaDistribution.LogGamma(x), 1e-10);

    [Fact]
    public void Inverse_TinyShape_FollowsTheSmallXLaw()
    {
        // P(a, x) ≈ x^a / Γ(a + 1) for small x, so the 5 % quantile of Gamma(0.01) is (0.05 Γ(1.01))^100.
        var x = GammaDistribution.InverseLowerRegularized(0.01, 0.05);
        var expected = Math.Pow(0.05 * Math.Exp(GammaDistribution.LogGamma(1.01)), 100);
        Assert.Equal(1, x / expected, 1e-6);
    }

    [Fact]
    public void Inverse_BelowTheSmallestDouble_IsZero() =>
        Assert.Equal(0, GammaDistribution.InverseLowerRegularized(1e-4, 0.05));

    [Fact]
    public void Inverse_EndsAndBadArguments()
    {
        Assert.Equal(0, GammaDistribution.InverseLowerRegularized(2, 0));
        Assert.Equal(double.PositiveInfinity, GammaDistribution.InverseLowerRegularized(2, 1));
        Assert.Throws<ArgumentOutOfRangeException>(() => GammaDistribution.InverseLowerRegularized(0, 0.5));
        Assert.Throws<ArgumentOutOfRangeException>(() => GammaDistribution.InverseLowerRegularized(1, 1.5));
    }

    [Fact]
    public void Inverse_RoundTripsOverAGrid()
    {
        foreach (var a in new[] { 0.02, 0.2, 0.7, 1.3, 4, 25, 300, 5000 })
        {
            foreach (var p in new[] { 0.001, 0.05, 0.3, 0.5, 0.9, 0.95, 0.999 })
            {
                var x = GammaDistribution.InverseLowerRegularized(a, p);
                Assert.True(Math.Abs(GammaDistribution.LowerRegularized(a, x) - p) < 1e-9, $"a={a} p={p} x={x}");
            }
        }
    }
}
