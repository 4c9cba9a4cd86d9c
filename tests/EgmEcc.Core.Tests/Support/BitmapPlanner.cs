namespace EgmEcc.Tests.Support;

/// <summary>
/// A naive model of docs/design.md §2 for small regions: one bool per byte of region-offset space.
/// Slow and obvious on purpose; the planner must agree with it exactly. Single host.
/// </summary>
internal static class BitmapPlanner
{
    public static ModelPlan Plan(IReadOnlyList<Region> regions, IReadOnlyList<RetiredRecord> records, PlanOptions options)
    {
        var a = Attribute(regions, records, options);
        var plans = new List<ModelRegionPlan>();

        // A record counts once: applied when any of its pieces is, in whichever region.
        var appliedRecords = new HashSet<int>();
        for (var r = 0; r < a.Sorted.Length; r++)
        {
            var region = a.Sorted[r];
            var retired = new bool[region.Size];
            long regionApplied = 0;
            foreach (var (start, end, input) in InDuplicateOrder(a.Widened[r]))
            {
                var covered = true;
                for (var x = start; x < end; x++)
                {
                    covered &= retired[x];
                    retired[x] = true;
                }

                if (!covered)
                {
                    regionApplied++;
                    appliedRecords.Add(input);
                }
            }

            var atRisk = new bool[region.Size];
            foreach (var (start, end) in a.AtRisk[r])
            {
                Array.Fill(atRisk, true, (int)start, (int)(end - start));
            }

            plans.Add(Tile(region, retired, atRisk, regionApplied, options));
        }

        var applied = appliedRecords.Count;
        return new ModelPlan(plans, new Accounting(records.Count, applied, a.Retiring - applied, a.Clipped, a.OutOfRegion, a.AtRiskRecords));
    }

    /// <summary>
    /// Attributes, splits, clips and widens every record (docs/design.md §2), with no bitmap: it
    /// scales to any region size. A record naming its region is clipped to it; any other retires
    /// its bytes in every region it overlaps. Retiring pieces are widened to L, at-risk ones (kept
    /// usable) to G. Returns the regions sorted by base and each one's widened records.
    /// </summary>
    public static ModelAttribution Attribute(IReadOnlyList<Region> regions, IReadOnlyList<RetiredRecord> records, PlanOptions options)
    {
        var sorted = regions.DistinctBy(r => r.Id).OrderBy(r => r.Base).ToArray();
        var widened = sorted.Select(_ => new List<(ulong Start, ulong End, int Input)>()).ToArray();
        var atRisk = sorted.Select(_ => new List<(ulong Start, ulong End)>()).ToArray();
        long outOfRegion = 0, clipped = 0, retiring = 0, atRiskRecords = 0;

        for (var i = 0; i < records.Count; i++)
        {
            var record = records[i];
            var size = record.Size == 0 ? options.Granule : record.Size;
            var retire = options.RetireCorrected || record.Kind == RecordKind.Retired;

            // (region, offset, end) pieces, in region-offset space.
            var pieces = new List<(int Region, UInt128 Offset, UInt128 End)>();
            if (record.Region is { } id)
            {
                var index = Array.FindIndex(sorted, r => r.Id == id);
                var region = sorted[index];
                if (record.Start < region.Size)
                {
                    pieces.Add((index, record.Start, UInt128.Min((UInt128)record.Start + size, region.Size)));
                    clipped += (UInt128)record.Start + size > region.Size ? 1 : 0;
                }
            }
            else
            {
                UInt128 start = record.Start;
                var stop = UInt128.Min(start + size, (UInt128)ulong.MaxValue + 1);
                UInt128 covered = 0;
                for (var r = 0; r < sorted.Length; r++)
                {
                    var from = UInt128.Max(start, sorted[r].Base);
                    var to = UInt128.Min(stop, sorted[r].Extent.End);
                    if (from < to)
                    {
                        pieces.Add((r, from - sorted[r].Base, to - sorted[r].Base));
                        covered += to - from;
                    }
                }

                clipped += pieces.Count > 0 && covered != size ? 1 : 0;
            }

            if (pieces.Count == 0)
            {
                outOfRegion++;
                continue;
            }

            var granule = retire ? options.LayoutGranule : options.Granule;
            foreach (var (r, offset, end) in pieces)
            {
                var wStart = offset / granule * granule;
                var wEnd = UInt128.Min((end + granule - 1) / granule * granule, sorted[r].Size);
                if (retire)
                {
                    widened[r].Add(((ulong)wStart, (ulong)wEnd, i));
                }
                else
                {
                    atRisk[r].Add(((ulong)wStart, (ulong)wEnd));
                }
            }

            retiring += retire ? 1 : 0;
            atRiskRecords += retire ? 0 : 1;
        }

        return new ModelAttribution(sorted, widened, atRisk, retiring, atRiskRecords, outOfRegion, clipped);
    }

    /// <summary>Orders widened records as docs/design.md §2 does for duplicates: (widened start, widened end descending, input order).</summary>
    public static IEnumerable<(ulong Start, ulong End, int Input)> InDuplicateOrder(IEnumerable<(ulong Start, ulong End, int Input)> widened) =>
        widened.OrderBy(w => w.Start).ThenByDescending(w => w.End).ThenBy(w => w.Input);

    private static ModelRegionPlan Tile(Region region, bool[] retired, bool[] atRisk, long applied, PlanOptions options)
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

        // At risk: what of the at-risk bytes stays usable.
        var risky = atRisk.Select((b, x) => b && !unusable[x]).ToArray();
        var atRiskRanges = Runs(risky, true).Select(run => AddressRange.FromStartEnd((ulong)run.Start, (ulong)run.End)).ToArray();

        var retiredTotal = (ulong)retired.Count(b => b);
        var holeTotal = (ulong)unusable.Count(b => b);
        return new ModelRegionPlan(region, usable, holes, retiredTotal, holeTotal - retiredTotal, applied, huge, atRiskRanges, (ulong)risky.Count(b => b));
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
    HugePageCapacity[] HugePages,
    AddressRange[] AtRisk,
    ulong AtRiskBytes);

/// <summary>The model's attribution: regions sorted by base, each one's widened retiring pieces (with their record's input index) and at-risk pieces, and the counts.</summary>
internal sealed record ModelAttribution(
    Region[] Sorted,
    List<(ulong Start, ulong End, int Input)>[] Widened,
    List<(ulong Start, ulong End)>[] AtRisk,
    long Retiring,
    long AtRiskRecords,
    long OutOfRegion,
    long Clipped);
