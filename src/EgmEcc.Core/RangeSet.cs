using System.Buffers;
using System.Collections.Immutable;
using System.Numerics;
using System.Runtime.InteropServices;

namespace EgmEcc;

/// <summary>
/// An immutable set of 64-bit addresses stored as its ranges, and the set algebra on it: union,
/// intersection, difference, complement, widening and whole-aligned-block counting.
/// </summary>
/// <remarks>
/// <para>The contract is that of Guava's <c>ImmutableRangeSet</c>, for half-open u64 ranges:</para>
/// <list type="bullet">
/// <item><b>Canonical form.</b> <see cref="Ranges"/> are non-empty, sorted by start, disjoint and
/// <b>coalesced</b> (no two touch), so the list is the unique minimal description of the set: two
/// sets hold the same addresses exactly when their ranges are equal, which is what
/// <see cref="Equals(RangeSet)"/> compares.</item>
/// <item><b>Coalescing.</b> Every operation merges ranges that overlap or touch, whatever order
/// or overlap its input has; empty ranges are ignored.</item>
/// <item><b>The top of the space.</b> A range may end at 2^64 (see <see cref="AddressRange"/>).
/// No set holds the whole space <c>[0, 2^64)</c>, which no range can describe: an operation
/// whose result would be the whole space throws <see cref="ArgumentOutOfRangeException"/>. So a
/// set always misses at least one address and <see cref="TotalSize"/> is at most 2^64 − 1.</item>
/// <item><b>Cost.</b> Binary operations are linear merges of the two sorted lists, O(n + m), with
/// one allocation for the result and none per range; queries are binary searches.</item>
/// </list>
/// <para>Example: adding <c>[0x0, 0x10000)</c>, <c>[0x10000, 0x20000)</c> and
/// <c>[0x40000, 0x50000)</c> leaves <c>{[0x0, 0x20000), [0x40000, 0x50000)}</c>; its complement
/// within <c>[0x0, 0x60000)</c> is <c>{[0x20000, 0x40000), [0x50000, 0x60000)}</c>.</para>
/// </remarks>
public sealed class RangeSet : IEquatable<RangeSet>
{
    private RangeSet(ImmutableArray<AddressRange> ranges) => Ranges = ranges;

    /// <summary>The set with no address.</summary>
    public static RangeSet Empty { get; } = new([]);

    /// <summary>The minimal ranges: sorted, disjoint, non-touching, non-empty.</summary>
    public ImmutableArray<AddressRange> Ranges { get; }

    /// <summary>True when the set holds no address.</summary>
    public bool IsEmpty => Ranges.IsEmpty;

    /// <summary>The number of addresses in the set (at most 2^64 − 1, as the set never holds the whole space).</summary>
    public UInt128 TotalSize
    {
        get
        {
            UInt128 total = 0;
            foreach (var r in Ranges)
            {
                total += r.Size;
            }

            return total;
        }
    }

    /// <summary>
    /// The smallest range enclosing the set: from the first range's start to the last range's end.
    /// </summary>
    /// <exception cref="InvalidOperationException">The set is empty, or its span is the whole space <c>[0, 2^64)</c>, which no range can describe.</exception>
    public AddressRange Span
    {
        get
        {
            if (IsEmpty)
            {
                throw new InvalidOperationException("an empty set has no span");
            }

            if (Ranges[0].Start == 0 && Ranges[^1].ReachesTop)
            {
                throw new InvalidOperationException("the span of the set is the whole space [0x0, 2^64), which no range can describe");
            }

            return AddressRange.FromStartEnd(Ranges[0].Start, Ranges[^1].End);
        }
    }

    /// <summary>The union of <paramref name="ranges"/>, in any order, overlapping or not; empty ranges are ignored.</summary>
    /// <exception cref="ArgumentOutOfRangeException">The union is the whole space <c>[0, 2^64)</c>, which no range can hold.</exception>
    public static RangeSet Of(IEnumerable<AddressRange> ranges)
    {
        ArgumentNullException.ThrowIfNull(ranges);
        return ranges switch
        {
            AddressRange[] array => Of(array.AsSpan()),
            List<AddressRange> list => Of(CollectionsMarshal.AsSpan(list)),
            ImmutableArray<AddressRange> immutable => Of(immutable.AsSpan()),
            _ => Of(ranges.ToArray().AsSpan()),
        };
    }

