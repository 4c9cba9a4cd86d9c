using System.Collections.Immutable;

namespace EgmEcc;

/// <summary>
/// An immutable set of 64-bit addresses stored as its ranges.
/// </summary>
/// <remarks>
/// <para>Invariant, stated once: <see cref="Ranges"/> are non-empty, sorted by start, disjoint and
/// <b>coalesced</b> (no two touch), so the list is the unique minimal description of the set.</para>
/// <para>Example: adding <c>[0x0, 0x10000)</c>, <c>[0x10000, 0x20000)</c> and
/// <c>[0x40000, 0x50000)</c> leaves <c>{[0x0, 0x20000), [0x40000, 0x50000)}</c>; its complement
/// within <c>[0x0, 0x60000)</c> is <c>{[0x20000, 0x40000), [0x50000, 0x60000)}</c>.</para>
/// </remarks>
public sealed class RangeSet
{
    private RangeSet(ImmutableArray<AddressRange> ranges) => Ranges = ranges;

    /// <summary>The set with no address.</summary>
    public static RangeSet Empty { get; } = new([]);

    /// <summary>The minimal ranges: sorted, disjoint, non-touching, non-empty.</summary>
    public ImmutableArray<AddressRange> Ranges { get; }

    /// <summary>True when the set holds no address.</summary>
    public bool IsEmpty => Ranges.IsEmpty;

    /// <summary>The number of addresses in the set (up to 2^64).</summary>
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

    /// <summary>The union of <paramref name="ranges"/>; empty ranges are ignored.</summary>
    /// <exception cref="ArgumentOutOfRangeException">The union is the whole space <c>[0, 2^64)</c>, which no range can hold.</exception>
    public static RangeSet Of(IEnumerable<AddressRange> ranges)
    {
        ArgumentNullException.ThrowIfNull(ranges);
        var sorted = ranges.Where(r => !r.IsEmpty).OrderBy(r => r.Start).ToArray();
        var merged = ImmutableArray.CreateBuilder<AddressRange>(sorted.Length);
        foreach (var range in sorted)
        {
            // Merge into the previous range when they overlap or touch (previous end >= this start).
            if (merged.Count > 0 && merged[^1].End >= range.Start)
            {
                var previous = merged[^1];
                var end = UInt128.Max(previous.End, range.End);
                merged[^1] = AddressRange.FromStartEnd(previous.Start, end);
            }
            else
            {
                merged.Add(range);
            }
        }

        return new RangeSet(merged.ToImmutable());
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

    /// <summary>True when every address of <paramref name="range"/> is in the set (one range must enclose it, as ranges never touch).</summary>
    public bool Encloses(AddressRange range)
    {
        if (range.IsEmpty)
        {
            return true;
        }

        var i = IndexAtOrBefore(range.Start);
        return i >= 0 && Ranges[i].Encloses(range);
    }

    /// <summary>
    /// The gaps between the set's ranges within <paramref name="within"/>: every address of
    /// <paramref name="within"/> not in the set, as a minimal set.
    /// </summary>
    public RangeSet Complement(AddressRange within)
    {
        var gaps = ImmutableArray.CreateBuilder<AddressRange>();
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

            if (r.Start > cursor)
            {
                gaps.Add(AddressRange.FromStartEnd((ulong)cursor, r.Start));
            }

            cursor = r.End;
        }

        if (cursor < end)
        {
            gaps.Add(AddressRange.FromStartEnd((ulong)cursor, end));
        }

        return new RangeSet(gaps.ToImmutable());
    }

    /// <inheritdoc/>
    public override string ToString() => "{" + string.Join(", ", Ranges) + "}";

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
}
