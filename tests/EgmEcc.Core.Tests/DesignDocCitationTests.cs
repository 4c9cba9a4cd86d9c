using System.Text.RegularExpressions;

namespace EgmEcc.Tests;

/// <summary>
/// The contract, <c>docs/design.md</c>, is cited by section from comments, tests and the other
/// docs. A citation of a section it does not have (a renumbering, a typo) sends a reader nowhere,
/// and a citation of the page that used to live outside the repository cannot be followed at all:
/// both fail here, naming the file and line.
/// </summary>
public partial class DesignDocCitationTests
{
    private const string Contract = "docs/design.md";

    // Built from pieces so that this file does not cite what it forbids.
    private static readonly string[] Forbidden = ["DESIGN" + " §", "DESIGN" + ".md", ".." + "/shared"];

    [Fact]
    public void Contract_HasTheFiveSectionsOfTheProductContract()
    {
        var sections = Sections();

        Assert.Equal(["1", "2", "3", "4", "5"], sections.Where(s => !s.Contains('.')).Order(StringComparer.Ordinal));
    }

    [Fact]
    public void Citations_NameSectionsTheContractHas()
    {
        var sections = Sections();
        var citations = Citations().ToList();

        // A scan that finds nothing (wrong root, wrong pattern) must not pass for a clean one.
        Assert.True(citations.Count >= 10, $"only {citations.Count} citations of {Contract} found; is the scan looking in the right place?");
        var broken = citations.Where(c => !sections.Contains(c.Section)).Select(c => $"{c.File}:{c.Line}: §{c.Section}").ToList();
        Assert.True(broken.Count == 0, $"{Contract} has no such section (headings '## N.' and '### N.M'):\n" + string.Join('\n', broken));
    }

    [Fact]
    public void NoReference_ToTheDesignPageOutsideTheRepositoryRemains()
    {
        var stale = new List<string>();
        foreach (var (file, lines) in ScannedFiles())
        {
            for (var i = 0; i < lines.Length; i++)
            {
                stale.AddRange(Forbidden.Where(f => lines[i].Contains(f, StringComparison.Ordinal)).Select(f => $"{file}:{i + 1}: '{f}'"));
            }
        }

        Assert.True(stale.Count == 0, $"cite {Contract} §N instead:\n" + string.Join('\n', stale));
    }

    /// <summary>The sections of the contract: <c>## N.</c> gives "N", <c>### N.M</c> gives "N.M".</summary>
    private static HashSet<string> Sections()
    {
        var sections = new HashSet<string>(StringComparer.Ordinal);
        foreach (var line in File.ReadLines(Repo.PathOf(Contract)))
        {
            var heading = Heading().Match(line);
            if (heading.Success)
            {
                sections.Add(heading.Groups["section"].Value);
            }
        }

        return sections;
    }

    /// <summary>
    /// Every section cited: <c>docs/design.md §2</c> (or <c>§2.4</c>, or a list <c>§2, §4</c>) in
    /// the code, tests and docs, and the contract's own bare <c>§N</c> cross-references.
    /// </summary>
    private static IEnumerable<(string File, int Line, string Section)> Citations()
    {
        foreach (var (file, lines) in ScannedFiles())
        {
            var own = file == Contract;
            for (var i = 0; i < lines.Length; i++)
            {
                var cited = own
                    ? Section().Matches(lines[i]).Select(m => m.Groups["section"].Value)
                    : CitationList().Matches(lines[i]).SelectMany(m => Section().Matches(m.Groups["list"].Value)).Select(m => m.Groups["section"].Value);
                foreach (var section in cited)
                {
                    yield return (file, i + 1, section);
                }
            }
        }
    }

    /// <summary>Every text file of <c>src/</c> and <c>tests/</c> (build output aside), <c>README.md</c> and <c>docs/*.md</c>, by repository path.</summary>
    private static IEnumerable<(string File, string[] Lines)> ScannedFiles()
    {
        var files = new[] { "src", "tests" }
            .SelectMany(folder => Directory.EnumerateFiles(Repo.PathOf(folder), "*", SearchOption.AllDirectories))
            .Where(path => !Path.GetRelativePath(Repo.Root, path).Split(Path.DirectorySeparatorChar).Any(part => part is "bin" or "obj"))
            .Append(Repo.PathOf("README.md"))
            .Concat(Directory.EnumerateFiles(Repo.PathOf("docs"), "*.md"));
        foreach (var path in files.Order(StringComparer.Ordinal))
        {
            var bytes = File.ReadAllBytes(path);
            if (Array.IndexOf(bytes, (byte)0) >= 0)
            {
                continue;
            }

            var text = System.Text.Encoding.UTF8.GetString(bytes);
            yield return (Path.GetRelativePath(Repo.Root, path).Replace(Path.DirectorySeparatorChar, '/'), text.Split('\n'));
        }
    }

    [GeneratedRegex(@"^(?:## (?<section>[0-9]+)\.|### (?<section>[0-9]+\.[0-9]+)) ")]
    private static partial Regex Heading();

    [GeneratedRegex(@"docs/design\.md(?<list>(?:(?:,\s*|\s+and\s+|\s+)§[0-9]+(?:\.[0-9]+)?)+)")]
    private static partial Regex CitationList();

    [GeneratedRegex(@"§(?<section>[0-9]+(?:\.[0-9]+)?)")]
    private static partial Regex Section();
}
