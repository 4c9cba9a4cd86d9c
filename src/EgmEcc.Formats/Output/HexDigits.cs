using System.Numerics;

namespace EgmEcc.Formats.Output;

/// <summary>
/// Lower-case hex digits of a value as UTF-8 bytes, without leading zeros: the text of
/// <see cref="Numbers.Hex"/> after its <c>0x</c> (docs/design.md §4.1), for writers that format
/// millions of values straight into their output buffer.
/// </summary>
internal static class HexDigits
{
    /// <summary>Writes the digits of <paramref name="value"/> (at most 16) to <paramref name="to"/>; returns how many.</summary>
    public static int Write(Span<byte> to, ulong value)
    {
        var digits = value == 0 ? 1 : (67 - BitOperations.LeadingZeroCount(value)) >> 2;
        var hex = "0123456789abcdef"u8;
        for (var i = digits - 1; i >= 0; i--)
        {
            to[i] = hex[(int)(value & 0xF)];
            value >>= 4;
        }

        return digits;
    }
}
