using System.Collections.Immutable;
using System.Numerics;
using System.Runtime.CompilerServices;

namespace EgmEcc;

/// <summary>
/// Walks the gaps between one region's retired holes as usable extents (docs/design.md §2.6), a
/// chunk at a time: a gap shorter than the minimum extent joins the hole(s) beside it, so output
/// holes are the maximal unusable runs. The same walk fills a <see cref="RegionPlan"/>
/// (<see cref="SweptPlan.ToPlan"/>) and feeds writers that write while it tiles, so both give the
/// same extents, holes and figures.
/// </summary>
/// <remarks>
/// <code>
///   offset 0                                                       size
///   |--extent--|##retired##|-short-|##retired##|------extent------|
///   |  usable  |&lt;------------- one hole -----------&gt;|   usable     |
///                retired + fragment + retired
/// </code>
/// <para>Each <see cref="Read"/> hands out the next extents and holes in offset order, stopping
/// when either chunk is full: the rows of one chunk are those before every later chunk's, so
/// merging a chunk's two lists by offset gives the plan's rows in order. The at-risk ranges
/// (docs/design.md §2.8) are cut from the extents as they pass. <see cref="Stats"/> and
/// <see cref="AtRisk"/> are known once a pass has ended; <see cref="Restart(TiledRows)"/> walks again,
/// for one kind of row or both (a JSON plan writes the extents, then the holes).</para>
/// </remarks>
public sealed class RegionTiler
{
    private readonly Planner.WidenedRecord[] retired;
    private readonly int first;
    private readonly int count;
    private readonly long applied;
    private readonly ulong minExtent;
    private readonly ulong granule;
    private readonly ImmutableArray<ulong> hugePages;
    private readonly int[] hugeShift;
    private readonly ulong[] huge;
    private readonly int chunkRows;

    // The at-risk pieces merged into runs that overlap or touch nothing else: [start, end) each.
    private readonly ulong[] runStarts;
    private readonly ulong[] runEnds;

    private AddressRange[]? usableChunk;
    private Hole[]? holeChunk;

    // The walk: the next retired hole, the end of what has been handed out, and the hole being
    // built, [pendingStart, cursor) with its retired and fragment bytes.
    private int next;
    private ulong cursor;
    private bool pending;
    private ulong pendingStart, pendingRetired, pendingFragment;
    private ulong usableBytes, retiredBytes, fragmentBytes, largest;
    private int extents, holes;
    private int run;
    private ImmutableArray<AddressRange>.Builder? atRisk;
    private ulong atRiskBytes;

    private RegionStats? stats;
    private ImmutableArray<AddressRange> atRiskRanges;

    // The rows this pass hands out; a pass after the figures are known and without extents skips their bookkeeping too.
    private TiledRows rows = TiledRows.Both;

    internal RegionTiler(Region region, Planner.WidenedRecord[] retired, int first, int count, long applied, ReadOnlySpan<Planner.AtRiskPiece> atRiskPieces, PlanOptions options, int chunkRows)
    {
        Region = region;
        this.retired = retired;
        this.first = first;
        this.count = count;
        this.applied = applied;
        this.chunkRows = chunkRows;
        minExtent = options.MinExtent;
        granule = options.Granule;
        hugePages = options.HugePages;
        hugeShift = new int[hugePages.Length];
        huge = new ulong[hugePages.Length];
        for (var h = 0; h < hugePages.Length; h++)
        {
            hugeShift[h] = BitOperations.TrailingZeroCount(hugePages[h]);
        }

        // One run of pieces that overlap or touch; runs are apart, so are their parts in the
        // extents, and holes keep the parts of one run in different extents apart too.
        var starts = new List<ulong>();
        var ends = new List<ulong>();
        for (var p = 0; p < atRiskPieces.Length;)
        {
            var start = atRiskPieces[p].Start;
            var end = atRiskPieces[p].End;
            for (p++; p < atRiskPieces.Length && atRiskPieces[p].Start <= end; p++)
            {
                end = Math.Max(end, atRiskPieces[p].End);
            }

            starts.Add(start);
            ends.Add(end);
        }

        runStarts = [.. starts];
        runEnds = [.. ends];
        Restart();
    }

    /// <summary>The region tiled.</summary>
    public Region Region { get; }

    /// <summary>The buffers the retired holes are lent from (a region streamed), or null when they are the tiler's own.</summary>
    internal SweepBuffers? Lender { get; init; }

    /// <summary>The loan of <see cref="Lender"/> the holes belong to: the next region tiled ends it.</summary>
    internal int Loan { get; init; }

    /// <summary>True once the walk has handed out its last row.</summary>
    public bool Done { get; private set; }

    /// <summary>The region's figures, known once a pass has ended.</summary>
    /// <exception cref="InvalidOperationException">No pass has ended yet.</exception>
    public RegionStats Stats => stats ?? throw new InvalidOperationException("the region's figures are known once its tiling has ended");

