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
}
