using EgmEcc.Formats.Inputs;
using EgmEcc.Formats.Output;
using EgmEcc.Pipeline;

namespace EgmEcc.Formats.Tests;

/// <summary>
/// The plan output formats (json, csv, text), byte for byte, for the sample host and for a small case with every
/// edge (a region ending at 2^64, a clipped record, an out-of-region record, --min-extent
/// fragments, a guest size). Regenerate with <c>EGMECC_UPDATE_GOLDEN=1</c>.
/// </summary>
public class PlanWriterGoldenTests
{
    /// <summary>
    /// Every registered plan format but the layouts (dts, qemu, windows), which have their own golden
    /// folder and tests, judged by dtc: a new writer fails here until its golden files exist.
    /// </summary>
    public static TheoryData<string> Formats =>
        [.. PlanWriters.All.Names.Where(name => !Directory.Exists(Path.Combine(Golden.Directory, name)))];

    /// <summary>The sample host, planned with the defaults; sources named as the README's command names them.</summary>
    internal static Plan SamplePlan() => SampleInputs().Plan(PlanOptions.Default);

    internal static HostInputs SampleInputs() => new()
    {
        Regions = [Sample("data/samples/grace-2s.regions.csv")],
        Retired = [Sample("data/samples/grace-2s.retired.csv")],
    };

    internal static Plan TrickyPlan() => TrickyInputs().Plan(TrickyOptions);

    internal static HostInputs TrickyInputs() => new()
    {
        Regions = [InputFile.FromBytes("tricky.regions.csv", Golden.Input("tricky.regions.csv"))],
        Retired = [InputFile.FromBytes("tricky.retired.csv", Golden.Input("tricky.retired.csv"))],
    };

    internal static PlanOptions TrickyOptions { get; } = new(minExtent: 128 * 1024);

    internal static string Write(string format, Plan plan)
    {
        using var output = new StringWriter { NewLine = "\n" };
        PlanWriters.All.Find(format)!.Write(plan, output, OutputOptions.Default);
        return output.ToString();
    }

    [Theory]
    [MemberData(nameof(Formats))]
    public void Write_SampleHost_MatchesGolden(string format)
    {
        Golden.Check($"grace-2s.plan.{Extension(format)}", Write(format, SamplePlan()));
    }

    [Theory]
    [MemberData(nameof(Formats))]
    public void Write_EdgeCases_MatchesGolden(string format)
    {
        Golden.Check($"tricky.plan.{Extension(format)}", Write(format, TrickyPlan()));
    }

    /// <summary>A registered plan writer needs golden files: its own folder (layouts) or the sample host's plan.</summary>
    [Fact]
    public void EveryPlanWriter_HasGoldenFiles()
    {
        var missing = PlanWriters.All.Names
            .Where(name => !Golden.Exists($"grace-2s.plan.{Extension(name)}") && !Directory.Exists(Path.Combine(Repo.Root, "tests", "EgmEcc.Formats.Tests", "Golden", name)))
            .ToArray();

        Assert.True(missing.Length == 0, $"plan writers without golden files: {string.Join(", ", missing)} (create them with EGMECC_UPDATE_GOLDEN=1, or give the writer a golden folder as the layouts have)");
    }

    [Fact]
    public void TrickyPlan_CoversTheEdgesItIsMeantTo()
    {
        var plan = TrickyPlan();

        Assert.Equal(new Accounting(7, 5, 1, 1, 1), plan.Accounting);
        var top = plan.Regions.Single(r => r.Region.Id == "top");
        Assert.Equal(UInt128.One << 64, top.Region.Extent.End);
        Assert.Equal(0x1_0000UL, top.Holes[^1].Size);
        var low = plan.Regions.Single(r => r.Region.Id == "low");
        Assert.Equal(0x8_0000UL, low.Region.GuestSize);
        Assert.Contains(low.Holes, h => h.FragmentBytes > 0);
    }

    // Regression: the text table's header row ended in padding spaces.
    [Theory]
    [MemberData(nameof(Formats))]
    public void Write_NoLineEndsInWhitespace(string format)
    {
        var lines = Write(format, TrickyPlan()).Split('\n');

        Assert.DoesNotContain(lines, line => line.Length > 0 && char.IsWhiteSpace(line[^1]));
    }

    private static string Extension(string format) => format == "text" ? "txt" : format;

    private static InputFile Sample(string relative) => new(relative, () => File.OpenRead(Repo.PathOf(relative)));
}
