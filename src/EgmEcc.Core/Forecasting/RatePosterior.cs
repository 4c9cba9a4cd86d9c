using EgmEcc.History;
using EgmEcc.Synthesis;

namespace EgmEcc.Forecasting;

/// <summary>
/// What a forecast knows of one host's retirement rate when it was measured from history
/// (docs/design.md §4.13): a gamma distribution over rates per TiB-year, the fleet prior updated
/// with the host's own retirements. A forecast draws a rate from it per trial, so its percentiles
/// carry the rate's uncertainty as well as the Poisson chance of each retirement.
/// </summary>
/// <param name="Shape">The gamma's shape: the prior's plus the host's new pages.</param>
/// <param name="ExposureTiBYears">The gamma's rate parameter: the prior's weight plus the host's exposure.</param>
public readonly record struct RatePosterior(double Shape, double ExposureTiBYears)
{
    /// <summary>Shapes above this are drawn as their mean: the spread left is below a part in a thousand.</summary>
    private const double CertainShape = 1e6;

    /// <summary>The mean rate, in granules per TiB per year.</summary>
    public double Mean => ExposureTiBYears > 0 ? Shape / ExposureTiBYears : 0;

    /// <summary>The posterior of a host: the prior alone when it has no measured rate.</summary>
    public static RatePosterior Of(RatePrior prior, HostRate? host)
    {
        ArgumentNullException.ThrowIfNull(prior);
        return host is null
            ? new RatePosterior(prior.Shape, prior.ExposureTiBYears)
            : new RatePosterior(prior.Shape + host.NewPages, prior.ExposureTiBYears + host.ExposureTiBYears);
    }

    /// <summary>One rate drawn from the distribution (Marsaglia and Tsang's method).</summary>
    public double Draw(ref SeededRandom random)
    {
        if (!(Shape > 0) || !(ExposureTiBYears > 0))
        {
            return 0;
        }

        if (Shape >= CertainShape || double.IsInfinity(ExposureTiBYears))
        {
            return Mean;
        }

        // A shape below 1 is drawn at shape + 1 and scaled by U^(1/shape) (the same paper).
        var shape = Shape < 1 ? Shape + 1 : Shape;
        var d = shape - (1.0 / 3);
        var c = 1 / Math.Sqrt(9 * d);
        double v;
        while (true)
        {
            var x = random.NextGaussian();
            v = 1 + (c * x);
            if (v <= 0)
            {
                continue;
            }

            v = v * v * v;
            var u = random.NextDouble();
            if (u < 1 - (0.0331 * x * x * x * x) || Math.Log(u) < (0.5 * x * x) + (d * (1 - v + Math.Log(v))))
            {
                break;
            }
        }

        var draw = d * v;
        if (Shape < 1)
        {
            draw *= Math.Pow(1.0 - random.NextDouble(), 1 / Shape);
        }

        return draw / ExposureTiBYears;
    }
}
