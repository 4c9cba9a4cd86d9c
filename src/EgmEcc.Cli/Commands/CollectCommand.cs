using System.CommandLine;
using EgmEcc.Formats.Inputs;
using EgmEcc.Pipeline.HostMode;

namespace EgmEcc.Cli.Commands;

/// <summary>
/// <c>egmecc collect</c>: read this host's evidence (docs/design.md §3, host mode) and write it as
/// one host folder, <c>DIR/&lt;host&gt;/</c>, that <c>egmecc fleet --dir DIR</c> reads as it is.
/// </summary>
internal static class CollectCommand
{
    public static Command Create(CliConsole console)
    {
        var root = HostModeOptions.Root();
        var driverList = HostModeOptions.DriverList();
        var output = FileNames.Required(new Option<string>("--output", "-o")
        {
            Description = "The fleet directory to write the host folder into, as DIR/<host>/ (created if missing).",
            HelpName = "DIR",
            Required = true,
        }, "a directory name");
        output.Validators.Add(result =>
        {
            if (result.Tokens.Any(t => t.Value == "-"))
            {
                result.AddError("--output: collect writes a folder of files, not standard output ('-')");
            }
        });
        var hostName = new Option<string?>("--host-name")
        {
            Description = "The host's name, and its folder's [default: /proc/sys/kernel/hostname].",
            HelpName = "NAME",
        };
        hostName.Validators.Add(result =>
        {
            foreach (var token in result.Tokens)
            {
                var name = token.Value;
                if (name.Length == 0 || name.StartsWith('.') || name.Contains('/') || Region.NameProblem(name) is not null)
                {
                    result.AddError($"--host-name '{Region.Printable(name)}' cannot name a folder: no '/', no leading '.', printable text");
                }
            }
        });
        var hostPage = SizeOptions.Size("--host-page", "Host kernel page size, for kernel-log page frame numbers [default: the running kernel's; under --root, from hpage_pmd_size, else 64K].");
        FileNames.Required(root, "a directory name");
        var force = new Option<bool>("--force")
        {
            Description = "Replace DIR/<host>/ when it exists and is not empty.",
        };

        var command = new Command("collect", "Collect this host's EGM evidence (ACPI tables, firmware tables, kernel log, sysfs) into a host folder for 'egmecc fleet --dir'.");
        foreach (var option in new Option[] { root, output, hostName, driverList, hostPage, force })
        {
            command.Add(option);
        }

        command.SetAction(result =>
        {
            var page = InputOptions.CheckedHostPage(result.GetValue(hostPage));

            var collection = new HostCollector().Collect(new CollectSettings
            {
                Root = HostModeOptions.ResolveRoot(result, root),
                HostName = result.GetValue(hostName),
                DriverList = result.GetValue(driverList),
                HostPage = page,
            });

            var directory = result.GetValue(output)!;
            string folder;
            try
            {
                folder = HostFolder.Write(collection, directory, result.GetValue(force));
            }
            catch (HostFolderExistsException e)
            {
                throw new IOException($"cannot write {e.Folder}: it exists and is not empty (--force replaces it)", e);
            }
            catch (Exception e) when (e is IOException or UnauthorizedAccessException)
            {
                throw new IOException($"cannot write {directory}: {IoFailure.Reason(e)}", e);
            }

            Diagnostics.Print(collection.Manifest.Notes, console.Error);
            var missing = collection.Manifest.Missing.Length;
            console.Out.WriteLine($"wrote {folder}: {collection.Files.Length} evidence file(s), {missing} item(s) missing");
            return ExitCodes.Success;
        });
        return command;
    }
}
