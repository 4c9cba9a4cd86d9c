using System.Text;
using EgmEcc.Formats.Inputs;

namespace EgmEcc.Pipeline.Tests;

public partial class InputLoaderTests
{
    private static readonly InputLoader Loader = new(FormatRegistry.Default, ReadOptions.Default);

    private static InputFile File(string name, string text) => InputFile.FromBytes(name, Encoding.UTF8.GetBytes(text));

    /// <summary>Standard input: readable once, not seekable.</summary>
    private static InputFile Pipe(string name, string text) => new(name, () => new NonSeekableStream(Encoding.UTF8.GetBytes(text)));

    [Fact]
    public void LoadRegions_SeveralFilesOfDifferentFormats_AreMergedAndSortedByBase()
    {
        var regions = Loader.LoadRegions(
        [
            File("b.json", """[{"id": "egm1", "node": 1, "base": "0x400000", "size": "1M"}]"""),
            File("a.csv", "id,node,base,size\negm0,0,0x0,1M\n"),
        ]);

        Assert.Equal(["egm0", "egm1"], regions.Regions.Select(r => r.Id).ToArray());
        Assert.Equal(["a.csv:2", "b.json:1"], regions.Regions.Select(r => r.Source.ToString()).ToArray());
    }

    [Fact]
    public void LoadRegions_SameRegionInTwoFiles_IsKeptOnce()
    {
        var regions = Loader.LoadRegions([File("a.csv", "id,node,base,size\negm0,0,0x0,1M\n"), File("b.csv", "id,node,base,size\negm0,0,0x0,1M\n")]);

        Assert.Single(regions.Regions);
    }

    [Theory]
    [InlineData("egm1,1,0x80000,1M", "b.csv:2: region 'egm1' (node 1, [0x80000, 0x180000)) overlaps region 'egm0' (node 0, [0x0, 0x100000)) at a.csv:2")]
    [InlineData("egm9,0,0x800000,1M", "b.csv:2: PXM 0 is defined again as region 'egm9' (node 0, [0x800000, 0x900000)); it is already region 'egm0' (node 0, [0x0, 0x100000)) at a.csv:2")]
    [InlineData("egm0,1,0x800000,1M", "b.csv:2: region 'egm0' is defined again with other extents: (node 1, [0x800000, 0x900000)) here, (node 0, [0x0, 0x100000)) at a.csv:2")]
    public void LoadRegions_ConflictAcrossFiles_NamesBothPlaces(string row, string error)
    {
        var e = Assert.Throws<InputException>(() => Loader.LoadRegions([File("a.csv", "id,node,base,size\negm0,0,0x0,1M\n"), File("b.csv", $"id,node,base,size\n{row}\n")]));

        Assert.Equal(error, e.ToString());
    }

    /// <summary>Regression: standard input was buffered but not rewound, so '-' always read as an empty file.</summary>
    [Fact]
    public void LoadRegions_StandardInput_IsBufferedForDetection()
    {
        var regions = Loader.LoadRegions([Pipe("-", "id,node,base,size\negm0,0,0x0,1M\n")]);

        Assert.Equal("-:2", Assert.Single(regions.Regions).Source.ToString());
    }

    [Fact]
    public void LoadRegions_NamedFormat_SkipsDetection()
    {
        var e = Assert.Throws<InputException>(() => Loader.LoadRegions([File("r.csv", "id,node,base,size\n")], "json"));

        Assert.Equal("r.csv:1: malformed JSON: 'i' is an invalid start of a value", e.ToString());
    }

    [Fact]
    public void LoadRetired_SeveralFiles_KeepsInputOrderAndSources()
    {
        var input = Loader.LoadRetired(
        [
            File("a.csv", "address\n0x30000\n0x10000\n"),
            Pipe("-", """[{"region": "egm0", "offset": 0}]"""),
            File("c.csv", "region,offset\negm0,0x20000\n"),
        ]);

        Assert.Equal(["a.csv:2", "a.csv:3", "-:1", "c.csv:2"], input.Records.Select(r => r.Source.ToString()).ToArray());
        Assert.Empty(input.Diagnostics);
    }

    [Fact]
    public void LoadRetired_LargeStandardInput_ReadsPastTheDetectionHead()
    {
        var text = "address\n" + string.Concat(Enumerable.Range(0, 2000).Select(i => $"0x{i:x}0000\n"));

        var input = Loader.LoadRetired([Pipe("-", text)]);

        Assert.Equal(2000, input.Records.Count);
        Assert.Equal("-:2001", input.Records[^1].Source.ToString());
    }

    [Fact]
    public void LoadRetired_MissingFile_IsAnInputError()
    {
        var e = Assert.Throws<InputException>(() => Loader.LoadRetired([InputFile.FromPath("/nonexistent/retired.csv")]));

        Assert.Equal("/nonexistent/retired.csv: cannot open: no such file", e.ToString());
    }

    [Fact]
    public void Plan_ReadsEverythingAndPlans()
    {
        var inputs = new HostInputs
        {
            Regions = [File("r.csv", "id,node,base,size\negm0,0,0x0,1M\n")],
            Retired = [File("t.csv", "address\n0x10000\n0x10000\n0x200000\n")],
        };

        var plan = inputs.Plan(PlanOptions.Default);

        Assert.Equal(new Accounting(3, 1, 1, 0, 1), plan.Accounting);
        Assert.Equal("t.csv:4", Assert.Single(plan.Diagnostics).Source.ToString());
    }
}