    /// <summary>The union of <paramref name="ranges"/>, in any order, overlapping or not; empty ranges are ignored.</summary>
    /// <remarks>Linear when the ranges come sorted by start (as every range list the planner writes does); otherwise sorts a copy.</remarks>
    /// <exception cref="ArgumentOutOfRangeException">The union is the whole space <c>[0, 2^64)</c>, which no range can hold.</exception>
    public static RangeSet Of(ReadOnlySpan<AddressRange> ranges)
    {
        var scratch = ArrayPool<AddressRange>.Shared.Rent(Math.Max(ranges.Length, 1));
        var count = 0;
        var sorted = true;
        foreach (var range in ranges)
        {
            if (!range.IsEmpty)
            {
                sorted &= count == 0 || scratch[count - 1].Start <= range.Start;
                scratch[count++] = range;
            }
        }

        if (!sorted)
        {
            // Sorting primitive keys with the ranges alongside is several times faster than
            // comparing the ranges, and the forecast sorts each trial's draws.
            var keys = ArrayPool<ulong>.Shared.Rent(count);
            for (var i = 0; i < count; i++)
            {
                keys[i] = scratch[i].Start;
            }

            keys.AsSpan(0, count).Sort(scratch.AsSpan(0, count));
            ArrayPool<ulong>.Shared.Return(keys);
        }

        // Merge in place: the write position never passes the read position.
        var kept = 0;
        for (var i = 0; i < count; i++)
        {
            var range = scratch[i];
            if (kept > 0 && scratch[kept - 1].End >= range.Start)
            {
                var previous = scratch[kept - 1];
                if (range.End > previous.End)
                {
                    scratch[kept - 1] = AddressRange.FromStartEnd(previous.Start, range.End);
                }
            }
            else
            {
                scratch[kept++] = range;
            }
        }

        var result = kept == 0 ? Empty : new RangeSet(ImmutableArray.Create(scratch, 0, kept));
        ArrayPool<AddressRange>.Shared.Return(scratch);
        return result;
    }

    /// <summary>
    /// Wraps ranges the caller guarantees to satisfy the invariant, without copying or checking:
    /// the planner builds them that way in one linear sweep.
    /// </summary>
    internal static RangeSet FromMinimal(ImmutableArray<AddressRange> ranges) => new(ranges);

    /// <summary>True when <paramref name="address"/> is in the set.</summary>
    public bool Contains(ulong address)
    {
        var i = IndexAtOrBefore(address);
        return i >= 0 && Ranges[i].Contains(address);
    }

    /// <summary>True when every address of <paramref name="range"/> is in the set (one range must enclose it, as ranges never touch); an empty range is enclosed by every set.</summary>
    public bool Encloses(AddressRange range)
    {
        if (range.IsEmpty)
        {
            return true;
        }

        var i = IndexAtOrBefore(range.Start);
        return i >= 0 && Ranges[i].Encloses(range);
    }

    /// <summary>True when every address of <paramref name="other"/> is in this set: <c>other ⊆ this</c>.</summary>
    public bool Encloses(RangeSet other)
    {
        ArgumentNullException.ThrowIfNull(other);
        var mine = Ranges.AsSpan();
        var i = 0;
        foreach (var range in other.Ranges)
        {
            while (i < mine.Length && mine[i].End <= range.Start)
            {
                i++;
            }

            if (i == mine.Length || !mine[i].Encloses(range))
            {
                return false;
            }
        }

        return true;
    }

    /// <summary>True when the set holds at least one address of <paramref name="range"/>.</summary>
    public bool Intersects(AddressRange range)
    {
        if (range.IsEmpty)
        {
            return false;
        }

        // The last range starting at or before the range's last address is the only candidate.
        var i = IndexAtOrBefore(range.Last);
        return i >= 0 && Ranges[i].End > range.Start;
    }

