using EgmEcc.Formats.Csv;
using EgmEcc.Formats.Inputs;
using static EgmEcc.Formats.Tests.TestInputs;

namespace EgmEcc.Formats.Tests;

public partial class RegionCsvReaderTests
{
    private static readonly RegionCsvReader Reader = new();

    [Fact]
    public void Read_PlainHeader_ReadsEveryRegionWithItsLine()
    {
        var regions = Regions(Reader, "id,node,base,size\negm0,0,0x2000000000,384G\negm1,1,0x402000000000,0x6000000000\n");

        Assert.Equal(2, regions.Length);
        Assert.Equal(("egm0", 0, 0x20_0000_0000UL, 384UL << 30), (regions[0].Id, regions[0].Node, regions[0].Base, regions[0].Size));
        Assert.Equal(("egm1", 1, 0x4020_0000_0000UL, 0x60_0000_0000UL), (regions[1].Id, regions[1].Node, regions[1].Base, regions[1].Size));
        Assert.Equal(["r.csv:2", "r.csv:3"], regions.Select(r => r.Source.ToString()).ToArray());
        Assert.All(regions, r => Assert.Equal(string.Empty, r.Host));
        Assert.All(regions, r => Assert.Null(r.GuestSize));
    }

    [Theory]
    [InlineData("size,base,node,id\n64K,0x10000,3,a\n")]
    [InlineData("ID,NODE,BASE,SIZE\na,3,0x10000,64K\n")]
    [InlineData(" Id , Node ,Base, Size \n a , 3 , 0x10000 , 64K \n")]
    [InlineData("\"id\",\"node\",\"base\",\"size\"\n\"a\",\"3\",\"0x1_0000\",\"65536\"\n")]
    [InlineData("id,node,base,size\na,3,65536,0x10000")]
    [InlineData("id,node,base,size\na,3,0x10000,64KiB\n")]
    public void Read_HeaderOrderCaseSpacesAndQuotes_AllMeanTheSame(string text)
    {
        var region = Assert.Single(Regions(Reader, text));

        Assert.Equal(("a", 3, 0x1_0000UL, 0x1_0000UL), (region.Id, region.Node, region.Base, region.Size));
    }

    [Fact]
    public void Read_CommentsAndBlankLines_AreSkippedAndLinesStillCount()
    {
        const string text = "# two sockets\n\n# node is the PXM\nid,node,base,size\n\negm0,0,0x0,64K\n# a comment between rows\n\negm1,1,0x100000,64K\n";

        var regions = Regions(Reader, text);

        Assert.Equal([6L, 9L], regions.Select(r => r.Source.Line).ToArray());
    }

    [Fact]
    public void Read_CrlfLineEnds_ReadLikeLf()
    {
        var regions = Regions(Reader, Crlf("# c\nid,node,base,size\negm0,0,0x0,64K\n\negm1,1,0x100000,64K\n"));

        Assert.Equal([3L, 5L], regions.Select(r => r.Source.Line).ToArray());
        Assert.Equal(0x10_0000UL, regions[1].Base);
    }

    [Fact]
    public void Read_ByteOrderMark_IsNotPartOfTheFirstColumn()
    {
        var region = Assert.Single(Regions(Reader, WithBom("id,node,base,size\negm0,0,0x0,64K\n"), "r.csv"));

        Assert.Equal("egm0", region.Id);
    }

    [Fact]
    public void Read_OptionalHostAndGuestSize_AreRead()
    {
        var regions = Regions(Reader, "host,id,node,base,size,guestSize\nh1,egm0,0,0x0,1M,512K\nh2,egm0,0,0x0,1M,\n");

        Assert.Equal(("h1", (ulong?)0x8_0000UL), (regions[0].Host, regions[0].GuestSize));
        Assert.Equal(("h2", (ulong?)null), (regions[1].Host, regions[1].GuestSize));
    }

    [Fact]
    public void Read_GuestSizeHeaderInAnyCase_IsKnown()
    {
        var region = Assert.Single(Regions(Reader, "id,node,base,size,GUESTSIZE\na,0,0x0,1M,64K\n"));

        Assert.Equal(0x1_0000UL, region.GuestSize);
    }

    [Fact]
    public void Read_NoHostColumn_TakesTheHostFromTheOptions()
    {
        var options = new ReadOptions { Host = "rack1-node7" };

        var region = Assert.Single(Regions(Reader, "id,node,base,size\na,0,0x0,64K\n", options: options));

        Assert.Equal("rack1-node7", region.Host);
    }

    [Fact]
    public void Read_RegionEndingAtTheTopOf64Bits_IsAccepted()
    {
        var region = Assert.Single(Regions(Reader, "id,node,base,size\ntop,0,0xffff_ffff_ff00_0000,16M\n"));

        Assert.Equal(UInt128.One << 64, region.Extent.End);
    }

    [Fact]
    public void Read_HeaderOnly_GivesNoRegions()
    {
        Assert.Empty(Regions(Reader, "id,node,base,size\n"));
    }
}
