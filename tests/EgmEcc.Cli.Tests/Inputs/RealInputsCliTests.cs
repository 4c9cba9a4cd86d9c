namespace EgmEcc.Cli.Tests;

/// <summary>The new formats through the command line's wiring: standard input, <c>--region</c>, format overrides.</summary>
public class RealInputsCliTests
{
    private const string Regions = "data/samples/grace-2s.regions.csv";

    [Fact]
    public void Plan_FirmwareTableOnStandardInput_IsDetectedAndPlanned()
    {
        var bytes = File.ReadAllBytes(Path.Combine(RepoCli.RepoRoot, "data/samples/grace-2s-egm0.fwtable.bin"));
        var output = new StringWriter();
        var error = new StringWriter();

        var code = EgmEccCli.Run(
            ["plan", "--regions", Regions, "--retired", "-", "--format", "csv"],
            new CliConsole(output, error, () => new NonSeekableStream(bytes)));

        Assert.True(code == 0, error.ToString());
        Assert.Contains(",egm0,0,hole,0x1230000,0x2001230000,0x10000", output.ToString(), StringComparison.Ordinal);
    }

    [Fact]
    public void Plan_IoctlListWithoutEgmInItsName_TakesTheRegionOption()
    {
        var copy = Path.Combine(Directory.CreateTempSubdirectory("egmecc-cli-").FullName, "retired.bin");
        File.Copy(Path.Combine(RepoCli.RepoRoot, "data/samples/egm1-retired.ioctl.bin"), copy);
        try
        {
            var without = RepoCli.Egmecc("plan", "--regions", Regions, "--retired", copy);
            var with = RepoCli.Egmecc("plan", "--regions", Regions, "--retired", copy, "--region", "egm1", "--format", "csv");

            Assert.Equal(2, without.Code);
            Assert.Contains("--region", without.Error, StringComparison.Ordinal);
            Assert.True(with.Code == 0, with.Error);
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
        var (code, _, error) = RepoCli.Egmecc("plan", "--regions", Regions, "--retired", "data/samples/grace-2s-egm0.fwtable.bin", "--retired-format", "ioctl", "--region", "egm0");

        Assert.Equal(2, code);
        Assert.Equal("egmecc: error: data/samples/grace-2s-egm0.fwtable.bin:+8: 112 bytes follow the 0 entries; a dump is 8 + 16 * count bytes (8) or argsz bytes (14)\n", error);
    }

    [Fact]
    public void Validate_AcpiRegionsAndEveryRetiredFormat_Succeeds()
    {
        var (code, _, error) = RepoCli.Egmecc(
            "validate", "--regions", "data/samples/grace-2s.dsl",
            "--retired", "data/samples/grace-2s-egm0.fwtable.bin", "--retired", "data/samples/grace-2s-egm1.fwtable.bin",
            "--retired", "data/samples/egm1-retired.ioctl.bin", "--retired", "data/samples/grace-2s.kmsg.log",
            "--retired", "data/samples/grace-2s.retired.csv");

        Assert.True(code == 0, error);
    }

    private sealed class NonSeekableStream(byte[] bytes) : MemoryStream(bytes, writable: false)
    {
        public override bool CanSeek => false;
    }
}
