namespace EgmEcc.Formats.Inputs;

/// <summary>What retired-record readers may need beyond the bytes of their file.</summary>
public sealed record ReadOptions
{
    /// <summary>Default options: 64 KiB host pages, no region or host given.</summary>
    public static ReadOptions Default { get; } = new();

    /// <summary>The host kernel's page size, for kernel logs that report page frame numbers (<c>--host-page</c>).</summary>
    public ulong HostPage { get; init; } = 64 * 1024;

    /// <summary>The region a region-relative input belongs to (<c>--region</c>), when its name does not say.</summary>
    public string? Region { get; init; }

    /// <summary>The host every record of the input belongs to (a fleet folder), when the input does not say.</summary>
    public string? Host { get; init; }

    /// <summary>
    /// The regions already read, when retired inputs are read after them (as every run does); lets
    /// region-relative readers resolve an <c>egm&lt;N&gt;</c> file name by PXM.
    /// </summary>
    public RegionSet? Regions { get; init; }
}
