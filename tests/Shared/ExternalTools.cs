using System.Diagnostics;

namespace EgmEcc.Tests;

/// <summary>
/// The real tools tests judge EgmEcc's output with (<c>dtc</c>, <c>iasl</c>, <c>qemu-system-aarch64</c>,
/// <c>chromium</c>, <c>promtool</c>). A missing tool skips the test locally and fails it when <c>CI</c> is set
/// (<c>.ci/run</c> sets it and installs the tools). One copy, shared by every test project.
/// </summary>
internal static class ExternalTools
{
    /// <summary>
    /// True when the environment variable <c>CI</c> is set (to anything but empty, <c>0</c> or
    /// <c>false</c>): CI systems set <c>CI=true</c>, <c>.ci/run</c> sets <c>CI=1</c>.
    /// </summary>
    public static bool InCi => InCiFor(Environment.GetEnvironmentVariable("CI"));

    /// <summary>The rule of <see cref="InCi"/> for a value of <c>CI</c>.</summary>
    public static bool InCiFor(string? value) => value is { Length: > 0 } && value != "0" && !string.Equals(value, "false", StringComparison.OrdinalIgnoreCase);

    /// <summary>The path of <paramref name="tool"/> on <c>PATH</c>, or null.</summary>
    public static string? Find(string tool) =>
        (Environment.GetEnvironmentVariable("PATH") ?? string.Empty)
            .Split(Path.PathSeparator, StringSplitOptions.RemoveEmptyEntries)
            .Select(dir => Path.Combine(dir, tool))
            .FirstOrDefault(File.Exists);

    /// <summary>The reason to skip a test needing <paramref name="tools"/>, or null to run it (tools present, or CI, where it must fail).</summary>
    public static string? SkipReason(string[] tools)
    {
        var missing = tools.Where(t => Find(t) is null).ToArray();
        return missing.Length == 0 || InCi ? null : $"needs {string.Join(", ", missing)} on PATH (when CI is set this test fails instead)";
    }

    /// <summary>
    /// Runs a tool to completion (in <paramref name="workDir"/>, if given; with <paramref name="input"/>
    /// on its standard input, if given); fails the test when it is missing or runs too long.
    /// </summary>
    public static (int ExitCode, string Out, string Error) Run(string tool, IEnumerable<string> arguments, TimeSpan? timeout = null, string? workDir = null, string? input = null)
    {
        var path = Find(tool) ?? throw new Xunit.Sdk.XunitException($"{tool} is not installed (when CI is set it must be; .ci/run installs it)");
        var start = new ProcessStartInfo(path) { RedirectStandardOutput = true, RedirectStandardError = true, RedirectStandardInput = input is not null, UseShellExecute = false };
        if (workDir is not null)
        {
            start.WorkingDirectory = workDir;
        }

        foreach (var argument in arguments)
        {
            start.ArgumentList.Add(argument);
        }

        using var process = Process.Start(start)!;
        var stdout = process.StandardOutput.ReadToEndAsync();
        var stderr = process.StandardError.ReadToEndAsync();
        if (input is not null)
        {
            process.StandardInput.Write(input);
            process.StandardInput.Close();
        }

        if (!process.WaitForExit(timeout ?? TimeSpan.FromSeconds(30)))
        {
            process.Kill(entireProcessTree: true);
            throw new Xunit.Sdk.XunitException($"{tool} {string.Join(' ', start.ArgumentList)} did not finish in time");
        }

        return (process.ExitCode, stdout.Result, stderr.Result);
    }
}

/// <summary>A fact that needs external tools: skipped locally when one is missing, failing when <c>CI</c> is set.</summary>
public sealed class ToolFactAttribute : FactAttribute
{
    public ToolFactAttribute(params string[] tools) => Skip = ExternalTools.SkipReason(tools);
}

/// <summary>A theory that needs external tools: skipped locally when one is missing, failing when <c>CI</c> is set.</summary>
public sealed class ToolTheoryAttribute : TheoryAttribute
{
    public ToolTheoryAttribute(params string[] tools) => Skip = ExternalTools.SkipReason(tools);
}
