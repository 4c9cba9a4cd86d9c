using System.CommandLine;
using System.Text;
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
        var output = new Option<string>("--output", "-o") { Description = "The directory to write (created if missing).", HelpName = "DIR", Required = true };

        var command = new Command("synth", "Write a synthetic fleet (seeded, deterministic) for demos, tests and benchmarks.");
        foreach (var option in new Option[] { hosts, sockets, records, seed, layout, output })
        {
            command.Add(option);
        }

        command.SetAction(result =>
        {
            FleetSynthesizer fleet;
            try
            {
                fleet = new FleetSynthesizer(new SynthOptions
                {
                    Hosts = result.GetValue(hosts),
                    Sockets = result.GetValue(sockets),
                    Records = result.GetValue(records),
                    Seed = result.GetValue(seed),
                });
            }
            catch (ArgumentOutOfRangeException e)
            {
                throw new UsageException(e.Message.Split(" (Parameter", 2)[0]);
            }

            var directory = result.GetValue(output)!;
            try
            {
                Directory.CreateDirectory(directory);
                if (result.GetValue(layout) == "tree")
                {
                    SynthWriter.WriteTree(fleet, directory);
                }
                else
                {
                    var utf8 = new UTF8Encoding(encoderShouldEmitUTF8Identifier: false);
                    using var regions = new StreamWriter(Path.Combine(directory, "regions.csv"), false, utf8, 1 << 16);
                    using var retired = new StreamWriter(Path.Combine(directory, "retired.csv"), false, utf8, 1 << 20);
                    SynthWriter.WriteHostColumn(fleet, regions, retired);
                }
            }
            catch (Exception e) when (e is UnauthorizedAccessException)
            {
                throw new IOException($"cannot write {directory}: {e.Message}", e);
            }

            console.Out.WriteLine($"wrote {SynthWriter.Describe(fleet)} to {directory} ({result.GetValue(layout)})");
            return ExitCodes.Success;
        });
        return command;
    }
}
