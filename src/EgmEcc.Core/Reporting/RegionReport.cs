using System.Collections.Immutable;

namespace EgmEcc.Reporting;

/// <summary>What the holes cost at one hugepage size: the blocks lost and the bytes they would have mapped.</summary>
/// <param name="PageSize">The hugepage size H.</param>
/// <param name="Count">H-aligned blocks wholly inside usable extents.</param>
/// <param name="Ideal">Blocks the region would hold with no holes.</param>
public readonly record struct HugePageLoss(ulong PageSize, ulong Count, ulong Ideal)
{
    /// <summary>The blocks the holes cost.</summary>
    public ulong Lost => Ideal - Count;

    /// <summary>The capacity lost to holes in bytes: <c>Lost × H</c> (never more than the region's size).</summary>
    public ulong LostBytes => Lost * PageSize;

    /// <summary>Usable blocks as a percentage of the ideal, in [0, 100]; 100 when the region holds none.</summary>
    public double Percent => Ideal == 0 ? 100 : 100.0 * Count / Ideal;
}

/// <summary>The figures of one region as the report shows them.</summary>
public sealed record RegionReport
{
    /// <summary>The region's plan.</summary>
    public required RegionPlan Plan { get; init; }

    /// <summary>The capacity at each counted hugepage size, ascending.</summary>
    public required ImmutableArray<HugePageLoss> HugePages { get; init; }

    /// <summary>
    /// The entries used in the region's firmware retired-page table (the largest of its copies),
    /// or null when none was read for it (docs/design.md §1).
    /// </summary>
    public int? TableEntries { get; init; }

    /// <summary>The region.</summary>
    public Region Region => Plan.Region;

    /// <summary>The region's figures.</summary>
    public RegionStats Stats => Plan.Stats;

    /// <summary>Usable bytes as a percentage of the region.</summary>
    public double UsablePercent => Plan.Stats.UsablePercent;

    /// <summary>The report figures of <paramref name="plan"/>.</summary>
    public static RegionReport Create(RegionPlan plan)
    {
        ArgumentNullException.ThrowIfNull(plan);
        return new RegionReport
        {
            Plan = plan,
            HugePages = [.. plan.Stats.HugePageCapacity.Select(c => new HugePageLoss(c.PageSize, c.Count, c.Ideal))],
        };
    }

    /// <summary>The region's hole map in <paramref name="cells"/> cells (see <see cref="Reporting.HoleMap"/>).</summary>
    public ImmutableArray<HoleMapCell> HoleMap(int cells) => Reporting.HoleMap.Cells(Plan, cells);

    /// <summary>
    /// The hugepage capacity at <paramref name="pageSize"/>: the plan's figure when it counted that
    /// size, else counted here from the usable extents (a gate may ask for a size the plan did not count).
    /// </summary>
    public HugePageLoss CapacityAt(ulong pageSize)
    {
        foreach (var h in HugePages)
        {
            if (h.PageSize == pageSize)
            {
                return h;
            }
        }

        return new HugePageLoss(pageSize, Plan.UsableSet.WholeAlignedBlocks(pageSize), Region.Size / pageSize);
    }
}
