using System.Diagnostics;

namespace EgmEcc.Formats.Tests.Layout;

/// <summary>
/// The real tools the layout tests check EgmEcc's output with (<c>dtc</c>, <c>qemu-system-aarch64</c>).
/// A missing tool skips the test locally and fails it under <c>CI=true</c>.
/// </summary>
internal static class ExternalTools
{
    public static bool InCi => string.Equals(Environment.GetEnvironmentVariable("CI"), "true", StringComparison.OrdinalIgnoreCase);

    public static string? Find(string tool) =>
        (Environment.GetEnvironmentVariable("PATH") ?? string.Empty)
            .Split(Path.PathSeparator, StringSplitOptions.RemoveEmptyEntries)
            .Select(dir => Path.Combine(dir, tool))
            .FirstOrDefault(File.Exists);

    /// <summary>The reason to skip a test needing <paramref name="tools"/>, or null to run it (tools present, or CI, where it must fail).</summary>
    public static string? SkipReason(string[] tools)
    {
        var missing = tools.Where(t => Find(t) is null).ToArray();
        return missing.Length == 0 || InCi ? null : $"needs {string.Join(", ", missing)} on PATH (under CI=true this test fails instead)";
    }

    /// <summary>Runs a tool to completion; fails the test when it is missing or runs too long.</summary>
    public static (int ExitCode, string Out, string Error) Run(string tool, IEnumerable<string> arguments, TimeSpan? timeout = null)
    {
        var path = Find(tool) ?? throw new Xunit.Sdk.XunitException($"{tool} is not installed (CI=true needs it; the CI script installs it)");
        var start = new ProcessStartInfo(path) { RedirectStandardOutput = true, RedirectStandardError = true, UseShellExecute = false };
        foreach (var argument in arguments)
        {
            start.ArgumentList.Add(argument);
        }

        using var process = Process.Start(start)!;
        var stdout = process.StandardOutput.ReadToEndAsync();
        var stderr = process.StandardError.ReadToEndAsync();
        if (!process.WaitForExit(timeout ?? TimeSpan.FromSeconds(30)))
        {
            process.Kill(entireProcessTree: true);
            throw new Xunit.Sdk.XunitException($"{tool} {string.Join(' ', start.ArgumentList)} did not finish in time");
        }

        return (process.ExitCode, stdout.Result, stderr.Result);
    }
}

/// <summary>A fact that needs external tools: skipped locally when one is missing, failing under <c>CI=true</c>.</summary>
public sealed class ToolFactAttribute : FactAttribute
{
    public ToolFactAttribute(params string[] tools) => Skip = ExternalTools.SkipReason(tools);
}

/// <summary>A theory that needs external tools: skipped locally when one is missing, failing under <c>CI=true</c>.</summary>
public sealed class ToolTheoryAttribute : TheoryAttribute
{
    public ToolTheoryAttribute(params string[] tools) => Skip = ExternalTools.SkipReason(tools);
}
