namespace EgmEcc.Tests;

public partial class RetiredRecordTests
{
    private static readonly SourceLocation At = SourceLocation.AtLine("retired.csv", 3);

    [Fact]
    public void AtAddress_IsNotRegionRelative()
    {
        var record = RetiredRecord.AtAddress(0x4000_0000, 0, At, "h1");

        Assert.False(record.IsRegionRelative);
        Assert.Null(record.Region);
        Assert.Equal("h1", record.Host);
        Assert.Equal(At, record.Source);
        Assert.Equal("0x40000000", record.ToString());
    }

    [Fact]
    public void InRegion_IsRegionRelative()
    {
        var record = RetiredRecord.InRegion("egm4", 0x1_0000, 0x1000, At);

        Assert.True(record.IsRegionRelative);
        Assert.Equal("egm4", record.Region);
        Assert.Null(record.Host);
        Assert.Equal("egm4+0x10000 (4K)", record.ToString());
    }

    [Theory]
    [InlineData(0UL, 0x1_0000UL)]
    [InlineData(1UL, 1UL)]
    [InlineData(0x2000UL, 0x2000UL)]
    public void SizeOr_ZeroMeansOneGranule(ulong size, ulong expected)
    {
        Assert.Equal(expected, RetiredRecord.AtAddress(0, size, At).SizeOr(0x1_0000));
    }

    [Fact]
    public void InRegion_EmptyRegionName_Throws()
    {
        Assert.ThrowsAny<ArgumentException>(() => RetiredRecord.InRegion(string.Empty, 0, 0, At));
    }
}
