using System.Diagnostics;

namespace EgmEcc.Cli.Tests;

/// <summary>
/// No command line reaches the internal-error path (exit 70) for anything but a bug: every verb,
/// with each value it takes replaced in turn by a hostile one (huge numbers, an empty string,
/// <c>-</c>, a directory, <c>/dev/null</c>, a FIFO, a file that does not exist).
/// </summary>
public class HostileArgumentsTests
{
    [Fact]
    public void EveryVerb_HostileValueInEveryPosition_NeverExitsInternal()
    {
        var work = Cli.TemporaryDirectory();
        var tree = Cli.Data("fleet", "hosts");
        var plan = Path.Combine(work, "old.json");
        using var host = FakeHostRoot.Sample();
        Assert.Equal(0, Cli.Run("plan", "--regions", Cli.Regions, "--retired", Cli.Retired, "--output", plan).Exit);
        string Out(string name) => Path.Combine(work, name);

        // A hostile value that names a relative file to write ("-1", "1e308") is written there, under
        // the work folder: the test is about the value, not about littering the current directory.
        string InWork(string flag, string value) =>
            flag is "--output" or "--html" or "--plan-json" && value is { Length: > 0 } and not "-" && !Path.IsPathRooted(value) ? Out(value) : value;

        string[][] commands =
        [
            ["plan", "--regions", Cli.Regions, "--retired", Cli.Retired, "--granule", "64K", "--guest-page", "64K", "--min-extent", "64K", "--huge-pages", "2M,1G", "--host-page", "64K", "--format", "json", "--output", Out("plan.json"), "--guest-base", "0x40000000"],
            ["plan", "--regions", Cli.Regions, "--format", "windows", "--map-align", "1G", "--region", "egm0"],
            ["report", "--regions", Cli.Regions, "--retired", Cli.Retired, "--fail-below-usable", "50", "--fail-below-huge", "1G:1", "--html", Out("r.html"), "--output", Out("r.txt")],
            ["validate", "--regions", Cli.Regions, "--retired", Cli.Retired, "--regions-format", "csv", "--retired-format", "csv"],
            ["fleet", "--dir", tree, "--min-usable", "50", "--parallel", "2", "--vm-shape", "2x200G@512M", "--plan-json", Out("fleet.json"), "--output", Out("fleet.txt")],
            ["forecast", "--dir", tree, "--rate", "1", "--trials", "2", "--horizon", "1", "--seed", "1", "--spread", "clustered"],
            ["diff", plan, plan, "--format", "json"],
            ["synth", "--output", Out("synth"), "--hosts", "1", "--records", "10", "--sockets", "1", "--seed", "1"],
            ["collect", "--root", host.Path, "--output", Out("collected"), "--host-name", "h1", "--host-page", "64K", "--force"],
            ["report", "--host", "--root", host.Path, "--host-page", "4K", "--driver-list"],
        ];
        string[] hostile = ["18446744073709551616", "-1", "1e308", string.Empty, "-", work, "/dev/null", "FIFO", Out("missing/none.csv")];

        var failures = new List<string>();
        foreach (var command in commands)
        {
            var before = RootEntries();
            // Each value (every token after the verb that is not a flag) in turn.
            for (var i = 1; i < command.Length; i++)
            {
                // A directory synth or collect writes into would land in the current directory for a relative hostile value.
                if (command[i].StartsWith("--", StringComparison.Ordinal) || (command[0] is "synth" or "collect" && command[i - 1] == "--output"))
                {
                    continue;
                }

                foreach (var value in hostile)
                {
                    var args = (string[])command.Clone();
                    args[i] = value == "FIFO" ? Out($"fifo-{command[0]}-{i}") : InWork(command[i - 1], value);
                    var run = value == "FIFO" ? RunWithFifo(args[i], args) : Cli.Run(args);
                    if (run.Exit == 70 || run.Error.Contains("internal error", StringComparison.Ordinal))
                    {
                        failures.Add($"egmecc {string.Join(' ', args.Select(a => $"'{a}'"))}: {run.Error.Trim()}");
                    }
                }
            }

            // Nothing a verb writes may land in the current directory (the repository root).
            Assert.Equal(before, RootEntries());
        }

        Assert.Empty(failures);
    }

    private static string[] RootEntries() => [.. Directory.EnumerateFileSystemEntries(Repo.Root).Order(StringComparer.Ordinal)];

    /// <summary>Runs with <paramref name="fifo"/> a FIFO fed one CSV line by a writer thread, which is released if the run never opens it.</summary>
    private static CliResult RunWithFifo(string fifo, string[] args)
    {
        using (var mkfifo = Process.Start(new ProcessStartInfo("mkfifo", [fifo]) { UseShellExecute = false })!)
        {
            mkfifo.WaitForExit();
        }

        var writer = new Thread(() =>
        {
            try
            {
                File.WriteAllText(fifo, "address\n0x2000010000\n");
            }
            catch (IOException)
            {
                // The run replaced or removed the FIFO.
            }
        }) { IsBackground = true };
        writer.Start();
        var run = Cli.Run(args);
        if (!writer.Join(TimeSpan.FromMilliseconds(50)) && File.Exists(fifo))
        {
            // The run did not read it: open it for reading so that the writer's open returns.
            using var drain = new FileStream(fifo, FileMode.Open, FileAccess.Read);
            drain.CopyTo(Stream.Null);
        }

        writer.Join(TimeSpan.FromSeconds(10));
        return run;
    }
}
