using System.Globalization;
using BenchmarkDotNet.Columns;
using BenchmarkDotNet.Reports;
using BenchmarkDotNet.Running;

namespace EgmEcc.Benchmarks;

/// <summary>
/// Records per second (from the <c>Records</c> parameter) and, for the CSV ingest, megabytes per
/// second (from the size of the cached input file), derived from the mean time.
/// </summary>
public sealed class ThroughputColumn(bool megabytes) : IColumn
{
    /// <inheritdoc/>
    public string Id => megabytes ? "egmecc.mbps" : "egmecc.rps";

    /// <inheritdoc/>
    public string ColumnName => megabytes ? "MB/s" : "Records/s";

    /// <inheritdoc/>
    public bool AlwaysShow => true;

    /// <inheritdoc/>
    public ColumnCategory Category => ColumnCategory.Custom;

    /// <inheritdoc/>
    public int PriorityInCategory => megabytes ? 1 : 0;

    /// <inheritdoc/>
    public bool IsNumeric => true;

    /// <inheritdoc/>
    public UnitType UnitType => UnitType.Dimensionless;

    /// <inheritdoc/>
    public string Legend => megabytes
        ? "Input megabytes (10^6 bytes) read per second, at the mean time"
        : "Records processed per second, at the mean time";

    /// <inheritdoc/>
    public string GetValue(Summary summary, BenchmarkCase benchmarkCase) => GetValue(summary, benchmarkCase, SummaryStyle.Default);

    /// <inheritdoc/>
    public string GetValue(Summary summary, BenchmarkCase benchmarkCase, SummaryStyle style)
    {
        var report = summary[benchmarkCase];
        var mean = report?.ResultStatistics?.Mean;
        if (mean is not > 0 || benchmarkCase.Parameters["Records"] is not int records)
        {
            return "-";
        }

        var seconds = mean.Value / 1e9;
        if (!megabytes)
        {
            return (records / seconds).ToString("N0", CultureInfo.InvariantCulture);
        }

        if (benchmarkCase.Descriptor.Type != typeof(CsvIngestBenchmarks))
        {
            return "-";
        }

        var file = new FileInfo(BenchInputs.RetiredCsvPath(records));
        return file.Exists ? (file.Length / 1e6 / seconds).ToString("N1", CultureInfo.InvariantCulture) : "-";
    }

    /// <inheritdoc/>
    public bool IsAvailable(Summary summary) => true;

    /// <inheritdoc/>
    public bool IsDefault(Summary summary, BenchmarkCase benchmarkCase) => false;
}
