using System.CommandLine;
using EgmEcc.Diffing;
using EgmEcc.Formats.Inputs;
using EgmEcc.Formats.Output.Documents;
using EgmEcc.Pipeline;

namespace EgmEcc.Cli.Commands;

/// <summary>
/// <c>egmecc diff OLD.json NEW.json</c>: what changed between two plans (one host or a fleet). Its
/// exit code says whether they differ (0 or 4), or, with <c>--fail-on</c>, whether a condition
/// failed (0 or 3), docs/design.md §5.4.
/// </summary>
internal static class DiffCommand
{
    public static Command Create(CliConsole console)
    {
        var old = FileNames.Required(new Argument<string>("OLD") { Description = "The earlier plan (egmecc plan --format json); '-' for standard input." });
        var @new = FileNames.Required(new Argument<string>("NEW") { Description = "The later plan; '-' for standard input." });
        var format = OutputFlags.Format(DiffWriters.All.Names, "text");
        var output = OutputFlags.Output();
        var failOn = new Option<DiffCondition[]>("--fail-on")
        {
            Description = "Exit 3 when a condition fails, 0 otherwise, instead of 4 for any change: new-holes (any byte became unusable), "
                + "usable-loss:SIZE (a host lost more than SIZE usable), huge-loss:SIZE:COUNT (a host lost more than COUNT hugepages of SIZE). Repeatable.",
            HelpName = "CONDITION",
            Arity = ArgumentArity.ZeroOrMore,
            AllowMultipleArgumentsPerToken = false,
            CustomParser = result =>
            {
                var conditions = new List<DiffCondition>();
                foreach (var text in result.Tokens.SelectMany(t => t.Value.Split(',', StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries)))
                {
                    if (DiffCondition.TryParse(text, out var condition) is { } error)
                    {
                        result.AddError($"--fail-on: {error}");
                        return [];
                    }

                    conditions.Add(condition!);
                }

                return [.. conditions];
            },
        };

        var command = new Command("diff", "Compare two plans: new and cleared holes, capacity change per region and host. "
            + $"Exits {ExitCodes.Success} when they are the same, {ExitCodes.Changed} when they differ; with --fail-on, {ExitCodes.GateFailed} when a condition fails, else {ExitCodes.Success}.");
        command.Add(old);
        command.Add(@new);
        command.Add(format);
        command.Add(output);
        command.Add(failOn);
        command.SetAction(result =>
        {
            var (oldPath, newPath) = (result.GetValue(old)!, result.GetValue(@new)!);
            if (oldPath == "-" && newPath == "-")
            {
                throw new UsageException("only one input can be standard input ('-')");
            }

            var path = result.GetValue(output);
            OutputTarget.Check(path);
            var diff = PlanFiles.Diff(InputFile.FromPath(oldPath, console.OpenStandardInput), InputFile.FromPath(newPath, console.OpenStandardInput));
            var conditions = result.GetValue(failOn) ?? [];
            var failures = conditions.Select(c => (Condition: c, Failure: c.Check(diff))).Where(c => c.Failure is not null).ToList();

            var writer = DiffWriters.All.Find(result.GetValue(format)!)!;

            // The options note is said once where the reader is: the text diff on standard output
            // carries it itself; a diff in a file or in JSON does not reach the terminal, so standard
            // error says it (as report does with its warnings, docs/design.md §5.4). Compared anyway
            // (the layouts differ exactly as shown, and 'what would 4K buy' is a fair question), but
            // said loudly: a hole that changed may owe nothing to retired pages.
            if (diff.OptionsDiffer && (writer is not DiffTextWriter || path is not (null or "-")))
            {
                console.Error.WriteLine(OneLine.Of($"egmecc: warning: the plans were made with different options ({string.Join(", ", diff.OptionChanges)}); holes may differ because of them, and hugepage capacity is compared only for the sizes both count"));
            }

            OutputTarget.Write(path, console, w => writer.Write(diff, w));
            foreach (var (condition, failure) in failures)
            {
                console.Error.WriteLine(OneLine.Of($"egmecc: gate failed: {failure} (--fail-on {condition})"));
            }

            return conditions.Length > 0
                ? (failures.Count > 0 ? ExitCodes.GateFailed : ExitCodes.Success)
                : (diff.IsEmpty ? ExitCodes.Success : ExitCodes.Changed);
        });
        return command;
    }
}
