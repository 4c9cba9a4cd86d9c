namespace EgmEcc.Tests;

public partial class ByteSizeTests
{
    [Theory]
    [InlineData("64K", 0x1_0000UL)]
    [InlineData("0x10000", 0x1_0000UL)]
    [InlineData("512MiB", 512UL << 20)]
    [InlineData("1g", 1UL << 30)]
    public void Parse_Accepted(string text, ulong bytes)
    {
        Assert.Equal(new ByteSize(bytes), ByteSize.Parse(text));
        Assert.Null(ByteSize.TryParse(text, out var size));
        Assert.Equal(bytes, size.Bytes);
    }

    [Theory]
    [InlineData("64Q", "'64Q' has an unknown size suffix (use K, M, G, T or KiB, MiB, GiB, TiB)")]
    [InlineData("-1K", "'-1K' is negative; addresses and sizes are unsigned")]
    [InlineData("", "expected a number, found nothing")]
    public void Parse_Rejected_ThrowsFormatExceptionWithTheErrorText(string text, string error)
    {
        var e = Assert.Throws<FormatException>(() => ByteSize.Parse(text));

        Assert.Equal(error, e.Message);
        Assert.Equal(error, ByteSize.TryParse(text, out _));
    }

    [Fact]
    public void Comparison_OrdersByBytes()
    {
        var small = new ByteSize(1);
        var large = new ByteSize(2);

        Assert.True(small < large && large > small && small <= large && large >= small);
        Assert.Equal(-1, small.CompareTo(large));
        Assert.Equal(0UL, default(ByteSize).Bytes);
    }
}
