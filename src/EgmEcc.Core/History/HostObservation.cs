using EgmEcc.Fleet;

namespace EgmEcc.History;

/// <summary>
/// One host as one snapshot saw it (docs/design.md §4.13): the time it was observed and its
/// plan's summary.
/// </summary>
/// <param name="Snapshot">The index of the snapshot in <see cref="FleetHistory.Snapshots"/>.</param>
/// <param name="At">When the host was observed: its own collection time when the snapshot
/// records one, else the snapshot's time.</param>
/// <param name="Summary">The host's figures at that time.</param>
public sealed record HostObservation(int Snapshot, DateTimeOffset At, HostSummary Summary);
