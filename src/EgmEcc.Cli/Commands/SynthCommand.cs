using System.CommandLine;
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

        var force = new Option<bool>("--force")
        {
            Description = "Replace the contents of a directory that is not empty (everything in it is deleted).",
        };

        var command = new Command("synth", "Write a synthetic fleet (seeded, deterministic) for demos, tests and benchmarks.");
        foreach (var option in new Option[] { hosts, sockets, records, seed, layout, output, force })
        {
            command.Add(option);
        }

        command.SetAction(result =>
        {
            var fleet = new FleetSynthesizer(new SynthOptions
            {
                Hosts = result.GetValue(hosts),
                Sockets = result.GetValue(sockets),
                Records = result.GetValue(records),
                Seed = result.GetValue(seed),
            });

            var directory = result.GetValue(output)!;
            var replace = result.GetValue(force);
            CheckTarget(directory, replace);

            // Like every --output: written aside, then moved into place, so a failed run leaves no half-written fleet.
            var staging = Path.TrimEndingDirectorySeparator(Path.GetFullPath(directory)) + $".egmecc-{Environment.ProcessId}.tmp";
            try
            {
                Directory.CreateDirectory(staging);
                if (result.GetValue(layout) == "tree")
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

            console.Out.WriteLine($"wrote {SynthWriter.Describe(fleet)} to {directory} ({result.GetValue(layout)})");
            return ExitCodes.Success;
        });
        return command;
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
