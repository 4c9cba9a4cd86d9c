using System.Text;
using EgmEcc.Formats.Binary;
using EgmEcc.Formats.Csv;
using EgmEcc.Formats.Inputs;
using EgmEcc.Formats.Json;
using EgmEcc.Formats.KernelLog;

namespace EgmEcc.Formats.Tests.Inputs;

/// <summary>
/// The record limit (docs/design.md §5): past it every retired reader stops with an input error at
/// the record that passed it, instead of growing until the kernel kills the process.
/// </summary>
public class RecordLimitTests
{
    private const string TooMany = "more than 10 retired records in one run; raise the record limit explicitly if the memory is there (about 150 bytes a record)";

    private static readonly ReadOptions Ten = new() { MaxRecords = 10 };

    [Fact]
    public void Csv_EleventhRecordPastALimitOfTen_FailsAtItsLine()
    {
        // A comment and a blank line, so the line is not the record's index plus one by accident.
        var text = new StringBuilder("# retired\naddress\n\n");
        for (var i = 0; i < 11; i++)
        {
            text.Append(FormattableString.Invariant($"0x{0x20_0000_0000UL + ((ulong)i << 16):x}\n"));
        }

        var e = Assert.Throws<InputException>(() => TestInputs.Read(new RetiredCsvReader(), TestInputs.Text("t.csv", text.ToString()), Ten));

        Assert.Equal($"t.csv:14: {TooMany}", e.ToString());
    }

    [Fact]
    public void Csv_TenRecordsAtALimitOfTen_AreRead()
    {
        var text = "address\n" + string.Concat(Enumerable.Range(0, 10).Select(i => FormattableString.Invariant($"0x{0x20_0000_0000UL + ((ulong)i << 16):x}\n")));

        var (records, _) = TestInputs.Read(new RetiredCsvReader(), TestInputs.Text("t.csv", text), Ten);

        Assert.Equal(10, records.Count);
    }

    [Fact]
    public void Csv_LargeFileUnderASmallLimit_ReservesNoRoomPastTheLimit()
    {
        // 20,000 rows: past the 4,096 after which the reader reserves room for the rest of the file.
        var text = "address\n" + string.Concat(Enumerable.Range(0, 20_000).Select(i => FormattableString.Invariant($"0x{0x20_0000_0000UL + ((ulong)i << 16):x}\n")));
        var file = TestInputs.Text("big.csv", text);
        var sink = new List<RetiredRecord>();

        using (var stream = file.Open())
        {
            Assert.Throws<InputException>(() => new RetiredCsvReader().Read(stream, file, new ReadOptions { MaxRecords = 5_000 }, sink, _ => { }));
        }

        Assert.Equal(5_000, sink.Count);
        Assert.True(sink.Capacity <= 5_000 + 4, $"capacity {sink.Capacity} for a limit of 5000");
    }

    [Fact]
    public void Json_EleventhRecordPastALimitOfTen_FailsAtItsLine()
    {
        var text = new StringBuilder("{\n  \"retired\": [\n");
        for (var i = 0; i < 11; i++)
        {
            text.Append(FormattableString.Invariant($"    {{ \"address\": \"0x{0x20_0000_0000UL + ((ulong)i << 16):x}\" }}{(i < 10 ? "," : "")}\n"));
        }

        text.Append("  ]\n}\n");

        var e = Assert.Throws<InputException>(() => TestInputs.Read(new RetiredJsonReader(), TestInputs.Text("t.json", text.ToString()), Ten));

        Assert.Equal($"t.json:13: {TooMany}", e.ToString());
    }

    [Fact]
    public void KernelLog_EleventhMemoryFailurePastALimitOfTen_FailsAtItsLine()
    {
        var text = "booting\n" + string.Concat(Enumerable.Range(0, 11).Select(i => FormattableString.Invariant($"Memory failure: 0x{0x2c1230 + i:x}: recovery action for free buddy page: Recovered\n")));

        var e = Assert.Throws<InputException>(() => TestInputs.Read(new KernelLogReader(), TestInputs.Text("k.log", text), Ten));

        Assert.Equal($"k.log:12: {TooMany}", e.ToString());
    }

    [Fact]
    public void KernelLog_HardwareErrorPastALimitOfOne_FailsAtItsAddressLine()
    {
        const string log = """
            {1}[Hardware Error]:   physical_address: 0x0000406600001000
            {1}[Hardware Error]:   physical_address_mask: 0xffffffffffff0000
            {2}[Hardware Error]:   physical_address: 0x0000406600005000
            {2}[Hardware Error]:   physical_address_mask: 0xffffffffffff0000
            """;

        var e = Assert.Throws<InputException>(() => TestInputs.Read(new KernelLogReader(), TestInputs.Text("k.log", log + "\n"), new ReadOptions { MaxRecords = 1 }));

        Assert.StartsWith("k.log:3: more than 1 retired records in one run", e.ToString(), StringComparison.Ordinal);
    }

    [Fact]
    public void FirmwareTable_EntryPastTheLimit_FailsAtItsOffset()
    {
        var file = TestInputs.File("t.bin", TestInputs.FirmwareTable(3, 0x20_0001_0000, 0x20_0002_0000, 0x20_0003_0000));

        var e = Assert.Throws<InputException>(() => TestInputs.Read(new FirmwareTableReader(), file, new ReadOptions { MaxRecords = 2 }));

        Assert.StartsWith("t.bin:+24: more than 2 retired records", e.ToString(), StringComparison.Ordinal);
    }

    [Fact]
    public void IoctlList_EntryPastTheLimit_FailsAtItsOffset()
    {
        var file = TestInputs.File("egm1-retired.bin", TestInputs.IoctlList(40, 2, (0x1000, 0x1000), (0x2000, 0x1000)));

        var e = Assert.Throws<InputException>(() => TestInputs.Read(new IoctlListReader(), file, new ReadOptions { MaxRecords = 1 }));

        Assert.StartsWith("egm1-retired.bin:+24: more than 1 retired records", e.ToString(), StringComparison.Ordinal);
    }

    [Fact]
    public void Check_CountsTheRecordsOfEarlierFilesInTheSameSink()
    {
        var sink = new List<RetiredRecord> { RetiredRecord.AtAddress(0x1000, 0, SourceLocation.AtLine("first.csv", 2)) };
        var file = TestInputs.Text("second.csv", "address\n0x2000\n0x3000\n");

        using var stream = file.Open();
        var e = Assert.Throws<InputException>(() => new RetiredCsvReader().Read(stream, file, new ReadOptions { MaxRecords = 2 }, sink, _ => { }));

        Assert.Equal("second.csv:3", e.Location.ToString());
        Assert.Equal(2, sink.Count);
    }

    [Theory]
    [InlineData(0)]
    [InlineData(-1)]
    public void ReadOptions_LimitBelowOne_IsRejected(long limit)
    {
        Assert.Throws<ArgumentOutOfRangeException>(() => new ReadOptions { MaxRecords = limit });
    }

    [Fact]
    public void ReadOptions_Default_IsFiftyMillion()
    {
        Assert.Equal(50_000_000L, ReadOptions.Default.MaxRecords);
    }
}
