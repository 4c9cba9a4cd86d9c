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

        var fileName = $"inputs-{name}.plan.json";
        var golden = Path.Combine(AppContext.BaseDirectory, "Golden", fileName);
        if (Environment.GetEnvironmentVariable("EGMECC_UPDATE_GOLDEN") == "1")
        {
            // Into the source tree, which the build copies to the output.
            File.WriteAllText(Path.Combine(Repo.Root, "tests", "EgmEcc.Cli.Tests", "Golden", fileName), output);
            File.WriteAllText(golden, output);
        }

        Assert.True(File.Exists(golden), $"no golden file {golden}; run with EGMECC_UPDATE_GOLDEN=1 to create it");
        var expected = File.ReadAllText(golden);
        if (expected != output)
        {
            Assert.Fail($"plan differs from {golden} (EGMECC_UPDATE_GOLDEN=1 regenerates it):\n{Diff(expected, output)}");
        }
    }

    /// <summary>The first differing lines, with a little context.</summary>
    internal static string Diff(string expected, string actual)
    {
        var a = expected.Split('\n');
        var b = actual.Split('\n');
        var first = 0;
        while (first < a.Length && first < b.Length && a[first] == b[first])
        {
            first++;
        }

        var from = Math.Max(0, first - 2);
        var lines = new List<string>();
        for (var i = from; i < Math.Min(Math.Max(a.Length, b.Length), first + 6); i++)
        {
            var left = i < a.Length ? a[i] : "<end>";
            var right = i < b.Length ? b[i] : "<end>";
            lines.Add(left == right ? $"  {i + 1}: {left}" : $"- {i + 1}: {left}\n+ {i + 1}: {right}");
        }

        return string.Join('\n', lines);
    }
}
