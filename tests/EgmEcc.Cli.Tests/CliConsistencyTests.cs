using System.Text.RegularExpressions;

namespace EgmEcc.Cli.Tests;

/// <summary>
/// Every verb behaves alike at its edges: a bad flag is a usage error (exit 1, <c>egmecc: error:</c>
/// lines and a pointer to the help, nothing on standard output), a bad input an input error
/// (exit 2, exactly one line naming FILE:LINE, FILE:+OFFSET or FILE), <c>--help</c> a help text
/// on standard output that states each default once, and <c>--output</c> never a partial file.
/// </summary>
public class CliConsistencyTests
{
    private static readonly string Regions = Cli.Data("samples", "grace-2s.regions.csv");
    private static readonly string Retired = Cli.Data("samples", "grace-2s.retired.csv");
    private static readonly string Tree = Cli.Data("fleet", "hosts");
    private static readonly string FwTable = Cli.Data("samples", "grace-2s-egm0.fwtable.bin");
    private static readonly Lazy<Files> Inputs = new(Files.Create);

    // A host tree for collect, kept for the test run (it lives in a temporary folder).
    private static readonly Lazy<FakeHostRoot> HostRoot = new(() => FakeHostRoot.Sample());

    /// <summary>Every verb of the root command: a new verb fails these tests until it has good and bad arguments here.</summary>
    public static TheoryData<string> Verbs =>
        [.. EgmEccCli.CreateRootCommand(new CliConsole(TextWriter.Null, TextWriter.Null, () => Stream.Null)).Subcommands.Select(c => c.Name)];

    [Theory]
    [MemberData(nameof(Verbs))]
    public void Verb_BadFlag_IsAUsageError(string verb)
    {
        var run = Cli.Run([.. Good(verb), "--bogus"]);

        Assert.True(run.Exit == 1, $"{verb}: exit {run.Exit}\n{run.Error}");
        Assert.Equal(string.Empty, run.Out);
        var lines = run.Error.Split('\n', StringSplitOptions.RemoveEmptyEntries);
        Assert.Equal("egmecc: error: unknown option '--bogus'", lines[0]);
        Assert.All(lines[..^1], line => Assert.Matches("^egmecc: error: [a-z-'O]", line));
        Assert.Equal($"egmecc: see 'egmecc {verb} --help'", lines[^1]);
        AssertNoTrace(run);
    }

    [Theory]
    [InlineData("plan", "line")]
    [InlineData("plan", "offset")]
    [InlineData("validate", "line")]
    [InlineData("report", "line")]
    [InlineData("fleet", "line")]
    [InlineData("forecast", "line")]
    [InlineData("history", "line")]
    [InlineData("diff", "line")]
    [InlineData("diff", "not-a-plan")]
    [InlineData("synth", "output")]
    [InlineData("collect", "offset")]
    public void Verb_BadInput_IsAnInputErrorNamingTheFile(string verb, string location)
    {
        var (args, file) = Bad(verb, location);
        var run = Cli.Run(args);

        Assert.True(run.Exit == 2, $"{verb}: exit {run.Exit}\n{run.Error}");
        Assert.Equal(string.Empty, run.Out);
        var where = location switch
        {
            // A plan that is not one is placed at its line too (its schema), like every reader's errors.
            "line" or "not-a-plan" => @":\d+",
            "offset" => @":\+\d+",
            _ => string.Empty,
        };
        // synth reads no input: what it can get wrong is its output directory, named as every verb names an unwritable output.
        var prefix = location == "output" ? "cannot write " : string.Empty;
        Assert.Matches($"^egmecc: error: {prefix}{Regex.Escape(file)}{where}: [a-z0-9'-][^\n]*\n$", run.Error);
        AssertNoTrace(run);
    }

    [Theory]
    [MemberData(nameof(Verbs))]
    public void Verb_Help_OnStandardOutputWithEachDefaultOnce(string verb)
    {
        var run = Cli.Run(verb, "--help");

        Assert.Equal(0, run.Exit);
        Assert.Equal(string.Empty, run.Error);
        Assert.StartsWith("Description:", run.Out, StringComparison.Ordinal);
        Assert.Matches($"\nUsage:\n  \\S+ {verb} ", run.Out);
        foreach (var line in run.Out.Split('\n'))
        {
            Assert.True(Regex.Matches(line, @"\[default", RegexOptions.IgnoreCase).Count <= 1, $"{verb} --help states a default twice: {line}");
        }
    }

