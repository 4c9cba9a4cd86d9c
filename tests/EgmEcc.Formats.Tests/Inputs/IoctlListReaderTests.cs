using EgmEcc.Formats.Binary;
using EgmEcc.Formats.Inputs;
using EgmEcc.Pipeline;

namespace EgmEcc.Formats.Tests;

public class IoctlListReaderTests
{
    private static readonly IoctlListReader Reader = new();

    [Fact]
    public void Read_ExactDump_GivesRegionRelativeRecordsFromTheFileName()
    {
        var file = TestInputs.File("egm1-retired.bin", TestInputs.IoctlList(40, 2, (0x1000, 0x1000), (0x2000, 0x1000)));

        var (records, _) = TestInputs.Read(Reader, file);

        Assert.All(records, r => Assert.Equal("egm1", r.Region));
        Assert.Equal([0x1000UL, 0x2000UL], records.Select(r => r.Start).ToArray());
        Assert.All(records, r => Assert.Equal(0x1000UL, r.Size));
        Assert.Equal(["egm1-retired.bin:+8", "egm1-retired.bin:+24"], records.Select(r => r.Source.ToString()).ToArray());
    }

    [Fact]
    public void Read_WholeArgszBuffer_IsAccepted()
    {
        var bytes = TestInputs.IoctlList(64, 1, (0x1000, 0x1000)).Concat(new byte[40]).ToArray();

        var (records, _) = TestInputs.Read(Reader, TestInputs.File("egm0.bin", bytes));

        Assert.Single(records);
    }

    [Fact]
    public void Read_RegionOption_NamesTheRegionOfAFileWhoseNameDoesNotSay()
    {
        var file = TestInputs.File("retired.bin", TestInputs.IoctlList(24, 1, (0, 0x10000)));

        var (records, _) = TestInputs.Read(Reader, file, new ReadOptions { Region = "socket1" });

        Assert.Equal("socket1", Assert.Single(records).Region);
    }

    [Fact]
    public void Read_FileNameThatSays_WinsOverTheRegionOption()
    {
        // --region serves the lists whose names do not say; several lists can be read in one run.
        var file = TestInputs.File("egm1.bin", TestInputs.IoctlList(24, 1, (0, 0x10000)));

        var (records, _) = TestInputs.Read(Reader, file, new ReadOptions { Region = "egm0" });

        Assert.Equal("egm1", Assert.Single(records).Region);
    }

    [Fact]
    public void Read_FileNamePxmUnderAnotherId_ResolvesByPxm()
    {
        var regions = RegionSet.Create([new Region("socket1", 1, 0x4020_0000_0000, 1UL << 30, TestInputs.Here)]);
        var file = TestInputs.File("dump-EGM1.bin", TestInputs.IoctlList(24, 1, (0, 0x10000)));

        var (records, _) = TestInputs.Read(Reader, file, new ReadOptions { Regions = regions });

        Assert.Equal("socket1", Assert.Single(records).Region);
    }

    [Fact]
    public void Plan_FileNamePxmUnderAnotherIdInTheRegionsCsv_LandsInThatRegion()
    {
        var inputs = new HostInputs
        {
            Regions = [TestInputs.Text("r.csv", "id,node,base,size\nsocket0,0,0x2000000000,1G\nsocket1,1,0x402000000000,1G\n")],
            Retired = [TestInputs.File("egm1-retired.ioctl.bin", TestInputs.IoctlList(24, 1, (0x10000, 0x1000)))],
        };

        var plan = inputs.Plan(PlanOptions.Default);

        Assert.Equal(new Accounting(1, 1, 0, 0, 0), plan.Accounting);
        Assert.Equal(("socket1", 0x10000UL), (plan.Regions[1].Region.Id, plan.Regions[1].Holes.Single().Offset));
    }

