using FsCheck;
using FsCheck.Fluent;
using EgmEcc.Tests.Support;

namespace EgmEcc.Tests;

public partial class ByteSizeTests
{
    [Theory]
    [InlineData(0UL, "0")]
    [InlineData(1UL, "1")]
    [InlineData(1023UL, "1023")]
    [InlineData(1024UL, "1K")]
    [InlineData(1536UL, "1536")]
    [InlineData(0x1_0000UL, "64K")]
    [InlineData(512UL << 20, "512M")]
    [InlineData(1UL << 30, "1G")]
    [InlineData(3UL << 40, "3T")]
    [InlineData(1UL << 50, "1024T")]
    [InlineData(1UL << 63, "8388608T")]
    [InlineData(ulong.MaxValue, "18446744073709551615")]
    [InlineData(ulong.MaxValue - 1023, "18014398509481983K")]
    public void ToString_ShortestExactSuffix(ulong bytes, string expected)
    {
        Assert.Equal(expected, new ByteSize(bytes).ToString());
    }

    [Fact]
    public void ToString_RoundTripsThroughParse()
    {
        // Values with many trailing zero bits (so every suffix is exercised), and arbitrary ones.
        var gen = Gen.Choose(0, 63).SelectMany(shift => Scenarios.UInt64.Select(v => v << shift));

        Prop.ForAll(gen.ToArbitrary(), bytes =>
        {
            var size = new ByteSize(bytes);
            Assert.Equal(size, ByteSize.Parse(size.ToString()));
        }).Check(Properties.Seeded(1000));
    }

    [Theory]
    [InlineData(0UL, "0 B")]
    [InlineData(1UL, "1 B")]
    [InlineData(1023UL, "1023 B")]
    [InlineData(1024UL, "1 KiB")]
    [InlineData(1536UL, "1.50 KiB")]
    [InlineData(0x1_0000UL, "64 KiB")]
    [InlineData((1UL << 20) - 1, "1023.99 KiB")]
    [InlineData((3UL << 29), "1.50 GiB")]
    [InlineData((1UL << 30) + 1, "1.00 GiB")]
    [InlineData((2UL << 30) - 1, "1.99 GiB")]
    [InlineData(1UL << 60, "1 EiB")]
    public void ToHumanString_Table(ulong bytes, string expected)
    {
        Assert.Equal(expected, new ByteSize(bytes).ToHumanString());
    }

    [Theory]
    [InlineData((1UL << 54) - 1, "15.99 PiB")]
    [InlineData((1UL << 60) - 1, "1023.99 PiB")]
    [InlineData((2UL << 60) - 1, "1.99 EiB")]
    [InlineData(ulong.MaxValue, "15.99 EiB")]
    public void ToHumanString_AboveDoublePrecision_NeverRoundsUp(ulong bytes, string expected)
    {
        // Regression: the value went through a double, which rounds 2^54 - 1 up to 2^54.
        Assert.Equal(expected, new ByteSize(bytes).ToHumanString());
    }

    [Fact]
    public void ToHumanString_NeverShowsMoreThanTheValue()
    {
        var units = new[] { "B", "KiB", "MiB", "GiB", "TiB", "PiB", "EiB" };
        var gen = Gen.Choose(0, 64).SelectMany(bits => Scenarios.UInt64.Select(v => bits == 0 ? 0 : v >> (64 - bits)));

        Prop.ForAll(gen.ToArbitrary(), bytes =>
        {
            var text = new ByteSize(bytes).ToHumanString();
            var parts = text.Split(' ');
            var unit = Array.IndexOf(units, parts[1]);
            var shown = decimal.Parse(parts[0], System.Globalization.CultureInfo.InvariantCulture);
            var shownBytes = shown * (decimal)Math.Pow(1024, unit);

            // Never larger than the value, and less than 0.01 of a unit below it; the unit is the largest that fits.
            Assert.True(shownBytes <= bytes, $"{bytes} shown as {text}");
            Assert.True(bytes - shownBytes < 0.01m * (decimal)Math.Pow(1024, unit), $"{bytes} shown as {text}");
            Assert.True(unit == 0 || bytes >= (decimal)Math.Pow(1024, unit), $"{bytes} shown as {text}");
            Assert.True(unit == units.Length - 1 || bytes < (decimal)Math.Pow(1024, unit + 1), $"{bytes} shown as {text}");
        }).Check(Properties.Seeded(1000));
    }
}
