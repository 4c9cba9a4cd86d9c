using System.CommandLine;
using EgmEcc.Pipeline;

namespace EgmEcc.Cli.Commands;

/// <summary>
/// <c>--require-retired</c> of <c>validate</c> and <c>report</c>: a run without any retired-page
/// source says every region is 100 % usable, which is true of nothing it read. Without the flag that
/// is a warning; with it, an input error (exit 2). The question itself is the pipeline's
/// (<see cref="HostInputs.MissingRetiredSource"/>), docs/design.md §5.4.
/// </summary>
internal static class RetiredRequirement
{
    public static Option<bool> Create() => new("--require-retired")
    {
        Description = "Exit 2 when no retired-page source is given (without it, a warning): a host with nothing retired must say so with an input, e.g. an empty CSV.",
    };

    /// <summary>Throws the input error when <paramref name="inputs"/> have no retired source and one is <paramref name="required"/>; returns them.</summary>
    /// <exception cref="InputException">No retired source, and one is required.</exception>
    public static HostInputs Require(HostInputs inputs, bool required)
    {
        if (required && inputs.MissingRetiredSource() is { } missing)
        {
            throw missing;
        }

        return inputs;
    }

    /// <summary>Warns when <paramref name="inputs"/> had no retired source: after they were read, so a bad input still gives its one error line.</summary>
    public static void Warn(HostInputs inputs, CliConsole console)
    {
        if (inputs.MissingRetiredSource() is { } missing)
        {
            console.Error.WriteLine(OneLine.Of($"egmecc: warning: {missing.Location}: {missing.Render(SettingFlags.Names)}"));
        }
    }
}
