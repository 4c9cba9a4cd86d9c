using System.Text;
using EgmEcc.Formats.Inputs;
using EgmEcc.Pipeline;
using FsCheck;
using FsCheck.Fluent;

namespace EgmEcc.Formats.Tests;

/// <summary><c>/dev/kmsg</c> records (docs/design.md §3.4): read as the dmesg lines they print as.</summary>
public partial class KernelLogReaderTests
{
    [Fact]
    public void Read_DevKmsgSample_GivesTheRecordsOfTheEquivalentDmesgText()
    {
        var kmsg = TestInputs.Read(Reader, InputFile.FromPath(TestInputs.DataPath("samples/grace-2s.kmsg")));
        var dmesg = TestInputs.Read(Reader, InputFile.FromPath(TestInputs.DataPath("samples/grace-2s.kmsg.log")));

        Assert.Equal(11, kmsg.Records.Count);
        Assert.Equal(
            dmesg.Records.Select(r => (r.Start, r.Size, r.Kind, r.Host)).ToArray(),
            kmsg.Records.Select(r => (r.Start, r.Size, r.Kind, r.Host)).ToArray());
        Assert.Equal(
            "kernel log: 8 retired-page lines and 3 corrected-error lines (at-risk pages) read, 32 other lines ignored, 8 /dev/kmsg dictionary lines (KEY=VALUE) skipped",
            Assert.Single(kmsg.Notes).Message);
    }

    [Fact]
    public void Plan_DevKmsgSample_SameRegionsAndAccountingAsTheDmesgText()
    {
        Plan PlanOf(string retired) => new HostInputs
        {
            Regions = [InputFile.FromPath(TestInputs.DataPath("samples/grace-2s.regions.csv"))],
            Retired = [InputFile.FromPath(TestInputs.DataPath($"samples/{retired}"))],
        }.Plan(PlanOptions.Default);

        var kmsg = PlanOf("grace-2s.kmsg");
        var dmesg = PlanOf("grace-2s.kmsg.log");

        Assert.Equal(dmesg.Accounting, kmsg.Accounting);
        Assert.Equal(dmesg.Regions.Select(r => r.Stats).ToArray(), kmsg.Regions.Select(r => r.Stats).ToArray(), new StatsComparer());
        Assert.Equal(dmesg.Regions.SelectMany(r => r.Holes).ToArray(), kmsg.Regions.SelectMany(r => r.Holes).ToArray());
        Assert.Equal(dmesg.Regions.SelectMany(r => r.AtRisk).ToArray(), kmsg.Regions.SelectMany(r => r.AtRisk).ToArray());
    }

    [Theory]
    [InlineData("6,339,5140900,-;", true)]
    [InlineData("6,339,5140900,c;", true)]
    [InlineData("6,339,5140900,-,caller=T1;", true)]
    [InlineData("12,18446744073709551615,0,-,caller=C3,more=1;", true)]
    [InlineData("6,339,-;", false)]
    [InlineData("6,339,5140900;", false)]
    [InlineData("6,339,5140900,;", false)]
    [InlineData("6,a39,5140900,-;", false)]
    [InlineData(",339,5140900,-;", false)]
    [InlineData("6,339,5140900,- ;", false)]
    [InlineData("[ 5.140900] 6,339,5140900,-;", false)]
    public void Read_FirstLineWithARecordPrefix_MakesSpaceLedLinesDictionaryLines(string prefix, bool isRecord)
    {
        // A line starting with a space carries a page only when the file is dmesg text.
        var log = $"{prefix}pci 0008:01:00.0: enabling device (0000 -> 0002)\n DEVICE=Memory failure: 0x2c1230: x\n";

        var (records, notes) = TestInputs.Read(Reader, TestInputs.Text("k.kmsg", log));

        Assert.Equal(isRecord ? 0 : 1, records.Count);
        Assert.Equal(isRecord ? "kernel log: 0 retired-page lines read, 1 other line ignored, 1 /dev/kmsg dictionary line (KEY=VALUE) skipped" : "kernel log: 1 retired-page line read, 1 other line ignored", Assert.Single(notes).Message);
    }

