using static EgmEcc.Formats.Tests.TestInputs;

namespace EgmEcc.Formats.Tests;

public partial class RegionJsonReaderTests
{
    [Theory]
    [InlineData("[\n{\"id\":\"a\",\"node\":0,\n\"base\":\"0xZZ\",\"size\":65536}]", "r.json:3: 'base': '0xZZ' is not a hexadecimal number")]
    [InlineData("[\n{\"id\":\"a\",\"node\":-1,\"base\":0,\"size\":65536}]", "r.json:2: 'node': '-1' is negative; addresses and sizes are unsigned")]
    [InlineData("[\n{\"id\":\"a\",\"node\":0,\"base\":0,\"size\":\"-64K\"}]", "r.json:2: 'size': '-64K' is negative; addresses and sizes are unsigned")]
    [InlineData("[\n{\"id\":\"a\",\"node\":0,\"base\":0,\n\n\"size\":\"64Q\"}]", "r.json:4: 'size': '64Q' has an unknown size suffix (use K, M, G, T or KiB, MiB, GiB, TiB)")]
    [InlineData("[{\"id\":\"a\",\"node\":0,\"base\":0,\"size\":1.5}]", "r.json:1: 'size': '1.5' is not a number (use decimal or 0x hexadecimal)")]
    [InlineData("[{\"id\":\"a\",\"node\":0,\"base\":18446744073709551616,\"size\":1}]", "r.json:1: 'base': '18446744073709551616' does not fit in 64 bits")]
    [InlineData("[{\"id\":\"a\",\"node\":0,\"base\":0,\"size\":0}]", "r.json:1: region 'a' has size 0")]
    [InlineData("[{\"id\":\"a\",\"node\":0,\"base\":\"0xffffffffffff0000\",\"size\":\"128K\"}]", "r.json:1: region 'a' at 0xffffffffffff0000 with size 0x20000 would end beyond 2^64")]
    [InlineData("[{\"id\":\"a\",\"node\":4294967296,\"base\":0,\"size\":1}]", "r.json:1: 'node': PXM 4294967296 is too large")]
    public void Read_BadValue_NamesThePropertyAndTheValue(string text, string error)
    {
        Assert.Equal(error, RegionError(Reader, text, "r.json"));
    }

    [Theory]
    [InlineData("[\n{\"id\":\"a\",\"node\":true,\"base\":0,\"size\":1}]", "r.json:2: 'node' must be a number or a string, not a boolean")]
    [InlineData("[\n{\"id\":\"a\",\"node\":0,\"base\":[0],\"size\":1}]", "r.json:2: 'base' must be a number or a string, not an array")]
    [InlineData("[\n{\"id\":\"a\",\"node\":0,\"base\":0,\"size\":null}]", "r.json:2: 'size' must be a number or a string, not null")]
    [InlineData("[{\"id\":5,\"node\":0,\"base\":0,\"size\":1}]", "r.json:1: 'id' must be a string, not a number")]
    [InlineData("[{\"host\":{},\"node\":0,\"base\":0,\"size\":1}]", "r.json:1: 'host' must be a string, not an object")]
    [InlineData("[\n\"egm0\"]", "r.json:2: a region must be an object, not a string")]
    [InlineData("{\"regions\": {\"id\": \"a\"}}", "r.json:1: 'regions' must be an array, not an object")]
    [InlineData("{\"schema\": \"egmecc.plan/1\",\n\"holes\": []}", "r.json:2: the object has no 'regions' array")]
    [InlineData("\n42", "r.json:2: expected a JSON array or an object with 'regions', not a number")]
    public void Read_WrongJsonType_IsAnError(string text, string error)
    {
        Assert.Equal(error, RegionError(Reader, text, "r.json"));
    }

    [Theory]
    [InlineData("[\n{\"id\":\"a\",\n\"base\":0,\"size\":1}]", "r.json:2: the region has no 'node'")]
    [InlineData("[{\"id\":\"a\",\"node\":0,\"size\":1}]", "r.json:1: the region has no 'base'")]
    [InlineData("[{\"id\":\"a\",\"node\":0,\"base\":0}]", "r.json:1: the region has no 'size'")]
    public void Read_MissingProperty_IsAnErrorAtItsObject(string text, string error)
    {
        Assert.Equal(error, RegionError(Reader, text, "r.json"));
    }

    [Theory]
    [InlineData("[\n{\"id\":\"a\",\"node\":0,\"base\":0,\"size\":1}\n{\"id\":\"b\"}]", "r.json:3: malformed JSON: '{' is invalid after a value; expected either ',', '}', or ']'")]
    [InlineData("[\n{\"id\":\"a\",\"node\":0,\"base\":0,\"size\":1}", "r.json:2: malformed JSON: expected depth to be zero at the end of the JSON payload; there is an open JSON object or array that should be closed")]
    [InlineData("[{\"id\":\"a\",\"node\":0,\"base\":0,\"size\":1}]\n\n]", "r.json:3: malformed JSON: ']' is invalid after a single JSON value; expected end of data")]
    [InlineData("{\"regions\":[{\"id\":\"a\",\"node\":0,\"base\":0,\"size\":1}],\n\"accounting\": {,}}", "r.json:2: malformed JSON: ',' is an invalid start of a property name; expected a '\"'")]
    [InlineData("[{'id':'a'}]", "r.json:1: malformed JSON: ''' is an invalid start of a property name; expected a '\"'")]
    [InlineData("", "r.json:1: the file is empty; expected a JSON array or an object with 'regions'")]
    [InlineData(" \n\n", "r.json:1: the file is empty; expected a JSON array or an object with 'regions'")]
    public void Read_MalformedJson_IsAnErrorAtTheLineOfTheFault(string text, string error)
    {
        Assert.Equal(error, RegionError(Reader, text, "r.json"));
    }

    // Regression: text that is not UTF-8 inside a JSON string was an internal error.
    [Fact]
    public void Read_IdThatIsNotUtf8_IsAnInputError()
    {
        byte[] bytes = [.. Bytes("[\n{\"id\": \""), 0xff, .. Bytes("\", \"node\": 0, \"base\": 0, \"size\": 1}]")];

        Assert.Equal("r.json:2: 'id' is not valid UTF-8 text", Assert.Throws<InputException>(() => Regions(Reader, bytes, "r.json")).ToString());
    }
}
