namespace EgmEcc.Formats.Tests;

/// <summary>
/// Compiles ASL with the real <c>iasl</c> and disassembles the AML again, as a host's tables
/// would be, so the ACPI reader is tested on genuine <c>iasl -d</c> output.
/// </summary>
/// <remarks>
/// Tests that use it are <c>[ToolFact("iasl")]</c>: skipped locally when <c>iasl</c> is missing,
/// failing when <c>CI</c> is set (where <c>.ci/run</c> installs acpica-tools), like every judge.
/// </remarks>
internal static class Iasl
{
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
        var (exitCode, output, error) = ExternalTools.Run("iasl", args, workDir: workDir);
        Assert.True(exitCode == 0, $"iasl {string.Join(' ', args)} failed ({exitCode}):\n{output}\n{error}");
    }
}