    [Theory]
    [InlineData("plan")]
    [InlineData("report")]
    [InlineData("fleet")]
    [InlineData("forecast")]
    [InlineData("history")]
    [InlineData("diff")]
    public void Verb_Output_WholeFileOrNone(string verb)
    {
        var directory = Cli.TemporaryDirectory();

        var good = Path.Combine(directory, "out");
        var written = Cli.Run([.. Good(verb), "-o", good]);
        Assert.Equal(0, written.Exit);
        Assert.Equal(string.Empty, written.Out);
        Assert.True(new FileInfo(good).Length > 0);

        var missing = Path.Combine(directory, "no", "such", "out");
        var unwritable = Cli.Run([.. Good(verb), "-o", missing]);
        Assert.Equal(2, unwritable.Exit);
        Assert.EndsWith($"egmecc: error: cannot write {missing}: no such directory\n", unwritable.Error);

        var failed = Path.Combine(directory, "failed");
        var bad = Cli.Run([.. Bad(verb, "line").Args, "-o", failed]);
        Assert.Equal(2, bad.Exit);
        Assert.Equal(["out"], Directory.EnumerateFileSystemEntries(directory).Select(p => Path.GetFileName(p)!).ToArray());
    }

    /// <summary>Every option of every verb that names a file to write (synth's and collect's directories are created, so they have their own tests).</summary>
    public static TheoryData<string, string> OutputOptions()
    {
        var data = new TheoryData<string, string>();
        var root = EgmEccCli.CreateRootCommand(new CliConsole(TextWriter.Null, TextWriter.Null, () => Stream.Null));
        foreach (var verb in root.Subcommands.Where(c => c.Name is not ("synth" or "collect")))
        {
            foreach (var option in verb.Options.Where(o => o.Name is "--output" or "--html" or "--plan-json"))
            {
                data.Add(verb.Name, option.Name);
            }
        }

        return data;
    }

    // Regression: '--html /nonexistent/dir/r.html' printed the whole report and only then failed.
    [Theory]
    [MemberData(nameof(OutputOptions))]
    public void Verb_UnwritableOutput_FailsBeforeTheWork(string verb, string option)
    {
        var directory = Cli.TemporaryDirectory();
        var missing = Path.Combine(directory, "no", "such", "out");

        var run = Cli.Run([.. Good(verb), option, missing]);
        var isDirectory = Cli.Run([.. Good(verb), option, directory]);

        Assert.Equal(2, run.Exit);
        Assert.Equal(string.Empty, run.Out);
        Assert.Equal($"egmecc: error: cannot write {missing}: no such directory\n", run.Error);
        Assert.Equal(2, isDirectory.Exit);
        Assert.Equal(string.Empty, isDirectory.Out);
        Assert.Equal($"egmecc: error: cannot write {directory}: it is a directory\n", isDirectory.Error);
        Assert.Empty(Directory.EnumerateFileSystemEntries(directory));
    }

    [Theory]
    [InlineData("plan", 2)]
    [InlineData("validate", 2)]
    [InlineData("report", 4)]
    [InlineData("fleet", 2)]
    [InlineData("fleet", 4)]
    [InlineData("forecast", 4)]
    [InlineData("diff", 1)]
    [InlineData("diff", 2)]
    public void Verb_StandardInput_SameAsNamingTheFile(string verb, int index)
    {
        string[] args = verb switch
        {
            "fleet" => ["fleet", "--regions", Cli.Data("fleet", "regions.csv"), "--retired", Cli.Data("fleet", "retired.csv"), "--format", "csv"],
            "forecast" => ["forecast", "--regions", Cli.Data("fleet", "regions.csv"), "--retired", Cli.Data("fleet", "retired.csv"), "--rate", "5", "--trials", "3"],
            "report" => [.. Good(verb), "--format", "json"],
            _ => Good(verb),
        };
        var file = args[index];
        string[] piped = [.. args[..index], "-", .. args[(index + 1)..]];

        var named = Cli.Run(args);
        var output = new StringWriter();
        var error = new StringWriter();
        var code = EgmEccCli.Run(piped, new CliConsole(output, error, () => File.OpenRead(file)) { Clock = () => Cli.FixedTime });

        Assert.Equal(0, named.Exit);
        Assert.Equal(named.Exit, code);
        Assert.Equal(named.Out.Replace(file, "-", StringComparison.Ordinal), output.ToString());
    }

    [Fact]
    public void Fleet_DirectoryFromStandardInput_IsAUsageError()
    {
        var run = Cli.Run("fleet", "--dir", "-");

        Assert.Equal(1, run.Exit);
        Assert.Equal("egmecc: error: --dir names a directory of host folders; standard input ('-') cannot hold one", run.Error.Split('\n')[0]);
    }

