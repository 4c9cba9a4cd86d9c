using System.CommandLine;
using EgmEcc.Formats.Inputs;
using EgmEcc.Pipeline;
using EgmEcc.Pipeline.History;

namespace EgmEcc.Cli.Commands;

/// <summary>
/// The inputs of the fleet verbs: a directory tree (<c>--dir</c>, one folder per host) or region
/// and retired files whose rows name their host (<c>--regions</c>, <c>--retired</c>); plus the
/// semantics flags every planning verb shares.
/// </summary>
internal sealed class FleetInputOptions
{
    private readonly InputOptions shared = new();

    public Option<string?> Directory { get; } = new("--dir")
    {
        Description = "A fleet directory: one folder per host, named after it, holding region and retired files in any supported format.",
        HelpName = "DIR",
    };

    public Option<int?> Parallelism { get; } = new("--parallel")
    {
        Description = "Hosts planned at once [default: the number of cores].",
        HelpName = "N",
    };

    public FleetInputOptions()
    {
        shared.Regions.Required = false;
        shared.Regions.Description = "Region files whose rows name their host (a 'host' column). Repeatable.";
        shared.Retired.Description = "Retired files whose rows name their host (a 'host' column). Repeatable.";
        FileNames.Required(Directory, "a directory name");
    }

    public void AddTo(Command command)
    {
        command.Add(Directory);
        command.Add(shared.Regions);
        command.Add(shared.Retired);
        AddSemanticsTo(command);
    }

    /// <summary>The formats, semantics and parallelism flags alone, for a verb that names its fleets otherwise (history's snapshots).</summary>
    /// <param name="command">The verb.</param>
    /// <param name="files">Where the verb's region and retired files are, for the format flags' help (<c>snapshots</c>); null for --regions and --retired.</param>
    public void AddSemanticsTo(Command command, string? files = null)
    {
        if (files is not null)
        {
            shared.RegionsFormat.Description = $"The format of every region file of the {files}, instead of detecting it: {string.Join(", ", FormatRegistry.Default.RegionReaders.Names)}.";
            shared.RetiredFormat.Description = $"The format of every retired file of the {files}, instead of detecting it: {string.Join(", ", FormatRegistry.Default.RetiredReaders.Names)}.";
        }

        foreach (var option in new Option[] { shared.RegionsFormat, shared.RetiredFormat, shared.Granule, shared.GuestPage, shared.MinExtent, shared.HugePages, shared.HostPage, shared.RetireCorrected, shared.MaxRecords, Parallelism })
        {
            command.Add(option);
        }
    }

    /// <summary>How every fleet file is read: the host page and the record limit the flags give.</summary>
    public ReadOptions ResolveReadOptions(ParseResult result) =>
        new() { HostPage = shared.ResolveHostPage(result), MaxRecords = shared.ResolveMaxRecords(result) };

    /// <summary>Refuses standard input as a snapshot: a history dates a snapshot by its name (docs/design.md §4.13).</summary>
    /// <exception cref="UsageException">A snapshot is <c>-</c>.</exception>
    public static void RequireNamedSnapshots(IReadOnlyList<string> snapshots)
    {
        if (snapshots.Contains("-"))
        {
            throw new UsageException("a SNAPSHOT is a folder or a plan file named by its date; standard input ('-') has no name to date it by");
        }
    }

    /// <summary>The dated snapshots to read as a history, with the read options and formats the flags give.</summary>
    public HistoryInputs HistoryOf(ParseResult result, IReadOnlyList<string> snapshots)
    {
        var (regionsFormat, retiredFormat) = ResolveFormats(result);
        return new HistoryInputs
        {
            Snapshots = snapshots,
            ReadOptions = ResolveReadOptions(result),
            RegionsFormat = regionsFormat,
            RetiredFormat = retiredFormat,
        };
    }

    /// <summary>The region and retired formats the flags impose, or null to detect.</summary>
    public (string? Regions, string? Retired) ResolveFormats(ParseResult result) =>
        (result.GetValue(shared.RegionsFormat), result.GetValue(shared.RetiredFormat));

    public PlanOptions ResolvePlanOptions(ParseResult result) => shared.ResolvePlanOptions(result);

    public int ResolveParallelism(ParseResult result)
    {
        var n = result.GetValue(Parallelism);
        return n switch
        {
            null => 0,
            >= 1 => n.Value,
            _ => throw new UsageException($"--parallel must be at least 1, not {n}"),
        };
    }

    /// <summary>The fleet the flags name; reading a host-column fleet reads every file now.</summary>
    public FleetSource ResolveSource(ParseResult result, CliConsole console)
    {
        var directory = result.GetValue(Directory);
        var regions = result.GetValue(shared.Regions) ?? [];
        var retired = result.GetValue(shared.Retired) ?? [];
        if ((directory is null) == (regions.Length == 0))
        {
            throw new UsageException(directory is null
                ? "name the fleet: --dir DIR, or --regions FILE [--retired FILE] with a 'host' column"
                : "--dir and --regions exclude each other");
        }

        if (directory == "-")
        {
            throw new UsageException("--dir names a directory of host folders; standard input ('-') cannot hold one");
        }

        if (directory is null)
        {
            InputOptions.RequireOneStandardInputAtMost(regions.Concat(retired));
        }

        if (directory is not null && retired.Length > 0)
        {
            throw new UsageException("--retired goes with --regions; a fleet directory holds its retired files");
        }

        var read = ResolveReadOptions(result);
        var (regionsFormat, retiredFormat) = ResolveFormats(result);
        return directory is not null
            ? new DirectoryFleetSource(directory, FormatRegistry.Default, read, regionsFormat, retiredFormat)
            : new HostColumnFleetSource(new HostInputs
            {
                Regions = [.. regions.Select(p => InputFile.FromPath(p, console.OpenStandardInput))],
                Retired = [.. retired.Select(p => InputFile.FromPath(p, console.OpenStandardInput))],
                RegionsFormat = regionsFormat,
                RetiredFormat = retiredFormat,
                ReadOptions = read,
            });
    }
}
