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
        var gen = from value in ArbMap.Default.GeneratorFor<ulong>()
                  from shift in Gen.Choose(0, 63)
                  from upper in ArbMap.Default.GeneratorFor<bool>()
                  from zeros in Gen.Choose(0, 2)
                  from tail in Gen.Elements("", "K", "G", " ", "0", "00", "_0")
                  select (Value: value >> shift, Upper: upper, Zeros: zeros, Tail: tail);

        Prop.ForAll(gen.ToArbitrary(), c =>
        {
            var digits = new string('0', 1 + c.Zeros) + c.Value.ToString(c.Upper ? "X" : "x", System.Globalization.CultureInfo.InvariantCulture);
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

    [Theory]
    [InlineData("0x10000000000000000", "'0x10000000000000000' does not fit in 64 bits")]
    [InlineData("0xFFFFFFFFFFFFFFFF", null)]
    [InlineData("0x", "'0x' is not a number (use decimal or 0x hexadecimal)")]
    public void TryParse_PlainHex_EdgesOfTheFastPath(string text, string? error)
    {
        Assert.Equal(error, Numbers.TryParseUInt64(text, out _));
        Assert.Equal(error, Numbers.TryParseUInt64(Encoding.UTF8.GetBytes(text), out _));
    }
}
