namespace EgmEcc.Formats.Inputs;

/// <summary>What retired-record readers may need beyond the bytes of their file.</summary>
public sealed record ReadOptions
{
    /// <summary>Default options: 64 KiB host pages, no region or host given, the default record limit.</summary>
    public static ReadOptions Default { get; } = new();

    /// <summary>The host kernel's page size, for kernel logs that report page frame numbers (<c>--host-page</c>).</summary>
    public ulong HostPage { get; init; } = 64 * 1024;

    /// <summary>The region a region-relative input belongs to (<c>--region</c>), when its name does not say.</summary>
    public string? Region { get; init; }

    /// <summary>The host every record of the input belongs to (a fleet folder), when the input does not say.</summary>
    public string? Host { get; init; }

    /// <summary>
    /// The default <see cref="MaxRecords"/>: at roughly 100–150 bytes per record end to end (the
    /// record, its share of the list and of the plan built from it), fifty million records keep a
    /// default run under about 8 GiB, where a larger input would otherwise grow until the kernel
    /// kills the process.
    /// </summary>
    public const long DefaultMaxRecords = 50_000_000;

    /// <summary>
    /// How many retired records one read (one host's inputs, all its files together) may hold
    /// before it stops with an input error at the record past the limit (<c>--max-records</c>);
    /// at least 1.
    /// </summary>
    /// <exception cref="ArgumentOutOfRangeException">Set to less than 1.</exception>
    public long MaxRecords
    {
        get => maxRecords;
        init => maxRecords = value >= 1 ? value : throw new ArgumentOutOfRangeException(nameof(value), value, "the record limit must be at least 1");
    }

    private readonly long maxRecords = DefaultMaxRecords;

    /// <summary>
    /// The regions already read, when retired inputs are read after them (as every run does); lets
    /// region-relative readers resolve an <c>egm&lt;N&gt;</c> file name by PXM.
    /// </summary>
    public RegionSet? Regions { get; init; }

    /// <summary>
    /// Where readers of firmware retired-page tables report each table's fill (docs/design.md §1),
    /// as typed data beside the records; null when nobody asks. An option rather than another
    /// parameter of <see cref="IRetiredReader.Read"/> so that the readers without tables stay as
    /// they are and every reader keeps streaming; the loader sets it for each read.
    /// </summary>
    public Action<FirmwareTableFill>? TableFills { get; init; }
}
