using System.Collections.Immutable;
using System.Numerics;

namespace EgmEcc;

/// <summary>
/// DOC: turns regions and retired records into holes and usable extents (docs/design.md §2).
/// </summary>
/// <remarks>
/// <para>Four steps, each linear but for one sort:</para>
/// <list type="number">
/// <item><b>Attribute</b> each record to a region (the one it names, else the one containing its
/// start, else the first it runs into), or count it out-of-region. Clip it to the region.</item>
/// <item><b>Widen</b> it in region-offset space to the layout granule L:
/// <c>[alignDown(start, L), alignUp(end, L))</c>, clipped to <c>[0, size)</c>.</item>
/// <item><b>Sort</b> widened ranges once, stably, by (region, start): a counting sort on the region
/// and an LSD radix sort on <c>start / L</c> over only the bits in which keys differ.</item>
/// <item><b>Sweep</b> each region once: classify duplicates, merge ranges that overlap or touch into
/// retired holes, then walk the gaps between holes as usable extents, folding extents shorter
/// than the minimum extent into their neighbouring holes as fragment bytes.</item>
/// </list>
/// <para>Everything is in region-offset space, where every end fits in 64 bits because a region's
/// size does; SPA only appears at attribution, guarded against overflow.</para>
/// </remarks>
public static class Planner
{
    /// <summary>The widest radix digit: 2^12 counters (16 KiB) stay in the first-level cache.</summary>
    private const int MaxDigitBits = 12;

