using System.CommandLine;
using System.Reflection;
using System.Text;
using EgmEcc.Formats.Output;
using EgmEcc.Formats.Output.Documents;

namespace EgmEcc.Cli.Tests.Native;

/// <summary>
/// The command lines a published binary must answer exactly as the in-process CLI does: the
/// golden tests' sample cases (every plan format, every input format, every fleet and forecast
/// format), report, validate, diff, synth, standard input, usage errors, help, and every case
/// of the bad-input corpus. The lists come from the registries and the golden and corpus tests,
/// so a format or a bad input added there is run natively too.
/// </summary>
/// <remarks>
/// <c>{out}</c> in an argument is a fresh directory of the run; the files written there are
/// compared too. Paths are relative to the repository root, where every run starts.
/// </remarks>
internal static class NativeCases
{
    /// <summary>The marker of a run's output directory in arguments and outputs.</summary>
    public const string Out = "{out}";

    private static readonly Lazy<IReadOnlyDictionary<string, NativeCase>> All = new(Create);

    /// <summary>Every case, by name.</summary>
    public static TheoryData<string> Names() => [.. All.Value.Keys];

    /// <summary>What the arm64 binary runs under emulation (a second or so each): the sample plan (its JSON and CSV rows made in vectors, AdvSimd there) and report.</summary>
    public static TheoryData<string> CrossNames() => ["plan/json", "plan/csv", "plan/text", "report/text", "report/json", "report/html", "bad/retired-bad-hex.csv"];

    public static NativeCase Get(string name) => All.Value[name];

    private static IReadOnlyDictionary<string, NativeCase> Create()
    {
        var cases = new Dictionary<string, NativeCase>(StringComparer.Ordinal);
        void Add(string name, string[] args, byte[]? input = null) => cases.Add(name, new NativeCase(name, args, input ?? []));
        string[] sample = ["--regions", Cli.Regions, "--retired", Cli.Retired];

        foreach (var format in PlanWriters.All.Names)
        {
            Add($"plan/{format}", ["plan", .. sample, "--format", format]);
        }

        Add("plan/output-file", ["plan", .. sample, "--format", "csv", "-o", $"{Out}/plan.csv"]);
        foreach (var row in SampleInputGoldenTests.Cases())
        {
            Add($"inputs/{row[0]}", ["plan", .. (string[])row[1], "--format", "json"]);
        }

        Add("report/text", ["report", .. sample]);
        Add("report/json", ["report", .. sample, "--format", "json"]);
        Add("report/html", ["report", .. sample, "--html", $"{Out}/report.html"]);
        Add("report/gate-failed", ["report", .. sample, "--fail-below-usable", "99.99999", "--fail-on-warning"]);
        Add("validate", ["validate", .. sample]);

        foreach (var row in FleetGoldenTests.RegisteredFormats())
        {
            var (verb, format) = ((string)row[0], (string)row[1]);
            Add($"{verb}/{format}", FleetGoldenTests.RegisteredFormatArguments(verb, format));
        }

        Add("fleet/host-column", ["fleet", "--regions", "data/fleet/regions.csv", "--retired", "data/fleet/retired.csv"]);
        Add("fleet/html", ["fleet", "--dir", "data/fleet/hosts", "--html", $"{Out}/fleet.html"]);
        foreach (var format in DiffWriters.All.Names)
        {
            Add($"diff/{format}", ["diff", "tests/EgmEcc.Cli.Tests/Golden/inputs-kmsg.plan.json", "tests/EgmEcc.Cli.Tests/Golden/inputs-kmsg-granule-4k.plan.json", "--format", format]);
        }

        Add("synth", ["synth", "--hosts", "3", "--records", "200", "--seed", "7", "-o", $"{Out}/fleet"]);
        Add("stdin/retired", ["plan", "--regions", Cli.Regions, "--retired", "-", "--format", "json"], File.ReadAllBytes(Repo.PathOf(Cli.Retired)));
        Add("usage/bad-flag", ["plan", .. sample, "--bogus"]);
        Add("usage/no-verb", []);
        Add("version", ["--version"]);
        Add("help/root", ["--help"]);
        foreach (string verb in CliConsistencyTests.Verbs)
        {
            Add($"help/{verb}", [verb, "--help"]);
        }

        foreach (string name in BadInputCorpusTests.Cases())
        {
            Add($"bad/{name}", BadInputCorpusTests.Arguments(name));
        }

        return cases;
    }
}

/// <summary>One command line, with what it reads on standard input.</summary>
internal sealed record NativeCase(string Name, string[] Args, byte[] Input)
{
    /// <summary>The arguments with <see cref="NativeCases.Out"/> replaced by <paramref name="directory"/>.</summary>
    public string[] ArgsIn(string directory) => [.. Args.Select(a => a.Replace(NativeCases.Out, directory, StringComparison.Ordinal))];

