using System.Diagnostics;
using EgmEcc.Cli;

// Timed end-to-end runs of the fleet verbs, in process, through the real command line:
//   dotnet run -c Release --project tests/EgmEcc.FleetBenchmarks -- [WORKDIR] [--small]
// Synthesises the fleets once (kept in WORKDIR for reuse), then times each scenario and prints
// elapsed time, CPU time and the process's peak working set so far. For the figures in
// docs/fleet.md the published CLI was also timed under /usr/bin/time -v (peak RSS per run).
var work = args.FirstOrDefault(a => !a.StartsWith("--", StringComparison.Ordinal)) ?? Path.Combine(Path.GetTempPath(), "egmecc-fleet-bench");
var small = args.Contains("--small");
var (hosts, records, forecastHosts, trials) = small ? (1_000, 1_000_000L, 100, 100) : (10_000, 10_000_000L, 1_000, 1_000);

var csv = Path.Combine(work, $"csv-{hosts}-{records}");
var tree = Path.Combine(work, $"tree-{hosts}-{records}");
var forecastFleet = Path.Combine(work, $"csv-{forecastHosts}");
Prepare(csv, "synth", "--hosts", $"{hosts}", "--records", $"{records}", "--seed", "1", "-o", csv);
Prepare(tree, "synth", "--hosts", $"{hosts}", "--records", $"{records}", "--seed", "1", "-o", tree, "--layout", "tree");
Prepare(forecastFleet, "synth", "--hosts", $"{forecastHosts}", "--records", $"{forecastHosts * 1000}", "--seed", "2", "-o", forecastFleet);

Time($"fleet, host-column CSV, {hosts} hosts x 2, {records} records", "fleet", "--regions", Path.Combine(csv, "regions.csv"), "--retired", Path.Combine(csv, "retired.csv"), "--vm-shape", "2x200G@512M", "--format", "csv", "-o", Path.Combine(work, "fleet-csv.out"));
Time($"fleet, directory tree, {hosts} hosts x 2, {records} records", "fleet", "--dir", tree, "--vm-shape", "2x200G@512M", "--format", "csv", "-o", Path.Combine(work, "fleet-tree.out"));
Time($"forecast, {trials} trials x {forecastHosts} hosts, clustered", "forecast", "--regions", Path.Combine(forecastFleet, "regions.csv"), "--retired", Path.Combine(forecastFleet, "retired.csv"), "--rate", "50", "--horizon", "3", "--spread", "clustered", "--trials", $"{trials}", "--vm-shape", "2x200G@512M", "--format", "csv", "-o", Path.Combine(work, "forecast.out"));
return 0;

static void Prepare(string directory, params string[] synth)
{
    if (!Directory.Exists(directory))
    {
        Time($"synth {directory}", synth);
    }
}

static void Time(string label, params string[] args)
{
    GC.Collect();
    var process = Process.GetCurrentProcess();
    var cpu = process.TotalProcessorTime;
    var clock = Stopwatch.StartNew();
    var error = new StringWriter();
    var code = EgmEccCli.Run(args, new CliConsole(TextWriter.Null, error, () => Stream.Null));
    clock.Stop();
    process.Refresh();
    Console.WriteLine($"{label}: exit {code}, {clock.Elapsed.TotalSeconds:0.00} s elapsed, {(process.TotalProcessorTime - cpu).TotalSeconds:0.00} s CPU, peak working set so far {process.PeakWorkingSet64 >> 20} MiB");
    if (code != 0)
    {
        Console.WriteLine(error.ToString());
    }
}
