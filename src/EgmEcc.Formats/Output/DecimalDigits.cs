using System.Buffers.Binary;
using System.Numerics;
using System.Runtime.CompilerServices;

namespace EgmEcc.Formats.Output;

/// <summary>
/// The decimal digits of a value as UTF-8 bytes, as <see cref="ulong.ToString()"/> writes them,
/// for a JSON plan's hole rows (<c>retiredBytes</c>, <c>fragmentBytes</c>), formatted straight
/// into the output buffer.
/// </summary>
/// <remarks>
/// Two figures a hole, millions of holes: through <c>Utf8Formatter</c> each paid a call and its
/// checks, a twenty-fifth of a large JSON plan's time. Here a one-digit value (a hole with no
/// fragment has 0) is one store, inlined, and a longer one is written two digits at a time from
/// its end, its length known first from its highest bit.
/// </remarks>
internal static class DecimalDigits
{
    /// <summary>The most digits a value has (2^64 - 1 has 20).</summary>
    public const int MaxDigits = 20;

    /// <summary>"00" to "99", two bytes each.</summary>
    private static ReadOnlySpan<byte> Pairs =>
        "00010203040506070809101112131415161718192021222324252627282930313233343536373839404142434445464748495051525354555657585960616263646566676869707172737475767778798081828384858687888990919293949596979899"u8;

    /// <summary>Writes the digits of <paramref name="value"/> to <paramref name="to"/>, which has room for them; returns how many.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)] // the one-digit case is a store
    public static int Write(Span<byte> to, ulong value)
    {
        if (value < 10)
        {
            to[0] = (byte)('0' + (int)value);
            return 1;
        }

        return WriteLonger(to, value);
    }

    /// <summary>The number of decimal digits of <paramref name="value"/>, 1 to 20.</summary>
    internal static int Count(ulong value)
    {
        // log10(2) is about 1233 / 4096: from the bits to the digits of the largest value with as
        // many bits, less one where the value is below that power of ten. 0 counts as 1 does.
        var one = value | 1;
        var bits = 64 - BitOperations.LeadingZeroCount(one);
        var powerOfTen = (bits * 1233) >> 12;
        return powerOfTen + 1 - (one < PowersOfTen[powerOfTen] ? 1 : 0);
    }

    private static int WriteLonger(Span<byte> to, ulong value)
    {
        var digits = Count(value);
        var at = digits;
        var pairs = Pairs;
        while (value >= 100)
        {
            var rest = value / 100;
            var pair = (int)(value - (rest * 100));
            at -= 2;
            BinaryPrimitives.WriteUInt16LittleEndian(to[at..], BinaryPrimitives.ReadUInt16LittleEndian(pairs[(pair * 2)..]));
            value = rest;
        }

        if (value >= 10)
        {
            BinaryPrimitives.WriteUInt16LittleEndian(to, BinaryPrimitives.ReadUInt16LittleEndian(pairs[((int)value * 2)..]));
        }
        else
        {
            to[0] = (byte)('0' + (int)value);
        }

        return digits;
    }

    /// <summary>10^0 to 10^19.</summary>
    private static ReadOnlySpan<ulong> PowersOfTen =>
    [
        1, 10, 100, 1_000, 10_000, 100_000, 1_000_000, 10_000_000, 100_000_000, 1_000_000_000,
        10_000_000_000, 100_000_000_000, 1_000_000_000_000, 10_000_000_000_000, 100_000_000_000_000,
        1_000_000_000_000_000, 10_000_000_000_000_000, 100_000_000_000_000_000, 1_000_000_000_000_000_000,
        10_000_000_000_000_000_000,
    ];
}
