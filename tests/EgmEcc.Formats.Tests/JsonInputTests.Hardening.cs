using System.Text;
using EgmEcc.Formats.Csv;
using EgmEcc.Formats.Inputs;
using EgmEcc.Formats.Json;
using static EgmEcc.Formats.Tests.TestInputs;

namespace EgmEcc.Formats.Tests;

/// <summary>
/// What the JSON readers refuse beyond syntax, each at its line: names given twice, names that
/// are not UTF-8, a token past the size bound, control characters in names; and what costs no
/// memory at all: whitespace, however much of it.
/// </summary>
public sealed class JsonInputHardeningTests
{
    private static readonly RetiredJsonReader Retired = new();
    private static readonly RegionJsonReader RegionsJson = new();

    [Theory]
    [InlineData("[\n{\"address\": 1,\n \"address\": 2}]", "t.json:3: property 'address' appears twice in one object; give each once")]
    [InlineData("[\n{\"address\": 1, \"\\u0061ddress\": 2}]", "t.json:2: property 'address' appears twice in one object; give each once")]
    [InlineData("[{\"address\": 1, \"note\": 1,\n\"note\": 2}]", "t.json:2: property 'note' appears twice in one object; give each once")]
    [InlineData("{\"retired\": [{\"address\": 1}],\n \"retired\": []}", "t.json:2: property 'retired' appears twice in one object; give each once")]
    public void Read_DuplicateProperty_IsAnErrorAtItsSecondLine(string text, string expected)
    {
        Assert.Equal(expected, RetiredError(Retired, text, "t.json"));
    }

    [Fact]
    public void Read_DuplicateRegionProperty_IsAnError()
    {
        const string text = "[{\"id\": \"egm0\", \"node\": 0, \"base\": \"0x2000000000\", \"size\": \"1G\",\n \"base\": \"0x4000000000\"}]";

        Assert.Equal("r.json:2: property 'base' appears twice in one object; give each once", RegionError(RegionsJson, text, "r.json"));
    }

    [Fact]
    public void Read_ManyDistinctNames_AreFineAndADuplicateAmongThemIsFound()
    {
        // Past the linear comparison's limit the names are hashed: both ways must agree.
        var names = string.Concat(Enumerable.Range(0, 40).Select(i => $"\"n{i}\": {i}, "));

        Assert.Single(TestInputs.Retired(Retired, $"[{{{names}\"address\": 1}}]", "t.json"));
        Assert.Equal("t.json:1: property 'n7' appears twice in one object; give each once", RetiredError(Retired, $"[{{{names}\"n7\": 1, \"address\": 1}}]", "t.json"));
    }

    [Fact]
    public void Read_SameNameInSiblingAndNestedObjects_IsNoDuplicate()
    {
        // Each object has its own names: the outer "address" after the nested ones, the next record's.
        const string text = "[{\"note\": {\"address\": 2, \"x\": {\"address\": 3}}, \"address\": 1},\n{\"address\": 4}]";

        Assert.Equal(2, TestInputs.Retired(Retired, text, "t.json").Length);
    }

    [Fact]
    public void Read_PropertyNameNotUtf8_IsAnErrorAtItsLine()
    {
        byte[] bytes = [.. "[\n{\"address\": 1, \""u8, 0xFF, .. "\": 2}]"u8];

        var e = Assert.Throws<InputException>(() => TestInputs.Retired(Retired, bytes, "t.json"));

        Assert.Equal("t.json:2: a property name is not valid UTF-8 text (a byte that is not UTF-8, or a lone surrogate escape such as \\udc00)", e.ToString());
    }

    [Fact]
    public void Read_TokenLongerThanTheBound_IsAnErrorAtItsLine()
    {
        var text = $"[\n{{\"address\": 1,\n \"note\": \"{new string('x', JsonInput.MaxTokenBytes + 10)}\"}}]";

        Assert.Equal("t.json:3: a token (string, number or comment) longer than 1 MiB: this is not an EgmEcc input", RetiredError(Retired, text, "t.json"));
    }

    [Fact]
    public void Read_TokenJustUnderTheBound_IsRead()
    {
        var text = $"[{{\"address\": 1, \"note\": \"{new string('x', JsonInput.MaxTokenBytes - 100)}\"}}]";

        Assert.Single(TestInputs.Retired(Retired, text, "t.json"));
    }

