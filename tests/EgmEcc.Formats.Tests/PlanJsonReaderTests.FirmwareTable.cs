using System.Text;
using EgmEcc.Formats.Inputs;
using EgmEcc.Formats.Json;
using EgmEcc.Pipeline;

namespace EgmEcc.Formats.Tests;

/// <summary>A written plan keeps each region's firmware table fill (docs/design.md §4.2), so reports and diffs of it do too.</summary>
public class PlanJsonReaderFirmwareTableTests
{
    private static Plan SamplePlan() => new HostInputs
    {
        Regions = [InputFile.FromPath(Repo.PathOf("data/samples/grace-2s.regions.csv"))],
        Retired =
        [
            InputFile.FromPath(Repo.PathOf("data/samples/grace-2s-egm0.fwtable.bin")),
            InputFile.FromPath(Repo.PathOf("data/samples/grace-2s-egm1.fwtable.bin")),
        ],
    }.Plan(PlanOptions.Default);

    private static string Write(Plan plan)
    {
        using var text = new StringWriter();
        new EgmEcc.Formats.Output.PlanJsonWriter().Write(plan, text, EgmEcc.Formats.Output.OutputOptions.Default);
        return text.ToString();
    }

    [Fact]
    public void Read_PlanWithFirmwareTables_KeepsEachRegionsFillAndWritesBackByteForByte()
    {
        var json = Write(SamplePlan());

        var read = PlanJsonReader.Read(InputFile.FromBytes("plan.json", Encoding.UTF8.GetBytes(json)));

        Assert.Equal([14, 11], read.Regions.Select(r => read.TableEntries(r.Region)).ToArray());
        Assert.Equal(json, Write(read));
    }

    [Fact]
    public void Read_FirmwareTableOverTheLimit_IsAnInputErrorAtTheRegion()
    {
        var json = Write(SamplePlan()).Replace("\"entries\": 14,", "\"entries\": 4097,", StringComparison.Ordinal);

        var e = Assert.Throws<InputException>(() => PlanJsonReader.Read(InputFile.FromBytes("plan.json", Encoding.UTF8.GetBytes(json))));

        Assert.Contains("regions[0].firmwareTable.entries: 4097 entries, more than the 4096 a firmware table holds", e.Message, StringComparison.Ordinal);
    }
}
