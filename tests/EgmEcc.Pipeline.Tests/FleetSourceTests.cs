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

        var input = new DirectoryFleetSource(root).Load(0);

        Assert.Equal("h1", input.Host);
        Assert.Equal(1, input.Records.Length);
        Assert.Equal("h1", input.Records.Span[0].Host);
        var note = Assert.Single(input.Diagnostics);
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
        Assert.Empty(input.Diagnostics);
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
        var source = new HostColumnFleetSource([InputFile.FromPath(regions)], [InputFile.FromPath(retired)]);

        Assert.Equal(["a", "b"], source.Hosts.ToArray());
        Assert.Equal([0x100010000UL], source.Load(0).Records.ToArray().Select(r => r.Start).ToArray());
        Assert.Equal([0x100030000UL, 0x100020000UL], source.Load(1).Records.ToArray().Select(r => r.Start).ToArray());
    }
}
