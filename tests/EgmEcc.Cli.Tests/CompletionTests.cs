using System.Diagnostics;

namespace EgmEcc.Cli.Tests;

/// <summary><c>egmecc completion</c>: scripts a shell accepts, that complete from egmecc's own command tree.</summary>
public class CompletionTests
{
    [Theory]
    [InlineData("bash")]
    [InlineData("zsh")]
    [InlineData("fish")]
    public void Completion_PrintsItsScript(string shell)
    {
        var run = Cli.Run("completion", shell);

        Assert.Equal(0, run.Exit);
        Assert.Equal(string.Empty, run.Error);
        Assert.StartsWith($"# egmecc completion for {shell}:", run.Out, StringComparison.Ordinal);
    }

    [Fact]
    public void Completion_UnknownShell_IsAUsageError()
    {
        Cli.AssertUsageError(Cli.Run("completion", "tcsh"), "egmecc: error: 'tcsh' is not one of bash, zsh, fish");
    }

    [Fact]
    public void Completion_BashScript_IsValidBash()
    {
        var (exit, _, error) = Bash("-n", Cli.Run("completion", "bash").Out);

        Assert.True(exit == 0, error);
    }

    [Theory]
    [InlineData("egmecc pl", "plan")]
    [InlineData("egmecc fo", "forecast")]
    [InlineData("egmecc plan --retir", "--retire-corrected\n--retired\n--retired-format")]
    [InlineData("egmecc report --format ", "json\nprometheus\ntext")]
    public void Completion_Bash_CompletesFromTheCommandTree(string line, string expected)
    {
        // The script as a user sources it, with 'egmecc' the built program, and bash's completion
        // variables set as they are when TAB is pressed at the end of LINE.
        var egmecc = Path.Combine(AppContext.BaseDirectory, "egmecc.dll");
        var script = Cli.Run("completion", "bash").Out + $$"""
            egmecc() { dotnet '{{egmecc}}' "$@"; }
            COMP_LINE='{{line}}'
            COMP_POINT=${#COMP_LINE}
            read -ra COMP_WORDS <<< "$COMP_LINE"
            [[ $COMP_LINE == *' ' ]] && COMP_WORDS+=('')
            COMP_CWORD=$(( ${#COMP_WORDS[@]} - 1 ))
            _egmecc_complete
            printf '%s\n' "${COMPREPLY[@]}"
            """;

        var (exit, output, error) = Bash("-c", script);

        Assert.True(exit == 0, error);
        Assert.Equal(expected + "\n", output);
    }

    private static (int Exit, string Out, string Error) Bash(string mode, string script)
    {
        var start = new ProcessStartInfo("bash") { UseShellExecute = false, RedirectStandardOutput = true, RedirectStandardError = true, RedirectStandardInput = true };
        start.ArgumentList.Add(mode == "-n" ? "-n" : "-c");
        if (mode == "-c")
        {
            start.ArgumentList.Add(script);
        }

        using var bash = Process.Start(start)!;
        if (mode == "-n")
        {
            bash.StandardInput.Write(script);
        }

        bash.StandardInput.Close();
        var output = bash.StandardOutput.ReadToEndAsync();
        var error = bash.StandardError.ReadToEnd();
        bash.WaitForExit();
        return (bash.ExitCode, output.Result, error);
    }
}
