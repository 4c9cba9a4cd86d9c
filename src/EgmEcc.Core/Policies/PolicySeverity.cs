namespace EgmEcc.Policies;

/// <summary>
/// How serious a broken policy rule is (docs/design.md §4.14), in rising order: a run fails on the
/// rules at or above a chosen severity. Not <see cref="EgmEcc.Severity"/>, which grades diagnostics.
/// </summary>
public enum PolicySeverity
{
    /// <summary>Worth knowing.</summary>
    Info,

    /// <summary>Worth acting on soon.</summary>
    Warning,

    /// <summary>Act now (a host to drain or return); the default level a run fails on.</summary>
    Critical,
}

/// <summary>The names of <see cref="PolicySeverity"/> values as rules and outputs write them.</summary>
public static class PolicySeverities
{
    /// <summary>Every severity, lowest first, by name.</summary>
    public static IReadOnlyList<string> Names { get; } = ["info", "warning", "critical"];

    /// <summary><c>info</c>, <c>warning</c> or <c>critical</c>.</summary>
    public static string Name(this PolicySeverity severity) => severity switch
    {
        PolicySeverity.Info => "info",
        PolicySeverity.Warning => "warning",
        PolicySeverity.Critical => "critical",
        _ => throw new ArgumentOutOfRangeException(nameof(severity), severity, null),
    };

    /// <summary>Reads a severity's name, in any case.</summary>
    /// <returns>True when <paramref name="text"/> names one.</returns>
    public static bool TryParse(ReadOnlySpan<char> text, out PolicySeverity severity)
    {
        for (var i = 0; i < Names.Count; i++)
        {
            if (text.Equals(Names[i], StringComparison.OrdinalIgnoreCase))
            {
                severity = (PolicySeverity)i;
                return true;
            }
        }

        severity = default;
        return false;
    }
}
