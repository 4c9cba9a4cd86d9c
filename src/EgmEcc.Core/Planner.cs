using System.Collections.Immutable;
using System.Numerics;
using System.Runtime.CompilerServices;

namespace EgmEcc;

/// <summary>
/// Turns regions and retired records into holes, usable extents and at-risk pages
/// (docs/design.md §2).
/// </summary>
/// <remarks>
/// <para>Four steps, each linear but for one sort:</para>
/// <list type="number">
/// <item><b>Attribute</b> each record as it arrives (<see cref="RecordAttribution"/>): to the region
/// it names (clipped to it), else to every region of its host it overlaps, split at region edges
/// (each piece in its region); or count it out-of-region. An at-risk record (a corrected error)
/// goes aside, widened to G, unless the options retire corrected errors.</item>
/// <item><b>Widen</b> each piece in region-offset space to the layout granule L:
/// <c>[alignDown(start, L), alignUp(end, L))</c>, clipped to <c>[0, size)</c>, and keep it with its
/// region.</item>
/// <item><b>Sort</b> each region's widened ranges once, stably, by start (an LSD radix sort over
/// only the bits in which keys differ), when the region is swept.</item>
/// <item><b>Sweep</b> each region once: classify duplicates, merge ranges that overlap or touch into
/// retired holes, then walk the gaps between holes as usable extents, folding extents shorter
/// than the minimum extent into their neighbouring holes as fragment bytes
/// (<see cref="RegionTiler"/>); the at-risk ranges are what of them lies in the usable extents.</item>
/// </list>
/// <para>Everything is in region-offset space, where every end fits in 64 bits because a region's
/// size does; SPA only appears at attribution, guarded against overflow. A region is swept when it
/// is first tiled (<see cref="SweptPlan"/>), so a writer holds one region's ranges and holes at a
/// time.</para>
/// </remarks>
public static class Planner
{
    /// <summary>The widest radix digit: 2^12 counters (16 KiB) stay in the first-level cache.</summary>
    private const int MaxDigitBits = 12;

    /// <summary>Plans <paramref name="records"/> against <paramref name="regions"/>.</summary>
    /// <exception cref="InputException">A record names a region or host that no input defines, or names no host when there are several.</exception>
    public static Plan Create(RegionSet regions, ReadOnlySpan<RetiredRecord> records, PlanOptions options) =>
        Sweep(regions, records, options).ToPlan();

    /// <summary>
    /// Plans <paramref name="records"/> against <paramref name="regions"/> up to the retired holes
    /// of every region: the accounting and the diagnostics are final, the extents and holes are
    /// tiled on demand (<see cref="SweptPlan.Tile"/>), so a writer can write each region while it
    /// is tiled instead of holding the whole plan. The same as adding each record to a
    /// <see cref="RecordAttribution"/> and sweeping it.
    /// </summary>
    /// <exception cref="InputException">A record names a region or host that no input defines, or names no host when there are several.</exception>
    public static SweptPlan Sweep(RegionSet regions, ReadOnlySpan<RetiredRecord> records, PlanOptions options)
    {
        var attribution = new RecordAttribution(regions, options);
        foreach (ref readonly var record in records)
        {
            attribution.Add(record);
        }

        return attribution.Sweep();
    }

    /// <summary>
    /// Sorts and sweeps the ranges of one region into its retired holes, letting
    /// <paramref name="pieces"/> go; marks the tagged records applied in
    /// <paramref name="appliedTagged"/>. With <paramref name="buffers"/>, a region of keys is
    /// sorted and merged in them (its holes valid until their next loan); else in arrays of its own.
    /// </summary>
    internal static RegionSweep SweepRegion(RegionPieces pieces, ulong regionSize, bool[]? appliedTagged, SweepBuffers? buffers = null)
    {
        if (pieces.HasTagged)
        {
            var items = pieces.TakeTagged();
            var sorted = RadixSortByStart(items.AsSpan(), GC.AllocateUninitializedArray<TaggedRecord>(items.Length), pieces.Shift);
            return MergeHoles(new ItemRanges<TaggedRecord>(sorted), regionSize, appliedTagged, GC.AllocateUninitializedArray<WidenedRecord>(items.Length));
        }

        if (pieces.IsNarrow)
        {
            var count = checked((int)pieces.UntaggedCount);
            var (keys, scratch, holes) = buffers is null
                ? (GC.AllocateUninitializedArray<RangeKey>(count), GC.AllocateUninitializedArray<RangeKey>(count), GC.AllocateUninitializedArray<WidenedRecord>(count))
                : buffers.Lend(count);
            var (lengthBits, longest) = pieces.MoveSortKeysTo(keys);
            var sorted = RadixSortByStart(keys.AsSpan(0, count), scratch.AsSpan(0, count), 0);
            var swept = MergeHoles(new KeyRanges(sorted, pieces.Shift, lengthBits, longest, regionSize), regionSize, appliedTagged, holes);
            return buffers is null ? swept : swept with { Lender = buffers, Loan = buffers.Generation };
        }

        var wide = pieces.TakeWide();
        var inOrder = RadixSortByStart(wide.AsSpan(), GC.AllocateUninitializedArray<WidenedRecord>(wide.Length), pieces.Shift);
        return MergeHoles(new ItemRanges<WidenedRecord>(inOrder), regionSize, appliedTagged, GC.AllocateUninitializedArray<WidenedRecord>(wide.Length));
    }

