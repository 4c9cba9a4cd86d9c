using System.Collections.Immutable;

namespace EgmEcc;

/// <summary>
/// The result of planning: each region's extents, holes and figures, what became of every
/// record, and the warnings met on the way. Regions are sorted by (host, base).
/// </summary>
public sealed record Plan
{
    /// <summary>The options the plan was made with.</summary>
    public required PlanOptions Options { get; init; }

    /// <summary>One plan per region, sorted by host and base.</summary>
    public required ImmutableArray<RegionPlan> Regions { get; init; }

    /// <summary>What became of every record.</summary>
    public required Accounting Accounting { get; init; }

    /// <summary>Warnings and notes, in a stable order: region warnings, then records in input order.</summary>
    public required ImmutableArray<Diagnostic> Diagnostics { get; init; }

    /// <summary>
    /// The firmware retired-page tables read for the plan, in input order (docs/design.md §1);
    /// empty when none was. Per-GPU copies appear once each: <see cref="TableEntries"/> takes the largest.
    /// </summary>
    public ImmutableArray<FirmwareTableFill> FirmwareTables { get; init; } = [];

    /// <summary>The entries used in <paramref name="region"/>'s firmware table (the largest of its copies), or null when none was read for it.</summary>
    public int? TableEntries(Region region)
    {
        ArgumentNullException.ThrowIfNull(region);
        int? most = null;
        foreach (var fill in FirmwareTables)
        {
            if (fill.Region == region.Id && fill.Host == region.Host && (most is null || fill.Entries > most))
            {
                most = fill.Entries;
            }
        }

        return most;
    }

    /// <summary>
    /// The fullest firmware table of <paramref name="host"/>, whatever its region (one of unknown
    /// region counts here), or null when none was read: the region closest to being refused.
    /// </summary>
    public int? HostTableEntries(string host)
    {
        int? most = null;
        foreach (var fill in FirmwareTables)
        {
            if (fill.Host == host && (most is null || fill.Entries > most))
            {
                most = fill.Entries;
            }
        }

        return most;
    }
}
