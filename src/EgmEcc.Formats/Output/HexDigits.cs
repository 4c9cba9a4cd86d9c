using System.Buffers.Binary;
using System.Numerics;
using System.Runtime.CompilerServices;
using System.Runtime.Intrinsics;

namespace EgmEcc.Formats.Output;

/// <summary>
/// Lower-case hex digits of a value as UTF-8 bytes, without leading zeros: the text of
/// <see cref="Numbers.Hex"/> after its <c>0x</c> (docs/design.md §4.1), for writers that format
/// millions of values straight into their output buffer.
/// </summary>
internal static class HexDigits
{
    /// <summary>The most digits a value has, and the room <see cref="Write"/> needs for its fast path.</summary>
    public const int MaxDigits = 16;

    /// <summary>
    /// Writes the digits of <paramref name="value"/> (at most 16) to <paramref name="to"/>; returns how many.
    /// With room for 16, all 16 bytes of <paramref name="to"/> may be written; those after the digits are scratch.
    /// </summary>
    /// <remarks>
    /// A plan's offsets, addresses and sizes have from 1 to 16 digits, so a loop over the digits
    /// ends at a different point for nearly every value, and its branch mispredicts. With room
    /// for 16 bytes, the value is shifted so that its first digit is the top nibble and all 16
    /// digits are made at once, in one vector (<see cref="SixteenDigits"/>), and stored whole: no
    /// branch depends on the value. The caller's next bytes overwrite the tail.
    /// </remarks>
    [MethodImpl(MethodImplOptions.AggressiveInlining)] // three calls a row of a plan: a call each cost a fifth of the time
    public static int Write(Span<byte> to, ulong value)
    {
        // 0 has one digit, as 1 has: OR-ing in the low bit counts it without a branch.
        var digits = unchecked((67 - BitOperations.LeadingZeroCount(value | 1)) >> 2);
        if (to.Length >= MaxDigits)
        {
            // digits is 1 to 16, so the shift is 0 to 60 and never the undefined 64. Unchecked:
            // the build checks arithmetic, and nothing here can overflow (see EightDigits).
            var aligned = value << unchecked((MaxDigits - digits) * 4);
            if (Vector128.IsHardwareAccelerated)
            {
                SixteenDigits(aligned).CopyTo(to);
            }
            else
            {
                SixteenDigitsScalar(to, aligned);
            }

            return digits;
        }

        WriteEach(to[..digits], value);
        return digits;
    }

    /// <summary>Writes the last digits of <paramref name="value"/> to <paramref name="to"/>, one at a time, from the last.</summary>
    [MethodImpl(MethodImplOptions.NoInlining)] // rare: kept out of the inlined fast path
    private static void WriteEach(Span<byte> to, ulong value)
    {
        var hex = "0123456789abcdef"u8;
        for (var i = to.Length - 1; i >= 0; i--)
        {
            to[i] = hex[(int)(value & 0xF)];
            value >>= 4;
        }
    }

    /// <summary>The 16 hex digits of <paramref name="value"/>, zeros and all, in reading order, in one vector.</summary>
    /// <remarks>
    /// A byte of the value becomes a 16-bit lane holding its two nibbles, the high one first in
    /// memory order; a nibble of 10 or more gets <c>'a' - '0' - 10</c> more than <c>'0'</c> + nibble.
    /// About a dozen vector instructions (SSE2 or AdvSimd) for what takes some sixty scalar ones;
    /// the scalar path, <see cref="SixteenDigitsScalar"/>, is what a machine without vectors runs.
    /// </remarks>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    internal static Vector128<byte> SixteenDigits(ulong value)
    {
        var bytes = Vector128.CreateScalar(BinaryPrimitives.ReverseEndianness(value)).AsByte();
        var lanes = Vector128.WidenLower(bytes);
        var nibbles = ((lanes >> 4) | ((lanes & Vector128.Create((ushort)0xF)) << 8)).AsSByte();

        // Signed bytes: nibbles are 0 to 15, and SSE2 compares bytes signed.
        var letters = Vector128.GreaterThan(nibbles, Vector128.Create((sbyte)9)) & Vector128.Create((sbyte)('a' - '0' - 10));
        return (nibbles + Vector128.Create((sbyte)'0') + letters).AsByte();
    }

    /// <summary>The 16 hex digits of <paramref name="value"/>, zeros and all, written to the first 16 bytes of <paramref name="to"/> without vectors.</summary>
    internal static void SixteenDigitsScalar(Span<byte> to, ulong value)
    {
        BinaryPrimitives.WriteUInt64BigEndian(to, EightDigits(unchecked((uint)(value >> 32))));
        BinaryPrimitives.WriteUInt64BigEndian(to[8..], EightDigits(unchecked((uint)value)));
    }

    /// <summary>
    /// The eight hex digits of <paramref name="value"/> as ASCII, the first digit in the top byte
    /// (so a big-endian store writes them in reading order).
    /// </summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static ulong EightDigits(uint value)
    {
        // One nibble a byte, the top nibble in the top byte.
        ulong x = value;
        x = (x | (x << 16)) & 0x0000_FFFF_0000_FFFFUL;
        x = (x | (x << 8)) & 0x00FF_00FF_00FF_00FFUL;
        x = (x | (x << 4)) & 0x0F0F_0F0F_0F0F_0F0FUL;

        // Each byte + 6 carries into bit 4 exactly when the nibble is 10 or more: those bytes get
        // 'a' - '0' - 10 = 39 more than '0' + nibble. No byte carries into the next: a byte is at
        // most 15 + 6 = 21 in the test and 15 + 48 + 39 = 102 in the result.
        var letters = (unchecked(x + 0x0606_0606_0606_0606UL) >> 4) & 0x0101_0101_0101_0101UL;
        return unchecked(x + 0x3030_3030_3030_3030UL + (letters * 39));
    }
}
