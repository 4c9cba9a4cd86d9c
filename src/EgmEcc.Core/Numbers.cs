using System.Globalization;
using System.Numerics;
using System.Runtime.InteropServices;
using System.Text;

namespace EgmEcc;

/// <summary>
/// Parses the numbers EgmEcc reads everywhere: addresses, offsets, counts and sizes.
/// </summary>
/// <remarks>
/// Accepted: decimal (<c>65536</c>), <c>0x</c> hexadecimal (<c>0x10000</c>), with <c>_</c> separators
/// between digits (<c>0x1_0000</c>). Sizes may add a binary suffix, <c>K M G T</c> or
/// <c>KiB MiB GiB TiB</c> (ASCII case-insensitive; all powers of 1024). Surrounding ASCII white space
/// (space, tab, CR, LF, VT, FF) is ignored. Only ASCII is interpreted, so the <see cref="char"/> and
/// UTF-8 overloads give the same value or the same error for the same text.
/// Parsing never throws: it returns an error text naming the bad value, for the reader to place.
/// </remarks>
public static class Numbers
{
    private static readonly (string Suffix, int Shift)[] Suffixes =
    [
        ("KiB", 10), ("MiB", 20), ("GiB", 30), ("TiB", 40),
        ("K", 10), ("M", 20), ("G", 30), ("T", 40),
    ];

    /// <summary>Parses an address, offset or count (no size suffix).</summary>
    /// <returns>Null on success; otherwise the error text.</returns>
    public static string? TryParseUInt64(ReadOnlySpan<char> text, out ulong value) =>
        TryParse(text, allowSuffix: false, out value);

    /// <summary>Parses an address, offset or count (no size suffix) from UTF-8.</summary>
    /// <returns>Null on success; otherwise the error text.</returns>
    public static string? TryParseUInt64(ReadOnlySpan<byte> utf8, out ulong value) =>
        TryParse(utf8, allowSuffix: false, out value);

    /// <summary>Parses a size, which may carry a binary suffix.</summary>
    /// <returns>Null on success; otherwise the error text.</returns>
    public static string? TryParseSize(ReadOnlySpan<char> text, out ulong value) =>
        TryParse(text, allowSuffix: true, out value);

    /// <summary>Parses a size, which may carry a binary suffix, from UTF-8.</summary>
    /// <returns>Null on success; otherwise the error text.</returns>
    public static string? TryParseSize(ReadOnlySpan<byte> utf8, out ulong value) =>
        TryParse(utf8, allowSuffix: true, out value);

    /// <summary>Lower-case <c>0x</c> hexadecimal, the form every output uses for addresses.</summary>
    public static string Hex(ulong value) => "0x" + value.ToString("x", CultureInfo.InvariantCulture);

    /// <summary>True when <paramref name="value"/> is a power of two (and so not zero).</summary>
    public static bool IsPowerOfTwo(ulong value) => ulong.IsPow2(value);

    /// <summary>Rounds down to a multiple of <paramref name="alignment"/>, a power of two.</summary>
    public static ulong AlignDown(ulong value, ulong alignment) => value & ~(alignment - 1);

    /// <summary>
    /// Rounds up to a multiple of <paramref name="alignment"/>, a power of two; saturates at
    /// <see cref="ulong.MaxValue"/> when the multiple would be 2^64 or more, which callers clip away.
    /// </summary>
    public static ulong AlignUpSaturating(ulong value, ulong alignment)
    {
        var down = value & ~(alignment - 1);
        if (down == value)
        {
            return value;
        }

        return down > ulong.MaxValue - alignment ? ulong.MaxValue : down + alignment;
    }

    // Generic over char and UTF-8 byte, so CSV fields parse straight from the reader's buffer.
    private static string? TryParse<T>(ReadOnlySpan<T> text, bool allowSuffix, out ulong value)
        where T : unmanaged, IBinaryInteger<T> =>
        TryPlainHex(text, out value) ? null : TryParseGeneral(text, allowSuffix, out value);