    /// <summary>The at-risk bytes in usable extents as maximal offset ranges, known once a pass has ended.</summary>
    /// <exception cref="InvalidOperationException">No pass has ended yet.</exception>
    public ImmutableArray<AddressRange> AtRisk => stats is null ? throw new InvalidOperationException("the region's at-risk ranges are known once its tiling has ended") : atRiskRanges;

    /// <summary>The SPA of a region offset.</summary>
    public ulong AddressOf(ulong offset) => Region.Base + offset;

    /// <summary>Starts the walk again from offset 0, handing out extents and holes; what a finished pass found stays known.</summary>
    public void Restart() => Restart(TiledRows.Both);

    /// <summary>
    /// Starts the walk again from offset 0, handing out only the <paramref name="rows"/> asked for
    /// (the other list of each chunk is empty); what a finished pass found stays known, and a pass
    /// of holes once the figures are known walks the extents without counting them again.
    /// </summary>
    public void Restart(TiledRows rows)
    {
        if (rows is not (TiledRows.Usable or TiledRows.Holes or TiledRows.Both))
        {
            throw new ArgumentOutOfRangeException(nameof(rows), rows, "no rows to hand out");
        }

        this.rows = rows;
        (next, cursor, pending, pendingStart, pendingRetired, pendingFragment) = (0, 0, false, 0, 0, 0);
        (usableBytes, retiredBytes, fragmentBytes, largest, extents, holes) = (0, 0, 0, 0, 0, 0);
        (run, atRisk, atRiskBytes) = (0, runStarts.Length == 0 ? null : ImmutableArray.CreateBuilder<AddressRange>(), 0);
        Array.Clear(huge);
        Done = false;
    }

    /// <summary>
    /// The next extents and holes, in offset order, at most the tiler's chunk of each; false when
    /// the walk has ended. The spans hold until the next call.
    /// </summary>
    public bool Read(out ReadOnlySpan<AddressRange> usable, out ReadOnlySpan<Hole> holes)
    {
        usableChunk ??= new AddressRange[chunkRows];
        holeChunk ??= new Hole[chunkRows];
        if (Done)
        {
            usable = default;
            holes = default;
            return false;
        }

        Fill(usableChunk, holeChunk, out var u, out var h);
        usable = usableChunk.AsSpan(0, u);
        holes = holeChunk.AsSpan(0, h);
        return u + h > 0;
    }

    /// <summary>Walks on until the next row would not fit in <paramref name="usable"/> or <paramref name="holes"/>, or to the end.</summary>
    internal void Fill(Span<AddressRange> usable, Span<Hole> holes, out int usableCount, out int holeCount)
    {
        if (Lender is not null && Lender.Generation != Loan)
        {
            throw new InvalidOperationException("the region's holes were lent to the next region tiled; tile one region at a time");
        }

        var u = 0;
        var h = 0;
        if (Done)
        {
            (usableCount, holeCount) = (u, h);
            return;
        }

        // A kind of row not asked for is never written, so never fills its chunk; extents are
        // counted unless only holes are asked for once the figures are known.
        var wantUsable = (rows & TiledRows.Usable) != 0;
        var wantHoles = (rows & TiledRows.Holes) != 0;
        var countExtents = wantUsable || stats is null;
        var usableRoom = wantUsable ? usable.Length : int.MaxValue;
        var holeRoom = wantHoles ? holes.Length : int.MaxValue;
        var regionSize = Region.Size;
        var ranges = retired.AsSpan(first, count);
        var hugeCounts = huge.AsSpan();
        var shifts = hugeShift.AsSpan(0, hugeCounts.Length);

        // The walk's state in locals, stored back once: kept in fields, every row paid a store
        // and a load for each of them.
        var (next, cursor, pending, pendingStart, pendingRetired, pendingFragment) = (this.next, this.cursor, this.pending, this.pendingStart, this.pendingRetired, this.pendingFragment);
        var (usableBytes, retiredBytes, fragmentBytes, largest, extents, holeRows) = (this.usableBytes, this.retiredBytes, this.fragmentBytes, this.largest, this.extents, this.holes);
        var finished = false;
        while (true)
        {
            if (next > ranges.Length)
            {
                if (pending)
                {
                    if (h == holeRoom)
                    {
                        break;
                    }

                    if (wantHoles)
                    {
                        holes[h++] = new Hole(pendingStart, cursor - pendingStart, pendingRetired, pendingFragment);
                    }

                    holeRows++;
                    pending = false;
                }

                finished = true;
                break;
            }

            var gapEnd = next < ranges.Length ? ranges[next].Start : regionSize;
            if (gapEnd != cursor)
            {
                var length = gapEnd - cursor;
                if (length >= minExtent)
                {
                    // The step writes an extent, and first the hole before it: stop, unchanged, without room.
                    if (u == usableRoom || (pending && h == holeRoom))
                    {
                        break;
                    }

                    if (pending)
                    {
                        if (wantHoles)
                        {
                            holes[h++] = new Hole(pendingStart, cursor - pendingStart, pendingRetired, pendingFragment);
                        }

                        holeRows++;
                        pending = false;
                    }

                    if (wantUsable)
                    {
                        // From its length, which is known: building it from its end goes through 128 bits.
                        usable[u++] = AddressRange.FromBaseSize(cursor, length);
                    }

                    if (countExtents)
                    {
                        extents++;
                        usableBytes += length;
                        largest = Math.Max(largest, length);
                        for (var k = 0; k < hugeCounts.Length; k++)
                        {
                            // At most the region's size in blocks, summed over extents apart: no overflow.
                            hugeCounts[k] = unchecked(hugeCounts[k] + WholeBlocks(cursor, gapEnd, shifts[k]));
                        }

                        if (atRisk is not null)
                        {
                            AtRiskIn(cursor, gapEnd);
                        }
                    }
                }
                else
                {
                    if (!pending)
                    {
                        (pending, pendingStart, pendingRetired, pendingFragment) = (true, cursor, 0, 0);
                    }

                    pendingFragment += length;
                    fragmentBytes += length;
                }

                cursor = gapEnd;
            }

            if (next < ranges.Length)
            {
                if (!pending)
                {
                    (pending, pendingStart, pendingRetired, pendingFragment) = (true, cursor, 0, 0);
                }

                var size = ranges[next].End - ranges[next].Start;
                pendingRetired += size;
                retiredBytes += size;
                cursor = ranges[next].End;
            }

            next++;
        }

        (this.next, this.cursor, this.pending, this.pendingStart, this.pendingRetired, this.pendingFragment) = (next, cursor, pending, pendingStart, pendingRetired, pendingFragment);
        (this.usableBytes, this.retiredBytes, this.fragmentBytes, this.largest, this.extents, this.holes) = (usableBytes, retiredBytes, fragmentBytes, largest, extents, holeRows);
        if (finished)
        {
            Finish();
        }

        (usableCount, holeCount) = (u, h);
    }

