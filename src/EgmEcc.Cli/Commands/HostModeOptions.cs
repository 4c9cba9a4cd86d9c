using System.CommandLine;

namespace EgmEcc.Cli.Commands;

/// <summary>The flags of host mode that <c>collect</c> and <c>--host</c> share (docs/design.md §5).</summary>
internal static class HostModeOptions
{
    public static Option<string?> Root() => new("--root")
    {
        Description = "Read the host tree under DIR instead of / (a copied or fake tree; there dev/mem may be a sparse file, or a folder of files named by SPA, and dev/egmN a regular file holding a driver list dump) [default: /].",
        HelpName = "DIR",
    };

    public static Option<bool> DriverList() => new("--driver-list")
    {
        Description = "Also ask the nvgrace-egm driver for each region's retired-page list (EGM_RETIRED_PAGES_LIST on /dev/egmN). CAUTION: the first open of /dev/egmN makes the driver zero the whole region, and the open fails while QEMU holds the device; off unless given.",
    };

    /// <summary>The root the flag names, <c>/</c> when absent.</summary>
    /// <exception cref="UsageException">It is standard input.</exception>
    public static string ResolveRoot(ParseResult result, Option<string?> root) => result.GetValue(root) switch
    {
        null => "/",
        "-" => throw new UsageException("--root names the directory a host tree is under; standard input ('-') cannot hold one"),
        var dir => dir,
    };
}
