using System.Collections.Immutable;

namespace EgmEcc.History;

/// <summary>
/// A fleet over a series of dated snapshots (docs/design.md §4.13): every host's observations, and
/// the changes that are not retirements.
/// </summary>
public sealed record FleetHistory
{
    /// <summary>The options every snapshot was planned with.</summary>
    public required PlanOptions Options { get; init; }

    /// <summary>The snapshots, oldest first.</summary>
    public required ImmutableArray<Snapshot> Snapshots { get; init; }

    /// <summary>Every host seen in any snapshot, by name (ordinal).</summary>
    public required ImmutableArray<HostTimeline> Hosts { get; init; }

    /// <summary>Hosts that appeared, vanished or changed regions, in snapshot then host order.</summary>
    public ImmutableArray<HistoryChange> Changes { get; init; } = [];

    /// <summary>Notes and warnings raised while reading the snapshots.</summary>
    public ImmutableArray<Diagnostic> Notes { get; init; } = [];
}
