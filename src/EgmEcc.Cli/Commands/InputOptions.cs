using System.CommandLine;
using EgmEcc.Formats.Inputs;
using EgmEcc.Pipeline;
using EgmEcc.Pipeline.HostMode;

namespace EgmEcc.Cli.Commands;

/// <summary>
/// The input and semantics flags every planning verb shares (docs/design.md §5), and their resolution
/// into the pipeline's <see cref="HostInputs"/> and <see cref="PlanOptions"/>.
/// </summary>
internal sealed class InputOptions
{
    public Option<string[]> Regions { get; } = new("--regions")
    {
        Description = "EGM regions: CSV (id,node,base,size), JSON, or ACPI disassembly; '-' for standard input. Repeatable.",
        HelpName = "FILE",
        Arity = ArgumentArity.OneOrMore,
    };

    public Option<string[]> Retired { get; } = new("--retired")
    {
        Description = "Retired pages: CSV, JSON, firmware table, driver ioctl list or kernel log; '-' for standard input. Repeatable.",
        HelpName = "FILE",
        Arity = ArgumentArity.ZeroOrMore,
    };

    public Option<string?> RegionsFormat { get; } = new("--regions-format")
    {
        Description = $"The format of --regions files, instead of detecting it: {string.Join(", ", FormatRegistry.Default.RegionReaders.Names)}.",
        HelpName = "FORMAT",
    };

    public Option<string?> RetiredFormat { get; } = new("--retired-format")
    {
        Description = $"The format of --retired files, instead of detecting it: {string.Join(", ", FormatRegistry.Default.RetiredReaders.Names)}.",
        HelpName = "FORMAT",
    };

    public Option<ByteSize?> Granule { get; } = SizeOptions.Size("--granule", "Retirement granule G, a power of two [default: 64K].");

    public Option<ByteSize?> GuestPage { get; } = SizeOptions.Size("--guest-page", "Guest page size P, a power of two [default: 64K].");

    public Option<ByteSize?> MinExtent { get; } = SizeOptions.Size("--min-extent", "Usable extents shorter than this join the holes [default: max(G, P)].");

    public Option<ByteSize[]?> HugePages { get; } = SizeOptions.SizeList("--huge-pages", "Hugepage sizes whose capacity is counted [default: 2M,32M,512M,1G].");

    public Option<ByteSize?> HostPage { get; } = SizeOptions.Size("--host-page", "Host kernel page size, for kernel-log page frame numbers [default: 64K].");

    public Option<bool> RetireCorrected { get; } = new("--retire-corrected")
    {
        Description = "Retire corrected errors too (the conservative plan); by default they are at-risk pages, listed and left usable.",
    };

    public Option<long?> MaxRecords { get; } = new("--max-records")
    {
        Description = $"Stop with an input error past this many retired records in one read, about {RecordLimit.BytesPerRecord} bytes of memory each [default: {ReadOptions.DefaultMaxRecords}].",
        HelpName = "N",
    };

    public Option<string?> Region { get; } = new("--region")
    {
        Description = "The region (id) of region-relative inputs (ioctl lists) whose file name does not say egm<N>.",
        HelpName = "ID",
    };

    public Option<bool> Host { get; } = new("--host")
    {
        Description = "Read this host's own evidence instead of files: the ACPI tables, each region's firmware retired-page table (/dev/mem), /dev/kmsg and sysfs, as 'egmecc collect' does. Never opens /dev/egmN unless --driver-list.",
    };

    public Option<string?> Root { get; } = HostModeOptions.Root();

    public Option<bool> DriverList { get; } = HostModeOptions.DriverList();

    public InputOptions()
    {
        FileNames.Required(Root, "a directory name");
        FileNames.Required(Regions);
        FileNames.Required(Retired);
        FileNames.Required(Region, "a region id");
    }

    /// <summary>Adds every shared option to <paramref name="command"/>.</summary>
    public void AddTo(Command command)
    {
        foreach (var option in new Option[] { Regions, Retired, RegionsFormat, RetiredFormat, Granule, GuestPage, MinExtent, HugePages, HostPage, RetireCorrected, MaxRecords, Region, Host, Root, DriverList })
        {
            command.Add(option);
        }

        // --regions is required unless --host reads the host's own evidence; the message is the parser's for a required option.
        command.Validators.Add(result =>
        {
            if (result.GetResult(Regions) is null && result.GetResult(Host) is null)
            {
                result.AddError($"{Regions.Name} is required");
            }
        });
    }

