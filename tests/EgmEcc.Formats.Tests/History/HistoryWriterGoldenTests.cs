using System.Text.Json;
using EgmEcc.Fleet;
using EgmEcc.Formats.History;
using EgmEcc.History;
using EgmEcc.Pipeline.History;

namespace EgmEcc.Formats.Tests.History;

/// <summary>
/// The history formats (text, csv, json; docs/design.md §4.13), byte for byte: the sample history
/// as read (no rate, prior or cliff measured: <c>-</c> and null), and the same with every measured
/// part filled, which pins where the rates, the prior and the cliffs go. Regenerate with
/// <c>EGMECC_UPDATE_GOLDEN=1</c>.
/// </summary>
public class HistoryWriterGoldenTests
{
    private static readonly VmShape Shape = new(2, 200UL << 30, 512UL << 20);

    private static readonly Lazy<FleetHistory> Sample = new(() =>
    {
        var history = new HistoryInputs { Snapshots = [Repo.PathOf("data/history")] }.Load(PlanOptions.Default, Shape, parallelism: 2).History;

        // Named as the command line in the repository's root names them, so the files do not depend on where it is.
        return history with { Snapshots = [.. history.Snapshots.Select(s => s with { Name = "data/history/" + Path.GetFileName(s.Name) })] };
    });

    public static TheoryData<string> Formats => [.. HistoryWriters.All.Names];

    /// <summary>The sample history as the history verb reports it before anything is measured.</summary>
    internal static HistoryReport Unmeasured() => new() { History = Sample.Value, VmShape = Shape };

    /// <summary>The sample history with made-up rates, prior and cliffs: one of each shape (an overflow with no latest date, none at all, estimated entries).</summary>
    internal static HistoryReport Measured() => Unmeasured() with
    {
        Prior = new RatePrior(new RetirementRate(3.25, 0.125, 9.5), 0.8, 1.5),
        Rates =
        [
            new HostRate("gh-a01", new RetirementRate(7.123456, 2.5, 14.75), 6, 0.238, 3),
            new HostRate("gh-a02", new RetirementRate(3.5, 0, 11), 1, 0.073, 1),
            new HostRate("gh-c01", new RetirementRate(2.75, 0.5, 8), 2, 0.078, 1),
        ],
        Cliffs =
        [
            new TableCliff("gh-a01", "egm0", 7, false, new ForecastDate(new DateTimeOffset(2031, 5, 14, 0, 0, 0, TimeSpan.Zero), new DateTimeOffset(2028, 1, 2, 12, 0, 0, TimeSpan.Zero), null), 481036140544),
            new TableCliff("gh-a01", "egm1", 5, true, new ForecastDate(new DateTimeOffset(2033, 1, 1, 0, 0, 0, TimeSpan.Zero), new DateTimeOffset(2029, 6, 30, 0, 0, 0, TimeSpan.Zero), new DateTimeOffset(2040, 2, 29, 0, 0, 0, TimeSpan.Zero)), 481036140544),
            new TableCliff("gh-b01", "egm0", 4, true, null, 214748102656),
        ],
    };

    internal static string Write(string format, HistoryReport report)
    {
        using var output = new StringWriter { NewLine = "\n" };
        HistoryWriters.All.Find(format)!.Write(report, output);
        return output.ToString();
    }

    private static string Extension(string format) => format == "text" ? "txt" : format;

    [Theory]
    [MemberData(nameof(Formats))]
    public void Write_SampleHistory_MatchesGolden(string format)
    {
        Golden.Check($"history/sample.history.{Extension(format)}", Write(format, Unmeasured()));
    }

    [Theory]
    [MemberData(nameof(Formats))]
    public void Write_MeasuredHistory_MatchesGolden(string format)
    {
        Golden.Check($"history/measured.history.{Extension(format)}", Write(format, Measured()));
    }

    [Fact]
    public void Json_PropertiesInTheContractsOrder()
    {
        using var json = JsonDocument.Parse(Write("json", Measured()));
        var root = json.RootElement;
        var host = root.GetProperty("hosts")[0];

        Assert.Equal(["schema", "options", "vmShape", "snapshots", "prior", "hosts", "changes", "policy"], root.EnumerateObject().Select(p => p.Name));
        Assert.Equal(["perTiBYear", "p5", "p95", "shape", "exposureTiBYears"], root.GetProperty("prior").EnumerateObject().Select(p => p.Name));
        Assert.Equal(["host", "rate", "regions", "observations"], host.EnumerateObject().Select(p => p.Name));
        Assert.Equal(["perTiBYear", "p5", "p95", "newPages", "exposureTiBYears", "intervals"], host.GetProperty("rate").EnumerateObject().Select(p => p.Name));
        Assert.Equal(["id", "tableEntries", "estimated", "tableEntriesLeft", "overflow"], host.GetProperty("regions")[0].EnumerateObject().Select(p => p.Name));
        Assert.Equal(["mean", "p5", "p95", "costBytes"], host.GetProperty("regions")[0].GetProperty("overflow").EnumerateObject().Select(p => p.Name));
        Assert.Equal(
            ["snapshot", "at", "sizeBytes", "usableBytes", "usablePercent", "retiredPages", "newRetiredPages", "atRiskPages", "hugePageCapacity", "vmFit", "tableEntries"],
            host.GetProperty("observations")[0].EnumerateObject().Select(p => p.Name));
        Assert.Equal(["host", "snapshot", "kind", "detail"], root.GetProperty("changes")[0].EnumerateObject().Select(p => p.Name));
        Assert.Equal(JsonValueKind.Null, root.GetProperty("policy").ValueKind);
    }

    [Fact]
    public void Json_Unmeasured_HasNullPriorRatesAndNoRegions()
    {
        using var json = JsonDocument.Parse(Write("json", Unmeasured()));
        var root = json.RootElement;

        Assert.Equal(JsonValueKind.Null, root.GetProperty("prior").ValueKind);
        Assert.All(root.GetProperty("hosts").EnumerateArray(), h =>
        {
            Assert.Equal(JsonValueKind.Null, h.GetProperty("rate").ValueKind);
            Assert.Equal(0, h.GetProperty("regions").GetArrayLength());
        });
    }

    [Fact]
    public void Csv_OneRowPerHostAndObservation_WithTheContractsHeader()
    {
        var lines = Write("csv", Unmeasured()).Split('\n', StringSplitOptions.RemoveEmptyEntries);

        Assert.Equal("host,snapshot,at,regions,sizeBytes,usableBytes,usablePercent,retiredPages,newRetiredPages,atRiskPages,hugePages2M,hugePages32M,hugePages512M,hugePages1G,vmFit,tableEntries", lines[0]);
        Assert.Equal(Sample.Value.Hosts.Sum(h => h.Observations.Length), lines.Length - 1);
    }
}
