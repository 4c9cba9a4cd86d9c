using System.Collections.Immutable;
using EgmEcc.Fleet;

namespace EgmEcc.Forecasting;

/// <summary>A forecast of a fleet: the options, each host's figures in host order, and the fleet's.</summary>
/// <param name="Options">The plan options.</param>
/// <param name="Forecast">The forecast options.</param>
/// <param name="VmShape">The VM shape fitted, or null.</param>
/// <param name="Hosts">Each host, sorted by name.</param>
/// <param name="Fleet">The fleet: per-trial sums over hosts, summarised the same way.</param>
public sealed record FleetForecast(PlanOptions Options, ForecastOptions Forecast, VmShape? VmShape, ImmutableArray<ForecastFigures> Hosts, ForecastFigures Fleet)
{
    /// <summary>The warnings planning today's hosts gave (the same as <c>egmecc fleet</c> shows).</summary>
    public FleetWarnings Warnings { get; init; } = FleetWarnings.None;

    /// <summary>The fleet prior, when each host's rate was measured from history (docs/design.md §4.13); null when one rate was given.</summary>
    public History.RatePrior? MeasuredPrior { get; init; }
}
