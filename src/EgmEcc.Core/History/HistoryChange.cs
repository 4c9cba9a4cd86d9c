namespace EgmEcc.History;

/// <summary>What can happen to a host between two snapshots besides new retirements.</summary>
public enum HistoryChangeKind
{
    /// <summary>The host is in this snapshot and not in the previous one.</summary>
    Appeared,

    /// <summary>The host was in the previous snapshot and is not in this one.</summary>
    Vanished,

    /// <summary>The host's regions (ids, bases or sizes) differ from its previous observation.</summary>
    RegionsChanged,

    /// <summary>The host has fewer retired pages than at its previous observation.</summary>
    RetiredDecreased,
}

/// <summary>
/// A change in a host's history that is reported, not mixed into its figures (docs/design.md §4.13):
/// a rate is fitted only over intervals in which the host kept its regions.
/// </summary>
/// <param name="Host">The host.</param>
/// <param name="Snapshot">The index of the snapshot in which the change was seen.</param>
/// <param name="Kind">What changed.</param>
/// <param name="Detail">A short description for people, such as the regions before and after.</param>
public sealed record HistoryChange(string Host, int Snapshot, HistoryChangeKind Kind, string Detail);
