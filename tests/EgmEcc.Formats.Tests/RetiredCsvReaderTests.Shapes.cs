using EgmEcc.Formats.Csv;
using EgmEcc.Formats.Inputs;
using static EgmEcc.Formats.Tests.TestInputs;

namespace EgmEcc.Formats.Tests;

public partial class RetiredCsvReaderTests
{
    private static readonly RetiredCsvReader Reader = new();

    [Fact]
    public void Read_AddressColumn_ReadsSpaRecordsWithDefaultSize()
    {
        var records = Retired(Reader, "address\n0x2001230000\n137438953472\n0x20_0000_0000\n");

        Assert.Equal([0x20_0123_0000UL, 0x20_0000_0000UL, 0x20_0000_0000UL], records.Select(r => r.Start).ToArray());
        Assert.All(records, r => Assert.False(r.IsRegionRelative));
        Assert.All(records, r => Assert.Equal(0UL, r.Size));
        Assert.Equal([2L, 3L, 4L], Lines(records));
    }

    [Fact]
    public void Read_RegionAndOffsetColumns_ReadRegionRelativeRecords()
    {
        var records = Retired(Reader, "region,offset,size\negm0,0x10000,4K\negm1,0,\n");

        Assert.Equal(("egm0", 0x1_0000UL, 0x1000UL), (records[0].Region, records[0].Start, records[0].Size));
        Assert.Equal(("egm1", 0UL, 0UL), (records[1].Region, records[1].Start, records[1].Size));
    }

    [Fact]
    public void Read_BothFormsInOneHeader_EachRowFillsOne()
    {
        var records = Retired(Reader, "address,region,offset\n0x2000000000,,\n,egm0,0x10000\n");

        Assert.False(records[0].IsRegionRelative);
        Assert.Equal(("egm0", 0x1_0000UL), (records[1].Region, records[1].Start));
    }

    [Theory]
    [InlineData("size,ADDRESS\n4K,0x2000000000\n")]
    [InlineData("Address , Size\n 0x2000000000 , 4096 \n")]
    [InlineData("source,size,address,host\n\"dmesg, boot 3\",0x1000,0x2000000000,\n")]
    [InlineData("address,size\n\"0x2000000000\",\"4KiB\"\n")]
    [InlineData("address,size\n0x2000000000,4k")]
    public void Read_HeaderOrderCaseSpacesAndQuotes_AllMeanTheSame(string text)
    {
        var record = Assert.Single(Retired(Reader, text));

        Assert.Equal((0x20_0000_0000UL, 0x1000UL), (record.Start, record.Size));
    }

    [Fact]
    public void Read_HostAndSourceColumns_HostIsKeptSourceIsIgnored()
    {
        var records = Retired(Reader, "address,host,source\n0x2000000000,h1,fw-table\n0x2000010000,,dmesg\n", options: new ReadOptions { Host = "fallback" });

        Assert.Equal(["h1", "fallback"], records.Select(r => r.Host ?? "(none)").ToArray());
    }

    [Fact]
    public void Read_EmptyRegionCell_TakesTheRegionFromTheOptions()
    {
        var record = Assert.Single(Retired(Reader, "region,offset\n,0x10000\n", options: new ReadOptions { Region = "egm4" }));

        Assert.Equal("egm4", record.Region);
    }

    [Fact]
    public void Read_ShortRowWithoutOptionalSize_UsesTheDefaultSize()
    {
        var record = Assert.Single(Retired(Reader, "address,size\n0x2000000000\n"));

        Assert.Equal(0UL, record.Size);
    }

    [Fact]
    public void Read_CommentsBlankLinesCrlfAndBom_RecordsKeepTheirLines()
    {
        var text = Crlf("# exported by the fleet inventory\n\naddress,size\n0x2000000000,\n\n# clustered\n0x2000010000,\n0x2000020000,\n");

        var records = Retired(Reader, WithBom(text), "t.csv");

        Assert.Equal([4L, 7L, 8L], Lines(records));
        Assert.Equal("t.csv:7", records[1].Source.ToString());
    }

    [Fact]
    public void Read_RecordAfterMultiLineQuotedSource_HasItsOwnStartLine()
    {
        var records = Retired(Reader, "address,source\n0x2000000000,\"two\nlines\"\n0x2000010000,x\n");

        Assert.Equal([2L, 4L], Lines(records));
    }

    [Fact]
    public void Read_HeaderOnly_GivesNoRecords()
    {
        Assert.Empty(Retired(Reader, "# nothing retired yet\naddress,size\n"));
    }
}
