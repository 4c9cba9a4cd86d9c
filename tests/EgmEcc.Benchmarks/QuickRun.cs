using System.Diagnostics;
using System.Globalization;
using System.Runtime.CompilerServices;
using System.Text;
using EgmEcc.Formats.Inputs;
using EgmEcc.Formats.Output;
using EgmEcc.Pipeline;

namespace EgmEcc.Benchmarks;

/// <summary>
/// A one-shot measurement without BenchmarkDotNet's harness: a few timed runs of each workload,
/// printing records/s, MB/s, allocated bytes and peak working set. Minutes on a small machine
/// where the full harness takes much longer.
/// </summary>
/// <remarks>
/// Peak working set is reset before each workload (Linux <c>/proc/self/clear_refs</c>), so each
/// figure is that workload's own peak, inputs in memory included.
/// </remarks>
public static class QuickRun
{
    /// <summary>Usage of the quick mode.</summary>
    public const string Usage = """
        --quick [--only planner|csv|json] [--records 1000000,10000000] [--csv-records 4000000] [--repeat 3]
        """ + "\n" + EndToEnd.Usage;

    /// <summary>Runs the quick measurements named by <paramref name="args"/>.</summary>
    public static int Run(string[] args)
    {
        var only = Option(args, "--only") ?? "all";
        if (only is "e2e")
        {
            return EndToEnd.Run(args, name => Option(args, name));
        }

        var counts = (Option(args, "--records") ?? "1000000,10000000").Split(',').Select(s => int.Parse(s, CultureInfo.InvariantCulture)).ToArray();
        var csvRecords = long.Parse(Option(args, "--csv-records") ?? "4000000", CultureInfo.InvariantCulture);
        var repeat = int.Parse(Option(args, "--repeat") ?? "3", CultureInfo.InvariantCulture);

        Console.WriteLine($"egmecc quick benchmark: {Environment.ProcessorCount} cores, {RuntimeInformationText()}, GC server={System.Runtime.GCSettings.IsServerGC}");
        if (only is "all" or "planner")
        {
            foreach (var n in counts)
            {
                Planner(n, repeat);
            }
        }

        if (only is "all" or "csv")
        {
            Csv(csvRecords, repeat);
        }

        if (only is "csvraw")
        {
            CsvRaw(csvRecords, repeat);
        }

        if (only is "csvreader")
        {
            CsvReaderPresized(csvRecords, repeat);
        }

        if (only is "all" or "json")
        {
            Json(counts.Min(), repeat);
        }

        return 0;
    }

    private static void Planner(int count, int repeat)
    {
        var records = BenchInputs.Records(count);
        var regions = BenchInputs.RegionSet;
        EgmEcc.Planner.Create(regions, records.AsSpan(0, Math.Min(count, 100_000)), PlanOptions.Default); // JIT warm-up
        Plan? plan = null;
        var m = Measure(repeat, () => plan = EgmEcc.Planner.Create(regions, records, PlanOptions.Default));
        var input = (long)count * Unsafe.SizeOf<RetiredRecord>();
        Report($"planner {count:N0}", count, bytes: 0, m);
        Console.WriteLine($"    input records {Mb(input)} in memory ({Unsafe.SizeOf<RetiredRecord>()} B each); {plan!.Regions.Sum(r => r.Holes.Length):N0} holes, applied {plan.Accounting.Applied:N0}, duplicate {plan.Accounting.Duplicate:N0}, out-of-region {plan.Accounting.OutOfRegion:N0}, clipped {plan.Accounting.Clipped:N0}");
        GC.KeepAlive(records);
    }

    private static void Csv(long count, int repeat)
    {
        var path = BenchInputs.RetiredCsv(count);
        var bytes = new FileInfo(path).Length;
        var loader = new InputLoader(FormatRegistry.Default, ReadOptions.Default);
        var file = InputFile.FromPath(path);
        var records = 0;
        var m = Measure(repeat, () => records = loader.LoadRetired([file]).Records.Count);
        Report($"csv ingest {Mb(bytes)}", records, bytes, m);
    }

    /// <summary>CsvHelper alone, with the options the retired reader uses: the ceiling for the ingest.</summary>
    private static void CsvRaw(long count, int repeat)
    {
        var path = BenchInputs.RetiredCsv(count);
        var bytes = new FileInfo(path).Length;
        var rows = 0;
        var m = Measure(repeat, () =>
        {
            using var stream = new FileStream(path, FileMode.Open, FileAccess.Read, FileShare.Read, 1 << 16, FileOptions.SequentialScan);
            using var reader = CsvHelper.CsvReader.Create(stream, new CsvHelper.CsvReaderOptions
            {
                HasHeader = true,
                SkipEmptyLines = true,
                CommentPrefix = '#',
                TrimWhitespace = true,
                TrackLineNumbers = true,
                PoolStrings = true,
                Separator = ',',
                FieldCountMismatch = CsvHelper.CsvFieldCountHandling.Allow,
                MissingField = CsvHelper.CsvMissingFieldHandling.ReturnEmpty,
                MalformedData = CsvHelper.CsvMalformedDataHandling.Throw,
            });
            rows = 0;
            while (reader.Read())
            {
                rows += reader.GetSpan(1).Length > 0 ? 1 : 1;
            }
        });
        Report($"csv raw CsvHelper {Mb(bytes)}", rows, bytes, m);
    }