    [Fact]
    public void Read_DictionaryLines_NeverCarryAPageAndAreCountedApart()
    {
        const string log = """
            6,1,2903112,-;pci 0008:01:00.0: BAR 0: assigned
             SUBSYSTEM=pci
             DEVICE=+pci:0008:01:00.0
             NOTE={1}[Hardware Error]:   physical_address: 0x0000406600001000
             NOTE=event severity: corrected
             NOTE=Memory failure: 0x2c1230: recovery action
            3,2,8123456789,-;Memory failure: 0x2c1231: recovery action for free buddy page: Recovered
             SUBSYSTEM=memory
            """;

        var (records, notes) = TestInputs.Read(Reader, TestInputs.Text("k.kmsg", log), new ReadOptions { HostPage = 4096 });

        var record = Assert.Single(records);
        Assert.Equal(0x2c1231UL * 4096, record.Start);
        Assert.Equal("k.kmsg:7", record.Source.ToString());
        Assert.Equal("kernel log: 1 retired-page line read, 1 other line ignored, 6 /dev/kmsg dictionary lines (KEY=VALUE) skipped", Assert.Single(notes).Message);
    }

    [Fact]
    public void Read_ManyRecordsWithDictionaries_CountsSkippedInBulkExactly()
    {
        // Far more than one read buffer of records without a marker, each with two dictionary
        // lines: the bulk skip must tell the dictionary lines from the records.
        var log = new StringBuilder();
        for (var i = 0; i < 5000; i++)
        {
            log.Append($"6,{i},{i * 1000},-;usb 1-1: new high-speed USB device number {i} using xhci_hcd\n SUBSYSTEM=usb\n DEVICE=c189:{i}\n");
        }

        log.Append("3,5000,9000000000,-;Memory failure: 0x2c1231: recovery action for free buddy page: Recovered\n");

        var (records, notes) = TestInputs.Read(Reader, TestInputs.Text("k.kmsg", log.ToString()));

        Assert.Equal("k.kmsg:15001", Assert.Single(records).Source.ToString());
        Assert.Equal("kernel log: 1 retired-page line read, 5000 other lines ignored, 10000 /dev/kmsg dictionary lines (KEY=VALUE) skipped", Assert.Single(notes).Message);
    }

    [Fact]
    public void Read_DictionaryLinesBetweenAddressAndMask_DoNotEndThePair()
    {
        var filler = string.Concat(Enumerable.Repeat(" SUBSYSTEM=platform\n", 3000));
        var log = "3,19,9001733316,-;{1}[Hardware Error]:   physical_address: 0x0000406600002abc\n"
            + filler
            + "3,20,9001733317,-;{1}[Hardware Error]:   physical_address_mask: 0xffffffffffff0000\n";

        var (records, _) = TestInputs.Read(Reader, TestInputs.Text("k.kmsg", log));

        var record = Assert.Single(records);
        Assert.Equal((0x4066_0000_0000UL, 0x10000UL, "k.kmsg:1"), (record.Start, record.Size, record.Source.ToString()));
    }

    [Fact]
    public void Read_EscapedLineEnd_StartsANewLineAsDmesgPrintsIt()
    {
        // One record holding a CPER address and its mask on two lines: the mask applies, and the
        // address does not run into the escape (which would be a bad number).
        const string log = "3,1,0,-;{1}[Hardware Error]:   physical_address: 0x0000406600002abc\\x0a{1}[Hardware Error]:   physical_address_mask: 0xffffffffffff0000\n";

        var (records, notes) = TestInputs.Read(Reader, TestInputs.Text("k.kmsg", log));

        var record = Assert.Single(records);
        Assert.Equal((0x4066_0000_0000UL, 0x10000UL, "k.kmsg:1"), (record.Start, record.Size, record.Source.ToString()));
        Assert.Equal("kernel log: 1 retired-page line read, 0 other lines ignored", Assert.Single(notes).Message);
    }

