namespace EgmEcc.History;

/// <summary>
/// The gamma distribution's regularized lower incomplete function and its inverse, for the
/// percentiles of measured rates (docs/fleet.md, "Measured rates").
/// </summary>
/// <remarks>
/// Written here rather than taken from a numerics library: the one on offer (MathNet.Numerics
/// 5.0.0) builds cleanly for AOT but returns wrong quantiles for shapes at or below about 0.05
/// (its inverse stops near 1e-15 and its CDF disagrees with itself there), and a fleet with a few
/// very bad hosts fits a prior of just such a shape. The methods are the standard ones: the series
/// and Lentz's continued fraction for P(a, x), and Halley's method from a Wilson–Hilferty (a &gt; 1) or
/// small-x (a ≤ 1) first guess for the inverse.
/// </remarks>
internal static class GammaDistribution
{
    private const double Epsilon = 1e-15;
    private const double Tiny = 1e-300;

    private static readonly double[] Lanczos =
    [
        57.1562356658629235, -59.5979603554754912, 14.1360979747417471, -0.491913816097620199,
        .339946499848118887e-4, .465236289270485756e-4, -.983744753048795646e-4, .158088703224912494e-3,
        -.210264441724104883e-3, .217439618115212643e-3, -.164318106536763890e-3, .844182239838527433e-4,
        -.261908384015814087e-4, .368991826595316234e-5,
    ];

    /// <summary>ln Γ(x) for x &gt; 0 (Lanczos, g = 607/128: relative error below 1e-15).</summary>
    public static double LogGamma(double x)
    {
        var y = x;
        var t = x + 5.24218750000000000;
        t = ((x + 0.5) * Math.Log(t)) - t;
        var sum = 0.999999999999997092;
        foreach (var c in Lanczos)
        {
            sum += c / ++y;
        }

        return t + Math.Log(2.5066282746310005 * sum / x);
    }

    /// <summary>P(a, x) = γ(a, x) / Γ(a), the CDF of Gamma(a, 1) at <paramref name="x"/>.</summary>
    public static double LowerRegularized(double a, double x)
    {
        if (!(x > 0))
        {
            return 0;
        }

        if (double.IsPositiveInfinity(x))
        {
            return 1;
        }

        return x < a + 1 ? Series(a, x) : 1 - ContinuedFraction(a, x);
    }

    /// <summary>The x with P(a, x) = <paramref name="p"/>: the <paramref name="p"/>-quantile of Gamma(a, 1).</summary>
    /// <remarks>Relative accuracy about 1e-10; 0 when the quantile is below the smallest double.</remarks>
    public static double InverseLowerRegularized(double a, double p)
    {
        if (!(a > 0) || double.IsNaN(p) || p < 0 || p > 1)
        {
            throw new ArgumentOutOfRangeException(nameof(p), "needs a > 0 and 0 <= p <= 1");
        }

        if (p == 0)
        {
            return 0;
        }

        if (p == 1)
        {
            return double.PositiveInfinity;
        }

        var logGamma = LogGamma(a);
        var a1 = a - 1;
        double x;
        if (a > 1)
        {
            // Wilson–Hilferty from a normal quantile (Abramowitz–Stegun 26.2.22).
            var pp = p < 0.5 ? p : 1 - p;
            var t = Math.Sqrt(-2 * Math.Log(pp));
            var z = ((2.30753 + (t * 0.27061)) / (1 + (t * (0.99229 + (t * 0.04481))))) - t;
            if (p < 0.5)
            {
                z = -z;
            }

            x = Math.Max(1e-3, a * Math.Pow(1 - (1 / (9 * a)) - (z / (3 * Math.Sqrt(a))), 3));
        }
        else
        {
            // P(a, x) ≈ x^a / Γ(a + 1) for small x; an exponential tail above.
            var t = 1 - (a * (0.253 + (a * 0.12)));
            x = p < t ? Math.Pow(p / t, 1 / a) : 1 - Math.Log(1 - ((p - t) / (1 - t)));
        }

        for (var i = 0; i < 100; i++)
        {
            if (x <= 0)
            {
                return 0;
            }

            var error = LowerRegularized(a, x) - p;
            var density = Math.Exp(-x + (a1 * Math.Log(x)) - logGamma);
            if (density == 0 || !double.IsFinite(density))
            {
                break;
            }

            var u = error / density;
            var step = u / (1 - (0.5 * Math.Min(1, u * ((a1 / x) - 1))));
            var next = x - step;
            if (next <= 0)
            {
                // Halving keeps x positive where a full step would jump below 0.
                next = x / 2;
            }

            var done = Math.Abs(next - x) < 1e-12 * next;
            x = next;
            if (done)
            {
                break;
            }
        }

        return x;
    }

    private static double Prefactor(double a, double x, double logGamma) => Math.Exp(-x + (a * Math.Log(x)) - logGamma);

    private static double Series(double a, double x)
    {
        var ap = a;
        var term = 1 / a;
        var sum = term;
        for (var n = 0; n < 1_000_000; n++)
        {
            ap++;
            term *= x / ap;
            sum += term;
            if (Math.Abs(term) < Math.Abs(sum) * Epsilon)
            {
                break;
            }
        }

        return Math.Min(1, sum * Prefactor(a, x, LogGamma(a)));
    }

    /// <summary>Q(a, x) = 1 − P(a, x) by Lentz's method, for x ≥ a + 1.</summary>
    private static double ContinuedFraction(double a, double x)
    {
        var b = x + 1 - a;
        var c = 1 / Tiny;
        var d = 1 / b;
        var h = d;
        for (var i = 1; i < 1_000_000; i++)
        {
            var an = -i * (i - a);
            b += 2;
            d = (an * d) + b;
            if (Math.Abs(d) < Tiny)
            {
                d = Tiny;
            }

            c = b + (an / c);
            if (Math.Abs(c) < Tiny)
            {
                c = Tiny;
            }

            d = 1 / d;
            var delta = d * c;
            h *= delta;
            if (Math.Abs(delta - 1) < Epsilon)
            {
                break;
            }
        }

        return Math.Max(0, Prefactor(a, x, LogGamma(a)) * h);
    }
}
