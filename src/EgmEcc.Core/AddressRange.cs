using System.Diagnostics.CodeAnalysis;
using System.Globalization;
using System.Runtime.CompilerServices;

namespace EgmEcc;

/// <summary>
/// A half-open range of 64-bit addresses or offsets, <c>[Start, Start + Size)</c>.
/// </summary>
/// <remarks>
/// <para>The range is stored as a start and a size so that a range reaching the top of the 64-bit
/// space, whose exclusive end is 2^64, is representable: the invariant is
/// <c>Start + Size &lt;= 2^64</c>. <see cref="End"/> is therefore a <see cref="UInt128"/>;
/// <see cref="Last"/> is the inclusive last address and always fits in 64 bits.</para>
/// <para>An empty range has <see cref="Size"/> 0; all empty ranges at the same start are equal,
/// and an empty range contains nothing, overlaps nothing and is enclosed by every range that
/// contains or touches its start. <c>default</c> is the empty range at 0.</para>
/// <para><see cref="ToString"/> prints <c>[0xSTART, 0xEND)</c> in lower-case hexadecimal.</para>
/// </remarks>
public readonly struct AddressRange : IEquatable<AddressRange>
{
    private AddressRange(ulong start, ulong size)
    {
        Start = start;
        Size = size;
    }

    /// <summary>The first address in the range (or where an empty range sits).</summary>
    public ulong Start { get; }

    /// <summary>The number of addresses in the range.</summary>
    public ulong Size { get; }

    /// <summary>True when the range holds no address.</summary>
    public bool IsEmpty => Size == 0;

    /// <summary>The exclusive end, <c>Start + Size</c>, which is 2^64 for a range reaching the top.</summary>
    public UInt128 End => (UInt128)Start + Size;

    /// <summary>The inclusive last address.</summary>
    /// <exception cref="InvalidOperationException">The range is empty.</exception>
    public ulong Last => IsEmpty
        ? throw new InvalidOperationException("an empty range has no last address")
        : Start + (Size - 1);

    /// <summary>True when the range ends at 2^64, the top of the 64-bit space.</summary>
    public bool ReachesTop => !IsEmpty && Last == ulong.MaxValue;

    /// <summary>The range <c>[start, start + size)</c>.</summary>
    /// <exception cref="ArgumentOutOfRangeException"><c>start + size</c> exceeds 2^64.</exception>
    [MethodImpl(MethodImplOptions.AggressiveInlining)] // once per extent of a plan: the throw is kept out of line
    public static AddressRange FromBaseSize(ulong start, ulong size)
    {
        if (!FitsAt(start, size))
        {
            ThrowPastTop(start, size);
        }

        return new AddressRange(start, size);
    }

    [DoesNotReturn]
    private static void ThrowPastTop(ulong start, ulong size) =>
        throw new ArgumentOutOfRangeException(nameof(size), $"a range of 0x{size:x} bytes at 0x{start:x} would end beyond 2^64");

    /// <summary>The range <c>[start, end)</c>; <paramref name="end"/> may be at most 2^64.</summary>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="end"/> is before <paramref name="start"/> or beyond 2^64,
    /// or the range is the whole space <c>[0, 2^64)</c>, whose size does not fit in 64 bits.</exception>
    public static AddressRange FromStartEnd(ulong start, UInt128 end)
    {
        if (end < start || end > (UInt128)ulong.MaxValue + 1)
        {
            throw new ArgumentOutOfRangeException(
                nameof(end),
                $"end 0x{end:x} must lie in [0x{start:x}, 2^64]");
        }

        if (end - start > ulong.MaxValue)
        {
            throw new ArgumentOutOfRangeException(
                nameof(end),
                "the whole space [0x0, 2^64) holds 2^64 addresses, one more than a range's size can count");
        }

        return new AddressRange(start, (ulong)(end - start));
    }

    /// <summary>True when <c>start + size</c> does not exceed 2^64, so the range exists.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static bool FitsAt(ulong start, ulong size) => size == 0 || size - 1 <= ulong.MaxValue - start;

    /// <summary>True when <paramref name="address"/> lies in the range.</summary>
    public bool Contains(ulong address) => address >= Start && address - Start < Size;

    /// <summary>True when every address of <paramref name="other"/> lies in this range (an empty <paramref name="other"/> only needs to sit within or at the edges).</summary>
    public bool Encloses(AddressRange other) =>
        other.Start >= Start && other.Start - Start <= Size && other.Size <= Size - (other.Start - Start);

    /// <summary>True when the two ranges share at least one address.</summary>
    public bool Overlaps(AddressRange other) =>
        !IsEmpty && !other.IsEmpty && (other.Start >= Start ? other.Start - Start < Size : Start - other.Start < other.Size);

    /// <summary>The addresses the two ranges share; empty when they do not overlap.</summary>
    public AddressRange Intersect(AddressRange other)
    {
        if (!Overlaps(other))
        {
            return default;
        }

        var start = Math.Max(Start, other.Start);
        var last = Math.Min(Last, other.Last);
        return new AddressRange(start, last - start + 1);
    }

    /// <inheritdoc/>
    public bool Equals(AddressRange other) => Start == other.Start && Size == other.Size;

    /// <inheritdoc/>
    public override bool Equals(object? obj) => obj is AddressRange other && Equals(other);

    /// <inheritdoc/>
    public override int GetHashCode() => HashCode.Combine(Start, Size);

    /// <summary><c>[0xSTART, 0xEND)</c>, lower-case hexadecimal, culture-invariant.</summary>
    public override string ToString() =>
        string.Create(CultureInfo.InvariantCulture, $"[0x{Start:x}, 0x{End:x})");

    /// <summary>Equality.</summary>
    public static bool operator ==(AddressRange left, AddressRange right) => left.Equals(right);

    /// <summary>Inequality.</summary>
    public static bool operator !=(AddressRange left, AddressRange right) => !left.Equals(right);
}
