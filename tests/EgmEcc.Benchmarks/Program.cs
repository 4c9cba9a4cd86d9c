using BenchmarkDotNet.Configs;
using BenchmarkDotNet.Running;
using EgmEcc.Benchmarks;

// `--quick`: a one-shot measurement; otherwise BenchmarkDotNet's switcher (e.g. `--filter * --job short`).
if (args.Contains("--quick"))
{
    return QuickRun.Run(args);
}

// `--write-inputs DIR [COUNT]`: the generated fleet as CSV files, to plan with egmecc itself.
if (args is ["--write-inputs", var folder, ..])
{
    var count = args.Length > 2 ? long.Parse(args[2], System.Globalization.CultureInfo.InvariantCulture) : 100_000;
    Directory.CreateDirectory(folder);
    using (var regions = new StreamWriter(Path.Combine(folder, "fleet.regions.csv")))
    {
        FleetGenerator.WriteRegionsCsv(regions, BenchInputs.Regions);
    }

    using var retired = File.Create(Path.Combine(folder, "fleet.retired.csv"));
    new FleetGenerator(BenchInputs.Seed).WriteRetiredCsv(retired, BenchInputs.Regions, count);
    return 0;
}

var config = DefaultConfig.Instance
    .AddColumn(new ThroughputColumn(megabytes: false), new ThroughputColumn(megabytes: true));
BenchmarkSwitcher.FromAssembly(typeof(PlannerBenchmarks).Assembly).Run(args, config);
return 0;
