using System.CommandLine;
using EgmEcc.Fleet;

namespace EgmEcc.Cli.Commands;

/// <summary>The <c>--vm-shape NODESxSIZE@PAGE</c> option of the fleet verbs.</summary>
internal static class VmShapeOption
{
    public static Option<VmShape?> Create() => new("--vm-shape")
    {
        Description = "Count how many VMs of this shape fit per host: NODESxSIZE@PAGE, e.g. 2x200G@512M (2 NUMA nodes of 200 GiB in 512 MiB hugepages, each node in its own region).",
        HelpName = "SHAPE",
        CustomParser = result =>
        {
            var text = result.Tokens.Count == 1 ? result.Tokens[0].Value : string.Empty;
            if (VmShape.TryParse(text, out var shape) is { } error)
            {
                result.AddError($"--vm-shape: {error}");
                return null;
            }

            return shape;
        },
    };
}