    /// <summary>The CSV reader alone into a list of the final size: the ingest without the list's growth.</summary>
    private static void CsvReaderPresized(long count, int repeat)
    {
        var path = BenchInputs.RetiredCsv(count);
        var bytes = new FileInfo(path).Length;
        var file = InputFile.FromPath(path);
        var records = 0;
        var m = Measure(repeat, () =>
        {
            var sink = new List<RetiredRecord>((int)count);
            using var stream = file.Open();
            new EgmEcc.Formats.Csv.RetiredCsvReader().Read(stream, file, ReadOptions.Default, sink, _ => { });
            records = sink.Count;
        });
        Report($"csv reader, presized list {Mb(bytes)}", records, bytes, m);
    }

    private static void Json(int count, int repeat)
    {
        var plan = EgmEcc.Planner.Create(BenchInputs.RegionSet, BenchInputs.Records(count), PlanOptions.Default);
        var writer = new PlanJsonWriter();
        long bytes = 0;
        var m = Measure(repeat, () =>
        {
            var sink = new CountingStream();
            using (var output = new StreamWriter(sink, new UTF8Encoding(false), 1 << 16))
            {
                writer.Write(plan, output, OutputOptions.Default);
            }

            bytes = sink.Length;
        });
        var extents = plan.Regions.Sum(r => r.Holes.Length + r.Usable.Length);
        Report($"plan json ({count:N0} records, {extents:N0} extents+holes)", extents, bytes, m);
    }

    private static Measurement Measure(int repeat, Action run)
    {
        var times = new List<double>();
        var cpuTimes = new List<double>();
        long allocated = 0, peak = 0;
        int gen0 = 0, gen1 = 0, gen2 = 0;
        for (var i = 0; i < repeat; i++)
        {
            GC.Collect(2, GCCollectionMode.Aggressive, blocking: true, compacting: true);
            GC.WaitForPendingFinalizers();
            ResetPeakWorkingSet();
            var (g0, g1, g2) = (GC.CollectionCount(0), GC.CollectionCount(1), GC.CollectionCount(2));
            var before = GC.GetTotalAllocatedBytes(precise: true);
            var cpuBefore = Process.GetCurrentProcess().TotalProcessorTime;
            var clock = Stopwatch.StartNew();
            run();
            clock.Stop();
            cpuTimes.Add((Process.GetCurrentProcess().TotalProcessorTime - cpuBefore).TotalSeconds);
            allocated = GC.GetTotalAllocatedBytes(precise: true) - before;
            (gen0, gen1, gen2) = (GC.CollectionCount(0) - g0, GC.CollectionCount(1) - g1, GC.CollectionCount(2) - g2);
            using var self = Process.GetCurrentProcess();
            peak = Math.Max(peak, self.PeakWorkingSet64);
            times.Add(clock.Elapsed.TotalSeconds);
        }

        times.Sort();
        cpuTimes.Sort();
        return new Measurement(times[0], times[times.Count / 2], cpuTimes[0], allocated, peak, gen0, gen1, gen2);
    }

    private static void Report(string name, long items, long bytes, Measurement m)
    {
        var rate = items / m.Best;
        var mbps = bytes > 0 ? $", {bytes / 1e6 / m.Best:N1} MB/s" : string.Empty;
        Console.WriteLine($"{name}: best {m.Best * 1000:N1} ms, median {m.Median * 1000:N1} ms; {rate / 1e6:N2} M items/s{mbps}");
        var cpuMbps = bytes > 0 ? $", {bytes / 1e6 / m.BestCpu:N1} MB/s of CPU" : string.Empty;
        Console.WriteLine($"    process CPU time (all threads, GC included) best {m.BestCpu * 1000:N1} ms: {items / m.BestCpu / 1e6:N2} M items/s of CPU{cpuMbps}");
        Console.WriteLine($"    allocated {Mb(m.Allocated)} per run; GCs gen0/1/2 {m.Gen0}/{m.Gen1}/{m.Gen2}; peak working set {Mb(m.PeakWorkingSet)}");
    }

    private static void ResetPeakWorkingSet()
    {
        try
        {
            File.WriteAllText("/proc/self/clear_refs", "5");
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            // Not Linux, or not allowed: the peak is then the process's peak so far.
        }
    }

    private static string Mb(long bytes) => $"{bytes / (1024.0 * 1024.0):N1} MiB";

    private static string? Option(string[] args, string name)
    {
        var i = Array.IndexOf(args, name);
        return i >= 0 && i + 1 < args.Length ? args[i + 1] : null;
    }

    private static string RuntimeInformationText() => System.Runtime.InteropServices.RuntimeInformation.FrameworkDescription;

    private readonly record struct Measurement(double Best, double Median, double BestCpu, long Allocated, long PeakWorkingSet, int Gen0, int Gen1, int Gen2);

    /// <summary>A write-only stream that counts and discards.</summary>
    private sealed class CountingStream : Stream
    {
        private long length;

        public override bool CanRead => false;

        public override bool CanSeek => false;

        public override bool CanWrite => true;

        public override long Length => length;

        public override long Position { get => length; set => throw new NotSupportedException(); }

        public override void Flush()
        {
        }

        public override int Read(byte[] buffer, int offset, int count) => throw new NotSupportedException();

        public override long Seek(long offset, SeekOrigin origin) => throw new NotSupportedException();

        public override void SetLength(long value) => throw new NotSupportedException();

        public override void Write(byte[] buffer, int offset, int count) => length += count;

        public override void Write(ReadOnlySpan<byte> buffer) => length += buffer.Length;
    }
}