    /// <summary>The addresses in this set, in <paramref name="other"/>, or in both: <c>this ∪ other</c>.</summary>
    /// <exception cref="ArgumentOutOfRangeException">The union is the whole space <c>[0, 2^64)</c>.</exception>
    public RangeSet Union(RangeSet other)
    {
        ArgumentNullException.ThrowIfNull(other);
        if (other.IsEmpty)
        {
            return this;
        }

        if (IsEmpty)
        {
            return other;
        }

        var a = Ranges.AsSpan();
        var b = other.Ranges.AsSpan();
        var result = new Builder(a.Length + b.Length);
        int i = 0, j = 0;
        while (i < a.Length || j < b.Length)
        {
            // Take the range that starts first; the builder merges it into the last one when they meet.
            result.Add(j == b.Length || (i < a.Length && a[i].Start <= b[j].Start) ? a[i++] : b[j++]);
        }

        return result.ToSet();
    }

    /// <summary>The addresses in both this set and <paramref name="other"/>: <c>this ∩ other</c>.</summary>
    public RangeSet Intersection(RangeSet other)
    {
        ArgumentNullException.ThrowIfNull(other);
        var a = Ranges.AsSpan();
        var b = other.Ranges.AsSpan();
        if (a.IsEmpty || b.IsEmpty)
        {
            return Empty;
        }

        var result = new Builder(a.Length + b.Length);
        int i = 0, j = 0;
        while (i < a.Length && j < b.Length)
        {
            var start = Math.Max(a[i].Start, b[j].Start);
            var end = UInt128.Min(a[i].End, b[j].End);
            result.Add(start, end);

            // The range that ends first can meet nothing further in the other list.
            if (a[i].End <= b[j].End)
            {
                i++;
            }
            else
            {
                j++;
            }
        }

        return result.ToSet();
    }

    /// <summary>The addresses in this set but not in <paramref name="other"/>: <c>this \ other</c>.</summary>
    /// <code>
    ///   this   [=========)     [====)
    ///   other      [==)     [=====)
    ///   →      [===)  [=)         [=)
    /// </code>
    public RangeSet Difference(RangeSet other)
    {
        ArgumentNullException.ThrowIfNull(other);
        if (IsEmpty || other.IsEmpty)
        {
            return this;
        }

        var a = Ranges.AsSpan();
        var b = other.Ranges.AsSpan();
        var result = new Builder(a.Length + b.Length);
        var j = 0;
        foreach (var range in a)
        {
            UInt128 cursor = range.Start;
            var end = range.End;
            while (j < b.Length && b[j].End <= cursor)
            {
                j++;
            }

            // j stays on the last cut seen: it may reach into the next range of this set.
            var k = j;
            while (k < b.Length && b[k].Start < end)
            {
                result.Add((ulong)cursor, b[k].Start);
                cursor = UInt128.Max(cursor, b[k].End);
                k++;
            }

            if (cursor < end)
            {
                result.Add((ulong)cursor, end);
            }
        }

        return result.ToSet();
    }

    /// <summary>
    /// The gaps between the set's ranges within <paramref name="within"/>: every address of
    /// <paramref name="within"/> not in the set, <c>within \ this</c>.
    /// </summary>
    public RangeSet Complement(AddressRange within)
    {
        if (within.IsEmpty)
        {
            return Empty;
        }

        var result = new Builder(Ranges.Length + 1);
        UInt128 cursor = within.Start;
        var end = within.End;
        foreach (var r in Ranges)
        {
            if (r.End <= cursor)
            {
                continue;
            }

            if (r.Start >= end)
            {
                break;
            }

            result.Add((ulong)cursor, r.Start);
            cursor = r.End;
        }

        if (cursor < end)
        {
            result.Add((ulong)cursor, end);
        }

        return result.ToSet();
    }