    /// <summary>Every accepted form and every error, without the <see cref="TryPlainHex"/> shortcut (internal: the tests hold the two to the same answers).</summary>
    internal static string? TryParseGeneral<T>(ReadOnlySpan<T> text, bool allowSuffix, out ulong value)
        where T : unmanaged, IBinaryInteger<T>
    {
        value = 0;
        var s = Trim(text);
        if (s.IsEmpty)
        {
            return "expected a number, found nothing";
        }

        if (At(s, 0) == '-')
        {
            return $"'{Show(text)}' is negative; addresses and sizes are unsigned";
        }

        if (At(s, 0) == '+')
        {
            s = s[1..];
        }

        var shift = 0;
        var hadSuffix = false;
        if (allowSuffix)
        {
            foreach (var (suffix, suffixShift) in Suffixes)
            {
                if (s.Length > suffix.Length && EndsWithIgnoreCase(s, suffix))
                {
                    shift = suffixShift;
                    hadSuffix = true;
                    s = Trim(s[..^suffix.Length]);
                    break;
                }
            }
        }

        var hex = s.Length > 2 && At(s, 0) == '0' && (At(s, 1) == 'x' || At(s, 1) == 'X');
        var digits = hex ? s[2..] : s;
        var radix = hex ? 16UL : 10UL;

        // result * radix + digit overflows exactly when result > limit, or result == limit and digit > lastDigit.
        var (limit, lastDigit) = hex ? (ulong.MaxValue / 16, ulong.MaxValue % 16) : (ulong.MaxValue / 10, ulong.MaxValue % 10);
        ulong result = 0;
        var any = false;
        var previousWasSeparator = true;
        foreach (var unit in digits)
        {
            var c = (char)int.CreateTruncating(unit);
            if (c == '_')
            {
                if (previousWasSeparator)
                {
                    return Bad(Show(text), hex, allowSuffix && !hadSuffix);
                }

                previousWasSeparator = true;
                continue;
            }

            var digit = DigitValue(c);
            if (digit < 0 || (ulong)digit >= radix)
            {
                return Bad(Show(text), hex, allowSuffix && !hadSuffix);
            }

            if (result > limit || (result == limit && (ulong)digit > lastDigit))
            {
                return $"'{Show(text)}' does not fit in 64 bits";
            }

            result = unchecked((result * radix) + (ulong)digit);
            any = true;
            previousWasSeparator = false;
        }

        if (!any || previousWasSeparator)
        {
            return Bad(Show(text), hex, allowSuffix && !hadSuffix);
        }

        if (shift > 0 && result > ulong.MaxValue >> shift)
        {
            return $"'{Show(text)}' does not fit in 64 bits";
        }

        value = result << shift;
        return null;
    }

    /// <summary>
    /// The common case, <c>0x</c> and 1 to 16 hex digits and nothing else, without the general
    /// path's trimming, sign, suffix, separator and overflow checks: none can apply (no suffix is
    /// made of hex digits alone, and 16 digits always fit). Anything else returns false and takes
    /// the general path, which gives the same value or the error (docs/design.md §3.1).
    /// </summary>
    /// <remarks>
    /// Every retired address of a large CSV comes through here. Each digit is looked up in a
    /// 256-entry table instead of tested against two ranges: random hex digits are letters six
    /// times in sixteen, so the range tests mispredicted often. A unit of 256 or more (a char the
    /// UTF-8 overload never sees) is clamped to 255, which the table marks not-a-digit, like every
    /// other byte that is not <c>0-9a-fA-F</c>; the marks are OR-ed together and tested once.
    /// </remarks>
    internal static bool TryPlainHex<T>(ReadOnlySpan<T> text, out ulong value)
        where T : unmanaged, IBinaryInteger<T>
    {
        value = 0;
        if (text.Length < 3 || text.Length > 18 || At(text, 0) != '0' || (At(text, 1) | 0x20) != 'x')
        {
            return false;
        }

        var table = HexDigitValues;
        ulong result = 0;
        uint marks = 0;
        for (var i = 2; i < text.Length; i++)
        {
            uint digit = table[(int)Math.Min(uint.CreateTruncating(text[i]), 255u)];
            marks |= digit;
            result = (result << 4) | digit;
        }

        if (marks >= NotHexDigit)
        {
            return false;
        }

        value = result;
        return true;
    }

