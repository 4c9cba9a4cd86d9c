using System.Collections.Immutable;
using EgmEcc.Fleet;

namespace EgmEcc.Forecasting;

/// <summary>
/// The usable figures of a planned region after more memory retires, computed from the plan's
/// usable extents alone, without planning again.
/// </summary>
/// <remarks>
/// <para>Why this equals planning the old and new records together: usable extents are the gaps
/// of at least E between retired holes. New records only add retired bytes, so every gap of the
/// new plan lies inside a gap of the old one; old gaps shorter than E (fragments) only shrink and
/// stay unusable. Hence the new usable extents are the old usable extents minus the widened new
/// records, keeping the pieces of at least E (docs/design.md §2). Tests check this against
/// <see cref="Planner"/>.</para>
/// <para>Only the extents a new range touches change, so a trial costs in the number of new
/// ranges, not of extents: with T the touched extents and W the widened ranges, the new usable
/// set is <c>(U \ T) ∪ ((T \ W) without pieces shorter than E)</c>, a disjoint union, so its
/// bytes and blocks are today's minus those of T plus those of the pieces.</para>
/// <code>
///   old usable   |--------------------|        |-------------|
///   new (wide)          [##]                            [#######]
///   new usable   |------|  |----------|        |--------|
/// </code>
/// </remarks>
public sealed class UsableAfterRetiring
{
    private readonly RangeSet today;
    private readonly AddressRange region;
    private readonly ulong layout;
    private readonly ulong minExtent;
    private readonly ImmutableArray<ulong> pageSizes;
    private readonly ulong[] todayBlocks;

    /// <summary>Prepares <paramref name="region"/>, planned with <paramref name="options"/>, counting blocks of <paramref name="pageSizes"/>.</summary>
    /// <exception cref="ArgumentOutOfRangeException">A page size is not a power of two.</exception>
    public UsableAfterRetiring(RegionPlan region, PlanOptions options, ImmutableArray<ulong> pageSizes)
    {
        ArgumentNullException.ThrowIfNull(region);
        ArgumentNullException.ThrowIfNull(options);
        if (pageSizes.Any(h => !Numbers.IsPowerOfTwo(h)))
        {
            throw new ArgumentOutOfRangeException(nameof(pageSizes), "page sizes must be powers of two");
        }

        today = region.UsableSet;
        this.region = AddressRange.FromBaseSize(0, region.Region.Size);
        layout = options.LayoutGranule;
        minExtent = options.MinExtent;
        this.pageSizes = pageSizes;
        TodayUsable = region.Stats.UsableBytes;
        todayBlocks = [.. pageSizes.Select(h => today.WholeAlignedBlocks(h))];
    }

    /// <summary>The page sizes whose blocks are counted, in the order of the block figures.</summary>
    public ImmutableArray<ulong> PageSizes => pageSizes;

    /// <summary>Today's usable bytes.</summary>
    public ulong TodayUsable { get; }

    /// <summary>
    /// The usable bytes after <paramref name="retired"/> (region-offset ranges, any order, may
    /// overlap) retire too; the blocks per page size go to <paramref name="blocks"/>.
    /// </summary>
    public ulong Evaluate(List<AddressRange> retired, Span<ulong> blocks)
    {
        ArgumentNullException.ThrowIfNull(retired);
        todayBlocks.CopyTo(blocks);
        if (retired.Count == 0 || today.IsEmpty)
        {
            return TodayUsable;
        }

        var widened = RangeSet.Of(retired).Widen(layout, region);
        var touched = today.RangesIntersecting(widened);
        var left = touched.Difference(widened).WithoutRangesShorterThan(minExtent);
        for (var h = 0; h < pageSizes.Length; h++)
        {
            blocks[h] = blocks[h] - touched.WholeAlignedBlocks(pageSizes[h]) + left.WholeAlignedBlocks(pageSizes[h]);
        }

        // Usable bytes never exceed the region's size, so both sums fit in 64 bits.
        return TodayUsable - (ulong)touched.TotalSize + (ulong)left.TotalSize;
    }
}