    /// <summary>The planning semantics the flags ask for.</summary>
    /// <exception cref="SettingException">A value is not a power of two, or is zero.</exception>
    public PlanOptions ResolvePlanOptions(ParseResult result) =>
        new(
            granule: result.GetValue(Granule)?.Bytes ?? PlanOptions.Page64K,
            guestPage: result.GetValue(GuestPage)?.Bytes ?? PlanOptions.Page64K,
            minExtent: result.GetValue(MinExtent)?.Bytes,
            hugePages: result.GetValue(HugePages) is { Length: > 0 } huge ? huge.Select(h => h.Bytes) : null,
            retireCorrected: result.GetValue(RetireCorrected));

    /// <summary>The inputs the flags name.</summary>
    public HostInputs ResolveInputs(ParseResult result, CliConsole console) => ResolveInputs(result, console, null, out _);

    /// <summary>
    /// The inputs the flags name; in host mode the host is named <paramref name="hostName"/> when
    /// given, and <paramref name="collectedHost"/> is the name the collection took (docs/design.md §3.8).
    /// </summary>
    public HostInputs ResolveInputs(ParseResult result, CliConsole console, string? hostName, out string? collectedHost)
    {
        collectedHost = null;
        var hostPage = ResolveHostPage(result);
        var regions = result.GetValue(Regions) ?? [];
        var retired = result.GetValue(Retired) ?? [];
        if (result.GetValue(Host))
        {
            if (regions.Length > 0 || retired.Length > 0)
            {
                throw new UsageException("--host and --regions/--retired exclude each other: --host reads this host's own evidence");
            }

            var settings = new CollectSettings
            {
                Root = HostModeOptions.ResolveRoot(result, Root),
                DriverList = result.GetValue(DriverList),
                HostPage = CheckedHostPage(result.GetValue(HostPage)),
                HostName = hostName,
            };
            var read = new ReadOptions { Region = result.GetValue(Region), MaxRecords = ResolveMaxRecords(result) };
            var collection = new HostCollector().Collect(settings);
            collectedHost = collection.Host;
            return collection.ToInputs(read);
        }

        if (result.GetResult(Root) is not null || result.GetValue(DriverList))
        {
            throw new UsageException($"{(result.GetValue(DriverList) ? DriverList.Name : Root.Name)} goes with --host");
        }

        RequireOneStandardInputAtMost(regions.Concat(retired));

        return new HostInputs
        {
            Regions = [.. regions.Select(path => InputFile.FromPath(path, console.OpenStandardInput))],
            Retired = [.. retired.Select(path => InputFile.FromPath(path, console.OpenStandardInput))],
            RegionsFormat = result.GetValue(RegionsFormat),
            RetiredFormat = result.GetValue(RetiredFormat),
            ReadOptions = new ReadOptions { HostPage = hostPage, Region = result.GetValue(Region), MaxRecords = ResolveMaxRecords(result) },
        };
    }

    /// <summary>The host page size (<c>--host-page</c>), a power of two.</summary>
    /// <exception cref="UsageException">It is not a power of two.</exception>
    public ulong ResolveHostPage(ParseResult result) => CheckedHostPage(result.GetValue(HostPage)) ?? PlanOptions.Page64K;

    /// <summary>A <c>--host-page</c> value (this verb's or <c>collect</c>'s), checked; null when not given.</summary>
    /// <exception cref="UsageException">It is not a power of two.</exception>
    public static ulong? CheckedHostPage(ByteSize? given) => given?.Bytes switch
    {
        null => null,
        var bytes when Numbers.IsPowerOfTwo(bytes.Value) => bytes,
        var bytes => throw new UsageException($"--host-page must be a power of two, not {new ByteSize(bytes.Value)}"),
    };

    /// <summary>The record limit (<c>--max-records</c>), at least 1; the default when not given.</summary>
    /// <exception cref="UsageException">It is less than 1.</exception>
    public long ResolveMaxRecords(ParseResult result) => result.GetValue(MaxRecords) switch
    {
        null => ReadOptions.DefaultMaxRecords,
        >= 1 and var n => n,
        var n => throw new UsageException($"--max-records must be at least 1, not {n}"),
    };

    /// <summary>Standard input can be read once: at most one input may be <c>-</c>.</summary>
    /// <exception cref="UsageException">Two or more inputs are <c>-</c>.</exception>
    public static void RequireOneStandardInputAtMost(IEnumerable<string> paths)
    {
        if (paths.Count(path => path == "-") > 1)
        {
            throw new UsageException("only one input can be standard input ('-')");
        }
    }
}
