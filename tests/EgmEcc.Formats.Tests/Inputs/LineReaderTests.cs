using System.Text;
using EgmEcc.Formats.Streaming;

namespace EgmEcc.Formats.Tests;

public class LineReaderTests
{
    [Fact]
    public void ReadLine_CrLfAndNoFinalNewline_GivesEveryLine()
    {
        var lines = ReadAll("a\r\nbb\n\nccc");

        Assert.Equal(["a", "bb", "", "ccc"], lines.Select(l => l.Text).ToArray());
        Assert.Equal([1L, 2, 3, 4], lines.Select(l => l.Number).ToArray());
    }

    [Fact]
    public void ReadLine_OverlongLine_IsCutFlaggedAndTheRestSkipped()
    {
        var longLine = new string('x', LineReader.MaxLineBytes * 3 + 17);

        var lines = ReadAll($"first\n{longLine}\nlast\n");

        Assert.Equal(3, lines.Count);
        Assert.True(lines[1].Overlong);
        Assert.Equal(LineReader.MaxLineBytes, lines[1].Text.Length);
        Assert.Equal(("last", 3L, false), lines[2]);
    }

    [Fact]
    public void SkipLinesWithout_ManyBuffersOfOtherLines_StopsAtTheNeedleOrNulWithRightLineNumbers()
    {
        var text = new System.Text.StringBuilder();
        for (var i = 1; i <= 5000; i++)
        {
            text.Append(i switch { 1234 => "a: 0x1", 4321 => "bad\0byte", _ => "an ordinary line with nothing in it at all" }).Append('\n');
        }

        text.Append("tail without newline");
        var reader = new LineReader(new MemoryStream(Encoding.UTF8.GetBytes(text.ToString())));
        var found = new List<(long Skipped, long Line, string Text)>();
        while (true)
        {
            var skipped = reader.SkipLinesWithout(": 0x"u8);
            if (!reader.ReadLine(out var line))
            {
                break;
            }

            found.Add((skipped, reader.LineNumber, Encoding.UTF8.GetString(line)));
        }

        Assert.Equal([(1233L, 1234L, "a: 0x1"), (3086L, 4321L, "bad\0byte"), (679L, 5001L, "tail without newline")], found.ToArray());
    }

    [Fact]
    public void SkipLinesWithout_Visit_SeesEverySkippedLineOnceAndNoOther()
    {
        var text = new StringBuilder();
        for (var i = 1; i <= 5000; i++)
        {
            text.Append(i % 1000 == 0 ? $"hit {i}: 0x1" : $"line {i} with nothing in it").Append('\n');
        }

        var reader = new LineReader(new MemoryStream(Encoding.UTF8.GetBytes(text.ToString())));
        var seen = new List<string>();
        var read = new List<string>();
        long skipped = 0;
        while (true)
        {
            skipped += reader.SkipLinesWithout(": 0x"u8, default, block => seen.AddRange(Encoding.UTF8.GetString(block).Split('\n')[..^1]));
            if (!reader.ReadLine(out var line))
            {
                break;
            }

            read.Add(Encoding.UTF8.GetString(line));
        }

        Assert.Equal(4995, skipped);
        Assert.Equal(Enumerable.Range(1, 5000).Where(i => i % 1000 != 0).Select(i => $"line {i} with nothing in it"), seen);
        Assert.Equal(["hit 1000: 0x1", "hit 2000: 0x1", "hit 3000: 0x1", "hit 4000: 0x1", "hit 5000: 0x1"], read);
    }

    private static List<(string Text, long Number, bool Overlong)> ReadAll(string text)
    {
        var reader = new LineReader(new MemoryStream(Encoding.UTF8.GetBytes(text)));
        var lines = new List<(string, long, bool)>();
        while (reader.ReadLine(out var line))
        {
            lines.Add((Encoding.UTF8.GetString(line), reader.LineNumber, reader.Overlong));
        }

        return lines;
    }
}
