using System.Collections.Immutable;
using System.Numerics;

namespace EgmEcc;

/// <summary>
/// Turns regions and retired records into holes, usable extents and at-risk pages
/// (docs/design.md §2).
/// </summary>
/// <remarks>
/// <para>Four steps, each linear but for one sort:</para>
/// <list type="number">
/// <item><b>Attribute</b> each record: to the region it names (clipped to it), else to every
/// region of its host it overlaps, split at region edges (each piece in its region); or count it
/// out-of-region. An at-risk record (a corrected error) goes aside, widened to G, unless the
/// options retire corrected errors.</item>
/// <item><b>Widen</b> each piece in region-offset space to the layout granule L:
/// <c>[alignDown(start, L), alignUp(end, L))</c>, clipped to <c>[0, size)</c>.</item>
/// <item><b>Sort</b> widened ranges once, stably, by (region, start): a counting sort on the region
/// and an LSD radix sort on <c>start / L</c> over only the bits in which keys differ.</item>
/// <item><b>Sweep</b> each region once: classify duplicates, merge ranges that overlap or touch into
/// retired holes, then walk the gaps between holes as usable extents, folding extents shorter
/// than the minimum extent into their neighbouring holes as fragment bytes; the at-risk ranges
/// are what of them lies in the usable extents.</item>
/// </list>
/// <para>Everything is in region-offset space, where every end fits in 64 bits because a region's
/// size does; SPA only appears at attribution, guarded against overflow.</para>
/// <para>A record wholly inside one region (nearly all of them) is one widened range of 16 bytes
/// that needs no identity. A record split across regions counts once, applied when any of its
/// pieces is, so meeting one plans again with every widened range tagged with its record; regions
/// a record covers whole (between its first and last) are marked once per region, not once per
/// record, so a record over 10^5 regions costs no more than one over two.</para>
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
    /// is tiled instead of holding the whole plan.
    /// </summary>
    /// <exception cref="InputException">A record names a region or host that no input defines, or names no host when there are several.</exception>
    public static SweptPlan Sweep(RegionSet regions, ReadOnlySpan<RetiredRecord> records, PlanOptions options) =>
        Sweep(regions, records, options, stableGrouping: false);

    /// <summary>
    /// <see cref="Sweep(RegionSet, ReadOnlySpan{RetiredRecord}, PlanOptions)"/>, grouping the widened
    /// ranges by region either in place (scratch the size of the largest region) or, with
    /// <paramref name="stableGrouping"/>, by a stable counting sort into a second array as large as
    /// all of them: the earlier way, kept to show that both give the same plan.
    /// </summary>
    internal static SweptPlan Sweep(RegionSet regions, ReadOnlySpan<RetiredRecord> records, PlanOptions options, bool stableGrouping)
    {
        ArgumentNullException.ThrowIfNull(regions);
        ArgumentNullException.ThrowIfNull(options);

        var diagnostics = ImmutableArray.CreateBuilder<Diagnostic>();
        AddRegionWarnings(regions, options, diagnostics);
        var regionWarnings = diagnostics.Count;

        if (Sweep<WidenedRecord>(regions, records, options, diagnostics, stableGrouping) is { } plan)
        {
            return plan;
        }

        // A record split across regions: start again, every widened range tagged with its record.
        diagnostics.Count = regionWarnings;
        return Sweep<TaggedRecord>(regions, records, options, diagnostics, stableGrouping)
            ?? throw new InvalidOperationException("tagged planning never gives up");
    }

    /// <summary>Sweeps with widened ranges of type <typeparamref name="T"/>; null when untagged ranges meet a record split across regions.</summary>
    private static SweptPlan? Sweep<T>(RegionSet regions, ReadOnlySpan<RetiredRecord> records, PlanOptions options, ImmutableArray<Diagnostic>.Builder diagnostics, bool stableGrouping)
        where T : struct, IWidened<T>
    {
        var attribution = new Attribution<T>(regions, options, records.Length, diagnostics);
        if (!attribution.Run(records))
        {
            return null;
        }

        var count = attribution.Count;
        var items = attribution.Items;
        var regionCount = regions.Regions.Length;
        int[] firstOfRegion;
        T[] scratch;
        if (stableGrouping)
        {
            var sorted = GC.AllocateUninitializedArray<T>(count);
            firstOfRegion = GroupByRegion(items.AsSpan(0, count), attribution.RegionOf.AsSpan(0, count), sorted, regionCount);
            (items, scratch) = (sorted, items);
        }
        else
        {
            // Grouped in place, the region index is no longer needed, and the sort of each region
            // needs scratch only as long as the largest (16 bytes a record fewer over 8 regions).
            firstOfRegion = GroupInPlace(items.AsSpan(0, count), attribution.RegionOf.AsSpan(0, count), regionCount);
            attribution.ReleaseRegionOf();
            var largest = 0;
            for (var r = 0; r < regionCount; r++)
            {
                largest = Math.Max(largest, firstOfRegion[r + 1] - firstOfRegion[r]);
            }

            scratch = GC.AllocateUninitializedArray<T>(largest);
        }

        var atRisk = attribution.AtRiskByRegion();

        var appliedRecords = T.Tagged ? new bool[records.Length] : null;
        var appliedIn = new long[regionCount];
        var firstHole = new int[regionCount + 1];
        var holeCount = 0;
        long applied = 0;
        var lShift = BitOperations.TrailingZeroCount(options.LayoutGranule);
        for (var r = 0; r < regionCount; r++)
        {
            var first = firstOfRegion[r];
            var length = firstOfRegion[r + 1] - first;
            var inOrder = RadixSortByStart(items.AsSpan(first, length), scratch.AsSpan(0, length), lShift);
            var (holes, regionApplied) = MergeHoles(inOrder, appliedRecords);
            applied += regionApplied;
            appliedIn[r] = regionApplied;

            // The retired holes of every region, one after another at the front of items: a region
            // has no more holes than ranges, so they never reach a range of a region not yet sorted
            // (CopyTo moves overlapping spans correctly), and the scratch is free for the next.
            inOrder[..holes].CopyTo(items.AsSpan(holeCount));
            firstHole[r] = holeCount;
            holeCount += holes;
        }

        firstHole[regionCount] = holeCount;
        if (appliedRecords is not null)
        {
            // A record applied in several regions counts once.
            applied = appliedRecords.AsSpan().Count(true);
        }

        var accounting = new Accounting(
            Records: records.Length,
            Applied: applied,
            Duplicate: attribution.Retiring - applied,
            Clipped: attribution.Clipped,
            OutOfRegion: records.Length - attribution.Retiring - attribution.AtRiskRecords,
            AtRisk: attribution.AtRiskRecords);

        return new SweptPlan(
            regions,
            RetiredHoles(items, holeCount),
            firstHole,
            appliedIn,
            atRisk.Pieces,
            atRisk.FirstOfRegion,
            new Plan
            {
                Options = options,
                Regions = [],
                Accounting = accounting,
                Diagnostics = diagnostics.ToImmutable(),
            });
    }

    /// <summary>The first <paramref name="count"/> ranges as untagged ranges: the same array when they are, else a copy.</summary>
    private static WidenedRecord[] RetiredHoles<T>(T[] items, int count)
        where T : struct, IWidened<T>
    {
        if (items is WidenedRecord[] untagged)
        {
            return untagged;
        }

        var holes = GC.AllocateUninitializedArray<WidenedRecord>(count);
        for (var i = 0; i < count; i++)
        {
            holes[i] = new WidenedRecord(items[i].Start, items[i].End);
        }

        return holes;
    }

    private static void AddRegionWarnings(RegionSet regions, PlanOptions options, ImmutableArray<Diagnostic>.Builder diagnostics)
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
    /// Groups <paramref name="items"/> by region in place (an American flag sort: each misplaced
    /// item is carried to the next free slot of its region, taking the item there along); returns
    /// where each region's run starts (plus one past the end). Not stable: ranges of one region
    /// come out in another order than they were attributed in, which the sort by start and the
    /// sweep do not depend on (see <see cref="MergeHoles"/>).
    /// </summary>
    private static int[] GroupInPlace<T>(Span<T> items, ReadOnlySpan<int> regionOf, int regionCount)
    {
        var first = RegionStarts(regionOf, regionCount);

        // Slots of region r before next[r] hold its items; the others are yet to be looked at.
        var next = (int[])first.Clone();
        for (var r = 0; r < regionCount; r++)
        {
            var end = first[r + 1];
            while (next[r] < end)
            {
                var i = next[r];
                var target = regionOf[i];
                if (target != r)
                {
                    var item = items[i];
                    do
                    {
                        var j = next[target]++;
                        (item, items[j]) = (items[j], item);
                        target = regionOf[j];
                    }
                    while (target != r);

                    items[i] = item;
                }

                next[r]++;
            }
        }

        return first;
    }

    /// <summary>Where each region's run starts once grouped (plus one past the end): the running count of items per region.</summary>
    private static int[] RegionStarts(ReadOnlySpan<int> regionOf, int regionCount)
    {
        var first = new int[regionCount + 1];
        foreach (var region in regionOf)
        {
            first[region + 1]++;
        }

        for (var r = 0; r < regionCount; r++)
        {
            first[r + 1] += first[r];
        }

        return first;
    }

    /// <summary>A stable counting sort by region; returns where each region's run starts (plus one past the end).</summary>
    private static int[] GroupByRegion<T>(ReadOnlySpan<T> items, ReadOnlySpan<int> regionOf, Span<T> sorted, int regionCount)
    {
        var first = RegionStarts(regionOf, regionCount);

        var next = (int[])first.Clone();
        for (var i = 0; i < items.Length; i++)
        {
            sorted[next[regionOf[i]]++] = items[i];
        }

        return first;
    }

    /// <summary>
    /// A stable LSD radix sort by <c>Start &gt;&gt; shift</c> over only the bits in which keys
    /// differ, in as few passes of at most <see cref="MaxDigitBits"/> bits as cover them (two for
    /// the 2^23 64 KiB pages of a 512 GiB region); <paramref name="scratch"/> is as long as
    /// <paramref name="items"/>. Returns whichever of the two spans holds the sorted result.
    /// </summary>
    private static Span<T> RadixSortByStart<T>(Span<T> items, Span<T> scratch, int shift)
        where T : struct, IWidened<T>
    {
        if (items.Length < 2)
        {
            return items;
        }

        ulong any = 0, all = ulong.MaxValue;
        foreach (ref readonly var item in items)
        {
            var key = item.Start >> shift;
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
                counts[(int)((item.Start >> digitShift) & mask)]++;
            }

            var total = 0;
            for (var b = 0; b < counts.Length; b++)
            {
                (counts[b], total) = (total, total + counts[b]);
            }

            foreach (ref readonly var item in source)
            {
                target[counts[(int)((item.Start >> digitShift) & mask)]++] = item;
            }

            var swap = source;
            source = target;
            target = swap;
        }

        return source;
    }

    /// <summary>
    /// Sweeps one region's widened records, sorted stably by start, into retired holes (merged
    /// where they overlap or touch) and counts the records that were not duplicates. The holes
    /// overwrite the front of <paramref name="sorted"/> (a hole is written only after the records
    /// it merges have been read); returns how many there are. With tagged ranges, each applied
    /// range's record is marked in <paramref name="appliedRecords"/>.
    /// </summary>
    /// <remarks>
    /// <para>Duplicates are judged in (widened start, widened end descending, input order), so the
    /// counts do not depend on input order. With every earlier record starting at or before this
    /// one, the union of the earlier ones covers <c>[start, maxEnd)</c> without a gap, so a record
    /// is covered exactly when <c>end &lt;= maxEnd</c>. Among records with the same start, the
    /// longest, and of equally long ones the first in input order, is taken first: the others of
    /// that start are duplicates. The order in which ranges of one start arrive does not matter:
    /// a group of one start counts once, applied when its longest end passes <c>maxEnd</c>;
    /// untagged ranges have no identity to choose between, and tagged ones pick the longest, then
    /// the lowest record index, by comparing (ranges of regions a record covers whole are added
    /// after the others, and grouping by region in place does not keep input order either).</para>
    /// <code>
    ///   maxEnd ─────────────┐
    ///   [=====A=====)       │      A applied
    ///       [==B==)         │      B covered: end &lt;= maxEnd → duplicate
    ///            [=====C=====)     C applied, merges with A (overlaps or touches)
    /// </code>
    /// </remarks>
    private static (int Holes, long Applied) MergeHoles<T>(Span<T> sorted, bool[]? appliedRecords)
        where T : struct, IWidened<T>
    {
        var holes = 0;
        long applied = 0;
        ulong holeStart = 0, maxEnd = 0;
        var open = false;
        var i = 0;
        while (i < sorted.Length)
        {
            var start = sorted[i].Start;
            var groupEnd = sorted[i].End;
            var taken = i;
            var j = i + 1;
            while (j < sorted.Length && sorted[j].Start == start)
            {
                var end = sorted[j].End;
                if (T.Tagged && (end > groupEnd || (end == groupEnd && sorted[j].Record < sorted[taken].Record)))
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
                    sorted[holes++] = T.Create(holeStart, maxEnd, -1);
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
                if (T.Tagged)
                {
                    // The hole just written sits before index i, so sorted[taken] is still the range read.
                    appliedRecords![sorted[taken].Record] = true;
                }
            }

            i = j;
        }

        if (open)
        {
            sorted[holes++] = T.Create(holeStart, maxEnd, -1);
        }

        return (holes, applied);
    }

    /// <summary>The number of <paramref name="h"/>-aligned blocks of <paramref name="h"/> bytes inside <c>[start, end)</c>.</summary>
    internal static ulong WholeBlocks(ulong start, ulong end, ulong h)
    {
        var firstBlock = (start / h) + (start % h == 0 ? 0UL : 1UL);
        var endBlock = end / h;
        return endBlock > firstBlock ? endBlock - firstBlock : 0;
    }

    private static string OnHost(string host) => host.Length == 0 ? string.Empty : $" of host '{host}'";

    /// <summary>The noun a record's warnings use.</summary>
    private static string Noun(in RetiredRecord record) =>
        record.Kind == RecordKind.AtRisk ? "at-risk record (corrected error)" : "retired record";

    /// <summary>
    /// A widened range as the sort and the sweep see it. Implemented by structs only, so each is
    /// compiled apart and the untagged one pays nothing for <see cref="Record"/>.
    /// </summary>
    internal interface IWidened<TSelf>
        where TSelf : struct, IWidened<TSelf>
    {
        /// <summary>True when <see cref="Record"/> is kept.</summary>
        static abstract bool Tagged { get; }

        /// <summary>The first offset.</summary>
        ulong Start { get; }

        /// <summary>The offset past the last.</summary>
        ulong End { get; }

        /// <summary>The input index of the record, when tagged.</summary>
        int Record { get; }

        /// <summary>A range of <paramref name="record"/> (ignored when untagged).</summary>
        static abstract TSelf Create(ulong start, ulong end, int record);
    }

    /// <summary>A record widened to L in its region's offset space: <c>[Start, End)</c>; 16 bytes, its region kept apart.</summary>
    internal readonly record struct WidenedRecord(ulong Start, ulong End) : IWidened<WidenedRecord>
    {
        public static bool Tagged => false;

        public int Record => -1;

        public static WidenedRecord Create(ulong start, ulong end, int record) => new(start, end);
    }

    /// <summary>A widened piece of a record that may lie in several regions, with the record's input index.</summary>
    private readonly record struct TaggedRecord(ulong Start, ulong End, int Record) : IWidened<TaggedRecord>
    {
        public static bool Tagged => true;

        public static TaggedRecord Create(ulong start, ulong end, int record) => new(start, end, record);
    }

    /// <summary>An at-risk piece widened to G in the offset space of region <see cref="Region"/>: <c>[Start, End)</c>.</summary>
    internal readonly record struct AtRiskPiece(int Region, ulong Start, ulong End);

    /// <summary>The at-risk pieces of every region, grouped by region and sorted by start.</summary>
    private sealed class AtRiskTable(AtRiskPiece[] pieces, int[] firstOfRegion)
    {
        /// <summary>Every piece, region by region.</summary>
        public AtRiskPiece[] Pieces => pieces;

        /// <summary>Where each region's pieces start in <see cref="Pieces"/>, plus one past the end.</summary>
        public int[] FirstOfRegion => firstOfRegion;
    }

    /// <summary>
    /// Steps 1 and 2: attributes, clips and widens every record. Retiring pieces become widened
    /// ranges beside their region index; at-risk pieces go aside. Counts what it meets and warns.
    /// </summary>
    private sealed class Attribution<T>
        where T : struct, IWidened<T>
    {
        private readonly RegionSet regions;
        private readonly ImmutableArray<Diagnostic>.Builder diagnostics;
        private readonly ulong layout;
        private readonly ulong granule;
        private readonly bool retireCorrected;
        private readonly List<AtRiskPiece> atRisk = [];

        // Regions that records split across several cover whole (neither the first nor the last
        // they overlap), marked once each: by the first retiring record, and as at risk.
        private RegionPainter? wholeRetired;
        private RegionPainter? wholeAtRisk;

        // For each region, the last one reached from it through regions that touch, host by host.
        private int[]? touchingUpTo;

        public Attribution(RegionSet regions, PlanOptions options, int records, ImmutableArray<Diagnostic>.Builder diagnostics)
        {
            this.regions = regions;
            this.diagnostics = diagnostics;
            layout = options.LayoutGranule;
            granule = options.Granule;
            retireCorrected = options.RetireCorrected;
            Items = GC.AllocateUninitializedArray<T>(records);
            RegionOf = GC.AllocateUninitializedArray<int>(records);
        }

        /// <summary>The widened ranges; the first <see cref="Count"/> are used.</summary>
        public T[] Items { get; private set; }

        /// <summary>The region index of each widened range.</summary>
        public int[] RegionOf { get; private set; }

        /// <summary>Lets the region index go once the ranges are grouped.</summary>
        public void ReleaseRegionOf() => RegionOf = [];

        /// <summary>How many widened ranges there are.</summary>
        public int Count { get; private set; }

        /// <summary>Retiring records with a piece in some region (applied or duplicate).</summary>
        public long Retiring { get; private set; }

        /// <summary>At-risk records left usable with a piece in some region.</summary>
        public long AtRiskRecords { get; private set; }

        /// <summary>Records cut at a region's edge.</summary>
        public long Clipped { get; private set; }

        /// <summary>Attributes every record; false, having stopped, when untagged ranges meet a retiring record split across regions.</summary>
        public bool Run(ReadOnlySpan<RetiredRecord> records)
        {
            var resolver = new HostResolver(regions);
            var named = new RegionIdCache(regions);
            var items = Items;
            var regionOf = RegionOf;
            var count = 0;
            long wholeInOne = 0;

            // The run of regions of the host last seen: records of one input share their host, so
            // most records need neither a dictionary look-up nor a Region.
            string? spanHost = null;
            int hostFirst = 0, hostCount = 0;

            for (var i = 0; i < records.Length; i++)
            {
                ref readonly var record = ref records[i];
                var host = resolver.Resolve(record);
                var size = record.SizeOr(granule);
                var retire = retireCorrected || record.Kind == RecordKind.Retired;

                if (record.Region is null)
                {
                    if (!ReferenceEquals(host, spanHost))
                    {
                        (hostFirst, hostCount) = regions.HostRun(host);
                        spanHost = host;
                    }

                    int index;
                    if (retire
                        && (index = regions.IndexContaining(hostFirst, hostCount, record.Start)) >= 0
                        && size <= regions.SizeAt(index) - (record.Start - regions.BaseAt(index))
                        && (!T.Tagged || count < items.Length))
                    {
                        // The common case: an SPA record wholly inside one region; nothing to
                        // clip, split or warn.
                        var offset = record.Start - regions.BaseAt(index);
                        regionOf[count] = index;
                        items[count++] = T.Create(
                            Numbers.AlignDown(offset, layout),
                            Math.Min(Numbers.AlignUpSaturating(offset + size, layout), regions.SizeAt(index)),
                            i);
                        wholeInOne++;
                        continue;
                    }

                    Count = count;
                    if (!Spread(in record, i, host, hostFirst, hostCount, size, retire))
                    {
                        return false;
                    }
                }
                else
                {
                    Count = count;
                    Named(in record, i, host, named, size, retire);
                }

                (items, regionOf, count) = (Items, RegionOf, Count);
            }

            Count = count;
            Retiring += wholeInOne;
            if (wholeRetired is not null)
            {
                for (var r = 0; r < regions.Regions.Length; r++)
                {
                    if (wholeRetired.By[r] >= 0)
                    {
                        Piece(r, 0, regions.SizeAt(r), wholeRetired.By[r], retire: true);
                    }
                }
            }

            return true;
        }

        /// <summary>The at-risk pieces by region, regions covered whole included.</summary>
        public AtRiskTable AtRiskByRegion()
        {
            var regionCount = regions.Regions.Length;
            if (wholeAtRisk is not null)
            {
                for (var r = 0; r < regionCount; r++)
                {
                    if (wholeAtRisk.By[r] >= 0)
                    {
                        atRisk.Add(new AtRiskPiece(r, 0, regions.SizeAt(r)));
                    }
                }
            }

            var pieces = atRisk.ToArray();
            Array.Sort(pieces, static (a, b) => a.Region != b.Region ? a.Region.CompareTo(b.Region) : a.Start.CompareTo(b.Start));
            var first = new int[regionCount + 1];
            foreach (var piece in pieces)
            {
                first[piece.Region + 1]++;
            }

            for (var r = 0; r < regionCount; r++)
            {
                first[r + 1] += first[r];
            }

            return new AtRiskTable(pieces, first);
        }

        /// <summary>A record that names its region: clipped to that region.</summary>
        private void Named(in RetiredRecord record, int input, string host, RegionIdCache named, ulong size, bool retire)
        {
            var regionId = record.Region!;
            var index = named.IndexOf(host, regionId, record.Source);
            var regionSize = regions.SizeAt(index);
            if (record.Start >= regionSize)
            {
                diagnostics.Add(new Diagnostic(Severity.Warning, record.Source, $"{Noun(record)} at offset {Numbers.Hex(record.Start)} of region '{regionId}' lies past its end (size {Numbers.Hex(regionSize)}); counted out-of-region") { Code = DiagnosticCodes.OutOfRegion });
                return;
            }

            // Compared as lengths: offset + size may pass 2^64, and a saturated end would hide the
            // clip in a region of 2^64 - 1 bytes.
            var offset = record.Start;
            var clipped = size > regionSize - offset;
            if (clipped)
            {
                WarnClipped(record, index, index);
            }

            Piece(index, offset, clipped ? regionSize : offset + size, input, retire);
            Attributed(retire);
        }

        /// <summary>
        /// An SPA record not wholly inside one region: a piece in every region of its host it
        /// overlaps, clipped when part of it lies outside them all. False when it retires in
        /// several regions and the ranges are untagged.
        /// </summary>
        private bool Spread(in RetiredRecord record, int input, string host, int hostFirst, int hostCount, ulong size, bool retire)
        {
            var start = record.Start;

            // A record running past 2^64 is cut there: that part lies in no region.
            var cut = !AddressRange.FitsAt(start, size);
            var last = cut ? ulong.MaxValue : start + (size - 1);
            var (first, count) = regions.Overlapping(hostFirst, hostCount, start, last);
            if (count == 0)
            {
                diagnostics.Add(new Diagnostic(Severity.Warning, record.Source, $"{Noun(record)} at {Numbers.Hex(start)} ({new ByteSize(size)}) lies in no region{OnHost(host)}; counted out-of-region") { Code = DiagnosticCodes.OutOfRegion });
                return true;
            }

            if (count > 1 && retire && !T.Tagged)
            {
                return false;
            }

            var final = first + count - 1;
            var firstBase = regions.BaseAt(first);
            var finalLast = regions.BaseAt(final) + (regions.SizeAt(final) - 1);
            if (cut || start < firstBase || last > finalLast || (count > 1 && !Touching(first, final)))
            {
                WarnClipped(record, first, final);
            }

            // Inclusive lasts, converted to ends in offset space only: a region's size fits 64 bits.
            var head = Math.Max(start, firstBase) - firstBase;
            var tail = Math.Min(last, finalLast);
            Piece(first, head, count == 1 ? tail - firstBase + 1 : regions.SizeAt(first), input, retire);
            if (count > 1)
            {
                if (count > 2)
                {
                    var painter = retire
                        ? wholeRetired ??= new RegionPainter(regions.Regions.Length)
                        : wholeAtRisk ??= new RegionPainter(regions.Regions.Length);
                    painter.Paint(first + 1, final - 1, input);
                }

                Piece(final, 0, tail - regions.BaseAt(final) + 1, input, retire);
            }

            Attributed(retire);
            return true;
        }

        /// <summary>Adds the piece <c>[start, end)</c> of region <paramref name="region"/>'s offset space, widened.</summary>
        private void Piece(int region, ulong start, ulong end, int input, bool retire)
        {
            var regionSize = regions.SizeAt(region);
            if (!retire)
            {
                atRisk.Add(new AtRiskPiece(region, Numbers.AlignDown(start, granule), Math.Min(Numbers.AlignUpSaturating(end, granule), regionSize)));
                return;
            }

            if (Count == Items.Length)
            {
                // Only tagged: a split record has up to two pieces, and each region covered whole one more.
                var length = (int)Math.Min(Array.MaxLength, Math.Max(16L, 2L * Items.Length));
                var items = Items;
                var regionOf = RegionOf;
                Array.Resize(ref items, length);
                Array.Resize(ref regionOf, length);
                (Items, RegionOf) = (items, regionOf);
            }

            RegionOf[Count] = region;
            Items[Count++] = T.Create(Numbers.AlignDown(start, layout), Math.Min(Numbers.AlignUpSaturating(end, layout), regionSize), input);
        }

        private void Attributed(bool retire)
        {
            if (retire)
            {
                Retiring++;
            }
            else
            {
                AtRiskRecords++;
            }
        }

        private void WarnClipped(in RetiredRecord record, int first, int final)
        {
            Clipped++;
            var a = regions.Regions[first];
            var message = first == final
                ? $"{Noun(record)} {record} crosses the edge of region '{a.Id}' {a.Extent}; clipped to the region"
                : $"{Noun(record)} {record} lies partly outside the {final - first + 1} regions it overlaps, '{a.Id}' {a.Extent} to '{regions.Regions[final].Id}' {regions.Regions[final].Extent}; clipped to them";
            diagnostics.Add(new Diagnostic(Severity.Warning, record.Source, message) { Code = DiagnosticCodes.Clipped });
        }

        /// <summary>True when regions <paramref name="first"/> to <paramref name="final"/> (one host's) each end where the next begins.</summary>
        private bool Touching(int first, int final)
        {
            if (touchingUpTo is null)
            {
                var all = regions.Regions;
                touchingUpTo = new int[all.Length];
                for (var r = all.Length - 1; r >= 0; r--)
                {
                    var touchesNext = r + 1 < all.Length
                        && all[r].Host == all[r + 1].Host
                        && regions.SizeAt(r) == regions.BaseAt(r + 1) - regions.BaseAt(r);
                    touchingUpTo[r] = touchesNext ? touchingUpTo[r + 1] : r;
                }
            }

            return touchingUpTo[first] >= final;
        }
    }

    /// <summary>
    /// Marks runs of regions, each region once, with the first record to cover it whole: later
    /// records skip marked regions through a union-find of "next unmarked region", so a record
    /// costs the regions it marks, not the regions it spans.
    /// </summary>
    private sealed class RegionPainter
    {
        private readonly int[] next;

        public RegionPainter(int regions)
        {
            next = new int[regions + 1];
            for (var r = 0; r <= regions; r++)
            {
                next[r] = r;
            }

            By = new int[regions];
            Array.Fill(By, -1);
        }

        /// <summary>The record that marked each region, or -1.</summary>
        public int[] By { get; }

        /// <summary>Marks the unmarked regions of <c>[from, to]</c> with <paramref name="record"/>.</summary>
        public void Paint(int from, int to, int record)
        {
            for (var r = Find(from); r <= to; r = Find(r + 1))
            {
                By[r] = record;
                next[r] = r + 1;
            }
        }

        /// <summary>The first unmarked region at or after <paramref name="region"/> (the sentinel past the last when none).</summary>
        private int Find(int region)
        {
            var root = region;
            while (next[root] != root)
            {
                root = next[root];
            }

            while (next[region] != root)
            {
                var following = next[region];
                next[region] = root;
                region = following;
            }

            return root;
        }
    }

    /// <summary>
    /// Finds the region a record names, remembering the last few (host, id) pairs by reference:
    /// readers share one string per distinct value, and the regions of a host interleave.
    /// </summary>
    private sealed class RegionIdCache(RegionSet regions)
    {
        private const int Ways = 8;
        private readonly string?[] ids = new string?[Ways];
        private readonly string?[] hosts = new string?[Ways];
        private readonly int[] indexes = new int[Ways];
        private int next;

        public int IndexOf(string host, string id, SourceLocation source)
        {
            for (var w = 0; w < Ways; w++)
            {
                if (ReferenceEquals(ids[w], id) && ReferenceEquals(hosts[w], host))
                {
                    return indexes[w];
                }
            }

            var index = regions.IndexOf(host, id);
            if (index < 0)
            {
                throw new InputException(source, $"record names region '{id}'{OnHost(host)}, which no input defines");
            }

            (ids[next], hosts[next], indexes[next]) = (id, host, index);
            next = (next + 1) % Ways;
            return index;
        }
    }

    /// <summary>Resolves a record's host: the one it names, or the only host there is.</summary>
    private sealed class HostResolver(RegionSet regions)
    {
        private string? lastNamed;
        private string lastResolved = string.Empty;

        public string Resolve(in RetiredRecord record)
        {
            var named = record.Host;
            if (named is null)
            {
                return regions.Hosts.Length switch
                {
                    0 => string.Empty,
                    1 => regions.Hosts[0],
                    _ => throw new InputException(record.Source, $"the record names no host, but the regions describe {regions.Hosts.Length} hosts; add a 'host' column"),
                };
            }

            if (ReferenceEquals(named, lastNamed))
            {
                return lastResolved;
            }

            if (!regions.HasHost(named))
            {
                throw new InputException(record.Source, $"the record names host '{named}', which no region input defines");
            }

            (lastNamed, lastResolved) = (named, named);
            return named;
        }
    }
}
