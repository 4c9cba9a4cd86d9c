using System.CommandLine;
using System.CommandLine.Parsing;
using System.Globalization;
using System.Text;
using EgmEcc.Formats.Inputs;
using EgmEcc.Formats.Synthesis;
using EgmEcc.Synthesis;

namespace EgmEcc.Cli.Commands;

/// <summary><c>egmecc synth</c>: write a seeded synthetic fleet, as host-column CSVs or a directory tree.</summary>
internal static class SynthCommand
{
    public static Command Create(CliConsole console)
    {
        var hosts = new Option<int>("--hosts") { Description = "Hosts in the fleet.", HelpName = "N", DefaultValueFactory = _ => 4 };
        var sockets = new Option<int>("--sockets") { Description = "Sockets (EGM regions) per host, 1 to 8.", HelpName = "N", DefaultValueFactory = _ => 2 };
        var records = new Option<long>("--records") { Description = "Retired records over the whole fleet.", HelpName = "N", DefaultValueFactory = _ => 1000 };
        var seed = new Option<ulong>("--seed") { Description = "The seed; the same seed gives the same fleet.", HelpName = "N", DefaultValueFactory = _ => 1 };
        var layout = new Option<string>("--layout")
        {
            Description = "csv: DIR/regions.csv and DIR/retired.csv with a host column; tree: DIR/<host>/regions.csv and retired.csv.",
            HelpName = "LAYOUT",
            DefaultValueFactory = _ => "csv",
        };
        layout.AcceptOnlyFromAmong("csv", "tree");
        var output = FileNames.Required(new Option<string>("--output", "-o") { Description = "The directory to write (created if missing).", HelpName = "DIR", Required = true }, "a directory name");
        output.Validators.Add(result =>
        {
            if (result.Tokens.Any(t => t.Value == "-"))
            {
                result.AddError("--output: synth writes a directory of files, not standard output ('-')");
            }
        });

        var snapshots = new Option<int>("--snapshots")
        {
            Description = "Write a history: N dated snapshots DIR/<date>/<host>/ (tree layout), retirements accumulating at each host's true rate, and DIR/rates.csv with those rates.",
            HelpName = "N",
            DefaultValueFactory = _ => 1,
        };
        var interval = new Option<TimeSpan?>("--interval")
        {
            Description = "Time between snapshots: a whole number of weeks, days or hours (30d, 1w, 12h); needed with --snapshots above 1.",
            HelpName = "DURATION",
            CustomParser = result =>
            {
                var text = result.Tokens.Count == 1 ? result.Tokens[0].Value : string.Empty;
                if (ParseInterval(text) is { } parsed)
                {
                    return parsed;
                }

                result.AddError($"--interval: '{text}' is not a duration; give a positive whole number and a unit, w, d or h (30d, 1w, 12h)");
                return null;
            },
        };
        var start = new Option<DateTimeOffset?>("--start")
        {
            Description = "The first snapshot's date (UTC), yyyy-MM-dd or yyyy-MM-ddTHH:mm:ssZ [default: 2026-01-01].",
            HelpName = "DATE",
            CustomParser = result =>
            {
                var text = result.Tokens.Count == 1 ? result.Tokens[0].Value : string.Empty;
                if (DateTimeOffset.TryParseExact(text, ["yyyy-MM-dd", "yyyy-MM-dd'T'HH:mm:ss'Z'"], CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal | DateTimeStyles.AdjustToUniversal, out var parsed))
                {
                    return parsed;
                }

                result.AddError($"--start: '{text}' is not a date; give yyyy-MM-dd or yyyy-MM-ddTHH:mm:ssZ (UTC)");
                return null;
            },
        };

        var force = new Option<bool>("--force")
        {
            Description = "Replace the contents of a directory that is not empty (everything in it is deleted).",
        };

        var command = new Command("synth", "Write a synthetic fleet (seeded, deterministic) for demos, tests and benchmarks.");
        foreach (var option in new Option[] { hosts, sockets, records, seed, layout, snapshots, interval, start, output, force })
        {
            command.Add(option);
        }

        command.Validators.Add(result =>
        {
            // Read from the tokens, not the values: a value that did not parse has its own error, and reading it would throw.
            static string? Given(OptionResult? option) => option is { Implicit: false, Tokens.Count: 1 } ? option.Tokens[0].Value : null;
            var series = (int.TryParse(Given(result.GetResult(snapshots)), NumberStyles.None, CultureInfo.InvariantCulture, out var n) && n > 1)
                || result.GetResult(interval) is not null;

            // A history is trees of host folders, one per date: what history reads (docs/design.md §4.13).
            if (series && Given(result.GetResult(layout)) is { } chosen && chosen != "tree")
            {
                result.AddError($"--layout {chosen}: a history (--snapshots, --interval) is written as one tree per snapshot; leave out --layout or give --layout tree");
            }

            if (!series && result.GetResult(start) is not null)
            {
                result.AddError("--start: the first snapshot's date needs a history; give --snapshots N and --interval DURATION too");
            }
        });

        command.SetAction(result =>
        {
            var fleet = new FleetSynthesizer(new SynthOptions
            {
                Hosts = result.GetValue(hosts),
                Sockets = result.GetValue(sockets),
                Records = result.GetValue(records),
                Seed = result.GetValue(seed),
                Snapshots = result.GetValue(snapshots),
                Interval = result.GetValue(interval) ?? TimeSpan.Zero,
                Start = result.GetValue(start) ?? SynthOptions.DefaultStart,
            });
            var isSeries = fleet.Snapshots > 1 || fleet.Options.Interval > TimeSpan.Zero;
            var layoutName = isSeries ? "tree" : result.GetValue(layout);

            var directory = result.GetValue(output)!;
            var replace = result.GetValue(force);
            CheckTarget(directory, replace);

            // Like every --output: written aside, then moved into place, so a failed run leaves no half-written fleet.
            var staging = Path.TrimEndingDirectorySeparator(Path.GetFullPath(directory)) + $".egmecc-{Environment.ProcessId}.tmp";
            try
            {
                Directory.CreateDirectory(staging);
                if (isSeries)
                {
                    SynthWriter.WriteSeries(fleet, staging);
                }
                else if (layoutName == "tree")
                {
                    SynthWriter.WriteTree(fleet, staging);
                }
                else
                {
                    var utf8 = new UTF8Encoding(encoderShouldEmitUTF8Identifier: false);
                    using var regions = new StreamWriter(Path.Combine(staging, "regions.csv"), false, utf8, 1 << 16);
                    using var retired = new StreamWriter(Path.Combine(staging, "retired.csv"), false, utf8, 1 << 20);
                    SynthWriter.WriteHostColumn(fleet, regions, retired);
                }

                Publish(staging, directory, replace);
            }
            catch (Exception e) when (e is UnauthorizedAccessException or IOException)
            {
                var reason = IoFailure.Reason(e).Replace(staging, directory, StringComparison.Ordinal);
                throw new IOException($"cannot write {directory}: {reason}", e);
            }
            finally
            {
                if (Directory.Exists(staging))
                {
                    Directory.Delete(staging, recursive: true);
                }
            }

            console.Out.WriteLine($"wrote {SynthWriter.Describe(fleet)} to {directory} ({layoutName})");
            return ExitCodes.Success;
        });
        return command;
    }

