using System.Text;
using EgmEcc.Formats.Csv;
using EgmEcc.Formats.Inputs;

namespace EgmEcc.Formats.Tests;

// Files past the 4,096 rows after which the reader reserves the rest of the record list.
public partial class RetiredCsvReaderTests
{
    [Fact]
    public void Read_ManyRowsAfterOtherRecords_KeepsEveryRecordInOrder()
    {
        var text = LargeCsv(20_000);
        var file = InputFile.FromBytes("big.csv", TestInputs.Bytes(text));
        var sink = new List<RetiredRecord> { RetiredRecord.AtAddress(1, 0, SourceLocation.AtLine("earlier.csv", 2)) };

        using (var stream = file.Open())
        {
            Reader.Read(stream, file, ReadOptions.Default, sink, d => Assert.Fail($"unexpected diagnostic {d}"));
        }

        Assert.Equal(20_001, sink.Count);
        Assert.Equal(1UL, sink[0].Start);
        Assert.Equal([.. Enumerable.Range(0, 20_000).Select(i => 0x20_0000_0000UL + ((ulong)i << 16))], sink.Skip(1).Select(r => r.Start).ToArray());
        Assert.Equal(20_001L, sink[^1].Source.Line);
        Assert.True(sink.Capacity < 2 * sink.Count, $"capacity {sink.Capacity} for {sink.Count} records");
    }

    [Fact]
    public void Read_FewRowsThenLongCommentTail_ReservesNoMoreThanTheRowsCouldNeed()
    {
        // 4,100 rows of "0" set the estimate at 2 bytes a row; the 8 MB of comments after them
        // would "hold" 4 million more. A gigabyte of them reserved half a billion records: abort.
        var text = new StringBuilder("address\n").Insert(8, "0\n", 4_100).Append(new StringBuilder().Insert(0, "#\n", 4 << 20)).ToString();
        var file = InputFile.FromBytes("comments.csv", TestInputs.Bytes(text));
        var sink = new List<RetiredRecord>();

        using (var stream = file.Open())
        {
            Reader.Read(stream, file, ReadOptions.Default, sink, d => Assert.Fail($"unexpected diagnostic {d}"));
        }

        Assert.Equal(4_100, sink.Count);
        Assert.True(sink.Capacity <= (RetiredCsvReader.MaxGrowth + 1) * 4_100, $"capacity {sink.Capacity} for {sink.Count} records");
    }

    [Fact]
    public void Read_ManyRowsInUtf16_ReadsTheSameRecords()
    {
        var text = LargeCsv(10_000);
        var utf8 = TestInputs.Retired(Reader, text);
        var utf16 = TestInputs.Retired(Reader, [0xFF, 0xFE, .. Encoding.Unicode.GetBytes(text)], "t.csv");

        Assert.Equal(utf8.Select(r => (r.Start, r.Size, r.Source.Line)), utf16.Select(r => (r.Start, r.Size, r.Source.Line)));
    }

    private static string LargeCsv(int rows)
    {
        var text = new StringBuilder("address,size\n");
        for (var i = 0; i < rows; i++)
        {
            // Rows grow longer down the file, so the estimate from the first rows is too high.
            text.Append(FormattableString.Invariant($"0x{0x20_0000_0000UL + ((ulong)i << 16):x},{(i < rows / 2 ? "" : "64K")}\n"));
        }

        return text.ToString();
    }
}
