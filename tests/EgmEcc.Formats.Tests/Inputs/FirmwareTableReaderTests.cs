using EgmEcc.Formats.Binary;
using EgmEcc.Formats.Inputs;
using EgmEcc.Pipeline;

namespace EgmEcc.Formats.Tests;

public class FirmwareTableReaderTests
{
    private static readonly FirmwareTableReader Reader = new();

    [Fact]
    public void Read_ExactDump_GivesOne64KRecordPerEntryAtItsByteOffset()
    {
        var file = TestInputs.File("t.bin", TestInputs.FirmwareTable(2, 0x20_0001_0000, 0x20_0003_0000));

        var (records, notes) = TestInputs.Read(Reader, file);

        Assert.Equal([0x20_0001_0000UL, 0x20_0003_0000UL], records.Select(r => r.Start).ToArray());
        Assert.All(records, r => Assert.Equal(64UL * 1024, r.Size));
        Assert.All(records, r => Assert.Null(r.Region));
        Assert.Equal(["t.bin:+8", "t.bin:+16"], records.Select(r => r.Source.ToString()).ToArray());
        Assert.Empty(notes);
    }

    [Fact]
    public void Read_FullTable_IgnoresSlotsPastTheCount()
    {
        var entries = Enumerable.Range(0, FirmwareTableReader.MaxEntries).Select(i => 0x20_0000_0000UL + ((ulong)i << 16)).ToArray();
        var file = TestInputs.File("full.bin", TestInputs.FirmwareTable(3, entries));
        Assert.Equal(FirmwareTableReader.FullTableBytes, file.Length);

        var (records, _) = TestInputs.Read(Reader, file);

        Assert.Equal(3, records.Count);
    }

    [Theory]
    [InlineData(FirmwareTableLimit.NearLimitEntries - 1, false)]
    [InlineData(FirmwareTableLimit.NearLimitEntries, true)]
    [InlineData(FirmwareTableLimit.MaxEntries, true)]
    public void Read_TableNearTheLimit_WarnsAtTheCount(int count, bool warns)
    {
        var entries = Enumerable.Range(0, count).Select(i => 0x20_0000_0000UL + ((ulong)i << 16)).ToArray();
        var file = TestInputs.File("near.bin", TestInputs.FirmwareTable((ulong)count, entries));

        var (records, notes) = TestInputs.Read(Reader, file);

        Assert.Equal(count, records.Count);
        if (warns)
        {
            var note = Assert.Single(notes);
            Assert.Equal(DiagnosticCodes.FirmwareTableNearLimit, note.Code);
            Assert.Equal($"warning: near.bin:+0: firmware retired-page table holds {count} of 4096 entries; the driver refuses the region beyond 4096", note.ToString());
        }
        else
        {
            Assert.Empty(notes);
        }
    }

    [Fact]
    public void Read_EmptyTable_GivesNoRecords()
    {
        var (records, _) = TestInputs.Read(Reader, TestInputs.File("t.bin", TestInputs.FirmwareTable(0)));

        Assert.Empty(records);
    }

    [Fact]
    public void Read_CountAbove4096_SaysTheDriverRefusesTheRegion()
    {
        var e = Assert.Throws<InputException>(() => TestInputs.Read(Reader, TestInputs.File("t.bin", TestInputs.FirmwareTable(4097, 1, 2))));

        Assert.Equal("t.bin:+0", e.Location.ToString());
        Assert.Contains("more than 4096", e.Message, StringComparison.Ordinal);
        Assert.Contains("-EINVAL", e.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Read_TruncatedTable_ReportsByteOffsetOfTheIncompleteEntry()
    {
        var bytes = TestInputs.FirmwareTable(5, 1, 2).Concat(new byte[] { 1, 2, 3 }).ToArray();

        var e = Assert.Throws<InputException>(() => TestInputs.Read(Reader, TestInputs.File("t.bin", bytes)));

        Assert.Equal("t.bin:+24", e.Location.ToString());
        Assert.Equal("the table counts 5 entries (48 bytes) but the file ends at byte 27; entry [2] at +24 is incomplete", e.Message);
    }

    [Theory]
    [InlineData(0)]
    [InlineData(7)]
    public void Read_NoWholeCount_ReportsOffsetZero(int length)
    {
        var e = Assert.Throws<InputException>(() => TestInputs.Read(Reader, TestInputs.File("t.bin", new byte[length])));

        Assert.Equal("t.bin:+0", e.Location.ToString());
        Assert.StartsWith($"the file is {length} bytes", e.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Read_TrailingBytes_ReportsWhereTheEntriesEnd()
    {
        var bytes = TestInputs.FirmwareTable(1, 0x20_0000_0000).Concat(new byte[8]).ToArray();

        var e = Assert.Throws<InputException>(() => TestInputs.Read(Reader, TestInputs.File("t.bin", bytes)));

        Assert.Equal("t.bin:+16", e.Location.ToString());
        Assert.StartsWith("8 bytes follow the 1 entry;", e.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Read_UnknownLengthStream_StillFindsTrailingBytes()
    {
        var bytes = TestInputs.FirmwareTable(1, 0x20_0000_0000).Concat(new byte[3]).ToArray();
        var file = InputFile.FromBytes("t.bin", bytes);

        var e = Assert.Throws<InputException>(() => TestInputs.Read(Reader, file));

        Assert.Equal("t.bin:+16", e.Location.ToString());
    }

    [Fact]
    public void Plan_EntryOutsideEveryRegion_IsOutOfRegionWarningAndRecordsAre64KUnderA4KGranule()
    {
        var inputs = new HostInputs
        {
            Regions = [TestInputs.Text("r.csv", "id,node,base,size\negm0,0,0x2000000000,1G\n")],
            Retired = [TestInputs.File("t.bin", TestInputs.FirmwareTable(2, 0x20_0001_0000, 0x10_0000_0000))],
        };

        var plan = inputs.Plan(new PlanOptions(granule: 4096, guestPage: 4096));

        Assert.Equal(new Accounting(2, 1, 0, 0, 1), plan.Accounting);
        Assert.Equal(64UL * 1024, plan.Regions[0].Stats.RetiredBytes);
        var warning = Assert.Single(plan.Diagnostics, d => d.Severity == Severity.Warning);
        Assert.Equal("t.bin:+16", warning.Source.ToString());
    }

    [Theory]
    [InlineData(16, true)]
    [InlineData(FirmwareTableReader.FullTableBytes, true)]
    [InlineData(24, false)]
    public void Sniff_LengthMatchingTheCount_IsCertain(long length, bool certain)
    {
        var head = TestInputs.FirmwareTable(1, 0x20_0000_0000);
        var file = InputFile.FromBytes("x.bin", head) with { Length = length };

        Assert.Equal(certain ? Sniffing.Certain : Sniffing.No, Reader.Sniff(head, file));
    }
}
