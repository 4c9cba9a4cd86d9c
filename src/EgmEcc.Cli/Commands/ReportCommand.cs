using System.CommandLine;
using EgmEcc.Formats.Reports;
using EgmEcc.Reporting;

namespace EgmEcc.Cli.Commands;

/// <summary>
/// <c>egmecc report</c>: the pre-boot memory report of a host, in the terminal (or as JSON), with
/// an optional HTML page, and gates that fail the run (exit 3) for boot pipelines.
/// </summary>
internal static class ReportCommand
{
    public static Command Create(CliConsole console)
    {
        var inputs = new InputOptions();
        var format = new Option<string>("--format")
        {
            Description = "Output format: text (the terminal report), json (egmecc.report/1: the plan and the gate results) or prometheus (gauges for node_exporter's textfile collector).",
            HelpName = "FORMAT",
            DefaultValueFactory = _ => "text",
        };
        format.AcceptOnlyFromAmong("text", "json", "prometheus");
        var output = OutputFlags.Output("the report");
        var html = FileNames.Required(new Option<string?>("--html")
        {
            Description = "Also write the report as one self-contained HTML page with a hole map per region.",
            HelpName = "FILE",
        });
        var failBelowUsable = SizeOptions.Percent("--fail-below-usable", "Exit 3 when a region keeps less than PCT percent of its bytes usable.");
        var failBelowHuge = new Option<HugePageGate[]>("--fail-below-huge")
        {
            Description = "Exit 3 when a region holds fewer than COUNT hugepages of SIZE (e.g. 1G:300). Repeatable.",
            HelpName = "SIZE:COUNT",
            Arity = ArgumentArity.ZeroOrMore,
            AllowMultipleArgumentsPerToken = false,
            CustomParser = result =>
            {
                var gates = new List<HugePageGate>();
                foreach (var token in result.Tokens)
                {
                    if (HugePageGate.TryParse(token.Value, out var gate) is { } error)
                    {
                        result.AddError($"--fail-below-huge: {error}");
                        return [];
                    }

                    gates.Add(gate);
                }

                return [.. gates];
            },
        };
        var failOnWarning = new Option<bool>("--fail-on-warning")
        {
            Description = "Exit 3 when the inputs raise any warning (out-of-region or clipped records, misaligned bases, firmware tables near the 4096-entry limit).",
        };

        var requireRetired = RetiredRequirement.Create();
        var ascii = new Option<bool>("--ascii")
        {
            Description = "Draw the text report in ASCII only (no box or block characters), as on a console that cannot show them; chosen by itself when the locale is not UTF-8 or TERM is a serial or kernel console (linux, vt100, vt220, dumb).",
        };
        var hostName = new Option<string?>("--host-name")
        {
            Description = "The host's name, in the report's title [default: with --host, the collected host's; else none].",
            HelpName = "NAME",
        };
        hostName.Validators.Add(result =>
        {
            foreach (var token in result.Tokens)
            {
                if (token.Value.Length == 0 || Region.NameProblem(token.Value) is not null)
                {
                    result.AddError($"--host-name '{Region.Printable(token.Value)}' must be printable text, not empty");
                }
            }
        });

        var command = new Command("report", "Report each region's usable memory, holes and hugepage capacity; optionally gate on them.");
        inputs.AddTo(command);
        foreach (var option in new Option[] { format, output, html, failBelowUsable, failBelowHuge, failOnWarning, requireRetired, ascii, hostName })
        {
            command.Add(option);
        }

        command.SetAction(result =>
        {
            var gates = new ReportGates
            {
                MinUsablePercent = result.GetValue(failBelowUsable),
                MinHugePages = [.. result.GetValue(failBelowHuge) ?? []],
                FailOnWarning = result.GetValue(failOnWarning),
            };
            var options = inputs.ResolvePlanOptions(result);
            OutputTarget.Check(result.GetValue(output));
            OutputTarget.Check(result.GetValue(html));
            var host = RetiredRequirement.Require(inputs.ResolveInputs(result, console, result.GetValue(hostName), out var collectedHost), result.GetValue(requireRetired));
            var plan = host.Plan(options);
            RetiredRequirement.Warn(host, console);
            var report = Report.Create(plan, gates) with
            {
                HostName = result.GetValue(hostName) ?? collectedHost,
                GeneratedAt = console.Clock(),
            };

            var invocation = Invocation.Describe(result);
            var path = result.GetValue(output);
            var toTerminal = path is null or "-" && console.OutIsTerminal;
            var writeOptions = new ReportOutputOptions
            {
                Invocation = invocation,
                Width = toTerminal ? console.OutWidth : 80,
                Ansi = toTerminal && !console.NoColor,
                Unicode = !result.GetValue(ascii) && !console.OutIsAsciiOnly,
            };
            var text = result.GetValue(format) == "text";
            var writer = ReportWriters.All.Find(result.GetValue(format)!)!;

            // The text report on standard output lists the warnings itself; anywhere else (JSON,
            // Prometheus, a file) the person at the terminal would not see them, so they go to standard error.
            if (!text || path is not (null or "-"))
            {
                Diagnostics.Print(plan.Diagnostics, console.Error);
            }

            OutputTarget.Write(path, console, w => writer.Write(report, w, writeOptions));
            if (result.GetValue(html) is { } htmlPath)
            {
                OutputTarget.Write(htmlPath, console, w => ReportWriters.All.Find("html")!.Write(report, w, writeOptions));
            }

            foreach (var failed in report.FailedGates)
            {
                console.Error.WriteLine($"egmecc: gate failed: {failed.Describe()} ({SettingFlags.Of(failed)})");
            }

            return report.Passed ? ExitCodes.Success : ExitCodes.GateFailed;
        });
        return command;
    }
}
