using System.CommandLine;

namespace EgmEcc.Cli.Commands;

/// <summary>
/// <c>egmecc completion bash|zsh|fish</c>: prints a shell script that completes egmecc's verbs,
/// options and option values (<c>--format</c> choices) as the parser itself knows them.
/// </summary>
/// <remarks>
/// The scripts ask egmecc through System.CommandLine's <c>[suggest:POSITION] "LINE"</c> directive,
/// the one its <c>dotnet-suggest</c> shim uses, without that global tool: egmecc answers from its
/// own command tree, so the completions never fall out of step with the flags. Where it knows
/// nothing (a file name), the shell completes files.
/// </remarks>
internal static class CompletionCommand
{
    public static Command Create(CliConsole console)
    {
        var shell = new Argument<string>("SHELL") { Description = "The shell: bash, zsh or fish." };
        shell.AcceptOnlyFromAmong("bash", "zsh", "fish");
        var command = new Command("completion", "Print a shell completion script (bash, zsh, fish); see the README to enable it.");
        command.Add(shell);
        command.SetAction(result =>
        {
            console.Out.Write(result.GetValue(shell) switch
            {
                "zsh" => Zsh,
                "fish" => Fish,
                _ => Bash,
            });
            return ExitCodes.Success;
        });
        return command;
    }

    /// <summary>bash: <c>source &lt;(egmecc completion bash)</c>, or save it as <c>~/.local/share/bash-completion/completions/egmecc</c>.</summary>
    internal const string Bash = """
        # egmecc completion for bash: source <(egmecc completion bash)
        # or save as ~/.local/share/bash-completion/completions/egmecc
        _egmecc_complete() {
            local line="${COMP_LINE:0:COMP_POINT}"
            # egmecc's parser expects its own name first, whatever path ran it.
            line="egmecc${line#"${COMP_WORDS[0]}"}"
            local IFS=$'\n'
            # The parser also offers names that merely contain the word; the shell wants those that start with it.
            COMPREPLY=($(compgen -W "$("${COMP_WORDS[0]}" "[suggest:${#line}]" "$line" 2>/dev/null)" -- "${COMP_WORDS[COMP_CWORD]}"))
        }
        complete -o default -F _egmecc_complete egmecc

        """;

    /// <summary>zsh, through its bash completion layer: <c>source &lt;(egmecc completion zsh)</c> in <c>~/.zshrc</c>.</summary>
    internal const string Zsh = "# egmecc completion for zsh: source <(egmecc completion zsh) in ~/.zshrc\n"
        + "autoload -U +X compinit && compinit\n"
        + "autoload -U +X bashcompinit && bashcompinit\n"
        + Bash;

    /// <summary>fish: save as <c>~/.config/fish/completions/egmecc.fish</c>.</summary>
    internal const string Fish = """
        # egmecc completion for fish: egmecc completion fish > ~/.config/fish/completions/egmecc.fish
        function __egmecc_complete
            set -l line (string replace -r '^\S+' egmecc -- (commandline -cp))
            egmecc "[suggest:"(string length -- "$line")"]" "$line" 2>/dev/null | string match -- (commandline -ct)'*'
        end
        complete -c egmecc -a '(__egmecc_complete)'

        """;
}
