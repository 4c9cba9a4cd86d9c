using System.Text;
using EgmEcc.Formats.Inputs;
using EgmEcc.Formats.Json;
using FsCheck;
using FsCheck.Fluent;
using static EgmEcc.Formats.Tests.TestInputs;

namespace EgmEcc.Formats.Tests;

/// <summary>
/// The JSON readers stream through a refilled buffer: whatever the buffer size (down to a few
/// bytes, so every token is cut somewhere), they give the same records, lines and errors as when
/// the whole file fits in it, and a large file costs no more memory than a small one.
/// </summary>
public sealed class JsonInputTests
{
    private static readonly int[] SmallChunks = [4, 5, 7, 8, 13, 16, 31, 64];

    /// <summary>Well-formed and malformed documents whose tokens and line ends fall on every boundary.</summary>
    public static TheoryData<string, string> Documents()
    {
        var data = new TheoryData<string, string>
        {
            { "retired", "\uFEFF[\n  {\"address\": \"0x2001230000\"},\n  {\"region\": \"egm1\", \"offset\": 65536, \"size\": \"4K\", \"host\": \"h1\"},\n\n  {\"address\": 137438953472, \"size\": 65536}\n]\n" },
            { "retired", "\n\n\r\n   \n// from the inventory\n{\"note\": {\"deep\": [[1, 2, {\"x\": \"a long string that no small buffer holds whole\"}]]},\n \"retired\": [\r\n{\"address\": \"0x20_0000_0000\", /* 4 KiB */ \"size\": \"4k\"},\r\n],\n \"after\": [1, 2, 3]}\n" },
            { "retired", "[\n{\"address\": \"0x2000000000\"},\n{\"address\": \"0x2000010000\" \"size\": 1}\n]" },
            { "retired", "[{\"address\": \"0x2000000000\"}]\n\n   extra" },
            { "retired", "\n\n \n\r\n\n\n\t\n[\n{\"address\": \"0x2000000000\"},\n{\"address\": \"0x1\" \"size\": 1}]" },
            { "retired", "[\n{\"address\": \"0x2000000000\"},\n{\"address\": 18446744073709551616}\n]" },
            { "retired", "[\n{\"address\": \"0x2000000000\",\n \"host\": \"\\u0068\\u0031\"},\n{\"address\": \"\\ud800\"}\n]" },
            { "retired", "\n\n  \n\t" },
            { "retired", "[\n{\"address\": \"0x2000000000\"},\n{\"address\": [1, 2" },
            { "regions", "{\"schema\": \"egmecc.plan/1\",\n \"regions\": [\n  {\"host\": \"h\", \"id\": \"egm0\", \"node\": 0, \"base\": \"0x2000000000\", \"size\": \"512G\",\n   \"usable\": [{\"offset\": \"0x0\", \"size\": \"0x10000\"}, {\"offset\": \"0x20000\", \"size\": \"0x7fffe0000\"}],\n   \"stats\": {\"sizeBytes\": 549755813888}},\n  {\"id\": \"egm1\", \"node\": 1, \"base\": \"0x10000000000\", \"size\": 4096}\n ],\n \"accounting\": {\"records\": 0}}\n" },
            { "regions", "[\n {\"id\": \"egm0\", \"node\": 0, \"base\": 1,\n  \"size\": [1]}\n]" },
        };
        foreach (var path in Directory.EnumerateFiles(Repo.PathOf("data/bad"), "*.json").Order(StringComparer.Ordinal))
        {
            data.Add(Path.GetFileName(path).StartsWith("regions-", StringComparison.Ordinal) ? "regions" : "retired", System.IO.File.ReadAllText(path));
        }

        return data;
    }

    [Theory]
    [MemberData(nameof(Documents))]
    public void Read_AnyBufferSize_SameRecordsLinesAndErrors(string kind, string text)
    {
        var bytes = Bytes(text);
        var whole = Outcome(kind, bytes, JsonInput.DefaultChunkSize);

        foreach (var chunk in SmallChunks)
        {
            Assert.Equal(whole, Outcome(kind, bytes, chunk));
        }
    }

    [Fact]
    public void Read_AnyLayoutAnyBufferSize_EachRecordHasTheLineOfItsObject()
    {
        var chunks = Gen.Choose(4, 200).ToArbitrary();
        Prop.ForAll(LineLayouts.Files.ToArbitrary(), chunks, (rows, chunk) =>
        {
            var json = new StringBuilder("[\n");
            long line = 2;
            var expected = new List<string>();
            for (var i = 0; i < rows.Length; i++)
            {
                var (address, before, multiLine) = rows[i];
                foreach (var filler in before)
                {
                    json.Append(filler.StartsWith('#') ? "// " + filler : filler).Append('\n');
                    line++;
                }

                expected.Add($"{address}@{line}");
                json.Append($"{{\"address\": {address}, \"note\": \"{new string('x', (int)(address % 300))}\",").Append(multiLine ? "\n" : string.Empty);
                line += multiLine ? 1 : 0;
                json.Append(" \"size\": 1}").Append(i + 1 < rows.Length ? "," : string.Empty).Append('\n');
                line++;
            }

            json.Append("]\n");
            var reader = new RetiredJsonReader { ChunkSize = chunk };

            Assert.Equal(expected.ToArray(), Retired(reader, json.ToString(), "t.json").Select(r => $"{r.Start}@{r.Source.Line}").ToArray());
        }).Check(Properties.Seeded(200));
    }

