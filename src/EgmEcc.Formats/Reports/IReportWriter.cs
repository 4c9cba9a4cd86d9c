using EgmEcc.Reporting;

namespace EgmEcc.Formats.Reports;

/// <summary>Renders a <see cref="Report"/> in one format (terminal text, HTML, JSON, Prometheus), named <c>text</c>, <c>html</c>, <c>json</c>, <c>prometheus</c>.</summary>
public interface IReportWriter : INamedFormat
{
    /// <summary>Writes the whole report to <paramref name="output"/>.</summary>
    void Write(Report report, TextWriter output, ReportOutputOptions options);
}

/// <summary>How a report is rendered: where it goes and what the terminal can show.</summary>
public sealed record ReportOutputOptions
{
    /// <summary>Plain text, 80 columns, Unicode, no colour: what a pipe or a test gets.</summary>
    public static ReportOutputOptions Plain { get; } = new();

    /// <summary>The command line that made the report, recorded in HTML; null to leave it out.</summary>
    public string? Invocation { get; init; }

    /// <summary>The terminal's width in columns (text only; at least 40).</summary>
    public int Width { get; init; } = 80;

    /// <summary>True to colour the text with ANSI escape codes (only when writing to a terminal).</summary>
    public bool Ansi { get; init; }

    /// <summary>True when the output can show Unicode block and line characters; else ASCII only.</summary>
    public bool Unicode { get; init; } = true;
}