    /// <summary>Runs in process (as every other test does) with its output directory <paramref name="directory"/>.</summary>
    public RunOutcome InProcess(string directory)
    {
        var run = Cli.RunWith(Input, errorIsTerminal: false, ArgsIn(directory));
        return RunOutcome.Of(run with { Out = AsItsOwnProgram(run.Out) }, directory);
    }

    /// <summary>Runs <paramref name="program"/> (<paramref name="prefix"/> first) from the repository root, output directory <paramref name="directory"/>.</summary>
    public RunOutcome Process(string program, string[] prefix, string directory) =>
        RunOutcome.Of(NativeBuilds.Start(program, [.. prefix, .. ArgsIn(directory)], Repo.Root, Input, TimeSpan.FromSeconds(60), Environment), directory);

    /// <summary>
    /// The child's environment as the in-process console has it: colour left to the program, a
    /// UTF-8 locale (a CI job often has none, which would draw the report in ASCII), and the
    /// report's clock (<see cref="Cli.FixedTime"/>) through <c>SOURCE_DATE_EPOCH</c>.
    /// </summary>
    private static void Environment(IDictionary<string, string?> environment)
    {
        environment.Remove("NO_COLOR");
        environment["LC_ALL"] = "C.UTF-8";
        environment["SOURCE_DATE_EPOCH"] = Cli.FixedTime.ToUnixTimeSeconds().ToString(System.Globalization.CultureInfo.InvariantCulture);
    }

    /// <summary>
    /// In process, the entry assembly is the test host, and System.CommandLine names the program in
    /// help, and answers <c>--version</c>, after it; egmecc itself shows its own name and version.
    /// Only those two are changed back; everything else must be the same bytes.
    /// </summary>
    private static string AsItsOwnProgram(string output)
    {
        static string? Version(Assembly? assembly) => assembly?.GetCustomAttribute<AssemblyInformationalVersionAttribute>()?.InformationalVersion;
        if (output == Version(Assembly.GetEntryAssembly()) + "\n")
        {
            return Version(typeof(EgmEccCli).Assembly) + "\n";
        }

        return output.Replace($"Usage:\n  {RootCommand.ExecutableName} ", "Usage:\n  egmecc ", StringComparison.Ordinal);
    }
}

/// <summary>What a run gave: exit code, both outputs, and the files it wrote in its output directory.</summary>
internal sealed record RunOutcome(int Exit, string Out, string Error, IReadOnlyList<(string Path, byte[] Bytes)> Files)
{
    /// <summary>
    /// What <paramref name="result"/> gave and wrote in <paramref name="directory"/>, which is then
    /// emptied: the next run writes to the same path, so paths echoed in outputs (a report's
    /// command line) compare equal.
    /// </summary>
    public static RunOutcome Of(CliResult result, string directory)
    {
        var files = Directory.EnumerateFiles(directory, "*", SearchOption.AllDirectories)
            .Select(path => (Path: Path.GetRelativePath(directory, path), Bytes: File.ReadAllBytes(path)))
            .OrderBy(file => file.Path, StringComparer.Ordinal)
            .ToArray();
        foreach (var entry in new DirectoryInfo(directory).EnumerateFileSystemInfos())
        {
            if (entry is DirectoryInfo folder)
            {
                folder.Delete(recursive: true);
            }
            else
            {
                entry.Delete();
            }
        }

        return new RunOutcome(result.Exit, result.Out, result.Error, files);
    }

    /// <summary>Fails with every difference from <paramref name="expected"/> (- expected, + actual).</summary>
    public void AssertSameAs(RunOutcome expected, string what)
    {
        var differences = new StringBuilder();
        if (Exit != expected.Exit)
        {
            differences.Append($"exit code: {expected.Exit} expected, {Exit} actual\n");
        }

        if (Out != expected.Out)
        {
            differences.Append("standard output:\n").Append(Golden.Diff(expected.Out, Out));
        }

        if (Error != expected.Error)
        {
            differences.Append("standard error:\n").Append(Golden.Diff(expected.Error, Error));
        }

        var expectedNames = expected.Files.Select(f => f.Path).ToArray();
        var names = Files.Select(f => f.Path).ToArray();
        if (!expectedNames.SequenceEqual(names))
        {
            differences.Append($"files written: [{string.Join(", ", expectedNames)}] expected, [{string.Join(", ", names)}] actual\n");
        }
        else
        {
            foreach (var (file, bytes) in expected.Files.Zip(Files, (e, a) => (e.Path, (e.Bytes, a.Bytes))))
            {
                if (!bytes.Item1.AsSpan().SequenceEqual(bytes.Item2))
                {
                    differences.Append($"{file}:\n").Append(Golden.Diff(Encoding.UTF8.GetString(bytes.Item1), Encoding.UTF8.GetString(bytes.Item2)));
                }
            }
        }

        Assert.True(differences.Length == 0, $"{what} differs:\n{differences}");
    }
}
