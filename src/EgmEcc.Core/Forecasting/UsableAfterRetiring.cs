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
    private readonly List<AddressRange> widened = [];

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
        while (r < widened.Count)
        {
            var range = widened[r];
            e = FirstEndingAfter(range.Start, e);
            if (e == starts.Length)
            {
                break;
            }

            if (starts[e] >= range.Start + range.Size)
            {
                r++;
                continue;
            }

            // Replace extent e's contribution by that of its pieces left between the new ranges.
            var (s, end) = (starts[e], ends[e]);
            Contribute(s, end, -1, ref usable, blocks);
            var cursor = s;
            var j = r;
            while (j < widened.Count && widened[j].Start < end)
            {
                if (widened[j].Start > cursor)
                {
                    Contribute(cursor, widened[j].Start, +1, ref usable, blocks);
                }

                cursor = Math.Max(cursor, widened[j].Start + widened[j].Size);
                j++;
            }

            if (cursor < end)
            {
                Contribute(cursor, end, +1, ref usable, blocks);
            }

            // Ranges are merged, so only the last one seen can reach into the next extent.
            r = widened[j - 1].Start + widened[j - 1].Size > end ? j - 1 : j;
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
        for (var h = 0; h < pageSizes.Length; h++)
        {
            var count = Planner.WholeBlocks(start, end, pageSizes[h]);
            blocks[h] = sign > 0 ? blocks[h] + count : blocks[h] - count;
        }
    }

    /// <summary>Widens to L, clips to the region, sorts and merges (touching ranges too).</summary>
    private void Widen(List<AddressRange> retired)
    {
        widened.Clear();
        foreach (var range in retired)
        {
            if (range.IsEmpty || range.Start >= regionSize)
            {
                continue;
            }

            var end = Math.Min(range.Start + Math.Min(range.Size, regionSize - range.Start), regionSize);
            var start = Numbers.AlignDown(range.Start, layout);
            end = Math.Min(Numbers.AlignUpSaturating(end, layout), regionSize);
            widened.Add(AddressRange.FromStartEnd(start, end));
        }

        widened.Sort(static (a, b) => a.Start.CompareTo(b.Start));
        var kept = 0;
        for (var i = 0; i < widened.Count; i++)
        {
            if (kept > 0 && widened[kept - 1].Start + widened[kept - 1].Size >= widened[i].Start)
            {
                var last = widened[kept - 1];
                widened[kept - 1] = AddressRange.FromStartEnd(last.Start, Math.Max(last.Start + last.Size, widened[i].Start + widened[i].Size));
            }
            else
            {
                widened[kept++] = widened[i];
            }
        }

        widened.RemoveRange(kept, widened.Count - kept);
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
