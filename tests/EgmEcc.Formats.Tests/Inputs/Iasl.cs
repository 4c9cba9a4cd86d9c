using System.Diagnostics;

namespace EgmEcc.Formats.Tests;

/// <summary>
/// Compiles ASL with the real <c>iasl</c> and disassembles the AML again, as a host's tables
/// would be, so the ACPI reader is tested on genuine <c>iasl -d</c> output.
/// </summary>
/// <remarks>
/// When <c>iasl</c> is missing, <see cref="Available"/> is false: tests then pass without checking
/// locally, but fail under CI (<c>CI=true</c>), where <c>.ci/run</c> installs acpica-tools.
/// </remarks>
internal static class Iasl
{
    private static readonly Lazy<string?> Path = new(Find);

    /// <summary>True when tests can run iasl; throws under CI when they cannot.</summary>
    public static bool Available
    {
        get
        {
            if (Path.Value is not null)
            {
                return true;
            }

            if (string.Equals(Environment.GetEnvironmentVariable("CI"), "true", StringComparison.OrdinalIgnoreCase))
            {
                Assert.Fail("iasl (acpica-tools) is not installed; CI must install it (.ci/run)");
            }

            return false;
        }
    }

    /// <summary>Compiles <paramref name="aslPath"/> in a fresh folder and returns the path of its disassembly.</summary>
    /// <param name="aslPath">The ASL source.</param>
    /// <param name="workDir">A folder of the test's own.</param>
    /// <param name="compilerOptions">More <c>iasl</c> options for the compile (<c>-oi</c>: no integer optimization).</param>
    public static string CompileAndDisassemble(string aslPath, string workDir, params string[] compilerOptions)
    {
        var name = System.IO.Path.GetFileNameWithoutExtension(aslPath);
        var source = System.IO.Path.Combine(workDir, name + ".asl");
        File.Copy(aslPath, source, overwrite: true);
        Run(workDir, [.. compilerOptions, "-p", name, source]);
        Run(workDir, "-d", System.IO.Path.Combine(workDir, name + ".aml"));
        var dsl = System.IO.Path.Combine(workDir, name + ".dsl");
        Assert.True(File.Exists(dsl), $"iasl -d wrote no {dsl}");
        return dsl;
    }

    private static void Run(string workDir, params string[] args)
    {
        var start = new ProcessStartInfo(Path.Value!)
        {
            WorkingDirectory = workDir,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
        };
        foreach (var arg in args)
        {
            start.ArgumentList.Add(arg);
        }

        using var process = Process.Start(start)!;
        var output = process.StandardOutput.ReadToEndAsync();
        var error = process.StandardError.ReadToEndAsync();
        Assert.True(process.WaitForExit(30_000), "iasl did not finish in 30 s");
        Assert.True(process.ExitCode == 0, $"iasl {string.Join(' ', args)} failed ({process.ExitCode}):\n{output.Result}\n{error.Result}");
    }

    private static string? Find() =>
        (Environment.GetEnvironmentVariable("PATH") ?? string.Empty)
            .Split(System.IO.Path.PathSeparator, StringSplitOptions.RemoveEmptyEntries)
            .Select(dir => System.IO.Path.Combine(dir, "iasl"))
            .FirstOrDefault(File.Exists);
}