    /// <summary>JSON-ish text from the pieces that matter, including bytes that are not UTF-8 and escapes.</summary>
    private static readonly Gen<byte[]> JsonishTexts = Gen.Elements<byte[]>(
        [.. new[]
        {
            "[", "]", "{", "}", ",", ":", " ", "\n", "\r\n", "\"address\"", "\"offset\"", "\"region\"", "\"size\"", "\"host\"",
            "\"retired\"", "\"regions\"", "\"id\"", "\"node\"", "\"base\"", "\"0x2000000000\"", "\"egm0\"", "\"64K\"", "65536", "0",
            "1.5", "-1", "true", "null", "// c\n", "/* c */", "\"\\u0041\"", "\"\\ud800\"", "\"x\"", "\uFEFF", "é",
        }.Select(Encoding.UTF8.GetBytes), [0xff], [0xc3]])
        .ListOf().Select(parts => parts.SelectMany(p => p).ToArray());

    [Theory]
    [InlineData("retired")]
    [InlineData("regions")]
    public void Read_AnyJsonishText_SameOutcomeForEveryBufferSize(string kind)
    {
        Prop.ForAll(JsonishTexts.ToArbitrary(), Gen.Choose(4, 40).ToArbitrary(), (bytes, chunk) =>
            Assert.Equal(Outcome(kind, bytes, JsonInput.DefaultChunkSize), Outcome(kind, bytes, chunk)))
            .Check(Properties.Seeded(1000));
    }

    [Fact]
    public void Read_LargeIgnoredProperty_StreamsInFlatMemoryToTheLineOfTheError()
    {
        // A plan-sized document: 16 MB of values the region reader skips, then a bad region.
        var stream = new MemoryStream();
        stream.Write("{\"noise\": [\n"u8);
        var lines = 1L;
        var row = "  {\"offset\": \"0x123450000\", \"size\": 65536, \"tags\": [\"a\", \"b\", 1.5e3, true, null]},\n"u8.ToArray();
        while (stream.Length < 16 << 20)
        {
            stream.Write(row);
            lines++;
        }

        stream.Write("  0],\n \"regions\": [{\"id\": \"egm0\", \"node\": 0, \"base\": \"0x2000000000\", \"size\": \"12Q\"}]}\n"u8);
        stream.Position = 0;
        var file = InputFile.FromBytes("big.json", []);
        var reader = new RegionJsonReader();

        var before = GC.GetAllocatedBytesForCurrentThread();
        var error = Assert.Throws<InputException>(() => reader.Read(stream, file, ReadOptions.Default).ToArray());
        var allocated = GC.GetAllocatedBytesForCurrentThread() - before;

        Assert.Equal($"big.json:{lines + 2}: 'size': ", error.ToString()[..($"big.json:{lines + 2}: 'size': ".Length)]);
        Assert.True(allocated < 1 << 20, $"allocated {allocated:N0} bytes reading {stream.Length:N0}");
    }

    [Fact]
    public void Read_TokenLargerThanTheBuffer_GrowsTheBufferAndReadsIt()
    {
        var host = new string('h', 200_000);
        var text = $"[\n{{\"address\": 1, \"host\": \"{host}\"}},\n{{\"address\": 2}}]";

        var records = Retired(new RetiredJsonReader { ChunkSize = 64 }, text, "t.json");

        Assert.Equal([(1UL, host, 2L), (2UL, null, 3L)], records.Select(r => (r.Start, r.Host, r.Source.Line)).ToArray());
    }

    /// <summary>What reading gives: every record or region with its line, or the error.</summary>
    private static string Outcome(string kind, byte[] bytes, int chunk)
    {
        try
        {
            return kind == "regions"
                ? string.Join("\n", Regions(new RegionJsonReader { ChunkSize = chunk }, bytes, "d.json").Select(r => $"{r.Id} {r.Node} {r.Base} {r.Size} {r.Host} {r.Source}"))
                : string.Join("\n", Retired(new RetiredJsonReader { ChunkSize = chunk }, bytes, "d.json").Select(r => $"{r.Start} {r.Size} {r.Region} {r.Host} {r.Source}"));
        }
        catch (InputException e)
        {
            return "error " + e;
        }
    }
}
