using EgmEcc.Fleet;

namespace EgmEcc.History;

/// <summary>What <c>history</c> computes from a fleet's snapshots (docs/design.md §4.13): the fleet prior, every host's measured rate and every region's firmware-table cliff.</summary>
public static class HistoryAnalysis
{
    /// <summary>The report of <paramref name="history"/>, without policy results.</summary>
    /// <param name="history">The fleet's history.</param>
    /// <param name="shape">The VM shape the observations counted, or null.</param>
    public static HistoryReport Of(FleetHistory history, VmShape? shape)
    {
        ArgumentNullException.ThrowIfNull(history);
        var (prior, rates) = RateFit.Fit(history);
        return new HistoryReport
        {
            History = history,
            VmShape = shape,
            Prior = prior,
            Rates = rates,
            Cliffs = TableCliffs.Of(history, rates),
        };
    }
}
