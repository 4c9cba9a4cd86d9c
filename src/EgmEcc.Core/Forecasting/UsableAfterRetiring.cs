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
/// records, keeping the pieces of at least E. Tests check this against <see cref="Planner"/>.</para>
/// <code>
///   old usable   |--------------------|        |-------------|
///   new (wide)          [##]                            [#######]
///   new usable   |------|  |----------|        |--------|
/// </code>
/// </remarks>
public sealed class UsableAfterRetiring
{
    private readonly ulong[] starts;
    private readonly ulong[] ends;
    private readonly ulong layout;
    private readonly ulong minExtent;
    private readonly ulong regionSize;
    private readonly ImmutableArray<ulong> pageSizes;
    private readonly ulong[] todayBlocks;
    private readonly int[] pageShifts;

    // The new ranges widened to L, as parallel arrays so they sort as primitive keys; merged in place.
    private ulong[] widenedStarts = new ulong[16];
    private ulong[] widenedEnds = new ulong[16];
    private int widenedCount;

    /// <summary>Prepares <paramref name="region"/>, planned with <paramref name="options"/>, counting blocks of <paramref name="pageSizes"/>.</summary>
    public UsableAfterRetiring(RegionPlan region, PlanOptions options, ImmutableArray<ulong> pageSizes)
    {
        ArgumentNullException.ThrowIfNull(region);
        ArgumentNullException.ThrowIfNull(options);
        starts = [.. region.Usable.Select(u => u.Start)];
        ends = [.. region.Usable.Select(u => u.Start + u.Size)];
        layout = options.LayoutGranule;
        minExtent = options.MinExtent;
        regionSize = region.Region.Size;
        this.pageSizes = pageSizes;
        pageShifts = [.. pageSizes.Select(h => Numbers.IsPowerOfTwo(h) ? System.Numerics.BitOperations.TrailingZeroCount(h) : throw new ArgumentOutOfRangeException(nameof(pageSizes), "page sizes must be powers of two"))];
        TodayUsable = region.Stats.UsableBytes;
        todayBlocks = [.. pageSizes.Select(h => VmFit.Blocks(region.Usable.AsSpan(), h))];
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
        var usable = TodayUsable;
        if (retired.Count == 0 || starts.Length == 0)
        {
            return usable;
        }

        Widen(retired);
        var e = 0;
        var r = 0;
        while (r < widenedCount)
        {
            var (rangeStart, rangeEnd) = (widenedStarts[r], widenedEnds[r]);
            e = FirstEndingAfter(rangeStart, e);
            if (e == starts.Length)
            {
                break;
            }

            if (starts[e] >= rangeEnd)
            {
                r++;
                continue;
            }

            // Replace extent e's contribution by that of its pieces left between the new ranges.
            var (s, end) = (starts[e], ends[e]);
            Contribute(s, end, -1, ref usable, blocks);
            var cursor = s;
            var j = r;
            while (j < widenedCount && widenedStarts[j] < end)
            {
                if (widenedStarts[j] > cursor)
                {
                    Contribute(cursor, widenedStarts[j], +1, ref usable, blocks);
                }

                cursor = Math.Max(cursor, widenedEnds[j]);
                j++;
            }

            if (cursor < end)
            {
                Contribute(cursor, end, +1, ref usable, blocks);
            }

            // Ranges are merged, so only the last one seen can reach into the next extent.
            r = widenedEnds[j - 1] > end ? j - 1 : j;
            e++;
        }

        return usable;
    }

    private void Contribute(ulong start, ulong end, int sign, ref ulong usable, Span<ulong> blocks)
    {
        if (end - start < minExtent)
        {
            return;
        }

        usable = sign > 0 ? usable + (end - start) : usable - (end - start);
        for (var h = 0; h < pageShifts.Length; h++)
        {
            // Planner.WholeBlocks with shifts: page sizes are powers of two, and this is the hot loop.
            var shift = pageShifts[h];
            var first = (start >> shift) + ((start & ((1UL << shift) - 1)) == 0 ? 0UL : 1UL);
            var last = end >> shift;
            var count = last > first ? last - first : 0;
            blocks[h] = sign > 0 ? blocks[h] + count : blocks[h] - count;
        }
    }

    /// <summary>Widens to L, clips to the region, sorts and merges (touching ranges too).</summary>
    private void Widen(List<AddressRange> retired)
    {
        if (widenedStarts.Length < retired.Count)
        {
            var length = Math.Max(retired.Count, widenedStarts.Length * 2);
            widenedStarts = new ulong[length];
            widenedEnds = new ulong[length];
        }

        var n = 0;
        foreach (var range in retired)
        {
            if (range.IsEmpty || range.Start >= regionSize)
            {
                continue;
            }

            var end = range.Start + Math.Min(range.Size, regionSize - range.Start);
            widenedStarts[n] = Numbers.AlignDown(range.Start, layout);
            widenedEnds[n] = Math.Min(Numbers.AlignUpSaturating(end, layout), regionSize);
            n++;
        }

        Array.Sort(widenedStarts, widenedEnds, 0, n);
        var kept = 0;
        for (var i = 0; i < n; i++)
        {
            if (kept > 0 && widenedEnds[kept - 1] >= widenedStarts[i])
            {
                widenedEnds[kept - 1] = Math.Max(widenedEnds[kept - 1], widenedEnds[i]);
            }
            else
            {
                widenedStarts[kept] = widenedStarts[i];
                widenedEnds[kept] = widenedEnds[i];
                kept++;
            }
        }

        widenedCount = kept;
    }

    /// <summary>The first extent at or after <paramref name="from"/> whose end is past <paramref name="offset"/>.</summary>
    private int FirstEndingAfter(ulong offset, int from)
    {
        int lo = from, hi = ends.Length;
        while (lo < hi)
        {
            var mid = lo + ((hi - lo) / 2);
            if (ends[mid] > offset)
            {
                hi = mid;
            }
            else
            {
                lo = mid + 1;
            }
        }

        return lo;
    }
}