    [Fact]
    public void Read_HugeRunOfWhitespace_CostsNoMemoryAndKeepsLines()
    {
        // 64 MB of blanks (one line end every 64 bytes) between two records, then a bad one.
        const long blankBytes = 64L << 20;
        var head = "[{\"address\": \"0x2000000000\"},"u8.ToArray();
        var tail = "{\"address\": \"0xZZ\"}]"u8.ToArray();
        var stream = Blanks(head, blankBytes, tail);
        var file = InputFile.FromBytes("big.json", []);

        var before = GC.GetAllocatedBytesForCurrentThread();
        var e = Assert.Throws<InputException>(() => Retired.Read(stream, file, ReadOptions.Default, new List<RetiredRecord>(), _ => { }));
        var allocated = GC.GetAllocatedBytesForCurrentThread() - before;

        Assert.Equal($"big.json:{1 + (blankBytes / 64)}: 'address': '0xZZ' is not a hexadecimal number", e.ToString());
        Assert.True(allocated < 1 << 20, $"allocated {allocated:N0} bytes reading {blankBytes:N0} bytes of blanks");
    }

    [Fact]
    public void Read_SyntaxErrorAfterWhitespaceDroppedBetweenRefills_HasItsLine()
    {
        // Blank lines the reader never sees (dropped between refills) still count for its own errors.
        var text = "[{\"address\": 1},\n" + string.Concat(Enumerable.Repeat("        \n", 20_000)) + "{\"address\": 2} {\"address\": 3}]";

        Assert.Equal("t.json:20002: malformed JSON: '{' is invalid after a value; expected either ',', '}', or ']'", RetiredError(Retired, text, "t.json"));
    }

    [Theory]
    [InlineData("[{\"address\": 1, \"host\": \"h\\u001b[31m\"}]", "t.json:1: 'host': 'h\\x1b[31m' holds the control character U+001B; names are printable text")]
    [InlineData("[\n{\"region\": \"egm\\n1\", \"offset\": 0}]", "t.json:2: 'region': 'egm\\n1' holds the control character U+000A; names are printable text")]
    public void Read_RetiredNameWithControlCharacter_IsAnErrorAtItsLine(string text, string expected)
    {
        Assert.Equal(expected, RetiredError(Retired, text, "t.json"));
    }

    [Fact]
    public void Read_RegionIdWithControlCharacter_IsAnErrorAtItsLine()
    {
        const string text = "[\n{\"id\": \"egm\\u001b]0;owned\\u0007\", \"node\": 0, \"base\": 0, \"size\": \"1G\"}]";

        Assert.Equal("r.json:2: 'id': 'egm\\x1b]0;owned\\x07' holds the control character U+001B; names are printable text", RegionError(RegionsJson, text, "r.json"));
    }

    [Theory]
    [InlineData("id,node,base,size\negm\u001b,0,0,1G\n", "r.csv:2: column 'id': 'egm\\x1b' holds the control character U+001B; names are printable text")]
    [InlineData("id,node,base,size,host\negm0,0,0,1G,\"h\u0085\"\n", "r.csv:2: column 'host': 'h\\x85' holds the control character U+0085; names are printable text")]
    public void Read_RegionCsvNameWithControlCharacter_IsAnErrorAtItsLine(string text, string expected)
    {
        Assert.Equal(expected, RegionError(new RegionCsvReader(), text));
    }

    [Theory]
    [InlineData("address,host\n0x2000000000,h1\n0x2000010000,\"h\u001b\"\n", "t.csv:3: column 'host': 'h\\x1b' holds the control character U+001B; names are printable text")]
    [InlineData("region,offset\negm0,0\n\"egm\u007f\",0\n", "t.csv:3: column 'region': 'egm\\x7f' holds the control character U+007F; names are printable text")]
    public void Read_RetiredCsvNameWithControlCharacter_IsAnErrorAtItsLine(string text, string expected)
    {
        Assert.Equal(expected, RetiredError(new RetiredCsvReader(), text));
    }

    /// <summary>A head, then <c>count</c> bytes of blanks (63 spaces and a line end, over and over), then a tail: never in memory.</summary>
    private static GeneratedStream Blanks(byte[] head, long count, byte[] tail) =>
        new(head.Length + count + tail.Length, i =>
            i < head.Length ? head[i]
            : i < head.Length + count ? ((i - head.Length) % 64 == 63 ? (byte)'\n' : (byte)' ')
            : tail[i - head.Length - count]);
}
