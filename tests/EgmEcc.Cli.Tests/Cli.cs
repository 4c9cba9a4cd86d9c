using System.Diagnostics;
using System.Text;

namespace EgmEcc.Cli.Tests;

/// <summary>What one in-process run of <c>egmecc</c> did.</summary>
internal sealed record CliResult(int Exit, string Out, string Error, TimeSpan Elapsed)
{
    /// <summary>For tests that only look at the exit code and the two outputs: <c>var (exit, output, error) = Cli.Run(...)</c>.</summary>
    public void Deconstruct(out int exit, out string output, out string error) => (exit, output, error) = (Exit, Out, Error);

    public string[] ErrorLines => Error.Split('\n', StringSplitOptions.RemoveEmptyEntries);

    public override string ToString() => $"exit {Exit}\n--- stdout\n{Out}--- stderr\n{Error}";
}

/// <summary>
/// Runs <c>egmecc</c> in process from the repository root, so that paths (and the file names in
/// messages) are the ones a user types there: <c>data/samples/grace-2s.regions.csv</c>.
/// </summary>
/// <remarks>
/// Every test of this assembly runs from the root and none changes it, so setting the process's
/// directory once is safe while xunit runs test classes in parallel.
/// </remarks>
internal static class Cli
{
    public const string Regions = "data/samples/grace-2s.regions.csv";
    public const string Retired = "data/samples/grace-2s.retired.csv";

    /// <summary>The time every in-process run's reports are stamped with, so that their outputs are fixed.</summary>
    public static readonly DateTimeOffset FixedTime = new(2026, 11, 29, 12, 0, 0, TimeSpan.Zero);

    static Cli()
    {
        Environment.CurrentDirectory = Repo.Root;
    }

    public static CliResult Run(params string[] args) => RunWithInput(null, args);

    public static CliResult RunWithInput(string? standardInput, params string[] args) =>
        RunWith(Encoding.UTF8.GetBytes(standardInput ?? string.Empty), errorIsTerminal: false, args);

    /// <summary>Runs with standard input that cannot seek (a pipe) and standard error a terminal or not.</summary>
    public static CliResult RunWith(byte[] standardInput, bool errorIsTerminal, params string[] args) =>
        RunWith(() => new NonSeekableStream(standardInput), errorIsTerminal, args);

    /// <summary>Runs with a standard input that opens from a file (large inputs), or anything else.</summary>
    public static CliResult RunWith(Func<Stream> standardInput, bool errorIsTerminal, params string[] args)
    {
        var output = new StringWriter { NewLine = "\n" };
        var error = new StringWriter { NewLine = "\n" };
        var console = new CliConsole(output, error, standardInput, errorIsTerminal) { Clock = () => FixedTime };
        var clock = Stopwatch.StartNew();
        var exit = EgmEccCli.Run(args, console);
        clock.Stop();
        return new CliResult(exit, output.ToString(), error.ToString(), clock.Elapsed);
    }

    /// <summary>Asserts an input error: exit 2, nothing on stdout, exactly the one line on stderr, no stack trace.</summary>
    public static void AssertInputError(CliResult result, string expectedLine)
    {
        Assert.True(result.Exit == 2, result.ToString());
        Assert.Equal(expectedLine + "\n", result.Error);
        Assert.Equal(string.Empty, result.Out);
        AssertNoStackTrace(result);
    }

    /// <summary>Asserts a usage error: exit 1, nothing on stdout, <c>egmecc: error:</c> lines on stderr.</summary>
    public static void AssertUsageError(CliResult result, string expectedFirstLine)
    {
        Assert.True(result.Exit == 1, result.ToString());
        Assert.Equal(expectedFirstLine, result.ErrorLines[0]);
        Assert.Equal(string.Empty, result.Out);
        AssertNoStackTrace(result);
    }

    public static void AssertNoStackTrace(CliResult result)
    {
        Assert.DoesNotContain("   at ", result.Error, StringComparison.Ordinal);
        Assert.DoesNotContain("Exception", result.Error, StringComparison.Ordinal);
        Assert.DoesNotContain("internal error", result.Error, StringComparison.Ordinal);
    }

    /// <summary>The absolute path of something under the repository's <c>data/</c>.</summary>
    public static string Data(params string[] parts) => Path.Combine([Repo.Root, "data", .. parts]);

    /// <summary>A fresh directory for files a test writes, removed by the test.</summary>
    public static string TemporaryDirectory()
    {
        var path = Path.Combine(Path.GetTempPath(), "egmecc-tests-" + Guid.NewGuid().ToString("n"));
        Directory.CreateDirectory(path);
        return path;
    }
}
