using EgmEcc.Fleet;

namespace EgmEcc.Cli.Commands;

/// <summary>Prints a run's warnings to standard error, capped so a flood of them stays readable.</summary>
internal static class Diagnostics
{
    /// <summary>
    /// How many warnings standard error shows, the same cap as the terminal report's list; the full
    /// list is in the JSON and text outputs.
    /// </summary>
    public const int Shown = Formats.Reports.ReportTerminalWriter.WarningsShown;

    public static void Print(IReadOnlyList<Diagnostic> diagnostics, TextWriter error)
    {
        foreach (var d in diagnostics.Take(Shown))
        {
            error.WriteLine(OneLine.Of($"egmecc: {d}"));
        }

        if (diagnostics.Count > Shown)
        {
            error.WriteLine($"egmecc: ... and {diagnostics.Count - Shown} more warning(s); --format json lists them all");
        }
    }

    /// <summary>
    /// Prints a fleet run's warnings the same way: the notes and the hosts' first warnings, up to
    /// <see cref="Shown"/>, then how many there were over how many hosts.
    /// </summary>
    public static void Print(FleetWarnings warnings, TextWriter error)
    {
        var shown = warnings.Notes.Concat(warnings.First).Take(Shown).ToList();
        foreach (var d in shown)
        {
            error.WriteLine(OneLine.Of($"egmecc: {d}"));
        }

        if (warnings.Total > shown.Count)
        {
            error.WriteLine($"egmecc: ... {warnings.Total} warning(s) in all, over {warnings.HostsWithWarnings} host(s); plan a host with 'egmecc plan' to see all of its own");
        }
    }
}
