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
        root.Add(FleetCommand.Create(console));
        root.Add(ForecastCommand.Create(console));
        root.Add(DiffCommand.Create(console));
        root.Add(SynthCommand.Create(console));
        return root;
    }

    /// <summary>Runs one command line and returns its exit code.</summary>
    public static int Run(string[] args, CliConsole console)
    {
        ArgumentNullException.ThrowIfNull(args);
        ArgumentNullException.ThrowIfNull(console);
        try
        {
            var result = CreateRootCommand(console).Parse(args);
            return result.Invoke(new InvocationConfiguration
            {
                Output = console.Out,
                Error = console.Error,
                EnableDefaultExceptionHandler = false,
            });
        }
        catch (InputException e)
        {
            console.Error.WriteLine($"egmecc: error: {e.Location}: {e.Message}");
            return ExitCodes.Input;
        }
        catch (UsageException e)
        {
            console.Error.WriteLine($"egmecc: error: {e.Message}");
            return ExitCodes.Usage;
        }
        catch (IOException e)
        {
            console.Error.WriteLine($"egmecc: error: {e.Message}");
            return ExitCodes.Input;
        }
        catch (Exception e) when (e is not OutOfMemoryException)
        {
            console.Error.WriteLine($"egmecc: internal error: {e.GetType().Name}: {e.Message} (please report this)");
            return ExitCodes.Internal;
        }
    }
}

/// <summary>A command line that parsed but does not make sense (options that exclude each other, a bad combination).</summary>
public sealed class UsageException(string message) : Exception(message);
