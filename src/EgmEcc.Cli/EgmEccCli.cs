using System.CommandLine;
using EgmEcc.Cli.Commands;

namespace EgmEcc.Cli;

/// <summary>
/// The <c>egmecc</c> command line: its commands, and the one place where errors become exit codes
/// and <c>egmecc: error: ...</c> lines, never stack traces.
/// </summary>
public static class EgmEccCli
{
    /// <summary>The root command with every verb.</summary>
    public static RootCommand CreateRootCommand(CliConsole console)
    {
        var root = new RootCommand("EgmEcc: plans usable EGM memory around retired ECC pages on NVIDIA Grace hosts.");
        root.Add(PlanCommand.Create(console));
        root.Add(ValidateCommand.Create(console));
        root.Add(ReportCommand.Create(console));
        root.Add(FleetCommand.Create(console));
        root.Add(ForecastCommand.Create(console));
        root.Add(HistoryCommand.Create(console));
        root.Add(DiffCommand.Create(console));
        root.Add(SynthCommand.Create(console));
        root.Add(CollectCommand.Create(console));
        root.Add(CompletionCommand.Create(console));
        return root;
    }

    /// <summary>Runs one command line and returns its exit code.</summary>
    public static int Run(string[] args, CliConsole console)
    {
        ArgumentNullException.ThrowIfNull(args);
        ArgumentNullException.ThrowIfNull(console);
        ParseResult? result = null;
        try
        {
            result = CreateRootCommand(console).Parse(args);
            if (result.Errors.Count > 0 && UnknownVerb(result, args) is { } unknownVerb)
            {
                // The first word is no verb: what follows was read against the root command and
                // its errors ('unknown option --regions') would only mislead. One line says it.
                console.Error.WriteLine(OneLine.Of($"egmecc: error: {unknownVerb}"));
                console.Error.WriteLine("egmecc: see 'egmecc --help'");
                return ExitCodes.Usage;
            }

            if (result.Errors.Count > 0)
            {
                // Parse errors are usage errors like any other: one line each on standard error,
                // and nothing on standard output (the help text there would end up in a plan file).
                // An unknown option first: the parser's complaints that follow (a missing or extra argument) stem from it.
                foreach (var message in result.Errors.Select(UsageMessages.Of).Select(m => WithSuggestion(m, result.CommandResult)).OrderBy(m => m.StartsWith("unknown option", StringComparison.Ordinal) ? 0 : 1))
                {
                    console.Error.WriteLine(OneLine.Of($"egmecc: error: {message}"));
                }

                console.Error.WriteLine($"egmecc: see '{CommandPath(result.CommandResult)} --help'");
                return ExitCodes.Usage;
            }

            return result.Invoke(new InvocationConfiguration
            {
                Output = console.Out,
                Error = console.Error,
                EnableDefaultExceptionHandler = false,
            });
        }
        catch (InputException e)
        {
            console.Error.WriteLine(OneLine.Of($"egmecc: error: {e.Location}: {e.Render(SettingFlags.Names)}"));
            return ExitCodes.Input;
        }
        catch (Exception e) when (e is UsageException or SettingException)
        {
            // A setting the library refuses is a flag the user gave: a usage error, in flag names.
            var message = e is SettingException setting ? setting.Error.Render(SettingFlags.Names) : e.Message;
            console.Error.WriteLine(OneLine.Of($"egmecc: error: {message}"));
            if (result is not null)
            {
                console.Error.WriteLine($"egmecc: see '{CommandPath(result.CommandResult)} --help'");
            }

            return ExitCodes.Usage;
        }
        catch (IOException e)
        {
            console.Error.WriteLine(OneLine.Of($"egmecc: error: {e.Message}"));
            return ExitCodes.Input;
        }
        catch (Exception e) when (e is not OutOfMemoryException)
        {
            console.Error.WriteLine(OneLine.Of($"egmecc: internal error: {e.GetType().Name}: {e.Message} (please report this)"));
            return ExitCodes.Internal;
        }
    }

    /// <summary><c>unknown verb 'pln'; did you mean 'plan'?</c> when the first word is not a verb (nor an option); null otherwise.</summary>
    private static string? UnknownVerb(ParseResult result, string[] args)
    {
        if (args.Length == 0 || result.CommandResult.Parent is not null || args[0].StartsWith('-') || args[0].StartsWith('['))
        {
            return null;
        }

        var root = result.CommandResult.Command;
        return Suggestions.Nearest(args[0], Suggestions.Verbs(root)) is { } verb
            ? $"unknown verb '{args[0]}'; did you mean '{verb}'?"
            : $"unknown verb '{args[0]}' (verbs: {string.Join(", ", Suggestions.Verbs(root))})";
    }

    /// <summary>Adds the nearest option to an <c>unknown option 'X'</c> message, when one is near.</summary>
    private static string WithSuggestion(string message, System.CommandLine.Parsing.CommandResult command)
    {
        const string Prefix = "unknown option '";
        if (!message.StartsWith(Prefix, StringComparison.Ordinal) || !message.EndsWith('\''))
        {
            return message;
        }

        var typed = message[Prefix.Length..^1];
        return Suggestions.Nearest(typed, Suggestions.Options(command)) is { } option ? $"{message}; did you mean '{option}'?" : message;
    }

    private static string CommandPath(System.CommandLine.Parsing.CommandResult command) =>
        command.Parent is System.CommandLine.Parsing.CommandResult parent ? $"{CommandPath(parent)} {command.Command.Name}" : "egmecc";
}

/// <summary>A command line that parsed but does not make sense (options that exclude each other, a bad combination).</summary>
public sealed class UsageException(string message) : Exception(message);
