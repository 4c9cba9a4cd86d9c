using EgmEcc.Formats.Inputs;
using EgmEcc.Formats.KernelLog;
using EgmEcc.Pipeline;

namespace EgmEcc.Formats.Tests;

public partial class KernelLogReaderTests
{
    private static readonly KernelLogReader Reader = new();

    [Theory]
    [InlineData("Memory failure: 0x2c1230: recovery action for free buddy page: Recovered")]
    [InlineData("[ 8123.456789] Memory failure: 0x2c1230: recovery action for free buddy page: Recovered")]
    [InlineData("[Sat Nov 21 05:10:11 2026] Memory failure: 0x2c1230: already hardware poisoned")]
    [InlineData("Nov 21 05:10:11 grace-a kernel: Memory failure: 0x2c1230: recovery action for dirty LRU page: Recovered")]
    [InlineData("2026-11-21T05:10:11.123456+00:00 grace-a kernel: [ 8123.456789] Memory failure: 0x2c1230: Sending SIGBUS to qemu:4242 due to hardware memory corruption")]
    [InlineData("<3>[ 8123.456789] Memory failure: 0x2c1230: recovery action for huge page: Recovered")]
    [InlineData("[ 8131.002417] Memory failure: soft offline: 0x2c1230: page migration succeeded")]
    [InlineData("[ 8131.002417] soft offline: 0x2c1230 page already poisoned")]
    [InlineData("[ 8131.002417] Soft offline: 0x2c1230: migration failed 1, type 0x17ffffc0008000")]
    [InlineData("[ 8131.002417] soft_offline: 0x2c1230: invalidated")]
    public void Read_PageFrameLine_GivesOneHostPageAtPfnTimesHostPage(string line)
    {
        var (records, _) = TestInputs.Read(Reader, TestInputs.Text("k.log", line + "\n"), new ReadOptions { HostPage = 4096 });

        var record = Assert.Single(records);
        Assert.Equal(0x2c1230UL * 4096, record.Start);
        Assert.Equal(4096UL, record.Size);
        Assert.Equal("k.log:1", record.Source.ToString());
    }

    [Fact]
    public void Read_CperMemoryErrorWithMask_WidensToTheMaskedGranule()
    {
        const string log = """
            [ 9001.733314] {1}[Hardware Error]:   section_type: memory error
            [ 9001.733316] {1}[Hardware Error]:   physical_address: 0x0000406600002abc
            [ 9001.733317] {1}[Hardware Error]:   physical_address_mask: 0xffffffffffff0000
            [ 9001.733319] {1}[Hardware Error]:   error_type: 3, multi-bit ECC
            """;

        var (records, _) = TestInputs.Read(Reader, TestInputs.Text("k.log", log));

        var record = Assert.Single(records);
        Assert.Equal(0x4066_0000_0000UL, record.Start);
        Assert.Equal(0x10000UL, record.Size);
        Assert.Equal("k.log:2", record.Source.ToString());
    }

    [Fact]
    public void Read_CperMemoryErrorWithoutMask_IsOneGranuleAtTheAddress()
    {
        const string log = """
            {2}[Hardware Error]:   physical_address: 0x0000406600001000
            {2}[Hardware Error]:   error_type: 2, single-bit ECC
            {3}[Hardware Error]:   physical_address: 0x0000406600005000
            """;

        var (records, _) = TestInputs.Read(Reader, TestInputs.Text("k.log", log));

        Assert.Equal([0x4066_0000_1000UL, 0x4066_0000_5000UL], records.Select(r => r.Start).ToArray());
        Assert.All(records, r => Assert.Equal(0UL, r.Size));
    }

