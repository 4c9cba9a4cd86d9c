using System.CommandLine;
using EgmEcc.Formats.Output;

namespace EgmEcc.Cli.Commands;

/// <summary><c>egmecc plan</c>: plan the inputs and write the plan in one format.</summary>
internal static class PlanCommand
{
    public static Command Create(CliConsole console)
    {
        var inputs = new InputOptions();
        var format = new Option<string>("--format")
        {
            Description = "Output format.",
            HelpName = "FORMAT",
            DefaultValueFactory = _ => "json",
        };
        format.AcceptOnlyFromAmong([.. PlanWriters.Names]);
        var output = new Option<string?>("--output", "-o")
        {
            Description = "Write the output to FILE instead of standard output.",
            HelpName = "FILE",
        };

        var command = new Command("plan", "Compute each region's holes, usable extents and hugepage capacity.");
        inputs.AddTo(command);
        command.Add(format);
        command.Add(output);
        command.SetAction(result =>
        {
            var options = inputs.ResolvePlanOptions(result);
            var plan = inputs.ResolveInputs(result, console).Plan(options);
            var writer = PlanWriters.Find(result.GetValue(format)!)!;
            Diagnostics.Print(plan.Diagnostics, console.Error);
            OutputTarget.Write(result.GetValue(output), console, w => writer.Write(plan, w, new OutputOptions { Invocation = Invocation.Describe(result) }));
            return ExitCodes.Success;
        });
        return command;
    }
}
