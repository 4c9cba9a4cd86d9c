using System.Collections.Immutable;
using System.Runtime.InteropServices;

namespace EgmEcc;

/// <summary>
/// A plan up to its retired holes: every record attributed and swept, so the accounting and the
/// diagnostics are final, while each region's usable extents and holes (docs/design.md §2.6) are
/// tiled only when asked for. <see cref="ToPlan"/> tiles every region into a <see cref="Plan"/>;
/// <see cref="Tile"/> tiles one region a chunk at a time, so that a writer can write a plan of
/// millions of holes without holding it (48 bytes a hole).
/// </summary>
public sealed record SweptPlan
{
    /// <summary>The rows a tiler hands out at a time, of each kind, unless asked otherwise.</summary>
    public const int DefaultChunkRows = 4096;

    private readonly RegionSet regions;
    private readonly Planner.WidenedRecord[] holes;
    private readonly int[] firstHole;
    private readonly long[] applied;
    private readonly Planner.AtRiskPiece[] atRisk;
    private readonly int[] firstAtRisk;

    internal SweptPlan(
        RegionSet regions,
        Planner.WidenedRecord[] holes,
        int[] firstHole,
        long[] applied,
        Planner.AtRiskPiece[] atRisk,
        int[] firstAtRisk,
        Plan summary)
    {
        this.regions = regions;
        this.holes = holes;
        this.firstHole = firstHole;
        this.applied = applied;
        this.atRisk = atRisk;
        this.firstAtRisk = firstAtRisk;
        Summary = summary;
    }

    /// <summary>
    /// The plan without its regions (<see cref="Plan.Regions"/> is empty): options, accounting,
    /// diagnostics and firmware tables, which are all known before any region is tiled.
    /// </summary>
    public Plan Summary { get; init; }

    /// <summary>The regions, in plan order (host, base); <see cref="Tile"/> takes an index into them.</summary>
    public ImmutableArray<Region> Regions => regions.Regions;

    /// <summary>The whole plan: every region tiled (<see cref="Summary"/> with its regions).</summary>
    public Plan ToPlan()
    {
        var plans = ImmutableArray.CreateBuilder<RegionPlan>(Regions.Length);
        for (var r = 0; r < Regions.Length; r++)
        {
            plans.Add(TileWhole(r));
        }

        return Summary with { Regions = plans.MoveToImmutable() };
    }

    /// <summary>
    /// A tiler of region <paramref name="region"/> (an index into <see cref="Regions"/>) that hands
    /// out its extents and holes in offset order, at most <paramref name="chunkRows"/> of each kind
    /// at a time.
    /// </summary>
    public RegionTiler Tile(int region, int chunkRows = DefaultChunkRows)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(region);
        ArgumentOutOfRangeException.ThrowIfGreaterThanOrEqual(region, Regions.Length);
        ArgumentOutOfRangeException.ThrowIfLessThan(chunkRows, 1);
        return Tiler(region, chunkRows);
    }

    private RegionTiler Tiler(int region, int chunkRows) => new(
        Regions[region],
        holes,
        firstHole[region],
        firstHole[region + 1] - firstHole[region],
        applied[region],
        atRisk.AsSpan(firstAtRisk[region], firstAtRisk[region + 1] - firstAtRisk[region]),
        Summary.Options,
        chunkRows);

    /// <summary>One region tiled into arrays sized for the usual case (every gap an extent), so they need no copy.</summary>
    private RegionPlan TileWhole(int region)
    {
        var first = firstHole[region];
        var count = firstHole[region + 1] - first;
        var regionSize = Regions[region].Size;

        // Every gap is an extent unless it is shorter than E; holes at the very start or end leave none there.
        var edges = count == 0 ? 0 : (holes[first].Start == 0 ? 1 : 0) + (holes[first + count - 1].End == regionSize ? 1 : 0);
        var usable = GC.AllocateUninitializedArray<AddressRange>(count + 1 - edges);
        // A hole holds a retired hole but for one: a region with none that is shorter than E.
        var unusable = GC.AllocateUninitializedArray<Hole>(Math.Max(count, 1));
        var tiler = Tiler(region, chunkRows: 1);
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
}
