using System.CommandLine;
using EgmEcc.Formats.Inputs;
using EgmEcc.Formats.Output.Documents;
using EgmEcc.Pipeline;

namespace EgmEcc.Cli.Commands;

/// <summary><c>egmecc diff OLD.json NEW.json</c>: what changed between two plans (one host or a fleet).</summary>
internal static class DiffCommand
{
    public static Command Create(CliConsole console)
    {
        var old = FileNames.Required(new Argument<string>("OLD") { Description = "The earlier plan (egmecc plan --format json); '-' for standard input." });
        var @new = FileNames.Required(new Argument<string>("NEW") { Description = "The later plan; '-' for standard input." });
        var format = OutputFlags.Format(DiffWriters.All.Names, "text");
        var output = OutputFlags.Output();

        var command = new Command("diff", "Compare two plans: new and cleared holes, capacity change per region and host.");
        command.Add(old);
        command.Add(@new);
        command.Add(format);
        command.Add(output);
        command.SetAction(result =>
        {
            var (oldPath, newPath) = (result.GetValue(old)!, result.GetValue(@new)!);
            if (oldPath == "-" && newPath == "-")
            {
                throw new UsageException("only one input can be standard input ('-')");
            }

            var diff = PlanFiles.Diff(InputFile.FromPath(oldPath, console.OpenStandardInput), InputFile.FromPath(newPath, console.OpenStandardInput));
            if (diff.OptionsDiffer)
            {
                // Compared anyway (the layouts differ exactly as shown, and 'what would 4K buy' is a fair question),
                // but said loudly: a hole that changed may owe nothing to retired pages.
                console.Error.WriteLine(OneLine.Of($"egmecc: warning: the plans were made with different options ({string.Join(", ", diff.OptionChanges)}); holes may differ because of them, and hugepage capacity is compared only for the sizes both count"));
            }

            var writer = DiffWriters.All.Find(result.GetValue(format)!)!;
            OutputTarget.Write(result.GetValue(output), console, w => writer.Write(diff, w));
            return ExitCodes.Success;
        });
        return command;
    }
}
