using System.Text;
using BenchmarkDotNet.Attributes;
using EgmEcc.Formats.Output;

namespace EgmEcc.Benchmarks;

/// <summary>Writing the canonical plan JSON of a large plan (to a stream that discards it).</summary>
[MemoryDiagnoser]
public class JsonWriteBenchmarks
{
    private Plan plan = null!;

    /// <summary>The number of records planned.</summary>
    [Params(1_000_000)]
    public int Records { get; set; }

    /// <summary>Plans the records (not measured).</summary>
    [GlobalSetup]
    public void Setup() => plan = Planner.Create(BenchInputs.RegionSet, BenchInputs.Records(Records), PlanOptions.Default);

    /// <summary>Writes the plan as JSON.</summary>
    [Benchmark]
    public void Write()
    {
        using var output = new StreamWriter(Stream.Null, new UTF8Encoding(false), 1 << 16);
        new PlanJsonWriter().Write(plan, output, OutputOptions.Default);
    }
}