    /// <summary>Plans <paramref name="records"/> against <paramref name="regions"/>.</summary>
    /// <exception cref="InputException">A record names a region or host that no input defines, or names no host when there are several.</exception>
    public static Plan Create(RegionSet regions, ReadOnlySpan<RetiredRecord> records, PlanOptions options)
    {
        ArgumentNullException.ThrowIfNull(regions);
        ArgumentNullException.ThrowIfNull(options);

        var diagnostics = ImmutableArray.CreateBuilder<Diagnostic>();
        AddRegionWarnings(regions, options, diagnostics);

        var items = GC.AllocateUninitializedArray<WidenedRecord>(records.Length);
        var regionOf = GC.AllocateUninitializedArray<int>(records.Length);
        var attribution = Attribute(regions, records, options, items, regionOf, diagnostics);
        var count = attribution.Attributed;

        var sorted = GC.AllocateUninitializedArray<WidenedRecord>(count);
        var firstOfRegion = GroupByRegion(items.AsSpan(0, count), regionOf.AsSpan(0, count), sorted, regions.Regions.Length);

        var plans = ImmutableArray.CreateBuilder<RegionPlan>(regions.Regions.Length);
        long applied = 0;
        var lShift = BitOperations.TrailingZeroCount(options.LayoutGranule);
        for (var r = 0; r < regions.Regions.Length; r++)
        {
            var first = firstOfRegion[r];
            var length = firstOfRegion[r + 1] - first;
            var inOrder = RadixSortByStart(sorted.AsSpan(first, length), items.AsSpan(first, length), lShift);
            var (holes, regionApplied) = MergeHoles(inOrder);
            applied += regionApplied;
            plans.Add(Tile(regions.Regions[r], inOrder[..holes], regionApplied, options));
        }

        var accounting = new Accounting(
            Records: records.Length,
            Applied: applied,
            Duplicate: count - applied,
            Clipped: attribution.Clipped,
            OutOfRegion: records.Length - count);

        return new Plan
        {
            Options = options,
            Regions = plans.MoveToImmutable(),
            Accounting = accounting,
            Diagnostics = diagnostics.ToImmutable(),
        };
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

    private static (int Attributed, long Clipped) Attribute(
        RegionSet regions,
        ReadOnlySpan<RetiredRecord> records,
        PlanOptions options,
        WidenedRecord[] items,
        int[] regionOf,
        ImmutableArray<Diagnostic>.Builder diagnostics)
    {
        var all = regions.Regions;
        var layout = options.LayoutGranule;
        var granule = options.Granule;
        var resolver = new HostResolver(regions);
        var named = new RegionIdCache(regions);
        var count = 0;
        long clipped = 0;

        // The run of regions of the host last seen: records of one input share their host, so
        // most records need neither a dictionary look-up nor a Region.
        string? spanHost = null;
        int hostFirst = 0, hostCount = 0;

        for (var i = 0; i < records.Length; i++)
        {
            ref readonly var record = ref records[i];
            var host = resolver.Resolve(record);
            var size = record.SizeOr(granule);
            int index;
            ulong offset;
            ulong end;
            bool wasClipped;

            if (record.Region is null && !ReferenceEquals(host, spanHost))
            {
                (hostFirst, hostCount) = regions.HostRun(host);
                spanHost = host;
            }

            if (record.Region is null
                && (index = regions.IndexContaining(hostFirst, hostCount, record.Start)) >= 0
                && size <= regions.SizeAt(index) - (record.Start - regions.BaseAt(index)))
            {
                // The common case: an SPA record wholly inside its region; nothing to clip or warn.
                offset = record.Start - regions.BaseAt(index);
                end = offset + size;
                wasClipped = false;
            }
            else if (record.Region is { } regionId)
            {
                index = named.IndexOf(host, regionId, record.Source);
                var regionSize = regions.SizeAt(index);
                if (record.Start >= regionSize)
                {
                    diagnostics.Add(new Diagnostic(Severity.Warning, record.Source, $"retired record at offset {Numbers.Hex(record.Start)} of region '{regionId}' lies past its end (size {Numbers.Hex(regionSize)}); counted out-of-region") { Code = DiagnosticCodes.OutOfRegion });
                    continue;
                }

                // Compared as lengths: offset + size may pass 2^64, and a saturated end would
                // hide the clip in a region of 2^64 - 1 bytes.
                offset = record.Start;
                wasClipped = size > regionSize - offset;
                end = wasClipped ? regionSize : offset + size;
            }
            else
            {
                index = regions.IndexContaining(host, record.Start);
                // A record running past 2^64 is cut there; it will be clipped to its region anyway.
                var span = AddressRange.FromBaseSize(record.Start, AddressRange.FitsAt(record.Start, size) ? size : ulong.MaxValue - record.Start + 1);
                if (index < 0)
                {
                    // A record that begins outside every region may still run into one: the
                    // overlapped part is retired memory, so keep it (clipped) rather than drop it.
                    index = regions.IndexOverlapping(host, span);
                    if (index < 0)
                    {
                        diagnostics.Add(new Diagnostic(Severity.Warning, record.Source, $"retired record at {Numbers.Hex(record.Start)} ({new ByteSize(size)}) lies in no region{OnHost(host)}; counted out-of-region") { Code = DiagnosticCodes.OutOfRegion });
                        continue;
                    }
                }

                var region = all[index];
                var inside = span.Intersect(region.Extent);
                wasClipped = inside.Size != size;
                offset = inside.Start - region.Base;
                end = offset + inside.Size;
            }

            if (wasClipped)
            {
                clipped++;
                var region = all[index];
                diagnostics.Add(new Diagnostic(Severity.Warning, record.Source, $"retired record {record} crosses the edge of region '{region.Id}' {region.Extent}; clipped to the region") { Code = DiagnosticCodes.Clipped });
            }

            var regionEnd = regions.SizeAt(index);
            regionOf[count] = index;
            items[count++] = new WidenedRecord(
                Numbers.AlignDown(offset, layout),
                Math.Min(Numbers.AlignUpSaturating(end, layout), regionEnd));
        }

        return (count, clipped);
    }

    /// <summary>A stable counting sort by region; returns where each region's run starts (plus one past the end).</summary>
    private static int[] GroupByRegion(ReadOnlySpan<WidenedRecord> items, ReadOnlySpan<int> regionOf, Span<WidenedRecord> sorted, int regionCount)
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
    private static Span<WidenedRecord> RadixSortByStart(Span<WidenedRecord> items, Span<WidenedRecord> scratch, int shift)
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
    /// it merges have been read); returns how many there are.
    /// </summary>
    /// <remarks>
    /// With every earlier record starting at or before this one, the union of the earlier ones
    /// covers <c>[start, maxEnd)</c> without a gap, so a record is covered exactly when
    /// <c>end &lt;= maxEnd</c>. Among records with the same start, the longest (first in input
    /// order among equals) is taken first, as if sorted by end descending: so the counts do not
    /// depend on input order.
    /// <code>
    ///   maxEnd ─────────────┐
    ///   [=====A=====)       │      A applied
    ///       [==B==)         │      B covered: end &lt;= maxEnd → duplicate
    ///            [=====C=====)     C applied, merges with A (overlaps or touches)
    /// </code>
    /// </remarks>
    private static (int Holes, long Applied) MergeHoles(Span<WidenedRecord> sorted)
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
            var j = i + 1;
            while (j < sorted.Length && sorted[j].Start == start)
            {
                groupEnd = Math.Max(groupEnd, sorted[j].End);
                j++;
            }

            if (!open)
            {
                (holeStart, maxEnd, open) = (start, groupEnd, true);
                applied++;
            }
            else
            {
                if (groupEnd > maxEnd)
                {
                    applied++;
                }

                if (start > maxEnd)
                {
                    sorted[holes++] = new WidenedRecord(holeStart, maxEnd);
                    (holeStart, maxEnd) = (start, groupEnd);
                }
                else
                {
                    maxEnd = Math.Max(maxEnd, groupEnd);
                }
            }

            i = j;
        }

        if (open)
        {
            sorted[holes++] = new WidenedRecord(holeStart, maxEnd);
        }

