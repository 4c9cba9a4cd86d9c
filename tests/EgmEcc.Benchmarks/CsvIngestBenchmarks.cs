using BenchmarkDotNet.Attributes;
using EgmEcc.Formats.Inputs;
using EgmEcc.Pipeline;

namespace EgmEcc.Benchmarks;

/// <summary>
/// Reading a retired CSV file from disk into records, the way <c>egmecc plan --retired</c> does:
/// <see cref="InputLoader"/> detects the format and runs the CSV reader.
/// </summary>
[MemoryDiagnoser]
public class CsvIngestBenchmarks
{
    private string path = string.Empty;

    /// <summary>The number of records in the file (4 million is about 150 MB).</summary>
    [Params(4_000_000)]
    public int Records { get; set; }

    /// <summary>Writes the file once (not measured; cached between runs).</summary>
    [GlobalSetup]
    public void Setup() => path = BenchInputs.RetiredCsv(Records);

    /// <summary>Loads every record of the file.</summary>
    [Benchmark]
    public int Load()
    {
        var loaded = new InputLoader(FormatRegistry.Default, ReadOptions.Default).LoadRetired([InputFile.FromPath(path)]);
        return loaded.Records.Count;
    }
}
