namespace EgmEcc.Formats.Reports;

/// <summary>The formats of <c>egmecc report</c>: <c>--format</c> takes text, json or prometheus; <c>--html</c> writes html.</summary>
public static class ReportWriters
{
    /// <summary>Every report format, the default first.</summary>
    public static Registry<IReportWriter> All { get; } = new([new ReportTerminalWriter(), new ReportJsonWriter(), new ReportHtmlWriter(), new ReportPrometheusWriter()]);
}
