using System.Buffers.Binary;
using EgmEcc.Formats.Inputs;

namespace EgmEcc.Pipeline.Tests;

public class FleetSourceTests
{
    [Fact]
    public void Directory_UnknownFile_SkippedWithAWarning()
    {
        var root = FleetData.TempDirectory();
        var host = Directory.CreateDirectory(Path.Combine(root, "h1")).FullName;
        File.WriteAllText(Path.Combine(host, "regions.csv"), "id,node,base,size\negm0,0,0x100000000,1G\n");
        File.WriteAllText(Path.Combine(host, "retired.csv"), "address\n0x100010000\n");
        File.WriteAllText(Path.Combine(host, "notes.txt"), "replaced DIMM? no, LPDDR5X is soldered\n");

        var source = new DirectoryFleetSource(root);
        var input = source.Load(0);

        Assert.Equal("h1", Assert.Single(source.Hosts));
        Assert.Equal(1, input.Records.Length);
        Assert.Equal("h1", input.Records[0].Host);
        var note = Assert.Single(input.Notes);
        Assert.EndsWith("notes.txt", note.Source.File);
    }

    [Fact]
    public void Directory_JsonFilesOfAnyName_DetectedByContent()
    {
        var root = FleetData.TempDirectory();
        var host = Directory.CreateDirectory(Path.Combine(root, "h1")).FullName;
        File.WriteAllText(Path.Combine(host, "a.json"), """[{"address": "0x100010000"}, {"region": "egm0", "offset": "0x20000"}]""");
        File.WriteAllText(Path.Combine(host, "b.json"), """[{"id": "egm0", "node": 0, "base": "0x100000000", "size": "1G"}]""");

        var input = new DirectoryFleetSource(root).Load(0);
        var plan = input.Plan(PlanOptions.Default);

        Assert.Single(input.Regions.Regions);
        Assert.Equal(2, plan.Accounting.Applied);
        Assert.Empty(input.Notes);
    }

    [Fact]
    public void Directory_FolderWithoutRegions_IsAnInputError()
    {
        var root = FleetData.TempDirectory();
        var host = Directory.CreateDirectory(Path.Combine(root, "h1")).FullName;
        File.WriteAllText(Path.Combine(host, "retired.csv"), "address\n0x100010000\n");
        var e = Assert.Throws<InputException>(() => new DirectoryFleetSource(root).Load(0));
        Assert.Contains("host 'h1' has no region file", e.Message);
    }

