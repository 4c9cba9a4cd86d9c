using System.Text;
using EgmEcc.Formats.Csv;
using EgmEcc.Formats.Inputs;
using FsCheck;
using FsCheck.Fluent;

namespace EgmEcc.Formats.Tests;

public partial class RetiredCsvReaderTests
{
    // Rows CsvHelper reads as anything but one plain field come after plain ones, before them and
    // between them: quotes, blanks, tabs, commas, comments, a non-ASCII letter, a lone CR.
    private static readonly string[] Rows =
    [
        "0x1f0000", "0X20000", "12345", "0xzz", "zz", "0x", "0x" + new string('f', 17), "99999999999999999999999",
        string.Empty, " 0x30000", "\"0x40000\"", "# a comment", "0x1,0x2", "\t0x50000", "é", "0x6\r0x7", "0x8 ", "1k",
    ];

    private static readonly Gen<byte[]> AddressFiles =
        from header in Gen.Elements("address", "address", "address", "Address", "address,source", " address")
        from bom in Gen.Elements(false, false, true)
        from crlf in Gen.Elements(false, true)
        from plainRun in Gen.Elements(0, 0, 3, 6000)
        from rows in Gen.Elements(Rows).ListOf()
        from plainFirst in Gen.Elements(true, false)
        from lastNewline in Gen.Elements(true, false)
        select File(header, bom, crlf, plainRun, [.. rows], plainFirst, lastNewline);

    /// <summary>
    /// An address-only file's plain rows are read without CsvHelper, which takes over at the first
    /// row that is not plain: on any file, records (with their lines) and errors are the ones
    /// CsvHelper alone gives, across the reader's buffer boundaries (runs of thousands of rows).
    /// </summary>
    [Fact]
    public void Read_PlainRowsWithoutCsvHelper_GiveWhatCsvHelperGives()
    {
        Properties.Check(AddressFiles, bytes =>
        {
            Assert.Equal(Outcome(new RetiredCsvReader { PlainRows = false }, bytes), Outcome(new RetiredCsvReader(), bytes));
        }, maxTest: 300);
    }

    /// <summary>A row longer than the plain reader's buffer is CsvHelper's, as is everything after it.</summary>
    [Fact]
    public void Read_RowLongerThanTheBuffer_IsReadByCsvHelperWithItsLine()
    {
        var text = $"address\n0x10000\n{new string('1', 70_000)}\n0x20000\n";
        var bytes = Encoding.UTF8.GetBytes(text);
        Assert.Equal(Outcome(new RetiredCsvReader { PlainRows = false }, bytes), Outcome(new RetiredCsvReader(), bytes));
        Assert.StartsWith("t.csv:3: column 'address'", Outcome(new RetiredCsvReader(), bytes));
    }

    /// <summary>A plain file is all the plain reader's; a quoted row hands the rest to CsvHelper at its own line.</summary>
    [Fact]
    public void Read_QuotedRowAfterPlainOnes_KeepsEveryRecordsLine()
    {
        var records = TestInputs.Retired(new RetiredCsvReader(), "address\n0x10000\n\n\"0x20000\"\n0x30000\n");
        Assert.Equal([(0x10000UL, 2L), (0x20000UL, 4L), (0x30000UL, 5L)], records.Select(r => (r.Start, r.Source.Line)));
    }

    private static byte[] File(string header, bool bom, bool crlf, int plainRun, string[] rows, bool plainFirst, bool lastNewline)
    {
        var lines = new List<string> { header };
        var plain = Enumerable.Range(0, plainRun).Select(i => $"0x{(ulong)i << 16:x}").ToList();
        lines.AddRange(plainFirst ? [.. plain, .. rows] : [.. rows, .. plain]);
        var newline = crlf ? "\r\n" : "\n";
        var text = string.Join(newline, lines) + (lastNewline ? newline : string.Empty);
        var bytes = Encoding.UTF8.GetBytes(text);
        return bom ? [0xEF, 0xBB, 0xBF, .. bytes] : bytes;
    }

    /// <summary>Every record as (address, size, location), or the error.</summary>
    private static string Outcome(RetiredCsvReader reader, byte[] bytes)
    {
        try
        {
            var records = TestInputs.Retired(reader, bytes, "t.csv");
            return string.Join("\n", records.Select(r => $"{r.Start:x} {r.Size} {r.Source}"));
        }
        catch (InputException e)
        {
            return e.ToString();
        }
    }
}
