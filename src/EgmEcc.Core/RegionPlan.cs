using System.Collections.Immutable;

namespace EgmEcc;

/// <summary>
/// The plan of one region: its usable extents and its holes, in region-offset space, which
/// together tile <c>[0, Size)</c> exactly, alternating, sorted by offset.
/// </summary>
public sealed record RegionPlan
{
    /// <summary>The region planned.</summary>
    public required Region Region { get; init; }

    /// <summary>The usable extents, each at least the minimum extent long, as offset ranges.</summary>
    public required ImmutableArray<AddressRange> Usable { get; init; }

    /// <summary>The maximal runs of unusable bytes.</summary>
    public required ImmutableArray<Hole> Holes { get; init; }

    /// <summary>
    /// The at-risk bytes (corrected errors, widened to the retirement granule) that lie in usable
    /// extents, as maximal offset ranges sorted by offset; empty when there are none.
    /// </summary>
    public ImmutableArray<AddressRange> AtRisk { get; init; } = [];

    /// <summary>The region's figures.</summary>
    public required RegionStats Stats { get; init; }

    /// <summary>The SPA of a region offset.</summary>
    public ulong AddressOf(ulong offset) => Region.Base + offset;

    /// <summary>The usable extents as a range set in offset space.</summary>
    public RangeSet UsableSet => RangeSet.FromMinimal(Usable);
}
