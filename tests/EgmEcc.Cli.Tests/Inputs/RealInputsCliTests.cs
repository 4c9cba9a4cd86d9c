namespace EgmEcc.Cli.Tests;

/// <summary>The new formats through the command line's wiring: standard input, <c>--region</c>, format overrides.</summary>
public class RealInputsCliTests
{
    private const string Regions = "data/samples/grace-2s.regions.csv";

    [Fact]
    public void Plan_FirmwareTableOnStandardInput_IsDetectedAndPlanned()
    {
        var bytes = File.ReadAllBytes(Path.Combine(Repo.Root, "data/samples/grace-2s-egm0.fwtable.bin"));

        var (code, output, error) = Cli.RunWith(bytes, errorIsTerminal: false, "plan", "--regions", Regions, "--retired", "-", "--format", "csv");

        Assert.True(code == 0, error);
        Assert.Contains(",egm0,0,hole,0x1230000,0x2001230000,0x10000", output, StringComparison.Ordinal);
    }

    [Fact]
    public void Plan_IoctlListWithoutEgmInItsName_TakesTheRegionOption()
    {
        var copy = Path.Combine(Directory.CreateTempSubdirectory("egmecc-cli-").FullName, "retired.bin");
        File.Copy(Path.Combine(Repo.Root, "data/samples/egm1-retired.ioctl.bin"), copy);
        try
        {
            var without = Cli.Run("plan", "--regions", Regions, "--retired", copy);
            var with = Cli.Run("plan", "--regions", Regions, "--retired", copy, "--region", "egm1", "--format", "csv");

            Assert.Equal(2, without.Exit);
            Assert.Contains("--region", without.Error, StringComparison.Ordinal);
            Assert.True(with.Exit == 0, with.Error);
            Assert.Contains(",egm1,1,hole,0x5fffff0000,0x407fffff0000,0x10000", with.Out, StringComparison.Ordinal);
        }
        finally
        {
            Directory.Delete(Path.GetDirectoryName(copy)!, recursive: true);
        }
    }

    [Fact]
    public void Plan_WrongFormatNamed_GivesThatReadersError()
    {
        var (code, _, error) = Cli.Run("plan", "--regions", Regions, "--retired", "data/samples/grace-2s-egm0.fwtable.bin", "--retired-format", "ioctl", "--region", "egm0");

        Assert.Equal(2, code);
        Assert.Equal("egmecc: error: data/samples/grace-2s-egm0.fwtable.bin:+8: the file goes on past argsz (14 bytes); a dump is 8 + 16 * count bytes (8) or argsz bytes (14)\n", error);
    }

    [Fact]
    public void Validate_AcpiRegionsAndEveryRetiredFormat_Succeeds()
    {
        var (code, _, error) = Cli.Run(
            "validate", "--regions", "data/samples/grace-2s.dsl",
            "--retired", "data/samples/grace-2s-egm0.fwtable.bin", "--retired", "data/samples/grace-2s-egm1.fwtable.bin",
            "--retired", "data/samples/egm1-retired.ioctl.bin", "--retired", "data/samples/grace-2s.kmsg.log",
            "--retired", "data/samples/grace-2s.retired.csv");

        Assert.True(code == 0, error);
    }
}
