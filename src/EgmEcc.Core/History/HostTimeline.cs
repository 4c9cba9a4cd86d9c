using System.Collections.Immutable;

namespace EgmEcc.History;

/// <summary>
/// Every observation of one host, oldest first (docs/design.md §4.13). A host missing from a
/// snapshot has no observation for it; the gap is a <see cref="HistoryChange"/>, not a zero.
/// </summary>
/// <param name="Host">The host's name.</param>
/// <param name="Observations">The host's observations in time order; never empty.</param>
public sealed record HostTimeline(string Host, ImmutableArray<HostObservation> Observations)
{
    /// <summary>The host's latest observation.</summary>
    public HostObservation Latest => Observations[^1];
}
