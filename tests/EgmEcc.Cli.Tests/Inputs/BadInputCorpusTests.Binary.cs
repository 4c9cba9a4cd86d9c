using System.Diagnostics;

namespace EgmEcc.Cli.Tests;

/// <summary>
/// The <c>data/bad/</c> cases of the firmware table, ioctl list, kernel log and ACPI readers: each
/// exits 2 with exactly the line in its <c>.expected</c>, within a second.
/// </summary>
/// <remarks>
/// Convention: <c>regions-*</c> runs as <c>plan --regions FILE</c>, <c>retired-*</c> as
/// <c>plan --regions data/samples/grace-2s.regions.csv --retired FILE</c>; <c>FILE.args</c> adds
/// arguments, one a line.
/// </remarks>
public class BadInputCorpusBinaryTests
{
    private static readonly string[] Markers = ["-fwtable-", "-ioctl-", "-kmsg-", "-acpi-", "retired-garbage."];

    public static TheoryData<string> Cases() => new(CaseNames());

    private static List<string> CaseNames()
    {
        var names = new List<string>();
        foreach (var path in Directory.EnumerateFiles(Path.Combine(RepoCli.RepoRoot, "data", "bad")).Order(StringComparer.Ordinal))
        {
            var name = Path.GetFileName(path);
            if (!name.EndsWith(".expected", StringComparison.Ordinal) && !name.EndsWith(".args", StringComparison.Ordinal)
                && Markers.Any(m => name.Contains(m, StringComparison.Ordinal)))
            {
                names.Add(name);
            }
        }

        return names;
    }

    [Fact]
    public void Corpus_HasACaseForEveryFormat()
    {
        var names = CaseNames();

        Assert.All(Markers, m => Assert.Contains(names, n => n.Contains(m, StringComparison.Ordinal)));
    }

    [Theory]
    [MemberData(nameof(Cases))]
    public void Plan_BadInput_ExitsTwoWithTheExpectedLineWithinASecond(string name)
    {
        var file = $"data/bad/{name}";
        Assert.True(File.Exists(Path.Combine(RepoCli.RepoRoot, file + ".expected")), $"{file} has no .expected");
        var expected = File.ReadAllText(Path.Combine(RepoCli.RepoRoot, file + ".expected")).TrimEnd('\n');
        var extra = File.Exists(Path.Combine(RepoCli.RepoRoot, file + ".args"))
            ? File.ReadAllLines(Path.Combine(RepoCli.RepoRoot, file + ".args")).Where(l => l.Length > 0)
            : [];
        string[] args = name.StartsWith("regions-", StringComparison.Ordinal)
            ? ["plan", "--regions", file, .. extra]
            : ["plan", "--regions", "data/samples/grace-2s.regions.csv", "--retired", file, .. extra];

        var watch = Stopwatch.StartNew();
        var (code, _, error) = RepoCli.Egmecc(args);
        watch.Stop();

        Assert.Equal(expected, error.TrimEnd('\n'));
        Assert.Equal(2, code);
        Assert.True(watch.Elapsed < TimeSpan.FromSeconds(1), $"{name} took {watch.Elapsed}");
    }
}
