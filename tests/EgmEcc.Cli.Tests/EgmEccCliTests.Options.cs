using System.Text.Json.Nodes;
using static EgmEcc.Cli.Tests.Cli;

namespace EgmEcc.Cli.Tests;

public partial class EgmEccCliTests
{
    private static JsonObject SamplePlan(params string[] extra) =>
        Json(Run(["plan", "--regions", Regions, "--retired", Retired, .. extra]));

    private static long Stat(JsonObject plan, int region, string name) => (long)plan["regions"]![region]!["stats"]![name]!;

    [Fact]
    public void Plan_Defaults_AreTheDesignDefaults()
    {
        var options = SamplePlan()["options"]!;

        Assert.Equal("""{"granule":65536,"guestPage":65536,"layoutGranule":65536,"minExtent":65536,"hugePages":[2097152,33554432,536870912,1073741824]}""", options.ToJsonString());
    }

    [Fact]
    public void Plan_Granule_WidensEveryHole()
    {
        var plan = SamplePlan("--granule", "2M");

        Assert.Equal(2097152, (long)plan["options"]!["layoutGranule"]!);
        Assert.All(plan["regions"]!.AsArray().SelectMany(r => r!["holes"]!.AsArray()), h => Assert.Equal(0UL, Convert.ToUInt64((string)h!["size"]!, 16) % 0x20_0000));
        Assert.True(Stat(plan, 0, "holeBytes") > Stat(SamplePlan(), 0, "holeBytes"));
    }

    [Fact]
    public void Plan_GuestPage_RaisesTheLayoutGranule()
    {
        var plan = SamplePlan("--guest-page", "512M");

        Assert.Equal((65536L, 536870912L), ((long)plan["options"]!["granule"]!, (long)plan["options"]!["layoutGranule"]!));
        Assert.Equal(Stat(plan, 0, "holes") * 512L << 20, Stat(plan, 0, "holeBytes"));
    }

    [Fact]
    public void Plan_MinExtent_FoldsShortExtentsIntoFragments()
    {
        var plan = SamplePlan("--min-extent", "16M");

        Assert.Equal(16L << 20, (long)plan["options"]!["minExtent"]!);
        Assert.Equal(0, Stat(SamplePlan(), 0, "fragmentBytes"));
        Assert.True(Stat(plan, 0, "fragmentBytes") > 0);
        Assert.True(Stat(plan, 0, "extents") < Stat(SamplePlan(), 0, "extents"));
    }

    [Fact]
    public void Plan_HugePages_CountsOnlyTheSizesAsked()
    {
        var plan = SamplePlan("--huge-pages", "4M,1G");

        Assert.Equal("""{"4194304":98289,"1073741824":376}""", plan["regions"]![0]!["stats"]!["hugePageCapacity"]!.ToJsonString());
    }
}