    private static string[] Good(string verb) => verb switch
    {
        "plan" or "validate" or "report" => [verb, "--regions", Regions, "--retired", Retired],
        "fleet" => [verb, "--dir", Tree],
        "forecast" => [verb, "--dir", Tree, "--rate", "1", "--trials", "2"],
        "history" => [verb, Cli.Data("history")],
        "diff" => [verb, Inputs.Value.Plan, Inputs.Value.Plan],
        "synth" => [verb, "--hosts", "1", "--records", "1", "-o", Path.Combine(Cli.TemporaryDirectory(), "fleet")],
        "collect" => [verb, "--root", HostRoot.Value.Path, "-o", Path.Combine(Cli.TemporaryDirectory(), "fleet")],
        "completion" => [verb, "bash"],
        _ => throw new ArgumentOutOfRangeException(nameof(verb)),
    };

    private static (string[] Args, string File) Bad(string verb, string location)
    {
        var files = Inputs.Value;
        return (verb, location) switch
        {
            ("plan", "offset") => (["plan", "--regions", Regions, "--retired", FwTable, "--retired-format", "ioctl", "--region", "egm0"], FwTable),
            ("plan" or "validate" or "report", _) => ([verb, "--regions", files.BadRegions], files.BadRegions),
            ("fleet", _) => (["fleet", "--regions", files.BadHostRegions], files.BadHostRegions),
            ("forecast", _) => (["forecast", "--regions", files.BadHostRegions, "--rate", "1"], files.BadHostRegions),
            ("history", _) => (["history", Cli.Data("history", "2026-01-01"), files.BadSnapshot], Path.Combine(files.BadSnapshot, "h1", "regions.csv")),
            ("diff", "line") => (["diff", files.Plan, files.BadJson], files.BadJson),
            ("diff", _) => (["diff", files.NotAPlan, files.Plan], files.NotAPlan),
            ("synth", _) => (["synth", "--hosts", "1", "-o", files.BadRegions], files.BadRegions),
            ("collect", _) => (["collect", "--root", files.DamagedHost, "-o", Cli.TemporaryDirectory()], Path.Combine(files.DamagedHost, "sys/firmware/acpi/tables/SSDT1")),
            _ => throw new ArgumentOutOfRangeException(nameof(verb)),
        };
    }

    /// <summary>No stack trace, and no help dump or .NET type name either.</summary>
    private static void AssertNoTrace(CliResult run)
    {
        Cli.AssertNoStackTrace(run);
        Assert.DoesNotContain("Usage:", run.Error, StringComparison.Ordinal);
        Assert.DoesNotContain("System.", run.Error, StringComparison.Ordinal);
    }

    private sealed record Files(string Plan, string BadRegions, string BadHostRegions, string BadJson, string NotAPlan, string DamagedHost, string BadSnapshot)
    {
        public static Files Create()
        {
            var directory = Cli.TemporaryDirectory();
            string Write(string name, string text)
            {
                var path = Path.Combine(directory, name);
                File.WriteAllText(path, text);
                return path;
            }

            var plan = Path.Combine(directory, "plan.json");
            Assert.Equal(0, Cli.Run("plan", "--regions", Regions, "--retired", Retired, "-o", plan).Exit);
            return new Files(
                plan,
                Write("regions.csv", "id,node,base,size\negm0,0,0x1000,zz\n"),
                Write("host-regions.csv", "host,id,node,base,size\nh1,egm0,0,0x40000000,1G\nh2,egm0,0,0x1000,zz\n"),
                Write("broken.json", "{\n\"schema\": \"egmecc.plan/1\",\n\"options\": [\n"),
                Write("not-a-plan.json", "{\"schema\": \"egmecc.fleet/1\"}\n"),
                DamagedHost(),
                BadSnapshot());

            // A dated fleet folder whose one host has a bad region row.
            string BadSnapshot()
            {
                var host = Directory.CreateDirectory(Path.Combine(directory, "2026-02-01", "h1")).FullName;
                File.WriteAllText(Path.Combine(host, "regions.csv"), "id,node,base,size\negm0,0,0x1000,zz\n");
                return Path.GetDirectoryName(host)!;
            }

            // A host tree whose only table is not one (another signature).
            string DamagedHost()
            {
                var tables = Directory.CreateDirectory(Path.Combine(directory, "host", "sys", "firmware", "acpi", "tables")).FullName;
                File.WriteAllBytes(Path.Combine(tables, "SSDT1"), [.. "XSDT"u8, .. File.ReadAllBytes(Repo.PathOf("data/samples/grace-2s.ssdt.aml"))[4..]]);
                return Path.Combine(directory, "host");
            }
        }
    }
}
