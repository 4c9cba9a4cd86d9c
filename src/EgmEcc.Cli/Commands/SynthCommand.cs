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

        var command = new Command("synth", "Write a synthetic fleet (seeded, deterministic) for demos, tests and benchmarks.");
        foreach (var option in new Option[] { hosts, sockets, records, seed, layout, output })
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

                Publish(staging, directory);
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

    /// <summary>Moves every file and folder of <paramref name="staging"/> into <paramref name="directory"/>, replacing what is there.</summary>
    private static void Publish(string staging, string directory)
    {
        if (File.Exists(directory))
        {
            throw new IOException("it is a file, not a directory");
        }

        Directory.CreateDirectory(directory);
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
