using static EgmEcc.Formats.Tests.TestInputs;

namespace EgmEcc.Formats.Tests;

public partial class RegionCsvReaderTests
{
    private const string Expected = "expected a header 'id,node,base,size' (optional: host, guestSize)";

    [Theory]
    [InlineData("id,node,base,size\na,0,0xZZ,64K\n", "r.csv:2: column 'base': '0xZZ' is not a hexadecimal number")]
    [InlineData("id,node,base,size\na,0,12ab,64K\n", "r.csv:2: column 'base': '12ab' is not a number (use decimal or 0x hexadecimal)")]
    [InlineData("id,node,base,size\na,-1,0x0,64K\n", "r.csv:2: column 'node': '-1' is negative; addresses and sizes are unsigned")]
    [InlineData("id,node,base,size\na,0,0x0,-64K\n", "r.csv:2: column 'size': '-64K' is negative; addresses and sizes are unsigned")]
    [InlineData("id,node,base,size\na,0,0x0,64Q\n", "r.csv:2: column 'size': '64Q' has an unknown size suffix (use K, M, G, T or KiB, MiB, GiB, TiB)")]
    [InlineData("id,node,base,size\na,0,0x0,64KB\n", "r.csv:2: column 'size': '64KB' has an unknown size suffix (use K, M, G, T or KiB, MiB, GiB, TiB)")]
    [InlineData("id,node,base,size\na,0,0x1_0000_0000_0000_0000,64K\n", "r.csv:2: column 'base': '0x1_0000_0000_0000_0000' does not fit in 64 bits")]
    [InlineData("id,node,base,size\na,0,0x0,0\n", "r.csv:2: region 'a' has size 0")]
    [InlineData("id,node,base,size\na,0,0xffffffffffff0000,128K\n", "r.csv:2: region 'a' at 0xffffffffffff0000 with size 0x20000 would end beyond 2^64")]
    [InlineData("id,node,base,size,guestSize\na,0,0x0,64K,128K\n", "r.csv:2: region 'a' has guest size 0x20000; it must be in [1, 0x10000], the region's size")]
    [InlineData("id,node,base,size\na,99999999999,0x0,64K\n", "r.csv:2: column 'node': PXM 99999999999 is too large")]
    public void Read_BadValue_NamesTheColumnAndTheValue(string text, string error)
    {
        Assert.Equal(error, RegionError(Reader, text));
    }

    [Theory]
    [InlineData("id,node,base,size\na,0,0x0\n", "r.csv:2: column 'size' is empty or missing")]
    [InlineData("id,node,base,size\na,0,,64K\n", "r.csv:2: column 'base' is empty or missing")]
    [InlineData("id,node,base,size\n,0,0x0,64K\n", "r.csv:2: column 'id' is empty")]
    [InlineData("id,node,base,size\n\" \",0,0x0,64K\n", "r.csv:2: column 'id' is empty")]
    [InlineData("id,node,base,size\na\n", "r.csv:2: column 'node' is empty or missing")]
    [InlineData("id,node,base,size\na,0,0x0,64K,extra\n", "r.csv:2: the row has 5 fields but the header has 4")]
    public void Read_RowWithMissingOrExtraFields_IsAnError(string text, string error)
    {
        Assert.Equal(error, RegionError(Reader, text));
    }

    [Theory]
    [InlineData("id,node,base\na,0,0x0\n", "r.csv:1: missing column 'size'; " + Expected)]
    [InlineData("# comment\n\nnode,base,size\n0,0x0,64K\n", "r.csv:3: missing column 'id'; " + Expected)]
    [InlineData("id,node,base,size,pxm\n", "r.csv:1: unknown column 'pxm'; " + Expected)]
    [InlineData("# c\nid,node,adress,size\n", "r.csv:2: unknown column 'adress'; " + Expected)]
    [InlineData("id,node,base,size,Base\n", "r.csv:1: column 'Base' appears twice in the header")]
    [InlineData("", "r.csv:1: the file is empty; " + Expected)]
    [InlineData("# only a comment\n\n", "r.csv:1: the file is empty; " + Expected)]
    public void Read_BadHeader_IsAnErrorAtTheHeaderLine(string text, string error)
    {
        Assert.Equal(error, RegionError(Reader, text));
    }

    [Theory]
    [InlineData("id,node,base,size\n\"a,0,0x0,64K\n", "r.csv:2: malformed CSV: a quoted field that is never closed")]
    [InlineData("id,node,base,size\na,0,0x0,64K\nb\"x\",1,0x10000,64K\n", "r.csv:3: malformed CSV: a quote inside an unquoted field")]
    [InlineData("id,node,base,size\n\n\"a\"b,0,0x0,64K\n", "r.csv:3: malformed CSV: text after the closing quote of a quoted field")]
    public void Read_MalformedQuotes_IsAnErrorAtTheRecordLine(string text, string error)
    {
        Assert.Equal(error, RegionError(Reader, text));
    }

    [Fact]
    public void Read_HostWithLineBreaksInAQuotedField_IsAnErrorAtItsRow()
    {
        // A name with line ends would break every one-line output it reaches. (Lines inside a
        // quoted field still count: see the retired reader's multi-line 'source' cases.)
        const string text = "id,node,base,size,host\na,0,0x0,64K,\"host\nwith\nbreaks\"\nb,1,0xZZ,64K,h\n";

        Assert.Equal("r.csv:2: column 'host': 'host\\nwith\\nbreaks' holds the control character U+000A; names are printable text", RegionError(Reader, text));
    }

    [Fact]
    public void Read_ErrorInCrlfFile_HasTheSameLine()
    {
        Assert.Equal("r.csv:4: column 'base': '0xZZ' is not a hexadecimal number", RegionError(Reader, Crlf("# c\nid,node,base,size\n\na,0,0xZZ,64K\n")));
    }
}