    /// <summary>A region file with a header and no row is the same error as for 'egmecc plan', at the file.</summary>
    [Fact]
    public void Directory_RegionFileWithoutRegions_IsTheNoRegionErrorAtTheFile()
    {
        var root = FleetData.TempDirectory();
        var host = Directory.CreateDirectory(Path.Combine(root, "h1")).FullName;
        var regions = Path.Combine(host, "regions.csv");
        File.WriteAllText(regions, "id,node,base,size\n");
        var e = Assert.Throws<InputException>(() => new DirectoryFleetSource(root).Load(0));
        Assert.Equal(regions, e.Location.File);
        Assert.StartsWith("no EGM region found", e.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Directory_RecordNamingAnotherHost_IsAnInputError()
    {
        var root = FleetData.TempDirectory();
        var host = Directory.CreateDirectory(Path.Combine(root, "h1")).FullName;
        File.WriteAllText(Path.Combine(host, "regions.csv"), "id,node,base,size\negm0,0,0x100000000,1G\n");
        File.WriteAllText(Path.Combine(host, "retired.csv"), "host,address\nh2,0x100010000\n");
        var e = Assert.Throws<InputException>(() => new DirectoryFleetSource(root).Load(0));
        Assert.Equal(2, e.Location.Line);
        Assert.Contains("'h2'", e.Message);
    }

    [Fact]
    public void Directory_RegionNamingAnotherHost_IsAnInputErrorAtItsLine()
    {
        var root = FleetData.TempDirectory();
        var host = Directory.CreateDirectory(Path.Combine(root, "h1")).FullName;
        File.WriteAllText(Path.Combine(host, "regions.csv"), "host,id,node,base,size\nh1,egm0,0,0x100000000,1G\nh2,egm1,1,0x200000000,1G\n");
        var e = Assert.Throws<InputException>(() => new DirectoryFleetSource(root).Load(0));
        Assert.Equal(3, e.Location.Line);
        Assert.Contains("region 'egm1' names host 'h2' but lies in the folder of host 'h1'", e.Message);
    }

    /// <summary>
    /// A host's plan lists what was not read (skipped files) first, then the readers' notes, then
    /// the planner's warnings: the order 'egmecc plan' gives its own inputs.
    /// </summary>
    [Fact]
    public void Directory_HostPlan_SkippedFilesThenReaderNotesThenPlannerWarnings()
    {
        var root = FleetData.TempDirectory();
        var host = Directory.CreateDirectory(Path.Combine(root, "h1")).FullName;
        File.WriteAllText(Path.Combine(host, "regions.csv"), "id,node,base,size\negm0,0,0x100000000,1G\n");
        File.WriteAllText(Path.Combine(host, "kern.log"), "[    5.000000] Memory failure: 0x100: recovery action for dirty LRU page: Recovered\n");
        File.WriteAllBytes(Path.Combine(host, "unused.dat"), []);

        var plan = Assert.Single(FleetRun.Map(new DirectoryFleetSource(root), PlanOptions.Default, (_, plan) => plan));

        Assert.Collection(
            plan.Diagnostics,
            skipped => Assert.Equal((Path.Combine(host, "unused.dat"), "skipped: the file is empty"), (skipped.Source.File, skipped.Message)),
            note => Assert.StartsWith("kernel log: 1 retired-page line read", note.Message, StringComparison.Ordinal),
            warning => Assert.Equal(DiagnosticCodes.OutOfRegion, warning.Code));
    }

    /// <summary>
    /// A host folder reads its inputs as 'egmecc plan' does, regions first: an ioctl list named
    /// egm4 finds the region of PXM 4 whatever its id (it used to be an error in a fleet folder only).
    /// </summary>
    [Fact]
    public void Directory_IoctlListNamedEgmN_FindsItsRegionByPxm_AsPlanDoes()
    {
        var root = FleetData.TempDirectory();
        var host = Directory.CreateDirectory(Path.Combine(root, "h1")).FullName;
        var regions = Path.Combine(host, "regions.csv");
        var ioctl = Path.Combine(host, "egm4.ioctl.bin");
        File.WriteAllText(regions, "id,node,base,size\ngpu0,4,0x100000000,1G\n");
        var list = new byte[8 + 16];
        BinaryPrimitives.WriteUInt32LittleEndian(list, (uint)list.Length);
        BinaryPrimitives.WriteUInt32LittleEndian(list.AsSpan(4), 1);
        BinaryPrimitives.WriteUInt64LittleEndian(list.AsSpan(8), 0x20000);
        BinaryPrimitives.WriteUInt64LittleEndian(list.AsSpan(16), 0x10000);
        File.WriteAllBytes(ioctl, list);

        var fleet = new DirectoryFleetSource(root).Load(0).Plan(PlanOptions.Default);
        var single = new HostInputs { Regions = [InputFile.FromPath(regions)], Retired = [InputFile.FromPath(ioctl)] }.Plan(PlanOptions.Default);

        Assert.Equal(1, fleet.Accounting.Applied);
        Assert.Equal(single.Accounting, fleet.Accounting);
        Assert.Equal(single.Regions[0].Usable.ToArray(), fleet.Regions[0].Usable.ToArray());
    }

    [Fact]
    public void Directory_Missing_IsAnInputError() =>
        Assert.Throws<InputException>(() => new DirectoryFleetSource(Path.Combine(FleetData.TempDirectory(), "none")));

    [Fact]
    public void HostColumn_RecordOfAnUnknownHost_IsAnInputErrorAtItsLine()
    {
        var root = FleetData.TempDirectory();
        var regions = Path.Combine(root, "regions.csv");
        var retired = Path.Combine(root, "retired.csv");
        File.WriteAllText(regions, "host,id,node,base,size\na,egm0,0,0x100000000,1G\nb,egm0,0,0x100000000,1G\n");
        File.WriteAllText(retired, "host,address\na,0x100010000\nc,0x100020000\n");
        var e = Assert.Throws<InputException>(() => FleetRunTests.HostColumn(regions, retired));
        Assert.Equal($"{retired}:3", e.Location.ToString());
    }

    [Fact]
    public void HostColumn_RecordWithoutHost_AmongSeveralHosts_IsAnInputError()
    {
        var root = FleetData.TempDirectory();
        var regions = Path.Combine(root, "regions.csv");
        var retired = Path.Combine(root, "retired.csv");
        File.WriteAllText(regions, "host,id,node,base,size\na,egm0,0,0x100000000,1G\nb,egm0,0,0x100000000,1G\n");
        File.WriteAllText(retired, "address\n0x100010000\n");
        var e = Assert.Throws<InputException>(() => FleetRunTests.HostColumn(regions, retired));
        Assert.Contains("add a 'host' column", e.Message);
    }

    [Fact]
    public void HostColumn_GroupsRecordsByHostInInputOrder()
    {
        var root = FleetData.TempDirectory();
        var regions = Path.Combine(root, "regions.csv");
        var retired = Path.Combine(root, "retired.csv");
        File.WriteAllText(regions, "host,id,node,base,size\nb,egm0,0,0x100000000,1G\na,egm0,0,0x100000000,1G\n");
        File.WriteAllText(retired, "host,address\nb,0x100030000\na,0x100010000\nb,0x100020000\n");
        var source = FleetRunTests.HostColumn(regions, retired);

        Assert.Equal(["a", "b"], source.Hosts.ToArray());
        Assert.Equal([0x100010000UL], source.Load(0).Records.ToArray().Select(r => r.Start).ToArray());
        Assert.Equal([0x100030000UL, 0x100020000UL], source.Load(1).Records.ToArray().Select(r => r.Start).ToArray());
    }
}
