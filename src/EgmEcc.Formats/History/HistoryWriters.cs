using System.Globalization;
using EgmEcc.Formats.Output.Documents;
using EgmEcc.History;

namespace EgmEcc.Formats.History;

/// <summary>The formats of <c>egmecc history</c> (docs/design.md §4.13).</summary>
public static class HistoryWriters
{
    /// <summary>Every history format, the default first.</summary>
    public static Registry<IDocumentWriter<HistoryReport>> All { get; } = new([new HistoryTextWriter(), new HistoryCsvWriter(), new HistoryJsonWriter()]);
}

/// <summary>What every history writer reads the same way: times, new pages, each host's rate and cliffs.</summary>
internal static class HistoryFormat
{
    /// <summary>A time as the history writes it: UTC, to the second (<c>2026-03-01T00:00:00Z</c>).</summary>
    public static string Time(DateTimeOffset at) => at.UtcDateTime.ToString("yyyy-MM-dd'T'HH:mm:ss'Z'", CultureInfo.InvariantCulture);

    /// <summary>The day of a time, UTC (<c>2026-03-01</c>).</summary>
    public static string Day(DateTimeOffset at) => at.UtcDateTime.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);

    /// <summary>The words of a change's kind, as the JSON and the text name it.</summary>
    public static string Kind(HistoryChangeKind kind) => kind switch
    {
        HistoryChangeKind.Appeared => "appeared",
        HistoryChangeKind.Vanished => "vanished",
        HistoryChangeKind.RegionsChanged => "regions-changed",
        HistoryChangeKind.RetiredDecreased => "retired-decreased",
        _ => throw new ArgumentOutOfRangeException(nameof(kind)),
    };

    /// <summary>A rate in pages per TiB per year, to the figures it is worth (four decimals).</summary>
    public static double Rate(double value) => Math.Round(value, 4, MidpointRounding.ToEven);

    /// <summary>Each host's rate, by host.</summary>
    public static Dictionary<string, HostRate> Rates(HistoryReport report) =>
        report.Rates.ToDictionary(r => r.Host, StringComparer.Ordinal);

    /// <summary>Each host's firmware-table cliffs, by host, in the report's order.</summary>
    public static ILookup<string, TableCliff> Cliffs(HistoryReport report) =>
        report.Cliffs.ToLookup(c => c.Host, StringComparer.Ordinal);
}