    /// <summary>The warnings about the regions themselves, first in every plan's diagnostics.</summary>
    internal static void AddRegionWarnings(RegionSet regions, PlanOptions options, ImmutableArray<Diagnostic>.Builder diagnostics)
    {
        foreach (var region in regions.Regions)
        {
            if (region.GuestSize is { } guestSize && guestSize % options.GuestPage != 0)
            {
                diagnostics.Add(new Diagnostic(
                    Severity.Warning,
                    region.Source,
                    $"region '{region.Id}' guest size {Numbers.Hex(guestSize)} is not a multiple of the guest page {Numbers.Hex(options.GuestPage)} ({new ByteSize(options.GuestPage)}); guest layouts (dts, qemu) leave the partial guest pages at its end, and at the start of every later guest node, out of guest memory")
                {
                    Code = DiagnosticCodes.MisalignedGuestSize,
                });
            }

            foreach (var h in options.HugePages)
            {
                if (region.Base % h != 0)
                {
                    diagnostics.Add(new Diagnostic(
                        Severity.Warning,
                        region.Source,
                        $"region '{region.Id}' base {Numbers.Hex(region.Base)} is not {new ByteSize(h)}-aligned; its {new ByteSize(h)} capacity counts blocks aligned in region offset, which the host cannot map as {new ByteSize(h)} pages")
                    {
                        Code = DiagnosticCodes.MisalignedBase,
                    });
                }
            }
        }
    }

    /// <summary>
    /// A stable LSD radix sort by <c>SortKey &gt;&gt; shift</c> over only the bits in which keys
    /// differ, in as few passes of at most <see cref="MaxDigitBits"/> bits as cover them (two for
    /// the 2^23 64 KiB pages of a 512 GiB region); <paramref name="scratch"/> is as long as
    /// <paramref name="items"/>. Returns whichever of the two spans holds the sorted result.
    /// </summary>
    private static Span<T> RadixSortByStart<T>(Span<T> items, Span<T> scratch, int shift)
        where T : struct, ISortKey<T>
    {
        if (items.Length < 2)
        {
            return items;
        }

        ulong any = 0, all = ulong.MaxValue;
        foreach (ref readonly var item in items)
        {
            var key = T.SortKey(item) >> shift;
            any |= key;
            all &= key;
        }

        // Bits outside [low, high) are equal in every key: sorting by [low, high) sorts by key.
        var varying = any ^ all;
        if (varying == 0)
        {
            return items;
        }

        var low = BitOperations.TrailingZeroCount(varying);
        var bits = 64 - BitOperations.LeadingZeroCount(varying) - low;
        var passes = (bits + MaxDigitBits - 1) / MaxDigitBits;
        var width = (bits + passes - 1) / passes;
        var mask = (1UL << width) - 1;
        Span<int> counts = stackalloc int[1 << width];
        var source = items;
        var target = scratch;
        for (var pass = 0; pass < passes; pass++)
        {
            var digitShift = shift + low + (width * pass);
            counts.Clear();
            foreach (ref readonly var item in source)
            {
                counts[(int)((T.SortKey(item) >> digitShift) & mask)]++;
            }

            var total = 0;
            for (var b = 0; b < counts.Length; b++)
            {
                (counts[b], total) = (total, total + counts[b]);
            }

            foreach (ref readonly var item in source)
            {
                target[counts[(int)((T.SortKey(item) >> digitShift) & mask)]++] = item;
            }

            var swap = source;
            source = target;
            target = swap;
        }

        return source;
    }

