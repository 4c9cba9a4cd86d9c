using System.Runtime.Intrinsics;
using System.Text;
using EgmEcc.Formats.Output;
using EgmEcc.Tests;
using FsCheck;
using FsCheck.Fluent;

namespace EgmEcc.Formats.Tests.Output;

/// <summary>
/// The hex digits the CSV and JSON plan writers format by hand (docs/design.md §4.1) are the text
/// of <see cref="Numbers.Hex"/> after its <c>0x</c>, whether the buffer has room for the 16-byte
/// store or only for the digits, and they touch nothing past the room they are given.
/// </summary>
public class HexDigitsTests
{
    // Values of every digit count, each nibble of them 0-9 or a-f alike: a value shifted right by 0 to 63 bits.
    private static readonly Gen<ulong> Values =
        from value in ArbMap.Default.GeneratorFor<ulong>()
        from shift in Gen.Choose(0, 63)
        select value >> shift;

    [Fact]
    public void Write_WithRoomForSixteen_IsNumbersHex()
    {
        Properties.Check(Values, value =>
        {
            var buffer = new byte[HexDigits.MaxDigits + 4];
            buffer.AsSpan().Fill((byte)'#');
            var digits = HexDigits.Write(buffer, value);
            Assert.Equal(Numbers.Hex(value), "0x" + Encoding.ASCII.GetString(buffer, 0, digits));
            Assert.All(buffer[HexDigits.MaxDigits..], b => Assert.Equal((byte)'#', b));
        }, 20_000);
    }

    [Fact]
    public void Write_WithRoomForTheDigitsOnly_IsNumbersHex()
    {
        Properties.Check(Values, value =>
        {
            var expected = Numbers.Hex(value)[2..];
            var buffer = new byte[expected.Length + 1];
            buffer[^1] = (byte)'#';
            var digits = HexDigits.Write(buffer.AsSpan(0, expected.Length), value);
            Assert.Equal(expected, Encoding.ASCII.GetString(buffer, 0, digits));
            Assert.Equal((byte)'#', buffer[^1]);
        }, 5_000);
    }

    [Fact]
    public void SixteenDigits_VectorAndScalar_AreTheValueZeroPadded()
    {
        // Write takes the vector path where vectors are accelerated: the scalar one is checked here.
        Properties.Check(Values, value =>
        {
            var expected = value.ToString("x16", System.Globalization.CultureInfo.InvariantCulture);
            var scalar = new byte[HexDigits.MaxDigits];
            HexDigits.SixteenDigitsScalar(scalar, value);
            Assert.Equal(expected, Encoding.ASCII.GetString(scalar));
            var vector = new byte[HexDigits.MaxDigits];
            HexDigits.SixteenDigits(value).CopyTo(vector);
            Assert.Equal(expected, Encoding.ASCII.GetString(vector));
        }, 20_000);
    }

    [Theory]
    [InlineData(0UL)]
    [InlineData(9UL)]
    [InlineData(0xAUL)]
    [InlineData(0xFUL)]
    [InlineData(0x10UL)]
    [InlineData(0x9A9A_9A9AUL)]
    [InlineData(0xFFFF_FFFFUL)]
    [InlineData(0x1_0000_0000UL)]
    [InlineData(0x0123_4567_89AB_CDEFUL)]
    [InlineData(0xFEDC_BA98_7654_3210UL)]
    [InlineData(0x8000_0000_0000_0000UL)]
    [InlineData(ulong.MaxValue)]
    public void Write_Edges_AreNumbersHex(ulong value)
    {
        foreach (var room in new[] { 16, 32, Numbers.Hex(value).Length - 2 })
        {
            var buffer = new byte[room];
            var digits = HexDigits.Write(buffer, value);
            Assert.Equal(Numbers.Hex(value), "0x" + Encoding.ASCII.GetString(buffer, 0, digits));
        }
    }
}
