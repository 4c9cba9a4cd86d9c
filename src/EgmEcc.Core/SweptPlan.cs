using System.Collections.Immutable;
using System.Runtime.InteropServices;

namespace EgmEcc;

/// <summary>
/// A plan whose records are all attributed: the diagnostics are final, and each region is swept
/// into its retired holes and tiled into usable extents and holes (docs/design.md §2.6) when asked.
/// <see cref="ToPlan"/> tiles every region into a <see cref="Plan"/>; <see cref="Tile"/> sweeps and
/// tiles one region a chunk at a time, so that a writer can write a plan of millions of holes
/// holding one region's ranges at a time.
/// </summary>
/// <remarks>
/// A region swept by <see cref="Tile"/> lets its ranges and holes go once its tiler does, so it can
/// be tiled once; <see cref="Summary"/> and <see cref="ToPlan"/> sweep the regions not yet swept
/// and keep their holes. A writer that streams asks for <see cref="Summary"/> (whose applied and
/// duplicate counts need every region swept) after its last region.
/// </remarks>
public sealed record SweptPlan
{
    /// <summary>The rows a tiler hands out at a time, of each kind, unless asked otherwise.</summary>
    public const int DefaultChunkRows = 4096;

    private readonly RegionSet regions;
    private readonly Planner.AtRiskPiece[] atRisk;
    private readonly int[] firstAtRisk;
    private readonly Sweeping sweeping;

    internal SweptPlan(
        RegionSet regions,
        RegionPieces[] pieces,
        bool[]? appliedTagged,
        long retiring,
        Planner.AtRiskPiece[] atRisk,
        int[] firstAtRisk,
        Plan head)
    {
        this.regions = regions;
        this.atRisk = atRisk;
        this.firstAtRisk = firstAtRisk;
        sweeping = new Sweeping(pieces, appliedTagged, retiring);
        Head = head;
    }

    /// <summary>The regions, in plan order (host, base); <see cref="Tile"/> takes an index into them.</summary>
    public ImmutableArray<Region> Regions => regions.Regions;

    /// <summary>The options the plan is made with.</summary>
    public PlanOptions Options => Head.Options;

    /// <summary>Warnings and notes, final before any region is swept (region warnings, then records in input order).</summary>
    public ImmutableArray<Diagnostic> Diagnostics => Head.Diagnostics;

    /// <summary>
    /// The plan without its regions (<see cref="Plan.Regions"/> is empty): options, accounting,
    /// diagnostics and firmware tables. Its applied and duplicate counts need every region swept:
    /// regions not tiled yet are swept here, their holes kept.
    /// </summary>
    public Plan Summary => Head with { Accounting = sweeping.Accounting(this, Head.Accounting) };

    // Everything of the summary but the applied and duplicate counts, which the sweep adds.
    private Plan Head { get; init; }

    /// <summary>The entries used in <paramref name="region"/>'s firmware table, or null when none was read for it (<see cref="Plan.TableEntries"/>).</summary>
    public int? TableEntries(Region region) => Head.TableEntries(region);

    /// <summary>
    /// The same plan with <paramref name="notes"/> (notes from reading its inputs) before its
    /// diagnostics, and the firmware tables read for it.
    /// </summary>
    public SweptPlan WithInputs(IReadOnlyList<Diagnostic> notes, IReadOnlyList<FirmwareTableFill> firmwareTables)
    {
        ArgumentNullException.ThrowIfNull(notes);
        ArgumentNullException.ThrowIfNull(firmwareTables);
        if (notes.Count == 0 && firmwareTables.Count == 0)
        {
            return this;
        }

        var head = Head;
        if (firmwareTables.Count > 0)
        {
            head = head with { FirmwareTables = [.. firmwareTables] };
        }

        if (notes.Count > 0)
        {
            head = head with { Diagnostics = [.. notes, .. head.Diagnostics] };
        }

        return this with { Head = head };
    }

    /// <summary>The whole plan: every region tiled (<see cref="Summary"/> with its regions).</summary>
    /// <exception cref="InvalidOperationException">A region was already tiled by <see cref="Tile"/>, and its holes let go.</exception>
    public Plan ToPlan()
    {
        var summary = Summary;
        var plans = ImmutableArray.CreateBuilder<RegionPlan>(Regions.Length);
        for (var r = 0; r < Regions.Length; r++)
        {
            plans.Add(TileWhole(r));
        }

        return summary with { Regions = plans.MoveToImmutable() };
    }

