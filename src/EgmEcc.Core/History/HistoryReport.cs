using System.Collections.Immutable;
using EgmEcc.Fleet;
using EgmEcc.Policies;

namespace EgmEcc.History;

/// <summary>
/// Everything <c>history</c> says of a fleet (docs/design.md §4.13): the observations, the
/// measured rates, the firmware-table cliffs and, when rules are given, the policy results.
/// </summary>
public sealed record HistoryReport
{
    /// <summary>The snapshots and every host's observations.</summary>
    public required FleetHistory History { get; init; }

    /// <summary>The VM shape counted, or null.</summary>
    public VmShape? VmShape { get; init; }

    /// <summary>The fleet prior of rates, or null when no host has an interval to fit.</summary>
    public RatePrior? Prior { get; init; }

    /// <summary>Every host's measured rate, in host order (empty when there is no prior).</summary>
    public ImmutableArray<HostRate> Rates { get; init; } = [];

    /// <summary>Every region's firmware-table cliff at the latest observation, in host then region order.</summary>
    public ImmutableArray<TableCliff> Cliffs { get; init; } = [];

    /// <summary>The hosts that break the policy's rules now and within its horizon (docs/design.md §4.14), or null when no rule was given.</summary>
    public PolicyResult? Policy { get; init; }
}
