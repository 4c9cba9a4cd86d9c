using System.Globalization;
using System.Text;
using EgmEcc.Formats.Output;
using EgmEcc.Tests;
using FsCheck;
using FsCheck.Fluent;

namespace EgmEcc.Formats.Tests.Output;

/// <summary>The decimal figures a JSON plan's holes carry are the text of <see cref="ulong.ToString()"/>, and touch only their own digits.</summary>
public class DecimalDigitsTests
{
    // Values of every digit count: a value shifted right by 0 to 63 bits, and powers of ten and their neighbours.
    private static readonly Gen<ulong> Values = Gen.OneOf(
        from value in ArbMap.Default.GeneratorFor<ulong>()
        from shift in Gen.Choose(0, 63)
        select value >> shift,
        from power in Gen.Choose(0, 19)
        from delta in Gen.Choose(-1, 1)
        select unchecked((ulong)Math.Pow(10, power) + (ulong)delta));

    [Fact]
    public void Write_AnyValue_IsItsText()
    {
        Properties.Check(Values, value =>
        {
            var expected = value.ToString(CultureInfo.InvariantCulture);
            var buffer = new byte[expected.Length + 1];
            buffer[^1] = (byte)'#';
            var digits = DecimalDigits.Write(buffer.AsSpan(0, expected.Length), value);
            Assert.Equal(expected, Encoding.ASCII.GetString(buffer, 0, digits));
            Assert.Equal((byte)'#', buffer[^1]);
            Assert.Equal(expected.Length, DecimalDigits.Count(value));
        }, 20_000);
    }

    [Theory]
    [InlineData(0UL)]
    [InlineData(9UL)]
    [InlineData(10UL)]
    [InlineData(99UL)]
    [InlineData(100UL)]
    [InlineData(65536UL)]
    [InlineData(9_999_999_999_999_999_999UL)]
    [InlineData(10_000_000_000_000_000_000UL)]
    [InlineData(ulong.MaxValue)]
    public void Write_Edges_AreTheirText(ulong value)
    {
        var buffer = new byte[DecimalDigits.MaxDigits];
        var digits = DecimalDigits.Write(buffer, value);
        Assert.Equal(value.ToString(CultureInfo.InvariantCulture), Encoding.ASCII.GetString(buffer, 0, digits));
    }
}
