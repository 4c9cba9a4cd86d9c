using EgmEcc.Formats.Inputs;

namespace EgmEcc.Formats.Tests;

public class FormatDetectionTests
{
    [Theory]
    [InlineData("samples/grace-2s-egm0.fwtable.bin", "fwtable")]
    [InlineData("samples/grace-2s-egm1.fwtable.bin", "fwtable")]
    [InlineData("samples/egm1-retired.ioctl.bin", "ioctl")]
    [InlineData("samples/grace-2s.kmsg.log", "kmsg")]
    [InlineData("samples/grace-2s.retired.csv", "csv")]
    public void PickRetiredReader_Sample_IsDetectedFromContent(string path, string format)
    {
        // Renamed to a neutral name, so only the content can tell.
        var bytes = File.ReadAllBytes(TestInputs.DataPath(path));
        var file = TestInputs.File("input", bytes);

        Assert.Equal(format, FormatRegistry.Default.PickRetiredReader(bytes.AsSpan(0, Math.Min(bytes.Length, FormatRegistry.HeadLength)), file, null).Name);
    }

    [Theory]
    [InlineData("samples/grace-2s.dsl", "acpi")]
    [InlineData("samples/grace-2s.asl", "acpi")]
    [InlineData("samples/grace-2s.regions.csv", "csv")]
    [InlineData("samples/grace-2s.ssdt.aml", "aml")]
    public void PickRegionReader_Sample_IsDetectedFromContent(string path, string format)
    {
        var bytes = File.ReadAllBytes(TestInputs.DataPath(path));

        Assert.Equal(format, FormatRegistry.Default.PickRegionReader(bytes.AsSpan(0, Math.Min(bytes.Length, FormatRegistry.HeadLength)), TestInputs.File("input", bytes), null).Name);
    }

    [Fact]
    public void PickRetiredReader_NamedFormat_OverridesContent()
    {
        var bytes = File.ReadAllBytes(TestInputs.DataPath("samples/grace-2s-egm0.fwtable.bin"));

        Assert.Equal("ioctl", FormatRegistry.Default.PickRetiredReader(bytes, TestInputs.File("x", bytes), "IOCTL").Name);
    }

    [Fact]
    public void PickRetiredReader_NoFormatFits_ListsWhatItTried()
    {
        var bytes = new byte[100];
        new Random(7).NextBytes(bytes);

        var e = Assert.Throws<InputException>(() => FormatRegistry.Default.PickRetiredReader(bytes, TestInputs.File("noise", bytes), null));

        Assert.Equal("cannot tell the retired format; tried csv, json, fwtable, ioctl, kmsg (name one explicitly)", e.Message);
    }

    [Fact]
    public void FormatNames_IncludeEveryNewReader()
    {
        Assert.Equal(["csv", "json", "acpi", "aml"], FormatRegistry.Default.RegionReaders.Names.ToArray());
        Assert.Equal(["csv", "json", "fwtable", "ioctl", "kmsg"], FormatRegistry.Default.RetiredReaders.Names.ToArray());
    }
}