    /// <summary>A positive whole number of weeks, days or hours (<c>30d</c>, <c>1w</c>, <c>12h</c>), or null.</summary>
    internal static TimeSpan? ParseInterval(string text)
    {
        text = text.Trim();
        if (text.Length < 2 || !long.TryParse(text.AsSpan(0, text.Length - 1), NumberStyles.None, CultureInfo.InvariantCulture, out var count) || count < 1)
        {
            return null;
        }

        var unit = char.ToLowerInvariant(text[^1]) switch
        {
            'w' => TimeSpan.TicksPerDay * 7,
            'd' => TimeSpan.TicksPerDay,
            'h' => TimeSpan.TicksPerHour,
            _ => 0,
        };
        return unit == 0 || count > TimeSpan.MaxValue.Ticks / unit ? null : TimeSpan.FromTicks(count * unit);
    }

    /// <summary>
    /// Refuses, before any work, a directory that is not empty unless <paramref name="replace"/>: a
    /// new fleet written over an old one kept the old one's other host folders, a fleet no seed
    /// made, and a mistyped <c>-o</c> silently wrote into a folder of real data. An output that
    /// cannot be written, like every verb's (exit 2, docs/design.md §5.4).
    /// </summary>
    private static void CheckTarget(string directory, bool replace)
    {
        if (File.Exists(directory))
        {
            throw new IOException($"cannot write {directory}: it is a file, not a directory");
        }

        try
        {
            if (!replace && Directory.Exists(directory) && Directory.EnumerateFileSystemEntries(directory).Any())
            {
                throw new IOException($"cannot write {directory}: the directory is not empty; --force replaces its contents");
            }
        }
        catch (UnauthorizedAccessException e)
        {
            throw new IOException($"cannot write {directory}: {IoFailure.Reason(e)}", e);
        }
    }

    /// <summary>
    /// Moves every file and folder of <paramref name="staging"/> into <paramref name="directory"/>;
    /// with <paramref name="replace"/>, what was there goes first, so the directory holds the new fleet only.
    /// </summary>
    private static void Publish(string staging, string directory, bool replace)
    {
        if (File.Exists(directory))
        {
            throw new IOException("it is a file, not a directory");
        }

        Directory.CreateDirectory(directory);
        if (replace)
        {
            foreach (var old in new DirectoryInfo(directory).EnumerateFileSystemInfos())
            {
                if (old is DirectoryInfo folder && folder.LinkTarget is null)
                {
                    folder.Delete(recursive: true);
                }
                else
                {
                    old.Delete();
                }
            }
        }

        foreach (var entry in new DirectoryInfo(staging).EnumerateFileSystemInfos())
        {
            var target = Path.Combine(directory, entry.Name);
            if (entry is FileInfo file)
            {
                file.MoveTo(target, overwrite: true);
                continue;
            }

            if (Directory.Exists(target))
            {
                Directory.Delete(target, recursive: true);
            }

            ((DirectoryInfo)entry).MoveTo(target);
        }
    }
}