    [Theory]
    [InlineData("Memory failure: 0x2c1230\\x09recovery action", 1)]
    [InlineData("Memory failure: 0x2c1230:\\x5c recovery action for \\xc3\\xa4 page", 1)]
    [InlineData("Memory failure\\x3a 0x2c1230: an escape the kernel never writes stays as written", 0)]
    [InlineData("Memory failure: \\x30x2c1230: likewise", 0)]
    [InlineData("Memory failure: 0x2c1230\\x0: a cut escape stays", -1)]
    public void Read_EscapesTheKernelWrites_AreUndone(string message, int records)
    {
        // The first line, which is read one by one whatever it holds: later lines without a marker
        // are skipped in bulk, which would hide a marker decoding made up.
        var log = $"3,1,0,-;{message}\n6,2,0,-;Booting Linux\n";

        if (records < 0)
        {
            var e = Assert.Throws<InputException>(() => TestInputs.Read(Reader, TestInputs.Text("k.kmsg", log)));
            Assert.Equal("k.kmsg:1: 'Memory failure:' is followed by '0x2c1230\\x0', which is not a 64-bit hexadecimal number", e.ToString());
            return;
        }

        var (read, _) = TestInputs.Read(Reader, TestInputs.Text("k.kmsg", log));

        Assert.Equal(records, read.Count);
        Assert.All(read, r => Assert.Equal(0x2c1230UL << 16, r.Start));
    }

    [Fact]
    public void Read_BadNumberInARecord_IsAnErrorAtTheRecordsLine()
    {
        const string log = "6,0,0,-;Booting Linux\n SUBSYSTEM=cpu\n3,1,0,-;Memory failure: 0x2c12zz: recovery action\n";

        var e = Assert.Throws<InputException>(() => TestInputs.Read(Reader, TestInputs.Text("k.kmsg", log)));

        Assert.Equal("k.kmsg:3: 'Memory failure:' is followed by '0x2c12zz', which is not a 64-bit hexadecimal number", e.ToString());
    }

    [Theory]
    [InlineData("6,0,0,-;Booting Linux on physical CPU 0x0000000000 [0x410fd4f0]\n", "k.kmsg")]
    [InlineData("6,0,0,-,caller=T0;Booting Linux on physical CPU 0x0000000000 [0x410fd4f0]\n", "messages.json")]
    [InlineData("\uFEFF5,0,0,-;Linux version 6.8.0-1021-nvidia-64k\n", "dump")]
    public void Detect_DevKmsgRecordFirstLine_IsKmsgWithATimestampsConfidence(string head, string name)
    {
        var file = TestInputs.Text(name, head);
        var bytes = Encoding.UTF8.GetBytes(head);

        Assert.Equal("kmsg", FormatRegistry.Default.PickRetiredReader(bytes, file, null).Name);
        Assert.Equal(Reader.Sniff(Encoding.UTF8.GetBytes("[    0.000000] Booting Linux\n"), file), Reader.Sniff(bytes, file));
    }