    [Fact]
    public void Read_FileNamePxmNoRegionHas_IsAnError()
    {
        var file = TestInputs.File("egm7.bin", TestInputs.IoctlList(24, 1, (0, 0x10000)));

        var e = Assert.Throws<InputException>(() => TestInputs.Read(Reader, file, new ReadOptions { Regions = TestInputs.Grace2s() }));

        Assert.Equal("egm7.bin", e.Location.ToString());
        Assert.Contains("no region has id 'egm7' or PXM 7", e.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Read_NoRegionAnywhere_SaysHowToNameIt()
    {
        var file = TestInputs.File("list.bin", TestInputs.IoctlList(24, 1, (0, 0x10000)));

        var e = Assert.Throws<InputException>(() => TestInputs.Read(Reader, file));

        Assert.EndsWith("or name its region explicitly", e.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Read_ArgszSmallerThanPayload_ReportsOffsetZero()
    {
        var file = TestInputs.File("egm0.bin", TestInputs.IoctlList(39, 2, (0, 0x1000), (0x1000, 0x1000)));

        var e = Assert.Throws<InputException>(() => TestInputs.Read(Reader, file));

        Assert.Equal("egm0.bin:+0", e.Location.ToString());
        Assert.Equal("argsz 39 is smaller than the 40 bytes its 2 entries need (8 + 16 * count)", e.Message);
    }

    [Fact]
    public void Read_LyingCount_FailsBeforeReadingWithTheMissingEntry()
    {
        var file = TestInputs.File("egm0.bin", TestInputs.IoctlList(uint.MaxValue, 100_000_000, (0, 0x1000)));

        var e = Assert.Throws<InputException>(() => TestInputs.Read(Reader, file));

        Assert.Equal("egm0.bin:+24", e.Location.ToString());
        Assert.EndsWith("entry [1] at +24 is missing", e.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Read_TruncatedEntryOnAnUnmeasuredStream_ReportsItsOffset()
    {
        var bytes = TestInputs.IoctlList(40, 2, (0, 0x1000), (0x1000, 0x1000))[..30];

        var e = Assert.Throws<InputException>(() => TestInputs.Read(Reader, InputFile.FromBytes("egm0.bin", bytes)));

        Assert.Equal("egm0.bin:+24", e.Location.ToString());
        Assert.EndsWith("entry [1] at +24 is incomplete", e.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Read_ZeroSize_ReportsTheSizeField()
    {
        var file = TestInputs.File("egm0.bin", TestInputs.IoctlList(40, 2, (0, 0x1000), (0x1000, 0)));

        var e = Assert.Throws<InputException>(() => TestInputs.Read(Reader, file));

        Assert.Equal("egm0.bin:+32", e.Location.ToString());
        Assert.StartsWith("entry [1] (offset 0x1000) has size 0", e.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Plan_OffsetPastTheRegion_IsOutOfRegionWarning()
    {
        var inputs = new HostInputs
        {
            Regions = [TestInputs.Text("r.csv", "id,node,base,size\negm0,0,0x2000000000,1G\n")],
            Retired = [TestInputs.File("egm0.bin", TestInputs.IoctlList(40, 2, (0x1000, 0x1000), (1UL << 30, 0x1000)))],
        };

        var plan = inputs.Plan(PlanOptions.Default);

        Assert.Equal(new Accounting(2, 1, 0, 0, 1), plan.Accounting);
        Assert.Equal("egm0.bin:+24", Assert.Single(plan.Diagnostics, d => d.Severity == Severity.Warning).Source.ToString());
    }

    [Fact]
    public void Sniff_ConsistentHeader_IsCertainAndDisjointFromTheFirmwareTable()
    {
        var bytes = TestInputs.IoctlList(24, 1, (0, 0x1000));
        var file = TestInputs.File("x.bin", bytes);

        Assert.Equal(Sniffing.Certain, Reader.Sniff(bytes, file));
        Assert.Equal(Sniffing.No, new FirmwareTableReader().Sniff(bytes, file));
    }
}
