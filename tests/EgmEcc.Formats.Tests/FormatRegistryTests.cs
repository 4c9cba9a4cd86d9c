using EgmEcc.Formats.Csv;
using EgmEcc.Formats.Inputs;
using EgmEcc.Formats.Json;
using static EgmEcc.Formats.Tests.TestInputs;

namespace EgmEcc.Formats.Tests;

public class FormatRegistryTests
{
    private static readonly FormatRegistry Formats = FormatRegistry.Default;

    private static string RegionFormat(string text, string name, string? format = null) =>
        Formats.PickRegionReader(Bytes(text), InputFile.FromBytes(name, Bytes(text)), format).Name;

    private static string RetiredFormat(string text, string name, string? format = null) =>
        Formats.PickRetiredReader(Bytes(text), InputFile.FromBytes(name, Bytes(text)), format).Name;

    [Fact]
    public void Default_ListsEveryFormatOfBothKinds()
    {
        Assert.Equal(["csv", "json", "acpi", "aml"], Formats.RegionReaders.Names.ToArray());
        Assert.Equal(["csv", "json", "fwtable", "ioctl", "kmsg"], Formats.RetiredReaders.Names.ToArray());
        Assert.IsType<RegionCsvReader>(Formats.RegionReaders[0]);
        Assert.IsType<RetiredJsonReader>(Formats.RetiredReaders[1]);
    }

    [Theory]
    [InlineData("id,node,base,size\n", "regions.txt", "csv")]
    [InlineData("# comment\n\nID, Node, Base, Size\n", "regions", "csv")]
    [InlineData("\"id\",\"node\",\"base\",\"size\"\n", "regions.txt", "csv")]
    [InlineData("id,node,base,size\n", "regions.json", "csv")]
    [InlineData("[{\"node\":0,\"base\":0,\"size\":1}]", "regions.csv", "json")]
    [InlineData("\uFEFF  {\"regions\": []}", "plan", "json")]
    [InlineData("[]", "regions.txt", "json")]
    [InlineData("something else\n", "regions.csv", "csv")]
    [InlineData("something else\n", "regions.JSON", "json")]
    public void PickRegionReader_ContentFirstThenExtension(string text, string name, string expected)
    {
        Assert.Equal(expected, RegionFormat(text, name));
    }

    [Theory]
    [InlineData("address,size\n", "retired.txt", "csv")]
    [InlineData("# c\nregion, offset\n", "retired", "csv")]
    [InlineData("\"address\",\"size\"\n", "retired.txt", "csv")]
    [InlineData("address\n", "retired.json", "csv")]
    [InlineData("[{\"address\": 0}]", "retired.csv", "json")]
    [InlineData("{\"retired\": []}", "retired.dat", "json")]
    [InlineData("[]", "x", "json")]
    [InlineData("garbage\n", "retired.csv", "csv")]
    public void PickRetiredReader_ContentFirstThenExtension(string text, string name, string expected)
    {
        Assert.Equal(expected, RetiredFormat(text, name));
    }

    [Fact]
    public void Pick_NamedFormat_OverridesContentInAnyCase()
    {
        Assert.Equal("json", RegionFormat("id,node,base,size\n", "r.csv", "JSON"));
        Assert.Equal("csv", RetiredFormat("[]", "t.json", "csv"));
    }

    [Fact]
    public void Pick_UnknownFormatName_IsAnErrorListingTheKnownOnes()
    {
        var error = Assert.Throws<InputException>(() => RetiredFormat("address\n", "t.csv", "fwtabel"));

        Assert.Equal("t.csv: unknown retired format 'fwtabel'; known: csv, json, fwtable, ioctl, kmsg", error.ToString());
    }

    [Fact]
    public void Pick_EmptyFile_IsAnError()
    {
        var error = Assert.Throws<InputException>(() => RegionFormat(string.Empty, "r.csv"));

        Assert.Equal("r.csv: the file is empty; expected region records", error.ToString());
    }

    [Fact]
    public void Pick_NothingFits_IsAnErrorSayingToNameTheFormat()
    {
        var regions = Assert.Throws<InputException>(() => RegionFormat("hello\n", "notes.dat"));
        var retired = Assert.Throws<InputException>(() => RetiredFormat("hello\n", "notes.dat"));

        Assert.Equal("notes.dat: cannot tell the region format; tried csv, json, acpi, aml (name one explicitly)", regions.ToString());
        Assert.Equal("notes.dat: cannot tell the retired format; tried csv, json, fwtable, ioctl, kmsg (name one explicitly)", retired.ToString());
    }
}