    /// <summary>
    /// A tiler of region <paramref name="region"/> (an index into <see cref="Regions"/>) that hands
    /// out its extents and holes in offset order, at most <paramref name="chunkRows"/> of each kind
    /// at a time. The region is swept now unless <see cref="Summary"/> swept it, in buffers the next
    /// region tiled reuses: tile one region at a time (a tiler of an earlier one then throws).
    /// </summary>
    /// <exception cref="InvalidOperationException">The region was already tiled here, and its holes let go.</exception>
    public RegionTiler Tile(int region, int chunkRows = DefaultChunkRows)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(region);
        ArgumentOutOfRangeException.ThrowIfGreaterThanOrEqual(region, Regions.Length);
        ArgumentOutOfRangeException.ThrowIfLessThan(chunkRows, 1);
        return Tiler(region, sweeping.Take(region, regions.SizeAt(region)), chunkRows);
    }

    private RegionTiler Tiler(int region, Planner.RegionSweep swept, int chunkRows) => new(
        Regions[region],
        swept.Holes,
        0,
        swept.Count,
        swept.Applied,
        atRisk.AsSpan(firstAtRisk[region], firstAtRisk[region + 1] - firstAtRisk[region]),
        Options,
        chunkRows)
    {
        Lender = swept.Lender,
        Loan = swept.Loan,
    };

    /// <summary>One region tiled into arrays sized for the usual case (every gap an extent), so they need no copy.</summary>
    private RegionPlan TileWhole(int region)
    {
        var swept = sweeping.Take(region, regions.SizeAt(region));
        var holes = swept.Holes;
        var count = swept.Count;
        var regionSize = Regions[region].Size;

        // Every gap is an extent unless it is shorter than E; holes at the very start or end leave none there.
        var edges = count == 0 ? 0 : (holes[0].Start == 0 ? 1 : 0) + (holes[count - 1].End == regionSize ? 1 : 0);
        var usable = GC.AllocateUninitializedArray<AddressRange>(count + 1 - edges);
        // A hole holds a retired hole but for one: a region with none that is shorter than E.
        var unusable = GC.AllocateUninitializedArray<Hole>(Math.Max(count, 1));
        var tiler = Tiler(region, swept, chunkRows: 1);
        tiler.Fill(usable, unusable, out var usableCount, out var holeCount);
        if (!tiler.Done)
        {
            throw new InvalidOperationException("a region has more extents or holes than retired holes allow");
        }

        return new RegionPlan
        {
            Region = Regions[region],
            Usable = Seal(usable, usableCount),
            Holes = Seal(unusable, holeCount),
            AtRisk = tiler.AtRisk,
            Stats = tiler.Stats,
        };
    }

    /// <summary>The first <paramref name="count"/> items, without a copy when that is all of them.</summary>
    private static ImmutableArray<T> Seal<T>(T[] items, int count) =>
        count == 0 ? [] : count == items.Length ? ImmutableCollectionsMarshal.AsImmutableArray(items) : ImmutableArray.Create(items, 0, count);

    /// <summary>
    /// Which regions are swept, their holes when kept, and the applied counts so far: shared by the
    /// copies <see cref="WithInputs"/> makes, which are one plan.
    /// </summary>
    private sealed class Sweeping(RegionPieces[] pieces, bool[]? appliedTagged, long retiring)
    {
        private readonly SweepBuffers buffers = new(Largest(pieces));
        private readonly Planner.RegionSweep?[] kept = new Planner.RegionSweep?[pieces.Length];
        private readonly bool[] handedOut = new bool[pieces.Length];
        private long untaggedApplied;

        /// <summary>
        /// Region <paramref name="region"/> swept: its kept holes, or swept now. A tiler takes the
        /// holes away: a region swept by a tiler cannot be tiled again.
        /// </summary>
        public Planner.RegionSweep Take(int region, ulong size)
        {
            if (handedOut[region])
            {
                throw new InvalidOperationException($"region {region} was already tiled, and its holes let go");
            }

            handedOut[region] = true;
            if (kept[region] is { } sweep)
            {
                kept[region] = null;
                return sweep;
            }

            return Sweep(region, size, buffers);
        }

        /// <summary><paramref name="attributed"/> with the applied and duplicate counts, every region swept (the ones not yet swept kept).</summary>
        public Accounting Accounting(SweptPlan plan, Accounting attributed)
        {
            for (var r = 0; r < pieces.Length; r++)
            {
                if (!handedOut[r] && kept[r] is null)
                {
                    kept[r] = Sweep(r, plan.regions.SizeAt(r));
                }
            }

            // A record applied in several regions counts once.
            var applied = untaggedApplied + (appliedTagged is null ? 0 : appliedTagged.AsSpan().Count(true));
            return attributed with { Applied = applied, Duplicate = retiring - applied };
        }

        /// <summary>The most untagged ranges of a region kept as keys: what the buffers are lent for.</summary>
        private static int Largest(RegionPieces[] pieces)
        {
            long largest = 0;
            foreach (var region in pieces)
            {
                if (region.IsNarrow && !region.HasTagged)
                {
                    largest = Math.Max(largest, region.UntaggedCount);
                }
            }

            return (int)Math.Min(largest, Array.MaxLength);
        }

        private Planner.RegionSweep Sweep(int region, ulong size, SweepBuffers? lend = null)
        {
            var sweep = Planner.SweepRegion(pieces[region], size, appliedTagged, lend);
            untaggedApplied += sweep.UntaggedApplied;
            return sweep;
        }
    }
}
