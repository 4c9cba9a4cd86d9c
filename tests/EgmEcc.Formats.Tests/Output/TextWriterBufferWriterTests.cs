using System.Buffers;
using System.Text;
using System.Text.Encodings.Web;
using System.Text.Json;
using EgmEcc.Formats.Output;

namespace EgmEcc.Formats.Tests.Output;

public class TextWriterBufferWriterTests
{
    // Every UTF-8 length (1 to 4 bytes), so that chunk boundaries fall inside characters.
    // Relaxed escaping writes non-ASCII as UTF-8 rather than \u escapes.
    private static readonly JsonWriterOptions Options = new() { Indented = true, Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping };

    private static readonly string[] Pieces = ["egm0", "é", "€", "𝄞", "host-ü", "\"quoted\"", "\n"];

    [Theory]
    [InlineData(0)]
    [InlineData(10)]
    [InlineData(20_000)]
    [InlineData(100_000)]
    public void Write_LongJsonDocument_MatchesWholeBufferDecoding(int values)
    {
        var random = new Random(values);
        var strings = Enumerable.Range(0, values).Select(_ => string.Concat(Enumerable.Range(0, random.Next(1, 6)).Select(_ => Pieces[random.Next(Pieces.Length)]))).ToArray();

        var whole = new ArrayBufferWriter<byte>();
        using (var json = new Utf8JsonWriter(whole, Options))
        {
            WriteDocument(json, strings);
        }

        var streamed = new StringWriter();
        var sink = new TextWriterBufferWriter(streamed);
        using (var json = new Utf8JsonWriter(sink, Options))
        {
            WriteDocument(json, strings);
        }

        sink.Flush();
        Assert.Equal(Encoding.UTF8.GetString(whole.WrittenSpan), streamed.ToString());
    }

    [Fact]
    public void Advance_CharacterSplitAcrossChunks_DecodesItOnce()
    {
        var output = new StringWriter();
        var sink = new TextWriterBufferWriter(output);
        var text = new string('a', (64 * 1024) - 1) + "𝄞" + "z";
        var bytes = Encoding.UTF8.GetBytes(text);

        // Hand the bytes over in pieces that end inside the 4-byte character.
        foreach (var piece in bytes.Chunk(7_001))
        {
            piece.CopyTo(sink.GetSpan(piece.Length));
            sink.Advance(piece.Length);
        }

        sink.Flush();
        Assert.Equal(text, output.ToString());
    }

    [Fact]
    public void GetSpan_HintLargerThanBuffer_Grows()
    {
        var output = new StringWriter();
        var sink = new TextWriterBufferWriter(output);
        var bytes = Encoding.UTF8.GetBytes(new string('x', 300_000));

        bytes.CopyTo(sink.GetSpan(bytes.Length));
        sink.Advance(bytes.Length);
        sink.Flush();

        Assert.Equal(300_000, output.ToString().Length);
    }

    private static void WriteDocument(Utf8JsonWriter json, string[] strings)
    {
        json.WriteStartObject();
        json.WriteStartArray("values");
        foreach (var s in strings)
        {
            json.WriteStartObject();
            json.WriteString("id", s);
            json.WriteNumber("length", s.Length);
            json.WriteEndObject();
        }

        json.WriteEndArray();
        json.WriteEndObject();
    }
}