    [Theory]
    [InlineData("corrected", RecordKind.AtRisk)]
    [InlineData("Corrected", RecordKind.AtRisk)]
    [InlineData("recoverable", RecordKind.Retired)]
    [InlineData("fatal", RecordKind.Retired)]
    [InlineData("info", RecordKind.Retired)]
    public void Read_CperMemoryError_CorrectedSeverityIsAtRiskOthersRetire(string severity, RecordKind kind)
    {
        var log = $$"""
            [ 9002.113004] {2}[Hardware Error]: Hardware error from APEI Generic Hardware Error Source: 2
            [ 9002.113006] {2}[Hardware Error]: event severity: {{severity}}
            [ 9002.113007] {2}[Hardware Error]:  Error 0, type: {{severity}}
            [ 9002.113008] {2}[Hardware Error]:   section_type: memory error
            [ 9002.113009] {2}[Hardware Error]:   physical_address: 0x0000406600001000
            [ 9002.113010] {2}[Hardware Error]:   physical_address_mask: 0xfffffffffffff000
            [ 9002.113011] {2}[Hardware Error]:   error_type: 2, single-bit ECC
            """;

        var (records, _) = TestInputs.Read(Reader, TestInputs.Text("k.log", log));

        var record = Assert.Single(records);
        Assert.Equal(kind, record.Kind);
        Assert.Equal(0x4066_0000_1000UL, record.Start);
        Assert.Equal("k.log:5", record.Source.ToString());
    }

    [Fact]
    public void Read_CorrectedSeverityOfAnotherRecord_DoesNotCarryOver()
    {
        // {2} is corrected; {3}, printed in between by another CPU, names no severity of its own;
        // an unnumbered record after them neither. Only {2}'s address is at risk.
        const string log = """
            {2}[Hardware Error]: event severity: corrected
            {3}[Hardware Error]:   physical_address: 0x0000406600005000
            {2}[Hardware Error]:   physical_address: 0x0000406600001000
            [Hardware Error]:   physical_address: 0x0000406600009000
            Memory failure: 0x2c1230: recovery action for free buddy page: Recovered
            """;

        var (records, notes) = TestInputs.Read(Reader, TestInputs.Text("k.log", log));

        Assert.Equal(
            [(0x4066_0000_5000UL, RecordKind.Retired), (0x4066_0000_1000UL, RecordKind.AtRisk), (0x4066_0000_9000UL, RecordKind.Retired), (0x2c1230UL << 16, RecordKind.Retired)],
            records.Select(r => (r.Start, r.Kind)).ToArray());
        Assert.Equal("kernel log: 3 retired-page lines and 1 corrected-error line (at-risk pages) read, 1 other line ignored", Assert.Single(notes).Message);
    }

    [Fact]
    public void Read_SeverityLineFarFromItsAddress_IsNotSkippedInBulk()
    {
        // Thousands of other lines between the severity and the address: the bulk skip must stop
        // at the severity line too.
        var filler = string.Concat(Enumerable.Repeat("[    1.000000] some other kernel message that carries nothing\n", 5000));
        var log = "[ 9002.1] {7}[Hardware Error]: event severity: corrected\n" + filler + "[ 9002.2] {7}[Hardware Error]:   physical_address: 0x0000406600001000\n";

        var (records, _) = TestInputs.Read(Reader, TestInputs.Text("k.log", log));

        Assert.Equal(RecordKind.AtRisk, Assert.Single(records).Kind);
    }

    [Fact]
    public void Plan_CorrectedAndUncorrectedCperRecords_AtRiskPageLeftUsableTheOtherRetired()
    {
        const string log = """
            {1}[Hardware Error]: event severity: recoverable
            {1}[Hardware Error]:   physical_address: 0x0000002000010000
            {2}[Hardware Error]: event severity: corrected
            {2}[Hardware Error]:   physical_address: 0x0000002000030000
            """;
        var inputs = new HostInputs
        {
            Regions = [TestInputs.Text("r.csv", "id,node,base,size\negm0,0,0x2000000000,1G\n")],
            Retired = [TestInputs.Text("k.log", log)],
        };

        var plan = inputs.Plan(PlanOptions.Default);
        var conservative = inputs.Plan(new PlanOptions(retireCorrected: true));

        Assert.Equal([new Hole(0x1_0000, 0x1_0000, 0x1_0000, 0)], plan.Regions[0].Holes.ToArray());
        Assert.Equal([AddressRange.FromBaseSize(0x3_0000, 0x1_0000)], plan.Regions[0].AtRisk.ToArray());
        Assert.Equal(new Accounting(2, 1, 0, 0, 0, AtRisk: 1), plan.Accounting);
        Assert.Equal([new Hole(0x1_0000, 0x1_0000, 0x1_0000, 0), new Hole(0x3_0000, 0x1_0000, 0x1_0000, 0)], conservative.Regions[0].Holes.ToArray());
        Assert.Empty(conservative.Regions[0].AtRisk);
        Assert.Equal(new Accounting(2, 2, 0, 0, 0), conservative.Accounting);
    }

