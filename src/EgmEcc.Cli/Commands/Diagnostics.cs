namespace EgmEcc.Cli.Commands;

/// <summary>Prints a run's warnings to standard error, capped so a flood of them stays readable.</summary>
internal static class Diagnostics
{
    /// <summary>How many warnings standard error shows; the full list is in the JSON and text outputs.</summary>
    public const int Shown = 20;

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
}
