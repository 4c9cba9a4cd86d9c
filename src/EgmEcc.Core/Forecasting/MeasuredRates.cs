using System.Collections.Frozen;
using System.Collections.Immutable;
using EgmEcc.History;

namespace EgmEcc.Forecasting;

/// <summary>
/// Rates measured from a fleet's history, for a forecast (docs/design.md §4.13): each known
/// host's posterior, and the fleet prior for a host the history has not seen.
/// </summary>
public sealed class MeasuredRates
{
    private readonly FrozenDictionary<string, HostRate> hosts;

    /// <summary>Rates of <paramref name="hosts"/> under <paramref name="prior"/>.</summary>
    public MeasuredRates(RatePrior prior, ImmutableArray<HostRate> hosts)
    {
        ArgumentNullException.ThrowIfNull(prior);
        Prior = prior;
        this.hosts = hosts.ToFrozenDictionary(h => h.Host, StringComparer.Ordinal);
    }

    /// <summary>The fleet prior.</summary>
    public RatePrior Prior { get; }

    /// <summary>The rate distribution of <paramref name="host"/>: its posterior, or the prior for a host without history.</summary>
    public RatePosterior PosteriorOf(string host) =>
        RatePosterior.Of(Prior, hosts.GetValueOrDefault(host ?? throw new ArgumentNullException(nameof(host))));
}