    /// <summary>
    /// Sweeps one region's widened ranges, sorted stably by start, into retired holes (merged
    /// where they overlap or touch, each end clipped to the region) and counts the ranges that were
    /// not duplicates, writing the holes to <paramref name="holes"/> (room for one a range). With
    /// tagged ranges, each applied range's record is marked in <paramref name="appliedTagged"/>.
    /// </summary>
    /// <remarks>
    /// <para>Duplicates are judged in (widened start, widened end descending, input order), so the
    /// counts do not depend on input order. With every earlier range starting at or before this
    /// one, the union of the earlier ones covers <c>[start, maxEnd)</c> without a gap, so a range
    /// is covered exactly when <c>end &lt;= maxEnd</c>. Among ranges with the same start, the
    /// longest, and of equally long ones the first in input order, is taken first: the others of
    /// that start are duplicates. The order in which ranges of one start arrive does not matter:
    /// a group of one start counts once, applied when its longest end passes <c>maxEnd</c>;
    /// untagged ranges have no identity to choose between (each is one record wholly in this
    /// region, and every one came before the first tagged record), and tagged ones pick the
    /// longest, then the lowest tag, by comparing.</para>
    /// <code>
    ///   maxEnd ─────────────┐
    ///   [=====A=====)       │      A applied
    ///       [==B==)         │      B covered: end &lt;= maxEnd → duplicate
    ///            [=====C=====)     C applied, merges with A (overlaps or touches)
    /// </code>
    /// </remarks>
    private static RegionSweep MergeHoles<TRanges>(TRanges sorted, ulong regionSize, bool[]? appliedTagged, WidenedRecord[] holes)
        where TRanges : struct, ISortedRanges, allows ref struct
    {
        var length = sorted.Length;
        var count = 0;
        long applied = 0, untaggedApplied = 0;
        ulong holeStart = 0, maxEnd = 0;
        var open = false;
        var i = 0;
        while (i < length)
        {
            var start = sorted.Start(i);
            var groupEnd = sorted.End(i);
            var taken = i;
            var j = i + 1;
            while (j < length && sorted.Start(j) == start)
            {
                var end = sorted.End(j);
                if (TRanges.Tagged && (end > groupEnd || (end == groupEnd && sorted.Record(j) < sorted.Record(taken))))
                {
                    taken = j;
                }

                groupEnd = Math.Max(groupEnd, end);
                j++;
            }

            bool isApplied;
            if (!open)
            {
                (holeStart, maxEnd, open) = (start, groupEnd, true);
                isApplied = true;
            }
            else
            {
                isApplied = groupEnd > maxEnd;
                if (start > maxEnd)
                {
                    holes[count++] = new WidenedRecord(holeStart, Math.Min(maxEnd, regionSize));
                    (holeStart, maxEnd) = (start, groupEnd);
                }
                else
                {
                    maxEnd = Math.Max(maxEnd, groupEnd);
                }
            }

            if (isApplied)
            {
                applied++;
                if (TRanges.Tagged && sorted.Record(taken) >= 0)
                {
                    appliedTagged![sorted.Record(taken)] = true;
                }
                else
                {
                    untaggedApplied++;
                }
            }

            i = j;
        }

        if (open)
        {
            holes[count++] = new WidenedRecord(holeStart, Math.Min(maxEnd, regionSize));
        }

        return new RegionSweep(holes, count, applied, untaggedApplied);
    }

    /// <summary>The number of <paramref name="h"/>-aligned blocks of <paramref name="h"/> bytes inside <c>[start, end)</c>.</summary>
    internal static ulong WholeBlocks(ulong start, ulong end, ulong h)
    {
        var firstBlock = (start / h) + (start % h == 0 ? 0UL : 1UL);
        var endBlock = end / h;
        return endBlock > firstBlock ? endBlock - firstBlock : 0;
    }

    /// <summary>One region swept: its retired holes (the first <see cref="Count"/> of <see cref="Holes"/>), and the ranges applied.</summary>
    /// <param name="Holes">The retired holes, in offset order, from the front.</param>
    /// <param name="Count">How many holes there are.</param>
    /// <param name="Applied">Ranges (groups of one start) applied in the region.</param>
    /// <param name="UntaggedApplied">Of those, the ranges of untagged records: each one record applied.</param>
    internal readonly record struct RegionSweep(WidenedRecord[] Holes, int Count, long Applied, long UntaggedApplied)
    {
        /// <summary>The buffers <see cref="Holes"/> are lent from, or null when they are the region's own.</summary>
        public SweepBuffers? Lender { get; init; }

        /// <summary>The loan of <see cref="Lender"/> the holes belong to.</summary>
        public int Loan { get; init; }
    }

    /// <summary>A value a radix sort orders by a 64-bit key. Implemented by structs only, so each sort is compiled apart.</summary>
    internal interface ISortKey<TSelf>
        where TSelf : struct, ISortKey<TSelf>
    {
        /// <summary>The key to sort by.</summary>
        static abstract ulong SortKey(in TSelf item);
    }

    /// <summary>One region's widened ranges in sorted order, as the sweep reads them.</summary>
    internal interface ISortedRanges
    {
        /// <summary>True when ranges carry their record's tag (<see cref="Record"/>).</summary>
        static abstract bool Tagged { get; }