    /// <summary>
    /// Any kernel log written as /dev/kmsg records (lines grouped into records with escaped line
    /// ends, the kernel's escapes, dictionary lines that hold markers) reads as the dmesg text:
    /// the same records, the same counts, or the same error.
    /// </summary>
    [Fact]
    public void Read_AnyLogAsDevKmsgRecords_ReadsAsItsDmesgText()
    {
        string[] lines =
        [
            "Memory failure: 0x2c1230: recovery action for free buddy page: Recovered",
            "Memory failure: 0x2c1230\tx",
            "Memory failure: soft offline: 0x2c1233: page migration succeeded",
            "{1}[Hardware Error]: event severity: corrected",
            "{2}[Hardware Error]: event severity: recoverable",
            "{1}[Hardware Error]:   physical_address: 0x0000406600002abc",
            "{2}[Hardware Error]:   physical_address: 0x0000002000010000",
            "{1}[Hardware Error]:   physical_address_mask: 0xffffffffffff0000",
            "[Hardware Error]:   physical_address_mask: 0xfffffffffffff000",
            "GHES: APEI firmware first mode is enabled by APEI bit.",
            "usb 1-1: Manufacturer: Gerätebau \\ GmbH",
            "pci 0008:01:00.0: BAR 0: assigned",
            "Memory failure: 0x2c12zz: bad",
        ];
        string[] dictionary = [" SUBSYSTEM=pci", " DEVICE=+pci:0008:01:00.0", " X=Memory failure: 0x1: x", " Y={1}[Hardware Error]:   physical_address_mask: 0xffffffffffff0000"];
        var gen =
            from picks in Gen.Choose(0, lines.Length - 1).ListOf()
            from groups in Gen.Choose(1, 3).ArrayOf(picks.Count)
            from dictionaries in Gen.Choose(0, 2).ArrayOf(picks.Count)
            select (Picks: picks.Select(i => lines[i]).ToArray(), Groups: groups, Dictionaries: dictionaries);

        Properties.Check(gen, c =>
        {
            var dmesg = string.Concat(c.Picks.Select(l => l + "\n"));
            var kmsg = new StringBuilder();
            var dictionaryLines = 0;
            for (int i = 0, seq = 0; i < c.Picks.Length; seq++)
            {
                var take = Math.Min(c.Groups[i], c.Picks.Length - i);
                kmsg.Append($"{(seq % 3 == 0 ? 3 : 6)},{seq},{seq * 1000},-{(seq % 2 == 0 ? ",caller=T1" : "")};")
                    .Append(string.Join("\\x0a", c.Picks.Skip(i).Take(take).Select(Escape))).Append('\n');
                foreach (var d in Enumerable.Range(0, c.Dictionaries[i]).Select(k => dictionary[(k + i) % dictionary.Length]))
                {
                    kmsg.Append(d).Append('\n');
                    dictionaryLines++;
                }

                i += take;
            }

            var expected = Outcome(dmesg, "k.log");
            var dictionaryNote = dictionaryLines == 0 ? "" : $", {dictionaryLines} /dev/kmsg dictionary line{(dictionaryLines == 1 ? "" : "s")} (KEY=VALUE) skipped";
            var actual = Outcome(kmsg.ToString(), "k.kmsg");
            Assert.Equal(expected.Records, actual.Records);
            Assert.Equal(expected.Error is null ? expected.Note + dictionaryNote : "", actual.Note);
            Assert.Equal(expected.Error, actual.Error);
        }, maxTest: 300);
    }

    // The kernel's escaping (printk.c, msg_add_ext_text): bytes below 0x20, from 0x7f, and '\'.
    private static string Escape(string line) =>
        string.Concat(Encoding.UTF8.GetBytes(line).Select(b => b is < 0x20 or >= 0x7f or (byte)'\\' ? $"\\x{b:x2}" : ((char)b).ToString()));

    private static (string Records, string Note, string? Error) Outcome(string text, string name)
    {
        try
        {
            var (records, notes) = TestInputs.Read(Reader, TestInputs.Text(name, text), new ReadOptions { HostPage = 4096 });
            return (string.Join(" ", records.Select(r => $"{r.Start:x}+{r.Size:x}{r.Kind}")), Assert.Single(notes).Message, null);
        }
        catch (InputException e)
        {
            return ("", "", e.Message);
        }
    }

    private sealed class StatsComparer : IEqualityComparer<RegionStats>
    {
        public bool Equals(RegionStats? x, RegionStats? y) =>
            x is not null && y is not null && x.HugePageCapacity.SequenceEqual(y.HugePageCapacity) && (x with { HugePageCapacity = y.HugePageCapacity }) == y;

        public int GetHashCode(RegionStats obj) => 0;
    }
}
