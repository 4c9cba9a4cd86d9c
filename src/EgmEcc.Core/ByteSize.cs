using System.Globalization;

namespace EgmEcc;

/// <summary>
/// A number of bytes, as users write it: <c>64K</c>, <c>0x10000</c>, <c>512MiB</c>.
/// </summary>
/// <remarks>
/// <see cref="ToString"/> gives the shortest exact form with a binary suffix (<c>64K</c>,
/// <c>512M</c>, <c>1G</c>, <c>3T</c>), or plain decimal when the value is not a whole number of
/// KiB; it parses back to the same value. <see cref="ToHumanString"/> is for people
/// (<c>1.50 GiB</c>). <c>default</c> is zero bytes.
/// </remarks>
public readonly record struct ByteSize(ulong Bytes) : IComparable<ByteSize>
{
    private static readonly string[] Units = ["B", "KiB", "MiB", "GiB", "TiB", "PiB", "EiB"];

    /// <summary>Parses a size in any accepted form (see <see cref="Numbers"/>).</summary>
    /// <returns>Null on success; otherwise the error text.</returns>
    public static string? TryParse(ReadOnlySpan<char> text, out ByteSize size)
    {
        var error = Numbers.TryParseSize(text, out var bytes);
        size = new ByteSize(bytes);
        return error;
    }

    /// <summary>Parses a size, throwing <see cref="FormatException"/> with the error text.</summary>
    public static ByteSize Parse(string text) =>
        TryParse(text, out var size) is { } error ? throw new FormatException(error) : size;

    /// <summary>The shortest exact suffixed form: <c>64K</c>, <c>512M</c>, <c>1G</c>; decimal otherwise.</summary>
    public override string ToString()
    {
        if (Bytes != 0)
        {
            for (var i = 4; i >= 1; i--)
            {
                var shift = 10 * i;
                if ((Bytes & ((1UL << shift) - 1)) == 0)
                {
                    return string.Create(CultureInfo.InvariantCulture, $"{Bytes >> shift}{"KMGT"[i - 1]}");
                }
            }
        }

        return Bytes.ToString(CultureInfo.InvariantCulture);
    }

    /// <summary>
    /// A form for people: <c>0 B</c>, <c>64 KiB</c>, <c>1.50 GiB</c>. Inexact values are rounded
    /// down to two decimals, so a capacity is never shown larger than it is.
    /// </summary>
    public string ToHumanString()
    {
        // Integer arithmetic: a double cannot hold every u64, and rounding 2^54 - 1 to a double
        // would show 16.00 PiB for a value below 16 PiB.
        var unit = 0;
        while (unit < Units.Length - 1 && Bytes >> (10 * (unit + 1)) != 0)
        {
            unit++;
        }

        var shift = 10 * unit;
        var whole = Bytes >> shift;
        var rest = Bytes & ((1UL << shift) - 1);
        if (rest == 0)
        {
            return string.Create(CultureInfo.InvariantCulture, $"{whole} {Units[unit]}");
        }

        var hundredths = (ulong)(((UInt128)rest * 100) >> shift);
        return string.Create(CultureInfo.InvariantCulture, $"{whole}.{hundredths:00} {Units[unit]}");
    }

    /// <inheritdoc/>
    public int CompareTo(ByteSize other) => Bytes.CompareTo(other.Bytes);

    /// <summary>Ordering.</summary>
    public static bool operator <(ByteSize left, ByteSize right) => left.Bytes < right.Bytes;

    /// <summary>Ordering.</summary>
    public static bool operator >(ByteSize left, ByteSize right) => left.Bytes > right.Bytes;

    /// <summary>Ordering.</summary>
    public static bool operator <=(ByteSize left, ByteSize right) => left.Bytes <= right.Bytes;

    /// <summary>Ordering.</summary>
    public static bool operator >=(ByteSize left, ByteSize right) => left.Bytes >= right.Bytes;
}
