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

    [Fact]
    public void Kind_DefaultsToRetired()
    {
        Assert.Equal(RecordKind.Retired, RetiredRecord.AtAddress(0, 0, At).Kind);
        Assert.Equal(RecordKind.Retired, RetiredRecord.InRegion("egm0", 0, 0, At).Kind);
        Assert.Equal(RecordKind.Retired, default(RetiredRecord).Kind);
    }

    [Theory]
    [InlineData(RecordKind.Retired)]
    [InlineData(RecordKind.AtRisk)]
    public void Kind_AndSource_BothSurviveWhateverThePosition(RecordKind kind)
    {
        // The kind shares a word with the source position: neither may disturb the other.
        SourceLocation[] sources =
        [
            At,
            SourceLocation.AtLine("a.log", 1),
            SourceLocation.AtLine("a.log", (1L << 62) - 1),
            SourceLocation.AtByte("t.bin", 0),
            SourceLocation.AtByte("t.bin", 8 + (4096 * 8)),
            SourceLocation.AtByte("t.bin", (1L << 62) - 1),
            SourceLocation.InFile("whole.csv"),
            default,
        ];

        foreach (var source in sources)
        {
            var byAddress = RetiredRecord.AtAddress(0x4000_0000, 0x1000, source, "h1", kind);
            var inRegion = RetiredRecord.InRegion("egm1", 0x1_0000, 0, source, kind: kind);

            Assert.Equal(kind, byAddress.Kind);
            Assert.Equal(kind, inRegion.Kind);
            Assert.Equal(source, byAddress.Source);
            Assert.Equal(source, inRegion.Source);
            Assert.Equal(source.ToString(), byAddress.Source.ToString());
        }
    }

    [Fact]
    public void Size_StaysThirtyTwoBytes()
    {
        // Arrays of 10^7 records: the kind must not cost a word per record, and the region,
        // host and file share one reference.
        Assert.Equal(32, System.Runtime.CompilerServices.Unsafe.SizeOf<RetiredRecord>());
    }

    [Fact]
    public void Create_PositionOf2Pow62OrMore_Throws()
    {
        Assert.Throws<ArgumentOutOfRangeException>(() => RetiredRecord.AtAddress(0, 0, SourceLocation.AtLine("a.log", 1L << 62)));
        Assert.Throws<ArgumentOutOfRangeException>(() => RetiredRecord.AtAddress(0, 0, SourceLocation.AtByte("t.bin", long.MaxValue)));
        Assert.Throws<ArgumentOutOfRangeException>(() => RetiredRecord.AtAddress(0, 0, At, kind: (RecordKind)2));
    }
}
