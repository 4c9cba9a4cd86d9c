using EgmEcc.Formats.Inputs;
using EgmEcc.Formats.Json;
using static EgmEcc.Formats.Tests.TestInputs;

namespace EgmEcc.Formats.Tests;

public partial class RegionJsonReaderTests
{
    private static readonly RegionJsonReader Reader = new();

    [Fact]
    public void Read_BareArray_ReadsEveryRegionAtTheLineOfItsObject()
    {
        const string text = """
            [
              {"id": "egm0", "node": 0, "base": "0x2000000000", "size": "384G"},

              {
                "id": "egm1", "node": 1,
                "base": 70506183131136, "size": 412316860416
              }
            ]
            """;

        var regions = Regions(Reader, text, "r.json");

        Assert.Equal(("egm0", 0, 0x20_0000_0000UL, 384UL << 30), (regions[0].Id, regions[0].Node, regions[0].Base, regions[0].Size));
        Assert.Equal(("egm1", 1, 0x4020_0000_0000UL, 384UL << 30), (regions[1].Id, regions[1].Node, regions[1].Base, regions[1].Size));
        Assert.Equal(["r.json:2", "r.json:4"], regions.Select(r => r.Source.ToString()).ToArray());
    }

    [Theory]
    [InlineData("""[{"id":"a","node":3,"base":65536,"size":65536}]""")]
    [InlineData("""[{"id":"a","node":"3","base":"0x10000","size":"64K"}]""")]
    [InlineData("""[{"id":"a","node":"0x3","base":"0x1_0000","size":"0x10000"}]""")]
    [InlineData("""[{"size":"64KiB","base":"65536","node":3,"id":"a"}]""")]
    [InlineData("""{"regions":[{"id":"a","node":3,"base":"0x10000","size":"64K"}]}""")]
    [InlineData("""[{"id":"a","node":3,"base":"0x10000","size":"64K","comment":{"nested":[1,2]},},]""")]
    [InlineData("// exported\n[ /* one */ {\"id\":\"a\",\"node\":3,\"base\":\"0x10000\",\"size\":\"64K\"}]")]
    public void Read_NumbersAsIntegersOrStrings_AllMeanTheSame(string text)
    {
        var region = Assert.Single(Regions(Reader, text, "r.json"));

        Assert.Equal(("a", 3, 0x1_0000UL, 0x1_0000UL), (region.Id, region.Node, region.Base, region.Size));
    }

    [Fact]
    public void Read_PlanObject_ReadsItsRegionsAndSkipsEverythingElse()
    {
        const string text = """
            {
              "schema": "egmecc.plan/1",
              "options": {"granule": 65536, "hugePages": [2097152]},
              "regions": [
                {
                  "host": "h1", "id": "egm0", "node": 0, "base": "0x0", "size": "0x100000", "guestSize": "0x80000",
                  "usable": [{"offset": "0x0", "address": "0x0", "size": "0x10000"}],
                  "holes": [{"offset": "0x10000", "address": "0x10000", "size": "0xf0000", "retiredBytes": 65536, "fragmentBytes": 0}],
                  "stats": {"sizeBytes": 1048576, "hugePageCapacity": {"2097152": 0}}
                }
              ],
              "accounting": {"records": 1},
              "diagnostics": [{"severity": "warning", "source": "x:1", "message": "m"}]
            }
            """;

        var region = Assert.Single(Regions(Reader, text, "plan.json"));

        Assert.Equal(("h1", "egm0", 0, 0UL, 0x10_0000UL, (ulong?)0x8_0000UL), (region.Host, region.Id, region.Node, region.Base, region.Size, region.GuestSize));
        Assert.Equal("plan.json:5", region.Source.ToString());
    }

    [Fact]
    public void Read_NoId_NamesTheRegionAfterItsPxm()
    {
        var region = Assert.Single(Regions(Reader, """[{"node":4,"base":0,"size":65536}]""", "r.json"));

        Assert.Equal("egm4", region.Id);
    }

    // Regression: a blank id reached Region's argument check and was an internal error.
    [Theory]
    [InlineData("\"\"")]
    [InlineData("\"  \"")]
    public void Read_BlankId_NamesTheRegionAfterItsPxm(string id)
    {
        var text = $$"""[{"id": {{id}}, "node": 4, "base": 0, "size": 65536}]""";

        Assert.Equal("egm4", Assert.Single(Regions(Reader, text, "r.json")).Id);
    }

    [Fact]
    public void Read_NoHost_TakesTheHostFromTheOptions()
    {
        var region = Assert.Single(Regions(Reader, """[{"node":4,"base":0,"size":65536}]""", "r.json", new ReadOptions { Host = "h9" }));

        Assert.Equal("h9", region.Host);
    }

    [Fact]
    public void Read_CrlfAndByteOrderMark_LinesStillCount()
    {
        var bytes = WithBom(Crlf("[\n{\"id\":\"a\",\"node\":0,\"base\":0,\"size\":65536},\n\n{\"id\":\"b\",\"node\":1,\"base\":65536,\"size\":65536}\n]\n"));

        var regions = Regions(Reader, bytes, "r.json");

        Assert.Equal([2L, 4L], regions.Select(r => r.Source.Line).ToArray());
    }

    [Fact]
    public void Read_EmptyArray_GivesNoRegions()
    {
        Assert.Empty(Regions(Reader, "{\"regions\": []}", "r.json"));
    }
}
