using System.CommandLine;
using EgmEcc.Formats.Output;
using EgmEcc.Formats.Output.Documents;
using EgmEcc.Formats.Reports;
using EgmEcc.Pipeline;

namespace EgmEcc.Cli.Commands;

/// <summary><c>egmecc fleet</c>: plan every host of a fleet; per-host figures, fleet totals, hosts below threshold, VM fit.</summary>
internal static class FleetCommand
{
    public static Command Create(CliConsole console)
    {
        var inputs = new FleetInputOptions();
        var shape = VmShapeOption.Create();
        var minUsable = SizeOptions.Percent("--min-usable", "Flag hosts whose usable share of EGM memory is below PCT percent (exit 3 with --fail-below).");
        var failBelow = new Option<bool>("--fail-below")
        {
            Description = "Exit 3 when a host is below --min-usable.",
        };
        var format = OutputFlags.Format(FleetWriters.All.Names, "text");
        var output = OutputFlags.Output();

        var planJson = FileNames.Required(new Option<string?>("--plan-json")
        {
            Description = "Also write every host's plan as one egmecc.plan/1 document to FILE, for 'egmecc diff' between snapshots.",
            HelpName = "FILE",
        });

        var html = FileNames.Required(new Option<string?>("--html")
        {
            Description = "Also write a dashboard of the fleet to FILE: one self-contained HTML page with the distribution of usable share, the worst hosts and the firmware tables closest to the 4096-entry cliff.",
            HelpName = "FILE",
        });

        var command = new Command("fleet", "Plan every host of a fleet: usable bytes, hugepage capacity and VM fit per host, and fleet totals.");
        inputs.AddTo(command);
        command.Add(shape);
        command.Add(minUsable);
        command.Add(failBelow);
        command.Add(format);
        command.Add(output);
        command.Add(planJson);
        command.Add(html);
        command.SetAction(result =>
        {
            var options = inputs.ResolvePlanOptions(result);
            var parallelism = inputs.ResolveParallelism(result);
            var min = result.GetValue(minUsable);

            var planPath = result.GetValue(planJson);
            OutputTarget.Check(planPath);
            OutputTarget.Check(result.GetValue(output));
            OutputTarget.Check(result.GetValue(html));
            var (report, plan) = ProgressDisplay.Run(console, "planning hosts", progress =>
            {
                var source = inputs.ResolveSource(result, console);
                return planPath is null
                    ? (FleetRun.Report(source, options, result.GetValue(shape), min, progress, parallelism), null)
                    : FleetRun.ReportWithPlan(source, options, result.GetValue(shape), min, progress, parallelism);
            });
            if (plan is not null)
            {
                OutputTarget.Write(planPath, console, w => new PlanJsonWriter().Write(plan, w, new OutputOptions { Invocation = Invocation.Describe(result) }));
            }

            Diagnostics.Print(report.Warnings, console.Error);
            var writer = FleetWriters.All.Find(result.GetValue(format)!)!;
            OutputTarget.Write(result.GetValue(output), console, w => writer.Write(report, w));
            if (result.GetValue(html) is { } htmlPath)
            {
                var page = new FleetHtmlOptions { Invocation = Invocation.Describe(result), Dashboard = new() { GeneratedAt = console.Clock() } };
                OutputTarget.Write(htmlPath, console, w => new FleetHtmlWriter().Write(report, null, w, page));
            }

            return result.GetValue(failBelow) && report.HostsBelowThreshold.Any() ? ExitCodes.GateFailed : ExitCodes.Success;
        });
        return command;
    }
}
