using BenchmarkDotNet.Configs;
using BenchmarkDotNet.Running;
using EgmEcc.Benchmarks;

// `--quick`: a one-shot measurement; otherwise BenchmarkDotNet's switcher (e.g. `--filter * --job short`).
if (args.Contains("--quick"))
{
    return QuickRun.Run(args);
}

var config = DefaultConfig.Instance
    .AddColumn(new ThroughputColumn(megabytes: false), new ThroughputColumn(megabytes: true));
BenchmarkSwitcher.FromAssembly(typeof(PlannerBenchmarks).Assembly).Run(args, config);
return 0;
