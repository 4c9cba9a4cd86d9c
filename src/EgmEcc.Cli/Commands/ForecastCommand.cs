using System.CommandLine;
using EgmEcc.Forecasting;
using EgmEcc.Formats.Output.Documents;
using EgmEcc.Pipeline;
using EgmEcc.Pipeline.History;

namespace EgmEcc.Cli.Commands;

/// <summary><c>egmecc forecast</c>: a seeded Monte Carlo of future retirements over a fleet.</summary>
internal static class ForecastCommand
{
    public static Command Create(CliConsole console)
    {
        var inputs = new FleetInputOptions();
        var shape = VmShapeOption.Create();
        var rate = new Option<double>("--rate")
        {
            Description = "New retired pages (of the granule) per TiB of EGM per year.",
            HelpName = "N",
        };
        var fromHistory = new Option<string[]>("--rates-from-history")
        {
            Description = "Instead of --rate, each host's rate measured from these dated snapshots (as 'egmecc history' reads them); a host they do not hold gets the fleet's. Each trial draws the rate anew from what the history leaves uncertain.",
            HelpName = "SNAPSHOT",
            AllowMultipleArgumentsPerToken = true,
            Arity = ArgumentArity.OneOrMore,
        };
        var horizon = new Option<double>("--horizon")
        {
            Description = "How far ahead, in years.",
            HelpName = "YEARS",
            DefaultValueFactory = _ => 1,
        };
        var spread = new Option<string>("--spread")
        {
            Description = "uniform: pages retire independently; clustered: in runs of adjacent pages (failing rows).",
            HelpName = "SPREAD",
            DefaultValueFactory = _ => "uniform",
        };
        spread.AcceptOnlyFromAmong("uniform", "clustered");
        var trials = new Option<int>("--trials") { Description = "Monte Carlo trials.", HelpName = "N", DefaultValueFactory = _ => 1000 };
        var seed = new Option<ulong>("--seed") { Description = "The seed; the same seed gives the same forecast.", HelpName = "N", DefaultValueFactory = _ => 1 };
        var format = OutputFlags.Format(ForecastWriters.All.Names, "text");
        var output = OutputFlags.Output();

        var command = new Command("forecast", "Forecast usable bytes, hugepage capacity and VM fit as pages keep retiring (seeded Monte Carlo).");
        inputs.AddTo(command);
        foreach (var option in new Option[] { shape, rate, fromHistory, horizon, spread, trials, seed, format, output })
        {
            command.Add(option);
        }

        // One rate or measured rates, exactly one of them; the message is the parser's for a required option.
        command.Validators.Add(result =>
        {
            var given = result.GetResult(rate) is not null;
            var measured = result.GetResult(fromHistory) is not null;
            if (given && measured)
            {
                result.AddError($"{rate.Name} and {fromHistory.Name} exclude each other: give one rate, or measure each host's");
            }
            else if (!given && !measured)
            {
                result.AddError($"{rate.Name} is required (or {fromHistory.Name} SNAPSHOT...)");
            }
        });

        command.SetAction(result =>
        {
            var options = inputs.ResolvePlanOptions(result);
            var parallelism = inputs.ResolveParallelism(result);
            // Not given reads as an empty list: only a given option measures.
            var snapshots = result.GetResult(fromHistory) is null ? null : result.GetValue(fromHistory);
            var forecast = new ForecastOptions(
                snapshots is null ? result.GetValue(rate) : 0,
                result.GetValue(horizon),
                result.GetValue(spread) == "clustered" ? RetirementSpread.Clustered : RetirementSpread.Uniform,
                result.GetValue(trials),
                result.GetValue(seed));
            if (forecast.Check(options) is { } tooMany)
            {
                throw tooMany.ToException();
            }

            OutputTarget.Check(result.GetValue(output));
            var measured = snapshots is null ? null : MeasureRates(snapshots, inputs, result, options, console, parallelism);
            var document = ProgressDisplay.Run(console, "forecasting hosts", progress =>
                FleetRun.Forecast(inputs.ResolveSource(result, console), options, forecast, measured, result.GetValue(shape), progress, parallelism));
            Diagnostics.Print(document.Warnings, console.Error);
            var writer = ForecastWriters.All.Find(result.GetValue(format)!)!;
            OutputTarget.Write(result.GetValue(output), console, w => writer.Write(document, w));
            return ExitCodes.Success;
        });
        return command;
    }

    /// <summary>Each host's rate from its history (docs/design.md §4.13), read and planned with the forecast's own semantics.</summary>
    private static MeasuredRates MeasureRates(string[] snapshots, FleetInputOptions inputs, ParseResult result, PlanOptions options, CliConsole console, int parallelism)
    {
        FleetInputOptions.RequireNamedSnapshots(snapshots);
        var (rates, warnings) = ProgressDisplay.Run(console, "planning snapshots", progress => inputs.HistoryOf(result, snapshots).LoadRates(options, progress, parallelism));
        Diagnostics.Print(warnings, console.Error);
        return rates;
    }
}