    /// <summary>
    /// The length of the plain hex number <paramref name="text"/> starts with, <c>0x</c> and 1 to
    /// 16 hex digits, and its value; 0 when it starts with none (no <c>0x</c>, no digit, or 17
    /// digits or more). What follows is the caller's: when it ends the field, the number is what
    /// <see cref="TryParseUInt64(ReadOnlySpan{byte}, out ulong)"/> gives for the field.
    /// </summary>
    /// <remarks>
    /// For a reader of millions of one-number rows, which can then take a row in one pass over its
    /// bytes instead of finding its end, checking it and parsing it in three.
    /// </remarks>
    public static int PlainHexPrefix(ReadOnlySpan<byte> text, out ulong value)
    {
        value = 0;
        if (text.Length < 3 || text[0] != '0' || (text[1] | 0x20) != 'x')
        {
            return 0;
        }

        // Up to 17 digits are looked at: the 17th makes the number not plain.
        var table = HexDigitValues;
        var stop = Math.Min(text.Length, 2 + 17);
        ulong result = 0;
        var i = 2;
        for (; i < stop; i++)
        {
            uint digit = table[text[i]];
            if (digit >= NotHexDigit)
            {
                break;
            }

            result = (result << 4) | digit;
        }

        var digits = i - 2;
        if (digits is 0 or > 16)
        {
            return 0;
        }

        value = result;
        return i;
    }

    /// <summary>Marks a byte that is not a hex digit in <see cref="HexDigitValues"/>: above every digit's value.</summary>
    private const byte NotHexDigit = 0x10;

    /// <summary>The value of each byte as a hex digit, or <see cref="NotHexDigit"/>.</summary>
    private static ReadOnlySpan<byte> HexDigitValues =>
    [
        0x10, 0x10, 0x10, 0x10, 0x10, 0x10, 0x10, 0x10, 0x10, 0x10, 0x10, 0x10, 0x10, 0x10, 0x10, 0x10,
        0x10, 0x10, 0x10, 0x10, 0x10, 0x10, 0x10, 0x10, 0x10, 0x10, 0x10, 0x10, 0x10, 0x10, 0x10, 0x10,
        0x10, 0x10, 0x10, 0x10, 0x10, 0x10, 0x10, 0x10, 0x10, 0x10, 0x10, 0x10, 0x10, 0x10, 0x10, 0x10,
        0x00, 0x01, 0x02, 0x03, 0x04, 0x05, 0x06, 0x07, 0x08, 0x09, 0x10, 0x10, 0x10, 0x10, 0x10, 0x10,
        0x10, 0x0A, 0x0B, 0x0C, 0x0D, 0x0E, 0x0F, 0x10, 0x10, 0x10, 0x10, 0x10, 0x10, 0x10, 0x10, 0x10,
        0x10, 0x10, 0x10, 0x10, 0x10, 0x10, 0x10, 0x10, 0x10, 0x10, 0x10, 0x10, 0x10, 0x10, 0x10, 0x10,
        0x10, 0x0A, 0x0B, 0x0C, 0x0D, 0x0E, 0x0F, 0x10, 0x10, 0x10, 0x10, 0x10, 0x10, 0x10, 0x10, 0x10,
        0x10, 0x10, 0x10, 0x10, 0x10, 0x10, 0x10, 0x10, 0x10, 0x10, 0x10, 0x10, 0x10, 0x10, 0x10, 0x10,
        0x10, 0x10, 0x10, 0x10, 0x10, 0x10, 0x10, 0x10, 0x10, 0x10, 0x10, 0x10, 0x10, 0x10, 0x10, 0x10,
        0x10, 0x10, 0x10, 0x10, 0x10, 0x10, 0x10, 0x10, 0x10, 0x10, 0x10, 0x10, 0x10, 0x10, 0x10, 0x10,
        0x10, 0x10, 0x10, 0x10, 0x10, 0x10, 0x10, 0x10, 0x10, 0x10, 0x10, 0x10, 0x10, 0x10, 0x10, 0x10,
        0x10, 0x10, 0x10, 0x10, 0x10, 0x10, 0x10, 0x10, 0x10, 0x10, 0x10, 0x10, 0x10, 0x10, 0x10, 0x10,
        0x10, 0x10, 0x10, 0x10, 0x10, 0x10, 0x10, 0x10, 0x10, 0x10, 0x10, 0x10, 0x10, 0x10, 0x10, 0x10,
        0x10, 0x10, 0x10, 0x10, 0x10, 0x10, 0x10, 0x10, 0x10, 0x10, 0x10, 0x10, 0x10, 0x10, 0x10, 0x10,
        0x10, 0x10, 0x10, 0x10, 0x10, 0x10, 0x10, 0x10, 0x10, 0x10, 0x10, 0x10, 0x10, 0x10, 0x10, 0x10,
        0x10, 0x10, 0x10, 0x10, 0x10, 0x10, 0x10, 0x10, 0x10, 0x10, 0x10, 0x10, 0x10, 0x10, 0x10, 0x10,
    ];