    /// <summary>The number of <c>2^shift</c>-aligned blocks of <c>2^shift</c> bytes inside <c>[start, end)</c>, for <paramref name="shift"/> 0 to 63.</summary>
    /// <remarks>
    /// The hugepage sizes are powers of two (<see cref="PlanOptions"/> refuses others), so blocks
    /// are counted with shifts and a mask, for every extent and every size, without a branch:
    /// the first whole block is <c>start &gt;&gt; shift</c>, one more when <c>start</c> is not
    /// aligned (the remainder plus the mask carries into bit <c>shift</c> exactly when the
    /// remainder is not 0, and cannot pass 2^64 - 2). Unchecked, as nothing here can overflow and
    /// the build checks arithmetic otherwise.
    /// </remarks>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    internal static ulong WholeBlocks(ulong start, ulong end, int shift)
    {
        unchecked
        {
            var mask = (1UL << shift) - 1;
            var firstBlock = (start >> shift) + (((start & mask) + mask) >> shift);
            var endBlock = end >> shift;
            return endBlock > firstBlock ? endBlock - firstBlock : 0;
        }
    }

    /// <summary>
    /// Adds the at-risk parts of the extent <c>[start, end)</c>: runs are sorted and apart, as are
    /// extents, so the parts come out sorted. Retired and fragment bytes are not at risk: they are
    /// not used at all.
    /// </summary>
    private void AtRiskIn(ulong start, ulong end)
    {
        while (run < runStarts.Length && runEnds[run] <= start)
        {
            run++;
        }

        for (var k = run; k < runStarts.Length && runStarts[k] < end; k++)
        {
            var from = Math.Max(start, runStarts[k]);
            var to = Math.Min(end, runEnds[k]);
            atRisk!.Add(AddressRange.FromStartEnd(from, to));
            atRiskBytes += to - from;
        }
    }

    private void Finish()
    {
        Done = true;
        if (stats is not null)
        {
            return;
        }

        var capacity = ImmutableArray.CreateBuilder<HugePageCapacity>(hugePages.Length);
        for (var h = 0; h < hugePages.Length; h++)
        {
            capacity.Add(new HugePageCapacity(hugePages[h], huge[h], Region.Size / hugePages[h]));
        }

        atRiskRanges = atRisk is null ? [] : atRisk.Count == atRisk.Capacity ? atRisk.MoveToImmutable() : atRisk.ToImmutable();
        stats = new RegionStats
        {
            SizeBytes = Region.Size,
            UsableBytes = usableBytes,
            HoleBytes = retiredBytes + fragmentBytes,
            RetiredBytes = retiredBytes,
            FragmentBytes = fragmentBytes,
            LargestExtentBytes = largest,
            Extents = extents,
            Holes = holes,
            AtRiskBytes = atRiskBytes,
            AtRiskPages = atRiskBytes / granule,
            AppliedRecords = applied,
            HugePageCapacity = capacity.MoveToImmutable(),
        };
    }
}
