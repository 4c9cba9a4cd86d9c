using EgmEcc.Pipeline;
using Spectre.Console;

namespace EgmEcc.Cli.Commands;

/// <summary>
/// Runs fleet work and, when it takes more than a moment and standard error is a terminal, shows
/// a progress bar there; nothing at all is written to standard error otherwise.
/// </summary>
internal static class ProgressDisplay
{
    /// <summary>How long work runs before a bar appears.</summary>
    internal static readonly TimeSpan Grace = TimeSpan.FromMilliseconds(500);

    public static T Run<T>(CliConsole console, string label, Func<FleetProgress, T> work)
    {
        var progress = new FleetProgress();
        if (!console.ErrorIsTerminal)
        {
            return work(progress);
        }

        var task = Task.Run(() => work(progress));
        if (!Finished(task, Grace))
        {
            // The console already said standard error is a terminal: Spectre need not guess again
            // (it would see only a TextWriter, and in tests draw nothing).
            var terminal = AnsiConsole.Create(new AnsiConsoleSettings
            {
                Out = new AnsiConsoleOutput(console.Error),
                Ansi = AnsiSupport.Yes,
                Interactive = InteractionSupport.Yes,
            });
            terminal.Progress()
                .AutoClear(true)
                .Columns(new TaskDescriptionColumn(), new ProgressBarColumn(), new PercentageColumn(), new RemainingTimeColumn())
                .Start(context =>
                {
                    var bar = context.AddTask(label, maxValue: Math.Max(1, progress.Total));
                    while (!Finished(task, TimeSpan.FromMilliseconds(100)))
                    {
                        bar.MaxValue = Math.Max(1, progress.Total);
                        bar.Value = progress.Done;
                    }

                    bar.Value = bar.MaxValue;
                });
        }

        // Rethrows the work's own exception (an input error stays an input error).
        return task.GetAwaiter().GetResult();
    }

    /// <summary>Waits for the work without throwing its exception here.</summary>
    private static bool Finished(Task task, TimeSpan timeout) => ((IAsyncResult)task).AsyncWaitHandle.WaitOne(timeout);
}
