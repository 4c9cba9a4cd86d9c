using System.CommandLine;
using EgmEcc.Forecasting;
using EgmEcc.Formats.Output.Documents;
using EgmEcc.Pipeline;

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
            Required = true,
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
        foreach (var option in new Option[] { shape, rate, horizon, spread, trials, seed, format, output })
        {
            command.Add(option);
        }

        command.SetAction(result =>
        {
            var options = inputs.ResolvePlanOptions(result);
            var parallelism = inputs.ResolveParallelism(result);
            var forecast = new ForecastOptions(
                result.GetValue(rate),
                result.GetValue(horizon),
                result.GetValue(spread) == "clustered" ? RetirementSpread.Clustered : RetirementSpread.Uniform,
                result.GetValue(trials),
                result.GetValue(seed));
            if (forecast.Check(options) is { } tooMany)
            {
                throw tooMany.ToException();
            }

            OutputTarget.Check(result.GetValue(output));
            var document = ProgressDisplay.Run(console, "forecasting hosts", progress =>
                FleetRun.Forecast(inputs.ResolveSource(result, console), options, forecast, result.GetValue(shape), progress, parallelism));
            Diagnostics.Print(document.Warnings, console.Error);
            var writer = ForecastWriters.All.Find(result.GetValue(format)!)!;
            OutputTarget.Write(result.GetValue(output), console, w => writer.Write(document, w));
            return ExitCodes.Success;
        });
        return command;
    }
}
