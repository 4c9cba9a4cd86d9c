using System.Text;
using FsCheck;
using FsCheck.Fluent;

namespace EgmEcc.Tests;

public partial class NumbersTests
{
    /// <summary>
    /// <c>0x</c> and up to 16 hex digits takes a fast path; with a <c>_</c> between two digits the
    /// same number takes the general one. Both must give the same value, and texts the fast path
    /// must leave alone (17 digits, a suffix, a blank) the general path's answer.
    /// </summary>
    [Fact]
    public void TryParse_PlainHex_AgreesWithTheGeneralPath()
    {
        var gen = from digits in HexDigitsText(leastZeros: 1, mostZeros: 3)
                  from tail in Gen.Elements("", "K", "G", " ", "0", "00", "_0")
                  select (Digits: digits, Tail: tail);

        Prop.ForAll(gen.ToArbitrary(), c =>
        {
            var digits = c.Digits;
            var plain = "0x" + digits + c.Tail;
            var separated = "0x" + digits[..1] + "_" + digits[1..] + c.Tail;
            foreach (var size in new[] { false, true })
            {
                var plainError = size ? Numbers.TryParseSize(plain, out var a) : Numbers.TryParseUInt64(plain, out a);
                var byteError = size ? Numbers.TryParseSize(Encoding.UTF8.GetBytes(plain), out var b) : Numbers.TryParseUInt64(Encoding.UTF8.GetBytes(plain), out b);
                var separatedError = size ? Numbers.TryParseSize(separated, out var s) : Numbers.TryParseUInt64(separated, out s);
                if ((plainError is null) != (separatedError is null) || a != s || plainError != byteError || a != b)
                {
                    return false;
                }
            }

            return true;
        }).Check(Properties.Seeded(5000));
    }

    /// <summary>
    /// The plain hex number a text starts with: where a line end or comma follows it, the field is
    /// that number, exactly as parsed whole; and a length of 0 only where the field is not a plain
    /// number (the general parser may still read it, or refuse it).
    /// </summary>
    [Fact]
    public void PlainHexPrefix_BeforeAFieldEnd_IsTheFieldParsed()
    {
        var gen = from digits in HexDigitsText(leastZeros: 0, mostZeros: 3)
                  from head in Gen.Elements("0x", "0X", "0", "x", "", " 0x", "+0x")
                  from tail in Gen.Elements("", "K", " ", "_0", "g", "0", "00")
                  from end in Gen.Elements("\n", "\r\n", ",", "")
                  select (Field: head + digits + tail, End: end);

        Properties.Check(gen, c =>
        {
            var field = c.Field;
            var length = Numbers.PlainHexPrefix(Encoding.UTF8.GetBytes(field + c.End), out var value);
            var digits = field.Length - 2;
            var plain = field.Length > 2 && field[..2] is "0x" or "0X" && digits <= 16 && field[2..].All(Uri.IsHexDigit);
            if (plain)
            {
                Assert.Equal(field.Length, length);
                Assert.Null(Numbers.TryParseUInt64(field, out var whole));
                Assert.Equal(whole, value);
            }
            else if (length == field.Length)
            {
                Assert.Fail($"'{field}' is not plain, yet its prefix was all of it");
            }
            else if (length > 0)
            {
                // A plain number and then more: never a whole field, and what it read is plain.
                Assert.True(length < field.Length);
                Assert.InRange(length - 2, 1, 16);
                Assert.True(field[2..length].All(Uri.IsHexDigit));
            }
        }, 5000);
    }

    [Theory]
    [InlineData("0x0123456789abcdef\n", 18)]
    [InlineData("0x0123456789ABCDEF0\n", 0)] // 17 digits
    [InlineData("0x00000000000000000", 0)]
    [InlineData("0xf", 3)]
    [InlineData("0x\n", 0)]
    [InlineData("0xg", 0)]
    [InlineData("0x1g", 3)]
    [InlineData("x1", 0)]
    [InlineData("", 0)]
    public void PlainHexPrefix_Edges(string text, int expected)
    {
        Assert.Equal(expected, Numbers.PlainHexPrefix(Encoding.UTF8.GetBytes(text), out _));
    }

    [Theory]
    [InlineData("0x10000000000000000", "'0x10000000000000000' does not fit in 64 bits")]
    [InlineData("0xFFFFFFFFFFFFFFFF", null)]
    [InlineData("0x", "'0x' is not a number (use decimal or 0x hexadecimal)")]
    public void TryParse_PlainHex_EdgesOfTheFastPath(string text, string? error)
    {
        Assert.Equal(error, Numbers.TryParseUInt64(text, out _));
        Assert.Equal(error, Numbers.TryParseUInt64(Encoding.UTF8.GetBytes(text), out _));
    }

