using EgmEcc.Formats.Inputs;
using EgmEcc.Formats.Json;
using static EgmEcc.Formats.Tests.TestInputs;

namespace EgmEcc.Formats.Tests;

public partial class RetiredJsonReaderTests
{
    private static readonly RetiredJsonReader Reader = new();

    [Fact]
    public void Read_BareArray_ReadsBothFormsAtTheLineOfTheirObject()
    {
        const string text = """
            [
              {"address": "0x2001230000"},
              {"region": "egm1", "offset": 65536, "size": "4K", "host": "h1"},

              {"address": 137438953472, "size": 65536}
            ]
            """;

        var records = Retired(Reader, text, "t.json");

        Assert.Equal((0x20_0123_0000UL, 0UL, (string?)null), (records[0].Start, records[0].Size, records[0].Region));
        Assert.Equal((0x1_0000UL, 0x1000UL, "egm1", "h1"), (records[1].Start, records[1].Size, records[1].Region, records[1].Host));
        Assert.Equal((0x20_0000_0000UL, 0x1_0000UL), (records[2].Start, records[2].Size));
        Assert.Equal([2L, 3L, 5L], Lines(records));
    }

    [Theory]
    [InlineData("""{"retired": [{"address": "0x2000000000", "size": "4KiB"}]}""")]
    [InlineData("""{"host": "ignored", "retired": [{"size": 4096, "address": 137438953472, "note": {"x": [1]}},], "more": 1}""")]
    [InlineData("""[{"address": "0x20_0000_0000", "size": "0x1000"}]""")]
    [InlineData("// from the inventory\n[{\"address\": \"0x2000000000\", /* 4 KiB */ \"size\": \"4k\"}]")]
    public void Read_AcceptedShapes_AllMeanTheSame(string text)
    {
        var record = Assert.Single(Retired(Reader, text, "t.json"));

        Assert.Equal((0x20_0000_0000UL, 0x1000UL), (record.Start, record.Size));
    }

    [Fact]
    public void Read_OffsetWithoutRegion_TakesTheRegionFromTheOptions()
    {
        var record = Assert.Single(Retired(Reader, """[{"offset": 0}]""", "t.json", new ReadOptions { Region = "egm2", Host = "h" }));

        Assert.Equal(("egm2", "h"), (record.Region, record.Host));
    }

    [Fact]
    public void Read_CrlfAndByteOrderMark_LinesStillCount()
    {
        var records = Retired(Reader, WithBom(Crlf("[\n{\"address\": 0},\n\n{\"address\": 65536}\n]")), "t.json");

        Assert.Equal([2L, 4L], Lines(records));
    }

    [Theory]
    [InlineData("[\n{\"address\": \"0xZZ\"}]", "t.json:2: 'address': '0xZZ' is not a hexadecimal number")]
    [InlineData("[\n{\"address\": -65536}]", "t.json:2: 'address': '-65536' is negative; addresses and sizes are unsigned")]
    [InlineData("[{\"address\": 0,\n\"size\": \"4X\"}]", "t.json:2: 'size': '4X' has an unknown size suffix (use K, M, G, T or KiB, MiB, GiB, TiB)")]
    [InlineData("[\n{\"address\": 0, \"size\": 0}]", "t.json:2: 'size' is 0; a retired record covers at least one byte")]
    [InlineData("[\n{\"address\": 0, \"size\": \"0x0\"}]", "t.json:2: 'size' is 0; a retired record covers at least one byte")]
    [InlineData("[\n{\"address\": 0, \"offset\": 0, \"region\": \"egm0\"}]", "t.json:2: the record has both 'address' and 'offset'; give one")]
    [InlineData("[\n{\"size\": 4096}]", "t.json:2: the record has neither 'address' nor 'offset'")]
    [InlineData("[\n{\"offset\": 0}]", "t.json:2: the record has an 'offset' but no 'region'")]
    [InlineData("[\n{\"region\": \"\", \"offset\": 0}]", "t.json:2: the record has an 'offset' but no 'region'")]
    public void Read_BadRecord_IsAnErrorAtItsLine(string text, string error)
    {
        Assert.Equal(error, RetiredError(Reader, text, "t.json"));
    }

    [Theory]
    [InlineData("[\n{\"address\": true}]", "t.json:2: 'address' must be a number or a string, not a boolean")]
    [InlineData("[\n{\"address\": 0, \"region\": 0}]", "t.json:2: 'region' must be a string, not a number")]
    [InlineData("[\n{\"address\": 0, \"host\": null}]", "t.json:2: 'host' must be a string, not null")]
    [InlineData("[\n\"0x2000000000\"]", "t.json:2: a retired record must be an object, not a string")]
    [InlineData("[\n[0]]", "t.json:2: a retired record must be an object, not an array")]
    [InlineData("{\"retired\": \"none\"}", "t.json:1: 'retired' must be an array, not a string")]
    [InlineData("{\"records\": []}", "t.json:1: the object has no 'retired' array")]
    [InlineData("\"0x2000000000\"", "t.json:1: expected a JSON array or an object with 'retired', not a string")]
    public void Read_WrongJsonType_IsAnError(string text, string error)
    {
        Assert.Equal(error, RetiredError(Reader, text, "t.json"));
    }

    [Theory]
    [InlineData("[\n{\"address\": 0}\n{\"address\": 1}]", "t.json:3: malformed JSON: '{' is invalid after a value; expected either ',', '}', or ']'")]
    [InlineData("[\n{\"address\": 0x10}]", "t.json:2: malformed JSON: 'x' is an invalid end of a number; expected a delimiter")]
    [InlineData("[{\"address\": 0}] trailing", "t.json:1: malformed JSON: 't' is invalid after a single JSON value; expected end of data")]
    [InlineData("", "t.json:1: the file is empty; expected a JSON array or an object with 'retired'")]
    public void Read_MalformedJson_IsAnErrorAtTheLineOfTheFault(string text, string error)
    {
        Assert.Equal(error, RetiredError(Reader, text, "t.json"));
    }

    // Regression: text that is not UTF-8 inside a JSON string was an internal error.
    [Theory]
    [InlineData(new byte[] { (byte)'[', (byte)'\n', (byte)'{', (byte)'"', (byte)'a', (byte)'d', (byte)'d', (byte)'r', (byte)'e', (byte)'s', (byte)'s', (byte)'"', (byte)':', (byte)'"', 0xff, (byte)'"', (byte)'}', (byte)']' }, "t.json:2: 'address' is not valid UTF-8 text")]
    [InlineData(new byte[] { (byte)'[', (byte)'{', (byte)'"', (byte)'h', (byte)'o', (byte)'s', (byte)'t', (byte)'"', (byte)':', (byte)'"', 0xc3, (byte)'"', (byte)'}', (byte)']' }, "t.json:1: 'host' is not valid UTF-8 text")]
    public void Read_StringThatIsNotUtf8_IsAnInputError(byte[] bytes, string error)
    {
        Assert.Equal(error, Assert.Throws<InputException>(() => Retired(Reader, bytes, "t.json")).ToString());
    }

    [Fact]
    public void Read_LoneSurrogateEscape_IsAnInputError()
    {
        Assert.Equal("t.json:1: 'region' is not valid UTF-8 text", RetiredError(Reader, "[{\"region\": \"\\ud800\", \"offset\": 0}]", "t.json"));
    }
}
