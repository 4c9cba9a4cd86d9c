using System.CommandLine;

namespace EgmEcc.Cli.Commands;

/// <summary><c>egmecc validate</c>: read and account for every input; print only diagnostics and counts.</summary>
internal static class ValidateCommand
{
    public static Command Create(CliConsole console)
    {
        var inputs = new InputOptions();
        var command = new Command("validate", "Check the inputs: every record read and accounted for, every region consistent.");
        inputs.AddTo(command);
        var requireRetired = RetiredRequirement.Create();
        command.Add(requireRetired);
        command.SetAction(result =>
        {
            var options = inputs.ResolvePlanOptions(result);
            var host = RetiredRequirement.Require(inputs.ResolveInputs(result, console), result.GetValue(requireRetired));
            var plan = host.Plan(options);
            RetiredRequirement.Warn(host, console);
            Diagnostics.Print(plan.Diagnostics, console.Error);
            var a = plan.Accounting;
            var atRisk = a.AtRisk == 0 ? string.Empty : $", at-risk {a.AtRisk}";
            console.Out.WriteLine($"regions {plan.Regions.Length}, records {a.Records}: applied {a.Applied}{atRisk}, duplicate {a.Duplicate}, out-of-region {a.OutOfRegion}, clipped {a.Clipped}; {plan.Diagnostics.Length} warning(s)");
            return ExitCodes.Success;
        });
        return command;
    }
}
