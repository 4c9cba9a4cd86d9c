using EgmEcc.Fleet;
using EgmEcc.Formats.Inputs;
using EgmEcc.Formats.Output.Documents;

namespace EgmEcc.Pipeline.Tests;

public class FleetRunTests
{
    private static readonly VmShape Shape = new(2, 200UL << 30, 512UL << 20);

    [Fact]
    public void Report_SampleDirectoryAndHostColumn_GiveTheSameFigures()
    {
        var tree = FleetRun.Report(new DirectoryFleetSource(FleetData.SampleTree), PlanOptions.Default, Shape, 99.6);
        var columns = FleetRun.Report(HostColumn(FleetData.SampleRegions, FleetData.SampleRetired), PlanOptions.Default, Shape, 99.6);

        Assert.Equal(["gh-a01", "gh-a02", "gh-a03", "gh-b01"], tree.Hosts.Select(h => h.Host).ToArray());
        Assert.Equal(Csv(tree), Csv(columns));
        Assert.Equal(["gh-a03"], tree.HostsBelowThreshold.Select(h => h.Host).ToArray());
    }

    [Fact]
    public void Report_TotalsEqualTheSumOfPerHostPlans()
    {
        var report = FleetRun.Report(new DirectoryFleetSource(FleetData.SampleTree), PlanOptions.Default, Shape);
        UInt128 usable = 0, size = 0;
        var huge = new UInt128[PlanOptions.Default.HugePages.Length];
        long records = 0, vms = 0;
        foreach (var host in Directory.GetDirectories(FleetData.SampleTree).Order(StringComparer.Ordinal))
        {
            // Each host planned on its own, as 'egmecc plan' would.
            var plan = new HostInputs
            {
                Regions = [InputFile.FromPath(Path.Combine(host, "regions.csv"))],
                Retired = [InputFile.FromPath(Path.Combine(host, "retired.csv"))],
            }.Plan(PlanOptions.Default);
            foreach (var region in plan.Regions)
            {
                usable += region.Stats.UsableBytes;
                size += region.Stats.SizeBytes;
                for (var h = 0; h < huge.Length; h++)
                {
                    huge[h] += region.Stats.HugePageCapacity[h].Count;
                }
            }

            records += plan.Accounting.Records;
            vms += HostSummary.FromPlan(Path.GetFileName(host), plan, Shape).VmFit;
        }

        var totals = report.Totals;
        Assert.Equal(usable, totals.UsableBytes);
        Assert.Equal(size, totals.SizeBytes);
        Assert.Equal(huge, totals.HugePages.ToArray());
        Assert.Equal(records, totals.Accounting.Records);
        Assert.Equal(vms, totals.VmFit);
    }

    [Fact]
    public void Report_ShuffledHostColumnRows_SameFiguresAsTheTree()
    {
        var (tree, regions, retired) = FleetData.Synthetic(hosts: 25, records: 4000, seed: 3);
        var shuffled = Shuffle(retired, seed: 5);
        var regionsShuffled = Shuffle(regions, seed: 6);

        var fromTree = FleetRun.Report(new DirectoryFleetSource(tree), PlanOptions.Default, Shape);
        var fromColumns = FleetRun.Report(HostColumn(regionsShuffled, shuffled), PlanOptions.Default, Shape);

        Assert.Equal(Csv(fromTree), Csv(fromColumns));
        Assert.Equal(4000, fromTree.Totals.Accounting.Records);
    }

    [Fact]
    public void Report_AnyParallelism_SameOutput()
    {
        var (tree, _, _) = FleetData.Synthetic(hosts: 16, records: 2000, seed: 8);
        var one = FleetRun.Report(new DirectoryFleetSource(tree), PlanOptions.Default, Shape, parallelism: 1);
        var four = FleetRun.Report(new DirectoryFleetSource(tree), PlanOptions.Default, Shape, parallelism: 4);
        Assert.Equal(Json(one), Json(four));
    }

    [Fact]
    public void Report_Progress_CountsEveryHost()
    {
        var progress = new FleetProgress();
        FleetRun.Report(new DirectoryFleetSource(FleetData.SampleTree), PlanOptions.Default, progress: progress);
        Assert.Equal(4, progress.Total);
        Assert.Equal(4, progress.Done);
    }

    [Fact]
    public void Forecast_DirectoryAndHostColumn_Identical()
    {
        var forecast = new Forecasting.ForecastOptions(100, 2, Forecasting.RetirementSpread.Clustered, trials: 30, seed: 2);
        var a = FleetRun.Forecast(new DirectoryFleetSource(FleetData.SampleTree), PlanOptions.Default, forecast, Shape);
        var b = FleetRun.Forecast(HostColumn(FleetData.SampleRegions, FleetData.SampleRetired), PlanOptions.Default, forecast, Shape);
        Assert.Equal(Write(new ForecastJsonWriter(), a), Write(new ForecastJsonWriter(), b));
    }

    internal static HostColumnFleetSource HostColumn(string regions, string retired) =>
        new(new HostInputs { Regions = [InputFile.FromPath(regions)], Retired = [InputFile.FromPath(retired)] });

    private static string Csv(FleetReport report) => Write(new FleetCsvWriter(), report);

    private static string Json(FleetReport report) => Write(new FleetJsonWriter(), report);

    /// <summary>Any failure of a host load reaches the caller as itself, never wrapped in an AggregateException.</summary>
    [Fact]
    public void Map_UnexpectedExceptionFromAHostLoad_IsRethrownUnwrapped()
    {
        var source = new ThrowingSource(new UnauthorizedAccessException("denied"));
        var e = Assert.Throws<UnauthorizedAccessException>(() => FleetRun.Map(source, PlanOptions.Default, (host, plan) => host, parallelism: 2));
        Assert.Equal("denied", e.Message);
    }

    private sealed class ThrowingSource(Exception error) : FleetSource
    {
        public override IReadOnlyList<string> Hosts { get; } = ["a", "b", "c"];

        public override LoadedHost Load(int index) => throw error;
    }

    private static string Write<T>(IDocumentWriter<T> writer, T document)
    {
        var output = new StringWriter();
        writer.Write(document, output);
        return output.ToString();
    }

    /// <summary>The CSV with its data rows in a seeded random order (comments and header first).</summary>
    private static string Shuffle(string path, int seed)
    {
        var lines = File.ReadAllLines(path);
        var header = lines.TakeWhile(l => l.StartsWith('#')).Count() + 1;
        var rows = lines[header..];
        new Random(seed).Shuffle(rows);
        var shuffled = Path.Combine(Path.GetDirectoryName(path)!, "shuffled-" + Path.GetFileName(path));
        File.WriteAllLines(shuffled, [.. lines[..header], .. rows]);
        return shuffled;
    }
}
