namespace EgmEcc.Tests.Support;

/// <summary>
/// A naive model of docs/design.md §2 for small regions: one bool per byte of region-offset space.
/// Slow and obvious on purpose; the planner must agree with it exactly. Single host.
/// </summary>
internal static class BitmapPlanner
{
    public static ModelPlan Plan(IReadOnlyList<Region> regions, IReadOnlyList<RetiredRecord> records, PlanOptions options)
    {
        var (sorted, widened, outOfRegion, clipped) = Attribute(regions, records, options);
        var plans = new List<ModelRegionPlan>();
        long applied = 0, duplicate = 0;
        for (var r = 0; r < sorted.Length; r++)
        {
            var region = sorted[r];
            var retired = new bool[region.Size];
            long regionApplied = 0;
            foreach (var (start, end, _) in InDuplicateOrder(widened[r]))
            {
                var covered = true;
                for (var x = start; x < end; x++)
                {
                    covered &= retired[x];
                    retired[x] = true;
                }

                if (covered)
                {
                    duplicate++;
                }
                else
                {
                    regionApplied++;
                }
            }

            applied += regionApplied;
            plans.Add(Tile(region, retired, regionApplied, options));
        }

        return new ModelPlan(plans, new Accounting(records.Count, applied, duplicate, clipped, outOfRegion));
    }

    /// <summary>
    /// Attributes, clips and widens every record (docs/design.md §2), with no bitmap: it scales to any
    /// region size. Returns the regions sorted by base and each one's widened records.
    /// </summary>
    public static (Region[] Sorted, List<(ulong Start, ulong End, int Input)>[] Widened, long OutOfRegion, long Clipped) Attribute(
        IReadOnlyList<Region> regions, IReadOnlyList<RetiredRecord> records, PlanOptions options)
    {
        var sorted = regions.DistinctBy(r => r.Id).OrderBy(r => r.Base).ToArray();
        var layout = options.LayoutGranule;
        var widened = sorted.Select(_ => new List<(ulong Start, ulong End, int Input)>()).ToArray();
        long outOfRegion = 0, clipped = 0;

        for (var i = 0; i < records.Count; i++)
        {
            var record = records[i];
            var size = record.Size == 0 ? options.Granule : record.Size;
            int index;
            UInt128 offset, end;
            if (record.Region is { } id)
            {
                index = Array.FindIndex(sorted, r => r.Id == id);
                var region = sorted[index];
                if (record.Start >= region.Size)
                {
                    outOfRegion++;
                    continue;
                }

                offset = record.Start;
                end = UInt128.Min((UInt128)record.Start + size, region.Size);
                clipped += (UInt128)record.Start + size > region.Size ? 1 : 0;
            }
            else
            {
                UInt128 start = record.Start;
                var stop = UInt128.Min(start + size, (UInt128)ulong.MaxValue + 1);
                index = Array.FindIndex(sorted, r => r.Base <= start && start < r.Extent.End);
                if (index < 0)
                {
                    index = Array.FindIndex(sorted, r => r.Base < stop && start < r.Extent.End);
                }

                if (index < 0)
                {
                    outOfRegion++;
                    continue;
                }

                var region = sorted[index];
                var from = UInt128.Max(start, region.Base);
                var to = UInt128.Min(start + size, region.Extent.End);
                offset = from - region.Base;
                end = to - region.Base;
                clipped += to - from != size ? 1 : 0;
            }

            var regionSize = sorted[index].Size;
            var wStart = offset / layout * layout;
            var wEnd = UInt128.Min((end + layout - 1) / layout * layout, regionSize);
            widened[index].Add(((ulong)wStart, (ulong)wEnd, i));
        }

        return (sorted, widened, outOfRegion, clipped);
    }

    /// <summary>Orders widened records as docs/design.md §2 does for duplicates: (start, end descending, input).</summary>
    public static IEnumerable<(ulong Start, ulong End, int Input)> InDuplicateOrder(IEnumerable<(ulong Start, ulong End, int Input)> widened) =>
        widened.OrderBy(w => w.Start).ThenByDescending(w => w.End).ThenBy(w => w.Input);

    private static ModelRegionPlan Tile(Region region, bool[] retired, long applied, PlanOptions options)
    {
        var size = (int)region.Size;
        var unusable = (bool[])retired.Clone();
        foreach (var (start, end) in Runs(retired, false))
        {
            if ((ulong)(end - start) < options.MinExtent)
            {
                Array.Fill(unusable, true, start, end - start);
            }
        }

        var usable = Runs(unusable, false).Select(run => AddressRange.FromStartEnd((ulong)run.Start, (ulong)run.End)).ToArray();
        var holes = Runs(unusable, true).Select(run =>
        {
            var retiredBytes = (ulong)retired.AsSpan(run.Start, run.End - run.Start).Count(true);
            var length = (ulong)(run.End - run.Start);
            return new Hole((ulong)run.Start, length, retiredBytes, length - retiredBytes);
        }).ToArray();

        var huge = options.HugePages.Select(h =>
        {
            ulong count = 0;
            for (ulong block = 0; (block + 1) * h <= (ulong)size; block++)
            {
                if (!unusable.AsSpan((int)(block * h), (int)h).Contains(true))
                {
                    count++;
                }
            }

            return new HugePageCapacity(h, count, region.Size / h);
        }).ToArray();

        var retiredTotal = (ulong)retired.Count(b => b);
        var holeTotal = (ulong)unusable.Count(b => b);
        return new ModelRegionPlan(region, usable, holes, retiredTotal, holeTotal - retiredTotal, applied, huge);
    }

    /// <summary>The maximal runs <c>[Start, End)</c> of <paramref name="value"/> in <paramref name="bits"/>.</summary>
    private static List<(int Start, int End)> Runs(bool[] bits, bool value)
    {
        var runs = new List<(int, int)>();
        var x = 0;
        while (x < bits.Length)
        {
            if (bits[x] != value)
            {
                x++;
                continue;
            }

            var start = x;
            while (x < bits.Length && bits[x] == value)
            {
                x++;
            }

            runs.Add((start, x));
        }

        return runs;
    }
}

internal sealed record ModelPlan(List<ModelRegionPlan> Regions, Accounting Accounting);

internal sealed record ModelRegionPlan(
    Region Region,
    AddressRange[] Usable,
    Hole[] Holes,
    ulong RetiredBytes,
    ulong FragmentBytes,
    long AppliedRecords,
    HugePageCapacity[] HugePages);
