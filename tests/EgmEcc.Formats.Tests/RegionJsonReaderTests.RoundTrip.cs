using EgmEcc.Formats.Output;
using static EgmEcc.Formats.Tests.TestInputs;

namespace EgmEcc.Formats.Tests;

public partial class RegionJsonReaderTests
{
    private static readonly SourceLocation Here = SourceLocation.AtLine("test", 1);

    [Fact]
    public void Read_PlanJson_GivesBackThePlannedRegions()
    {
        Region[] regions =
        [
            new("egm0", 0, 0x20_0000_0000, 384UL << 30, Here, "rack1-a"),
            new("egm1", 1, 0x4020_0000_0000, 384UL << 30, Here, "rack1-a", guestSize: 256UL << 30),
            new("egm0", 0, 0x20_0000_0000, 0x1_0000, Here, "rack1-b"),
            new("top", 7, 0xffff_ffff_ff00_0000, 16UL << 20, Here, "rack1-b"),
        ];
        var plan = Planner.Create(RegionSet.Create(regions), [RetiredRecord.AtAddress(0x20_0000_0000, 0, Here, "rack1-a")], PlanOptions.Default);
        using var json = new StringWriter();
        new PlanJsonWriter().Write(plan, json, OutputOptions.Default);

        var read = Regions(Reader, json.ToString(), "plan.json");

        Assert.Equal(
            plan.Regions.Select(r => Key(r.Region)).ToArray(),
            read.Select(Key).ToArray());
    }

    [Fact]
    public void Read_SampleGoldenPlan_GivesBackTheSampleRegions()
    {
        var fromPlan = Regions(Reader, Golden.Input("grace-2s.plan.json"), "plan.json");
        var fromCsv = Regions(new Csv.RegionCsvReader(), System.IO.File.ReadAllBytes(Repo.PathOf("data/samples/grace-2s.regions.csv")), "r.csv");

        Assert.Equal(fromCsv.Select(Key).ToArray(), fromPlan.Select(Key).ToArray());
    }

    private static (string Host, string Id, int Node, ulong Base, ulong Size, ulong? GuestSize) Key(Region r) =>
        (r.Host, r.Id, r.Node, r.Base, r.Size, r.GuestSize);
}