    /// <summary>
    /// The ranges of this set, each whole, that share at least one address with <paramref name="other"/>.
    /// </summary>
    /// <remarks>
    /// What a cut touches: <c>this \ other</c> equals this set with these ranges replaced by
    /// <c>RangesIntersecting(other) \ other</c>, so figures of the difference follow from the
    /// touched ranges alone. A galloping search per range of <paramref name="other"/>: at most
    /// O(n + m), and about O(m log n) when <paramref name="other"/> is small.
    /// </remarks>
    /// <code>
    ///   this    [====)  [==)   [=====)   [==)
    ///   other      [=)           [)
    ///   →       [====)         [=====)
    /// </code>
    public RangeSet RangesIntersecting(RangeSet other)
    {
        ArgumentNullException.ThrowIfNull(other);
        var mine = Ranges.AsSpan();
        if (mine.IsEmpty || other.IsEmpty)
        {
            return Empty;
        }

        var result = new Builder(mine.Length);
        var next = 0;
        foreach (var cut in other.Ranges)
        {
            // Ranges before `next` were taken already, or end before an earlier (so this) cut.
            var i = FirstEndingAfter(mine, next, cut.Start);
            while (i < mine.Length && mine[i].Start < cut.End)
            {
                result.Add(mine[i]);
                i++;
            }

            next = i;
            if (next == mine.Length)
            {
                break;
            }
        }

        return result.ToSet();
    }

    /// <summary>The set without its ranges shorter than <paramref name="minSize"/> bytes (the minimum extent rule, docs/design.md §2).</summary>
    public RangeSet WithoutRangesShorterThan(ulong minSize)
    {
        var shortOnes = 0;
        foreach (var r in Ranges)
        {
            shortOnes += r.Size < minSize ? 1 : 0;
        }

        if (shortOnes == 0)
        {
            return this;
        }

        var result = new Builder(Ranges.Length - shortOnes);
        foreach (var r in Ranges)
        {
            if (r.Size >= minSize)
            {
                result.Add(r);
            }
        }

        return result.ToSet();
    }

    /// <summary>
    /// Each range widened to whole granules, <c>[alignDown(start, granule), alignUp(end, granule))</c>,
    /// clipped to <paramref name="within"/>, then merged: how retired records become holes in
    /// region-offset space (docs/design.md §2). Multiples of <paramref name="granule"/> are counted
    /// from address 0 of the set's space, so a set of region offsets is widened in region offset.
    /// </summary>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="granule"/> is not a power of two.</exception>
    public RangeSet Widen(ulong granule, AddressRange within)
    {
        if (!Numbers.IsPowerOfTwo(granule))
        {
            throw new ArgumentOutOfRangeException(nameof(granule), $"the granule must be a power of two, not {Numbers.Hex(granule)}");
        }

        if (IsEmpty || within.IsEmpty)
        {
            return Empty;
        }

        // In 128 bits: a range near the top widens to end at 2^64, a multiple of every granule.
        var mask = ~((UInt128)granule - 1);
        var result = new Builder(Ranges.Length);
        foreach (var r in Ranges)
        {
            var start = Math.Max(Numbers.AlignDown(r.Start, granule), within.Start);
            var end = UInt128.Min((r.End + (granule - 1)) & mask, within.End);
            if (end > start)
            {
                result.Add(start, end);
            }
        }

        return result.ToSet();
    }

    /// <summary>
    /// The number of blocks of <paramref name="size"/> bytes, aligned relative to
    /// <paramref name="origin"/> (they start at <c>origin + k·size</c> for whole k), that lie wholly
    /// inside the set: the hugepage capacity of usable extents in region offset when the origin is
    /// 0 (docs/design.md §2). A block spanning two ranges does not count, as ranges never touch.
    /// </summary>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="size"/> is 0.</exception>
    public ulong WholeAlignedBlocks(ulong size, ulong origin = 0)
    {
        ArgumentOutOfRangeException.ThrowIfZero(size);

        // A range [s, s + n) holds its first block at s + skip, where skip = (origin - s) mod size
        // is below size, and then one block per size bytes: floor((n - skip) / size) when n >= skip.
        // All in 64 bits, with no overflow even for a range ending at 2^64.
        ulong blocks = 0;
        if (Numbers.IsPowerOfTwo(size))
        {
            // Shifts and masks: this is a hot loop, and 2^64 is a multiple of size, so wrapping is exact.
            var shift = BitOperations.TrailingZeroCount(size);
            var mask = size - 1;
            foreach (var r in Ranges)
            {
                var skip = unchecked(origin - r.Start) & mask;
                blocks += r.Size >= skip ? (r.Size - skip) >> shift : 0;
            }
        }
        else
        {
            var rem = origin % size;
            foreach (var r in Ranges)
            {
                var at = r.Start % size;
                var skip = rem >= at ? rem - at : size - (at - rem);
                blocks += r.Size >= skip ? (r.Size - skip) / size : 0;
            }
        }

        return blocks;
    }

