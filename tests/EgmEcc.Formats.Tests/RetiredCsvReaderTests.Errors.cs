using static EgmEcc.Formats.Tests.TestInputs;

namespace EgmEcc.Formats.Tests;

public partial class RetiredCsvReaderTests
{
    private const string Expected = "'address' or 'region,offset' (optional: size, host, source)";

    [Theory]
    [InlineData("address\n0x2000000000\n0xZZ\n", "t.csv:3: column 'address': '0xZZ' is not a hexadecimal number")]
    [InlineData("address\n0x\n", "t.csv:2: column 'address': '0x' is not a number (use decimal or 0x hexadecimal)")]
    [InlineData("address\n-0x1000\n", "t.csv:2: column 'address': '-0x1000' is negative; addresses and sizes are unsigned")]
    [InlineData("address\n64K\n", "t.csv:2: column 'address': '64K' is not a number (use decimal or 0x hexadecimal)")]
    [InlineData("address,size\n0x2000000000,-4K\n", "t.csv:2: column 'size': '-4K' is negative; addresses and sizes are unsigned")]
    [InlineData("address,size\n0x2000000000,4X\n", "t.csv:2: column 'size': '4X' has an unknown size suffix (use K, M, G, T or KiB, MiB, GiB, TiB)")]
    [InlineData("address,size\n0x2000000000,0\n", "t.csv:2: column 'size' is 0; a retired record covers at least one byte")]
    [InlineData("address,size\n0x2000000000,0x0\n", "t.csv:2: column 'size' is 0; a retired record covers at least one byte")]
    [InlineData("region,offset\negm0,0xfoo\n", "t.csv:2: column 'offset': '0xfoo' is not a hexadecimal number")]
    [InlineData("address\n0x1_0000_0000_0000_0000\n", "t.csv:2: column 'address': '0x1_0000_0000_0000_0000' does not fit in 64 bits")]
    public void Read_BadValue_NamesTheColumnAndTheValue(string text, string error)
    {
        Assert.Equal(error, RetiredError(Reader, text));
    }

    [Theory]
    [InlineData("address,region,offset\n0x2000000000,egm0,0x0\n", "t.csv:2: the row gives both 'address' and 'offset'; give one")]
    [InlineData("address,size\n,4K\n", "t.csv:2: the row gives no 'address'")]
    [InlineData("region,offset\negm0,\n", "t.csv:2: the row gives no 'offset'")]
    [InlineData("region,offset\negm0\n", "t.csv:2: the row gives no 'offset'")]
    [InlineData("region,offset\n,0x0\n", "t.csv:2: column 'region' is empty; an offset needs its region")]
    [InlineData("address\n0x2000000000,4K\n", "t.csv:2: the row has 2 fields but the header has 1")]
    [InlineData("address,size\n\n\n0x2000000000,4K,dmesg\n", "t.csv:4: the row has 3 fields but the header has 2")]
    public void Read_RowWithMissingExtraOrConflictingFields_IsAnError(string text, string error)
    {
        Assert.Equal(error, RetiredError(Reader, text));
    }

    [Theory]
    [InlineData("adress\n0x2000000000\n", "t.csv:1: unknown column 'adress'; expected a header " + Expected)]
    [InlineData("# c\n\naddress,sizes\n", "t.csv:3: unknown column 'sizes'; expected a header " + Expected)]
    [InlineData("size,source\n4K,x\n", "t.csv:1: the header names neither 'address' nor 'region' and 'offset'; expected " + Expected)]
    [InlineData("# c\noffset\n0x0\n", "t.csv:2: the header names neither 'address' nor 'region' and 'offset'; expected " + Expected)]
    [InlineData("address,ADDRESS\n", "t.csv:1: column 'ADDRESS' appears twice in the header")]
    [InlineData("", "t.csv:1: the file is empty; expected a header " + Expected)]
    [InlineData("\n\n# nothing\n", "t.csv:1: the file is empty; expected a header " + Expected)]
    public void Read_BadHeader_IsAnErrorAtTheHeaderLine(string text, string error)
    {
        Assert.Equal(error, RetiredError(Reader, text));
    }

    [Theory]
    [InlineData("address,source\n0x2000000000,\"never closed\n0x2000010000,x\n", "t.csv:2: malformed CSV: a quoted field that is never closed")]
    [InlineData("address,source\n0x2000000000,ok\n0x2000010000,a\"b\n", "t.csv:3: malformed CSV: a quote inside an unquoted field")]
    [InlineData("address,source\n0x2000000000,\"two\nlines\"\n0x2000010000,\"a\"b\n", "t.csv:4: malformed CSV: text after the closing quote of a quoted field")]
    public void Read_MalformedQuotes_IsAnErrorAtTheRecordLine(string text, string error)
    {
        Assert.Equal(error, RetiredError(Reader, text));
    }

    [Fact]
    public void Read_ErrorInCrlfFileWithBom_HasTheSameLine()
    {
        var bytes = WithBom(Crlf("# c\naddress\n0x2000000000\n\n0xZZ\n"));

        var error = Assert.Throws<InputException>(() => Retired(Reader, bytes, "t.csv"));

        Assert.Equal("t.csv:5: column 'address': '0xZZ' is not a hexadecimal number", error.ToString());
    }
}
