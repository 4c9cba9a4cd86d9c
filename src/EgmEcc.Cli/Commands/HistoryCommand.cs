using System.CommandLine;
using EgmEcc.Formats.History;
using EgmEcc.Formats.Reports;
using EgmEcc.History;
using EgmEcc.Pipeline.History;
using EgmEcc.Reporting;

namespace EgmEcc.Cli.Commands;

/// <summary>
/// <c>egmecc history SNAPSHOT...</c>: follows a fleet over dated snapshots (docs/design.md §4.13):
/// every host's figures at each snapshot, new retirements per interval, and the hosts that appear,
/// vanish or change their regions.
/// </summary>
internal static class HistoryCommand
{
    public static Command Create(CliConsole console)
    {
        var snapshots = new Argument<string[]>("SNAPSHOT")
        {
            Description = "A dated snapshot: a fleet folder (host folders, as written by 'egmecc collect'), a fleet plan JSON ('egmecc fleet --plan-json'), "
                + "or a folder of date-named snapshot folders. Dated by the date in its name (2026-03-01), else by its hosts' collection times. Repeatable; taken oldest first.",
            Arity = ArgumentArity.OneOrMore,
        };
        snapshots.Validators.Add(result =>
        {
            foreach (var token in result.Tokens)
            {
                if (token.Value.Length == 0)
                {
                    result.AddError("SNAPSHOT needs a file or folder name, not ''");
                }
                else if (token.Value.Length > 1 && token.Value[0] == '-')
                {
                    // The parser would take a misspelt '--fromat' for a snapshot.
                    result.AddError($"unknown option '{token.Value}'");
                }
            }
        });

        var inputs = new FleetInputOptions();
        var shape = VmShapeOption.Create();
        var format = OutputFlags.Format(HistoryWriters.All.Names, "text");
        var output = OutputFlags.Output();
        var html = FileNames.Required(new Option<string?>("--html")
        {
            Description = "Also write a dashboard of the fleet over time to FILE: one self-contained HTML page with the fleet now, its totals per snapshot, the forecast fan and the firmware tables closest to the 4096-entry cliff.",
            HelpName = "FILE",
        });
        var policy = new PolicyOptions();

        var command = new Command("history", "Follow a fleet over dated snapshots: each host's figures and new retirements over time, and the hosts that appear, vanish or change their regions.");
        command.Add(snapshots);
        inputs.AddSemanticsTo(command, "snapshots");
        command.Add(shape);
        command.Add(format);
        command.Add(output);
        command.Add(html);
        policy.AddTo(command);
        command.SetAction(result =>
        {
            var paths = result.GetValue(snapshots) ?? [];
            FleetInputOptions.RequireNamedSnapshots(paths);

            var options = inputs.ResolvePlanOptions(result);
            var parallelism = inputs.ResolveParallelism(result);
            var vmShape = result.GetValue(shape);
            OutputTarget.Check(result.GetValue(output));
            OutputTarget.Check(result.GetValue(html));

            // Rules are read before the snapshots are planned: a bad rule costs no planning.
            var rules = policy.LoadRules(result, console);
            var load = ProgressDisplay.Run(console, "planning snapshots", progress => inputs.HistoryOf(result, paths).Load(options, vmShape, progress, parallelism));

            Diagnostics.Print(load.Warnings, console.Error);
            var report = HistoryAnalysis.Of(load.History, vmShape);
            report = report with { Policy = policy.Evaluate(report, rules, result) };
            var writer = HistoryWriters.All.Find(result.GetValue(format)!)!;
            OutputTarget.Write(result.GetValue(output), console, w => writer.Write(report, w));
            if (result.GetValue(html) is { } htmlPath)
            {
                var page = new FleetHtmlOptions { Invocation = Invocation.Describe(result), Dashboard = new() { GeneratedAt = console.Clock() } };
                OutputTarget.Write(htmlPath, console, w => new FleetHtmlWriter().Write(FleetDashboard.LatestFleet(report), report, w, page));
            }

            return policy.ExitCode(report.Policy, result, console.Error);
        });
        return command;
    }
}