    /// <summary>True when both sets hold the same addresses (their canonical ranges are equal).</summary>
    public bool Equals(RangeSet? other) =>
        other is not null && Ranges.AsSpan().SequenceEqual(other.Ranges.AsSpan());

    /// <inheritdoc/>
    public override bool Equals(object? obj) => Equals(obj as RangeSet);

    /// <inheritdoc/>
    public override int GetHashCode()
    {
        var hash = default(HashCode);
        foreach (var r in Ranges)
        {
            hash.Add(r);
        }

        return hash.ToHashCode();
    }

    /// <inheritdoc/>
    public override string ToString() => "{" + string.Join(", ", Ranges) + "}";

    /// <summary>
    /// The first index at or after <paramref name="from"/> of a range ending after
    /// <paramref name="address"/>: a galloping search, so a run of nearby queries costs about one
    /// step each and a far one a logarithm of the distance.
    /// </summary>
    private static int FirstEndingAfter(ReadOnlySpan<AddressRange> ranges, int from, ulong address)
    {
        int lo = from, step = 1;
        while (lo < ranges.Length && !EndsAfter(ranges[lo], address))
        {
            (lo, step) = (lo + step, step * 2);
        }

        if (step == 1)
        {
            return lo;
        }

        // ranges[lo] ends after the address (or lo is past the end); the last probe, lo - step/2, did not.
        var hi = Math.Min(lo, ranges.Length);
        lo = lo - (step / 2) + 1;
        while (lo < hi)
        {
            var mid = lo + ((hi - lo) / 2);
            if (EndsAfter(ranges[mid], address))
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

    /// <summary>True when the non-empty <paramref name="range"/> ends after <paramref name="address"/> (in 64 bits: the end may be 2^64).</summary>
    private static bool EndsAfter(AddressRange range, ulong address) =>
        address < range.Start || address - range.Start < range.Size;

    private int IndexAtOrBefore(ulong address)
    {
        int lo = 0, hi = Ranges.Length - 1, found = -1;
        while (lo <= hi)
        {
            var mid = lo + ((hi - lo) / 2);
            if (Ranges[mid].Start <= address)
            {
                found = mid;
                lo = mid + 1;
            }
            else
            {
                hi = mid - 1;
            }
        }

        return found;
    }

    /// <summary>
    /// Collects ranges arriving in order of start into a pooled buffer, merging each into the last
    /// when they overlap or touch, so the result is canonical whatever the operation emits; one
    /// allocation, the result's, however many ranges pass through.
    /// </summary>
    private struct Builder(int capacity)
    {
        private readonly AddressRange[] buffer = ArrayPool<AddressRange>.Shared.Rent(Math.Max(capacity, 1));
        private int count;

        /// <summary>Adds <c>[start, end)</c> (nothing when empty); <paramref name="start"/> must not precede the last range's start.</summary>
        public void Add(ulong start, UInt128 end)
        {
            if (end <= start)
            {
                return;
            }

            if (count > 0 && buffer[count - 1].End >= start)
            {
                var last = buffer[count - 1];
                if (end > last.End)
                {
                    buffer[count - 1] = AddressRange.FromStartEnd(last.Start, end);
                }

                return;
            }

            buffer[count++] = AddressRange.FromStartEnd(start, end);
        }

        /// <summary>Adds <paramref name="range"/>, kept as it is unless it meets the last range; it must not start before the last range's start.</summary>
        public void Add(AddressRange range)
        {
            if (range.IsEmpty)
            {
                return;
            }

            if (count > 0 && buffer[count - 1].End >= range.Start)
            {
                Add(range.Start, range.End);
                return;
            }

            buffer[count++] = range;
        }

        /// <summary>The set of the ranges added; the builder must not be used afterwards.</summary>
        public readonly RangeSet ToSet()
        {
            var set = count == 0 ? Empty : new RangeSet(ImmutableArray.Create(buffer, 0, count));
            ArrayPool<AddressRange>.Shared.Return(buffer);
            return set;
        }
    }
}