        return (holes, applied);
    }

    /// <summary>
    /// Walks the gaps between retired holes as usable extents. A gap shorter than the minimum
    /// extent joins the hole(s) beside it, so output holes are the maximal unusable runs.
    /// </summary>
    /// <remarks>
    /// <code>
    ///   offset 0                                                       size
    ///   |--extent--|##retired##|-short-|##retired##|------extent------|
    ///   |  usable  |&lt;------------- one hole -----------&gt;|   usable     |
    ///                retired + fragment + retired
    /// </code>
    /// <para>One pass, no allocation but the two result arrays, sized for the usual case (every
    /// gap an extent) so that they need no copy.</para>
    /// </remarks>
    private static RegionPlan Tile(Region region, ReadOnlySpan<WidenedRecord> retired, long applied, PlanOptions options)
    {
        var regionSize = region.Size;
        var minExtent = options.MinExtent;
        var hugePages = options.HugePages;
        Span<ulong> huge = stackalloc ulong[hugePages.Length];
        Span<int> hugeShift = stackalloc int[hugePages.Length];
        for (var h = 0; h < hugePages.Length; h++)
        {
            hugeShift[h] = BitOperations.TrailingZeroCount(hugePages[h]);
        }

        // Every gap is an extent unless it is shorter than E; holes at the very start or end leave none there.
        var edges = retired.IsEmpty ? 0 : (retired[0].Start == 0 ? 1 : 0) + (retired[^1].End == regionSize ? 1 : 0);
        var usable = ImmutableArray.CreateBuilder<AddressRange>(retired.Length + 1 - edges);
        var holes = ImmutableArray.CreateBuilder<Hole>(retired.Length);
        ulong usableBytes = 0, retiredBytes = 0, fragmentBytes = 0, largest = 0;

        // The hole being built: [pendingStart, cursor) with its retired and fragment bytes.
        var pending = false;
        ulong pendingStart = 0, pendingRetired = 0, pendingFragment = 0;
        ulong cursor = 0;

        for (var i = 0; i <= retired.Length; i++)
        {
            var gapEnd = i < retired.Length ? retired[i].Start : regionSize;
            if (gapEnd != cursor)
            {
                var length = gapEnd - cursor;
                if (length >= minExtent)
                {
                    if (pending)
                    {
                        holes.Add(new Hole(pendingStart, cursor - pendingStart, pendingRetired, pendingFragment));
                        pending = false;
                    }

                    usable.Add(AddressRange.FromStartEnd(cursor, gapEnd));
                    usableBytes += length;
                    largest = Math.Max(largest, length);
                    for (var h = 0; h < huge.Length; h++)
                    {
                        huge[h] += WholeBlocks(cursor, gapEnd, hugeShift[h]);
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

            if (i < retired.Length)
            {
                if (!pending)
                {
                    (pending, pendingStart, pendingRetired, pendingFragment) = (true, cursor, 0, 0);
                }

                var size = retired[i].End - retired[i].Start;
                pendingRetired += size;
                retiredBytes += size;
                cursor = retired[i].End;
            }
        }

        if (pending)
        {
            holes.Add(new Hole(pendingStart, cursor - pendingStart, pendingRetired, pendingFragment));
        }

        var capacity = ImmutableArray.CreateBuilder<HugePageCapacity>(hugePages.Length);
        for (var h = 0; h < hugePages.Length; h++)
        {
            capacity.Add(new HugePageCapacity(hugePages[h], huge[h], region.Size / hugePages[h]));
        }

        var extents = Seal(usable);
        var allHoles = Seal(holes);
        return new RegionPlan
        {
            Region = region,
            Usable = extents,
            Holes = allHoles,
            Stats = new RegionStats
            {
                SizeBytes = region.Size,
                UsableBytes = usableBytes,
                HoleBytes = retiredBytes + fragmentBytes,
                RetiredBytes = retiredBytes,
                FragmentBytes = fragmentBytes,
                LargestExtentBytes = largest,
                Extents = extents.Length,
                Holes = allHoles.Length,
                AppliedRecords = applied,
                HugePageCapacity = capacity.MoveToImmutable(),
            },
        };
    }

    /// <summary>The builder's items, without a copy when it is exactly full.</summary>
    private static ImmutableArray<T> Seal<T>(ImmutableArray<T>.Builder builder) =>
        builder.Count == builder.Capacity ? builder.MoveToImmutable() : builder.ToImmutable();

    /// <summary>The number of <c>2^shift</c>-aligned blocks of <c>2^shift</c> bytes inside <c>[start, end)</c>.</summary>
    private static ulong WholeBlocks(ulong start, ulong end, int shift)
    {
        var firstBlock = (start >> shift) + ((start & ((1UL << shift) - 1)) == 0 ? 0UL : 1UL);
        var endBlock = end >> shift;
        return endBlock > firstBlock ? endBlock - firstBlock : 0;
    }

    /// <summary>The number of <paramref name="h"/>-aligned blocks of <paramref name="h"/> bytes inside <c>[start, end)</c>.</summary>
    internal static ulong WholeBlocks(ulong start, ulong end, ulong h)
    {
        var firstBlock = (start / h) + (start % h == 0 ? 0UL : 1UL);
        var endBlock = end / h;
        return endBlock > firstBlock ? endBlock - firstBlock : 0;
    }

    private static string OnHost(string host) => host.Length == 0 ? string.Empty : $" of host '{host}'";

    /// <summary>A record widened to L in its region's offset space: <c>[Start, End)</c>; 16 bytes, its region kept apart.</summary>
    private readonly record struct WidenedRecord(ulong Start, ulong End);

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
