using EgmEcc.Formats.Inputs;
using static EgmEcc.Cli.Tests.Cli;

namespace EgmEcc.Cli.Tests;

/// <summary>
/// Every malformed input in <c>data/bad/</c> (see its README): run as the file name says, it must
/// exit 2 with exactly the line its <c>.expected</c> file holds, quickly. Files are found at run
/// time, so a new case needs no code.
/// </summary>
public class BadInputCorpusTests
{
    private const string Folder = "data/bad";

    static BadInputCorpusTests()
    {
        // The first run pays for loading and JIT; the time limit is about the input, not that.
        Run("validate", "--regions", Regions, "--retired", Retired);
    }

    public static TheoryData<string> Cases()
    {
        var cases = new TheoryData<string>();

        foreach (var name in Inputs())
        {
            cases.Add(name);
        }

        return cases;
    }

    [Theory]
    [MemberData(nameof(Cases))]
    public void Plan_BadInput_ExitsTwoWithTheExpectedLine(string name)
    {
        var path = $"{Folder}/{name}";
        var expected = Repo.PathOf(path + ".expected");
        Assert.True(File.Exists(expected), $"{path} has no {path}.expected holding the stderr line it must give");
        var result = Run(Arguments(name));

        AssertInputError(result, File.ReadAllText(expected).TrimEnd('\n', '\r'));
        Assert.True(result.Elapsed < TimeSpan.FromSeconds(1), $"{path} took {result.Elapsed.TotalMilliseconds:0} ms");
    }

    /// <summary>The command line a case runs, from its file name (and its <c>.args</c> file); the native binary's tests run them too.</summary>
    internal static string[] Arguments(string name)
    {
        var path = $"{Folder}/{name}";
        string[] args = name switch
        {
            _ when name.StartsWith("regions-", StringComparison.Ordinal) => ["plan", "--regions", path],
            _ when name.StartsWith("retired-", StringComparison.Ordinal) => ["plan", "--regions", Regions, "--retired", path],
            _ when name.StartsWith("diff-", StringComparison.Ordinal) => ["diff", path, path],
            _ when name.StartsWith("history-", StringComparison.Ordinal) => ["history", path],

            // A policy file is read before any snapshot is planned (docs/design.md §4.14).
            _ when name.StartsWith("policy-", StringComparison.Ordinal) => ["history", "data/history", "--policy", path],
            _ => throw new InvalidOperationException($"{path}: a bad-input file name starts with 'regions-', 'retired-', 'diff-', 'history-' or 'policy-'"),
        };
        var extra = Repo.PathOf(path + ".args");
        if (File.Exists(extra))
        {
            args = [.. args, .. File.ReadAllLines(extra).Where(line => line.Length > 0)];
        }

        return args;
    }

    [Fact]
    public void Corpus_EveryExpectedAndArgsFileHasItsInput()
    {
        var inputs = Inputs().ToHashSet(StringComparer.Ordinal);
        var orphans = Directory.EnumerateFiles(Repo.PathOf(Folder))
            .Select(Path.GetFileName)
            .Where(n => n!.EndsWith(".expected", StringComparison.Ordinal) || n.EndsWith(".args", StringComparison.Ordinal))
            .Where(n => !inputs.Contains(Path.GetFileNameWithoutExtension(n!)))
            .ToArray();

        Assert.Empty(orphans);
        Assert.True(inputs.Count >= 20, $"only {inputs.Count} bad inputs found in {Repo.PathOf(Folder)}");
    }

    /// <summary>
    /// Every reader EgmEcc has is fed something malformed (<c>regions-acpi-*</c>, <c>retired-kmsg-*</c>,
    /// or the extension for CSV and JSON), and so is the detection that recognises nothing.
    /// </summary>
    [Fact]
    public void Corpus_HasACaseForEveryFormat()
    {
        var inputs = Inputs().ToArray();
        var formats = FormatRegistry.Default.RegionReaders.Names.Select(f => (Kind: "regions-", Name: f))
            .Concat(FormatRegistry.Default.RetiredReaders.Names.Select(f => (Kind: "retired-", Name: f)));

        Assert.All(formats, f => Assert.True(
            inputs.Any(n => n.StartsWith(f.Kind, StringComparison.Ordinal)
                && (n.Contains($"-{f.Name}-", StringComparison.Ordinal) || n.EndsWith($".{f.Name}", StringComparison.Ordinal))),
            $"no {f.Kind}* case for the {f.Name} format"));
        Assert.Contains(inputs, n => n.StartsWith("retired-garbage.", StringComparison.Ordinal));
    }

    /// <summary>The malformed inputs: every file but the <c>.expected</c>/<c>.args</c> companions, dot files and the README.</summary>
    private static IEnumerable<string> Inputs() =>
        Directory.EnumerateFiles(Repo.PathOf(Folder))
            .Select(path => Path.GetFileName(path))
            .Where(name => !name.StartsWith('.') && name != "README.md"
                && !name.EndsWith(".expected", StringComparison.Ordinal) && !name.EndsWith(".args", StringComparison.Ordinal))
            .Order(StringComparer.Ordinal);
}