    [Fact]
    public void Read_MaskWithoutAddress_IsIgnoredAndCounted()
    {
        var (records, notes) = TestInputs.Read(Reader, TestInputs.Text("k.log", "{1}[Hardware Error]:   physical_address_mask: 0xffffffffffff0000\n"));

        Assert.Empty(records);
        Assert.Equal("kernel log: 0 retired-page lines read, 1 other line ignored", Assert.Single(notes).Message);
    }

    [Fact]
    public void Read_OtherLines_AreCountedInOneInfoNote()
    {
        const string log = """
            [    0.000000] Booting Linux on physical CPU 0x0000000000 [0x410fd4f0]
            [    2.811203] GHES: APEI firmware first mode is enabled by APEI bit.
            [ 8123.456789] Memory failure: 0x2c1230: recovery action for free buddy page: Recovered
            [ 8123.456790] Memory failure: 0x2c1230: already hardware poisoned
            [ 8200.000000] Memory failure: hwpoison filter rejected pfn
            """;

        var (records, notes) = TestInputs.Read(Reader, TestInputs.Text("k.log", log));

        Assert.Equal(2, records.Count);
        var note = Assert.Single(notes);
        Assert.Equal(Severity.Info, note.Severity);
        Assert.Equal("k.log", note.Source.ToString());
        Assert.Equal("kernel log: 2 retired-page lines read, 3 other lines ignored", note.Message);
    }

    [Fact]
    public void Read_OverlongLine_IsIgnoredNotParsed()
    {
        var log = "Memory failure: 0x1: x" + new string('y', 100_000) + "\nMemory failure: 0x2: ok\n";

        var (records, notes) = TestInputs.Read(Reader, TestInputs.Text("k.log", log));

        Assert.Equal(0x20000UL, Assert.Single(records).Start);
        Assert.Contains("1 other line ignored", Assert.Single(notes).Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("Memory failure: 0x2c12zz: recovery", "'Memory failure:' is followed by '0x2c12zz', which is not a 64-bit hexadecimal number")]
    [InlineData("physical_address: 0x10000406600001000", "'physical_address:' is followed by '0x10000406600001000', which is not a 64-bit hexadecimal number")]
    [InlineData("Memory failure: 0xffffffffffffff: recovery", "page frame number 0xffffffffffffff times the host page (64K) is beyond 2^64")]
    [InlineData("ok\0", "a NUL byte at column 3: this is binary data, not a kernel log")]
    public void Read_BadLine_IsAnErrorAtItsLine(string line, string message)
    {
        var e = Assert.Throws<InputException>(() => TestInputs.Read(Reader, TestInputs.Text("k.log", "first\n" + line + "\n")));

        Assert.Equal("k.log:2", e.Location.ToString());
        Assert.Equal(message, e.Message);
    }

    [Fact]
    public void Plan_RepeatedPage_IsADuplicateInTheAccounting()
    {
        var inputs = new HostInputs
        {
            Regions = [TestInputs.Text("r.csv", "id,node,base,size\negm0,0,0x2000000000,1G\n")],
            Retired = [TestInputs.Text("k.log", "Memory failure: 0x200001: a\nMemory failure: 0x200001: already hardware poisoned\n")],
        };

        var plan = inputs.Plan(PlanOptions.Default);

        Assert.Equal(new Accounting(2, 1, 1, 0, 0), plan.Accounting);
    }

    [Theory]
    [InlineData("[    0.000000] Booting Linux on physical CPU 0x0000000000\n", "boot.txt")]
    [InlineData("Nov 21 05:10:11 grace-a kernel: Linux version 6.8.0\n", "journal")]
    [InlineData("kern  :info  : [    0.000000] Booting Linux on physical CPU 0x0000000000\n", "dmesg.out")]
    [InlineData("whatever\n", "kern.log")]
    public void Detect_KernelLogWithoutRetiredLinesInTheHead_IsKmsgNotJson(string head, string name)
    {
        var file = TestInputs.Text(name, head);

        var reader = FormatRegistry.Default.PickRetiredReader(System.Text.Encoding.UTF8.GetBytes(head), file, null);

        Assert.Equal("kmsg", reader.Name);
    }
}