    /// <summary>
    /// The digit table of the fast path against the general path, on texts made mostly of what the
    /// fast path tests for (<c>0</c>, <c>x</c>, hex digits of both cases) and of what it must turn
    /// away: the bytes just outside each digit range, <c>_</c>, blanks, non-ASCII, and chars whose
    /// low byte is a digit (U+0130, U+0161, U+FF41), which a truncating lookup would take for one.
    /// Whatever it accepts, the general path accepts with the same value; whatever the parse
    /// answers, it answers with or without the fast path, for chars and for UTF-8.
    /// </summary>
    [Fact]
    public void TryPlainHex_OnRandomTexts_AgreesWithTheGeneralPath()
    {
        char[] alphabet =
        [
            '0', '0', 'x', 'X', '1', '7', '9', 'a', 'c', 'f', 'A', 'D', 'F',
            '/', ':', '@', 'G', '`', 'g', '_', ' ', '\t', '\u00e9', '\u0130', '\u0161', '\uff41',
        ];
        var gen = from prefix in Gen.Elements("0x", "0X", "0", "", "x0", " 0x")
                  from length in Gen.Choose(0, 19)
                  from digits in Gen.ArrayOf(Gen.Elements(alphabet), length)
                  select prefix + new string(digits);

        Properties.Check(gen, text =>
        {
            if (Numbers.TryPlainHex(text.AsSpan(), out var fast))
            {
                Assert.Null(Numbers.TryParseGeneral(text.AsSpan(), allowSuffix: false, out var general));
                Assert.Equal(general, fast);
            }

            var utf8 = Encoding.UTF8.GetBytes(text);
            if (Numbers.TryPlainHex<byte>(utf8, out var fastUtf8))
            {
                Assert.Null(Numbers.TryParseGeneral<byte>(utf8, allowSuffix: false, out var general));
                Assert.Equal(general, fastUtf8);
            }

            foreach (var size in new[] { false, true })
            {
                var expected = Numbers.TryParseGeneral(text.AsSpan(), size, out var expectedValue);
                var actual = size ? Numbers.TryParseSize(text, out var actualValue) : Numbers.TryParseUInt64(text, out actualValue);
                Assert.Equal(expected, actual);
                Assert.Equal(expectedValue, actualValue);
                var actualUtf8 = size ? Numbers.TryParseSize(utf8, out var utf8Value) : Numbers.TryParseUInt64(utf8, out utf8Value);
                Assert.Equal(expected, actualUtf8);
                Assert.Equal(expectedValue, utf8Value);
            }
        }, 20_000);
    }

    /// <summary>The edges of the fast path itself: what it takes, with its value, and what it leaves to the general path.</summary>
    [Theory]
    [InlineData("0x0", 0UL)]
    [InlineData("0X0", 0UL)]
    [InlineData("0xF", 0xFUL)]
    [InlineData("0x09afAF", 0x09AFAFUL)]
    [InlineData("0xffffffffffffffff", ulong.MaxValue)]
    [InlineData("0XFFFFFFFFFFFFFFFF", ulong.MaxValue)]
    [InlineData("0x0000000000000000", 0UL)]
    [InlineData("0x8000000000000000", 1UL << 63)]
    [InlineData("0x", null)]
    [InlineData("0X", null)]
    [InlineData("0x00000000000000000", null)]
    [InlineData("0x10000000000000000", null)]
    [InlineData("0x1g", null)]
    [InlineData("0x1G", null)]
    [InlineData("0x1/", null)]
    [InlineData("0x1:", null)]
    [InlineData("0x1@", null)]
    [InlineData("0x1`", null)]
    [InlineData("0x1_0", null)]
    [InlineData("0x1 ", null)]
    [InlineData(" 0x1", null)]
    [InlineData("00x1", null)]
    [InlineData("1x1", null)]
    [InlineData("0y1", null)]
    [InlineData("0x\u0130", null)]
    [InlineData("0x\u0161", null)]
    [InlineData("0x\u00ff", null)]
    [InlineData("0x1\uff41", null)]
    public void TryPlainHex_Edges(string text, ulong? expected)
    {
        Assert.Equal(expected is not null, Numbers.TryPlainHex(text.AsSpan(), out var value));
        Assert.Equal(expected ?? 0, value);
        Assert.Equal(expected is not null, Numbers.TryPlainHex<byte>(Encoding.UTF8.GetBytes(text), out var utf8));
        Assert.Equal(expected ?? 0, utf8);
    }

    /// <summary>The hex digits of a value of any length, upper or lower case, after <paramref name="leastZeros"/> to <paramref name="mostZeros"/> leading zeros.</summary>
    private static Gen<string> HexDigitsText(int leastZeros, int mostZeros) =>
        from value in ArbMap.Default.GeneratorFor<ulong>()
        from shift in Gen.Choose(0, 63)
        from upper in ArbMap.Default.GeneratorFor<bool>()
        from zeros in Gen.Choose(leastZeros, mostZeros)
        select new string('0', zeros) + (value >> shift).ToString(upper ? "X" : "x", System.Globalization.CultureInfo.InvariantCulture);
}
