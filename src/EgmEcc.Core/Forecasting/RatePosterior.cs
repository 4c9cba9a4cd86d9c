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

    /// <summary>One rate drawn from the distribution.</summary>
    public double Draw(ref SeededRandom random)
    {
        if (!(Shape > 0) || !(ExposureTiBYears > 0))
        {
            return 0;
        }

        return Shape >= CertainShape || double.IsInfinity(ExposureTiBYears)
            ? Mean
            : random.NextGamma(Shape) / ExposureTiBYears;
    }
}