        /// <summary>How many ranges there are.</summary>
        int Length { get; }

        /// <summary>The first offset of range <paramref name="i"/>.</summary>
        ulong Start(int i);

        /// <summary>The offset past the last of range <paramref name="i"/>.</summary>
        ulong End(int i);

        /// <summary>The tag of range <paramref name="i"/>'s record, or -1 when it has none.</summary>
        int Record(int i);
    }

    /// <summary>A widened range that carries its own ends.</summary>
    internal interface IWidened
    {
        /// <summary>The first offset.</summary>
        ulong Start { get; }

        /// <summary>The offset past the last.</summary>
        ulong End { get; }

        /// <summary>The tag of the record, or -1 when untagged.</summary>
        int Record { get; }
    }

    /// <summary>A record widened to L in its region's offset space: <c>[Start, End)</c>; 16 bytes, its region kept apart.</summary>
    internal readonly record struct WidenedRecord(ulong Start, ulong End) : IWidened, ISortKey<WidenedRecord>
    {
        public int Record => -1;

        public static ulong SortKey(in WidenedRecord item) => item.Start;
    }

    /// <summary>A widened piece with its record's tag (-1 for a range that needs none: an untagged one among tagged ones).</summary>
    internal readonly record struct TaggedRecord(ulong Start, ulong End, int Record) : IWidened, ISortKey<TaggedRecord>
    {
        public static ulong SortKey(in TaggedRecord item) => item.Start;
    }

    /// <summary>
    /// A widened range of a region of fewer than 2^32 layout granules, in 8 bytes: as kept, its
    /// first granule in the high half and its length in granules in the low half; as sorted
    /// (<see cref="SortedBy"/>), its first granule above as few bits as the region's longest range
    /// needs for "longest less this length", so that keys sort by start, then end descending (the
    /// duplicate order of docs/design.md §2.9) in as few radix passes as the starts alone need.
    /// </summary>
    internal readonly record struct RangeKey(ulong Value) : ISortKey<RangeKey>
    {
        /// <summary>The key of <c>[start, end)</c>: <paramref name="start"/> a multiple of 2^<paramref name="shift"/>, <paramref name="end"/> one or the region's size.</summary>
        public static RangeKey Of(ulong start, ulong end, int shift)
        {
            var first = start >> shift;
            var endGranule = (end >> shift) + ((end & ((1UL << shift) - 1)) == 0 ? 0UL : 1UL);
            return new RangeKey((first << 32) | (endGranule - first));
        }

        /// <summary>The length in granules of a key as kept.</summary>
        public uint Length => unchecked((uint)Value);

        public static ulong SortKey(in RangeKey item) => item.Value;

        /// <summary>The sort key of a key as kept, in a region whose longest range is <paramref name="longest"/> granules (<paramref name="lengthBits"/> the bits of <c>longest - 1</c>).</summary>
        public RangeKey SortedBy(int lengthBits, uint longest) => new(((Value >> 32) << lengthBits) | (longest - Length));
    }

    /// <summary>Sorted keys (<see cref="RangeKey.SortedBy"/>) decoded as they are read.</summary>
    private readonly ref struct KeyRanges(Span<RangeKey> keys, int shift, int lengthBits, uint longest, ulong size) : ISortedRanges
    {
        private readonly Span<RangeKey> keys = keys;

        public static bool Tagged => false;

        public int Length => keys.Length;

        [MethodImpl(MethodImplOptions.AggressiveInlining)] // read once or twice per range by the merge
        public ulong Start(int i) => (keys[i].Value >> lengthBits) << shift;

        // Granule numbers stay below 2^32 - 1 and the end of the last fits 64 bits (RegionPieces): no overflow.
        [MethodImpl(MethodImplOptions.AggressiveInlining)]
        public ulong End(int i)
        {
            var key = keys[i].Value;
            var endGranule = (key >> lengthBits) + longest - (key & ((1UL << lengthBits) - 1));
            return Math.Min(endGranule << shift, size);
        }

        public int Record(int i) => -1;
    }

    /// <summary>Sorted ranges that carry their ends.</summary>
    private readonly ref struct ItemRanges<T>(Span<T> items) : ISortedRanges
        where T : struct, IWidened
    {
        private readonly Span<T> items = items;

        public static bool Tagged => typeof(T) == typeof(TaggedRecord);

        public int Length => items.Length;

        public ulong Start(int i) => items[i].Start;

        public ulong End(int i) => items[i].End;

        public int Record(int i) => items[i].Record;
    }

    /// <summary>An at-risk piece widened to G in the offset space of region <see cref="Region"/>: <c>[Start, End)</c>.</summary>
    internal readonly record struct AtRiskPiece(int Region, ulong Start, ulong End);

}
