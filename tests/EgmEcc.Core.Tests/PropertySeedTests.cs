using System.Text.RegularExpressions;

namespace EgmEcc.Tests;

/// <summary>
/// Every FsCheck property in the tests runs with <see cref="Properties.Seeded"/>, so a run is
/// reproducible: an unseeded configuration or FsCheck's own quick-check entry points are refused.
/// </summary>
public class PropertySeedTests
{
    private static readonly Regex Unseeded = new(@"Config\.(Quick|Verbose|Default)|QuickCheck|VerboseCheck|\[Property", RegexOptions.Compiled);

    [Fact]
    public void EveryProperty_InTheTests_IsSeeded()
    {
        var tests = Path.Combine(Repo.Root, "tests");
        var shared = Path.Combine(tests, "Shared", "Properties.cs");
        var offenders = Directory.EnumerateFiles(tests, "*.cs", SearchOption.AllDirectories)
            .Where(f => !f.Contains($"{Path.DirectorySeparatorChar}obj{Path.DirectorySeparatorChar}", StringComparison.Ordinal)
                && !f.Contains($"{Path.DirectorySeparatorChar}bin{Path.DirectorySeparatorChar}", StringComparison.Ordinal)
                && f != shared && f != Path.Combine(tests, "EgmEcc.Core.Tests", "PropertySeedTests.cs"))
            .SelectMany(f => File.ReadLines(f).Select((line, i) => (File: Path.GetRelativePath(Repo.Root, f), Line: i + 1, Text: line)))
            .Where(l => Unseeded.IsMatch(l.Text))
            .Select(l => $"{l.File}:{l.Line}: {l.Text.Trim()}")
            .ToArray();

        Assert.True(offenders.Length == 0, "properties not run with Properties.Seeded:\n" + string.Join('\n', offenders));
    }
}
