namespace EgmEcc;

/// <summary>How serious a <see cref="Diagnostic"/> is.</summary>
public enum Severity
{
    /// <summary>Worth knowing; nothing was changed or dropped.</summary>
    Info,

    /// <summary>The input was used, but something in it was adjusted, skipped or suspicious.</summary>
    Warning,
}

/// <summary>A message about the input that did not stop the run: an out-of-region record, a clipped one, a misaligned base.</summary>
/// <param name="Severity">How serious it is.</param>
/// <param name="Source">Where in the input it arose.</param>
/// <param name="Message">One lower-case line, with the user's values quoted.</param>
public sealed record Diagnostic(Severity Severity, SourceLocation Source, string Message)
{
    /// <summary>
    /// What kind of warning this is, one of <see cref="DiagnosticCodes"/>, so reports can count and
    /// gate on kinds without reading messages; null for notes of no particular kind.
    /// </summary>
    public string? Code { get; init; }

    /// <summary><c>warning: LOCATION: message</c>, as printed on standard error.</summary>
    public override string ToString() =>
        $"{(Severity == Severity.Warning ? "warning" : "info")}: {Source}: {Message}";
}