    private static char At<T>(ReadOnlySpan<T> s, int i)
        where T : unmanaged, IBinaryInteger<T> => (char)int.CreateTruncating(s[i]);

    private static ReadOnlySpan<T> Trim<T>(ReadOnlySpan<T> s)
        where T : unmanaged, IBinaryInteger<T>
    {
        var start = 0;
        var end = s.Length;
        while (start < end && IsAsciiWhiteSpace(At(s, start)))
        {
            start++;
        }

        while (end > start && IsAsciiWhiteSpace(At(s, end - 1)))
        {
            end--;
        }

        return s[start..end];
    }

    private static bool EndsWithIgnoreCase<T>(ReadOnlySpan<T> s, string suffix)
        where T : unmanaged, IBinaryInteger<T>
    {
        var tail = s[^suffix.Length..];
        for (var i = 0; i < suffix.Length; i++)
        {
            // ASCII folding only, as the UTF-8 overload sees each byte as one char: U+0131
            // (dotless i) upper-cases to 'I' and would match KiB in the char overload alone.
            if (!char.IsAscii(At(tail, i)) || char.ToUpperInvariant(At(tail, i)) != char.ToUpperInvariant(suffix[i]))
            {
                return false;
            }
        }

        return true;
    }

    private static string Show<T>(ReadOnlySpan<T> text)
        where T : unmanaged, IBinaryInteger<T>
    {
        var trimmed = Trim(text);
        if (typeof(T) == typeof(byte))
        {
            return Encoding.UTF8.GetString(MemoryMarshal.AsBytes(trimmed));
        }

        return new string(MemoryMarshal.Cast<T, char>(trimmed));
    }

    private static bool IsAsciiWhiteSpace(char c) => c is ' ' or (>= '\t' and <= '\r');

    // unknownSuffix: the text may end in a suffix we do not know; false once a known suffix was
    // stripped, so that "1.5G" or "1_K" is reported as a bad number, not as a bad suffix.
    private static string Bad(string t, bool hex, bool unknownSuffix)
    {
        if (hex)
        {
            return $"'{t}' is not a hexadecimal number";
        }

        if (unknownSuffix && t.Length > 0 && char.IsDigit(t[0]) && char.IsLetter(t[^1]))
        {
            return $"'{t}' has an unknown size suffix (use K, M, G, T or KiB, MiB, GiB, TiB)";
        }

        return $"'{t}' is not a number (use decimal or 0x hexadecimal)";
    }

    private static int DigitValue(char c) => c switch
    {
        >= '0' and <= '9' => c - '0',
        >= 'a' and <= 'f' => c - 'a' + 10,
        >= 'A' and <= 'F' => c - 'A' + 10,
        _ => -1,
    };
}
