using BenchmarkDotNet.Attributes;

namespace EgmEcc.Benchmarks;

/// <summary><see cref="Planner.Create"/> on records already in memory: planning only, no parsing.</summary>
[MemoryDiagnoser]
public class PlannerBenchmarks
{
    private RetiredRecord[] records = [];

    /// <summary>The number of records over the 8 regions.</summary>
    [Params(1_000_000, 10_000_000)]
    public int Records { get; set; }

    /// <summary>Generates the records (not measured).</summary>
    [GlobalSetup]
    public void Setup() => records = BenchInputs.Records(Records);

    /// <summary>Plans every record.</summary>
    [Benchmark]
    public Plan Plan() => Planner.Create(BenchInputs.RegionSet, records, PlanOptions.Default);
}
