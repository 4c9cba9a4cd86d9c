using System.CommandLine;
using System.Text.RegularExpressions;

namespace EgmEcc.Cli.Tests.Architecture;

/// <summary>
/// The library speaks the domain, the command line its flags: no string of Core or Formats names a
/// flag, nothing takes an exception's message apart, and every setting the library can refuse has
/// a flag the command line renders it with.
/// </summary>
public partial class DomainTextTests
{
    private static readonly string[] LibrarySources = ["src/EgmEcc.Core", "src/EgmEcc.Formats"];

    [Fact]
    public void CoreAndFormats_StringLiterals_NameNoFlag()
    {
        var offenders = LibrarySources
            .SelectMany(SourceFiles)
            .SelectMany(file => CSharpLiterals.Of(File.ReadAllText(file))
                .Where(literal => Flag().IsMatch(literal.Text))
                .Select(literal => $"{Path.GetRelativePath(Repo.Root, file)}:{literal.Line}: \"{literal.Text}\""))
            .ToArray();

        Assert.True(offenders.Length == 0, "strings that name a command-line flag (say it in domain words, or mention the setting):\n" + string.Join('\n', offenders));
    }

    [Fact]
    public void Sources_NeverTakeAnExceptionMessageApart()
    {
        // Built in two pieces so that this file does not hold the text it looks for.
        var needle = "Split(\" (" + "Parameter";

        var offenders = new[] { "src", "tests" }
            .SelectMany(SourceFiles)
            .Where(file => File.ReadAllText(file).Contains(needle, StringComparison.Ordinal))
            .Select(file => Path.GetRelativePath(Repo.Root, file))
            .ToArray();

        Assert.Empty(offenders);
    }

    [Fact]
    public void Literals_FindsStringsOfEveryKindAndSkipsComments()
    {
        const string source = """"
            var a = "--plain"; // "--comment"
            /* "--block" */ var b = @"--verbatim ""quoted""";
            var c = $"{x}--interpolated{y("--inside")}";
            var d = '"'; var e = "after a quote char";
            var f = $$"""{{z}}--raw""";
            """";

        var texts = CSharpLiterals.Of(source).Select(l => l.Text).ToArray();

        Assert.Equal(["--plain", "--verbatim \"quoted\"", "--inside", "{…}--interpolated{…}", "after a quote char", "{…}--raw"], texts);
        Assert.Equal([1, 2, 3, 3, 4, 5], CSharpLiterals.Of(source).Select(l => l.Line).ToArray());
    }

    [Fact]
    public void EverySetting_HasAFlagTheCommandLineTakes()
    {
        var root = EgmEccCli.CreateRootCommand(new CliConsole(TextWriter.Null, TextWriter.Null, () => Stream.Null));
        var flags = Commands(root).SelectMany(c => c.Options).SelectMany(o => o.Aliases.Append(o.Name)).ToHashSet(StringComparer.Ordinal);

        // The policy flags are defined once, in PolicyOptions, for the verbs that judge a history.
        var policy = new RootCommand();
        new EgmEcc.Cli.Commands.PolicyOptions().AddTo(policy);
        flags.UnionWith(policy.Options.Select(o => o.Name));

        Assert.All(Enum.GetValues<Setting>(), setting => Assert.Contains(SettingFlags.Of(setting), flags));
    }

    private static IEnumerable<Command> Commands(Command command) => command.Subcommands.SelectMany(Commands).Prepend(command);

    private static IEnumerable<string> SourceFiles(string directory) =>
        Directory.EnumerateFiles(Repo.PathOf(directory), "*.cs", SearchOption.AllDirectories)
            .Where(file => !file.Contains("/obj/", StringComparison.Ordinal) && !file.Contains("/bin/", StringComparison.Ordinal));

    [GeneratedRegex("--[A-Za-z]")]
    private static partial Regex Flag();
}
