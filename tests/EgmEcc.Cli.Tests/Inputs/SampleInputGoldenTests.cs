namespace EgmEcc.Cli.Tests;

/// <summary>
/// The plan of the sample host from each real-world input format, compared byte for byte with
/// <c>Golden/*.json</c>. Regenerate deliberately with <c>EGMECC_UPDATE_GOLDEN=1</c>.
/// </summary>
public class SampleInputGoldenTests
{
    private const string Regions = "data/samples/grace-2s.regions.csv";

    public static TheoryData<string, string[]> Cases() => new()
    {
        { "fwtable", ["--regions", Regions, "--retired", "data/samples/grace-2s-egm0.fwtable.bin", "--retired", "data/samples/grace-2s-egm1.fwtable.bin"] },
        { "ioctl", ["--regions", Regions, "--retired", "data/samples/egm1-retired.ioctl.bin"] },
        { "kmsg", ["--regions", Regions, "--retired", "data/samples/grace-2s.kmsg.log"] },
        { "kmsg-granule-4k", ["--regions", Regions, "--retired", "data/samples/grace-2s.kmsg.log", "--granule", "4K", "--guest-page", "4K"] },
        { "acpi", ["--regions", "data/samples/grace-2s.dsl", "--retired", "data/samples/grace-2s.retired.csv"] },
    };

    [Theory]
    [MemberData(nameof(Cases))]
    public void Plan_SampleInput_MatchesGolden(string name, string[] args)
    {
        var (code, output, error) = Cli.Run(["plan", .. args, "--format", "json"]);
        Assert.True(code == 0, error);

        Golden.Check($"inputs-{name}.plan.json", output);
    }
}
