namespace EgmEcc.History;

/// <summary>One dated snapshot of a fleet (docs/design.md §4.13).</summary>
/// <param name="Name">Where the snapshot came from, as the user named it (a folder or a plan JSON).</param>
/// <param name="At">The snapshot's time.</param>
public sealed record Snapshot(string Name, DateTimeOffset At);
