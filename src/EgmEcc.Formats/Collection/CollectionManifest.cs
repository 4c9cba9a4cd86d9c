using System.Collections.Immutable;

namespace EgmEcc.Formats.Collection;

/// <summary>
/// What <c>egmecc collect</c> gathered on one host (schema <c>egmecc.collect/1</c>, the
/// <c>manifest.json</c> of a host folder; docs/design.md §3): who and when, the host page size the
/// kernel log was read with, each evidence file with where it came from, each item that could not
/// be read and why, the sysfs attributes of the EGM devices, and every diagnostic the collection
/// raised, so that a fleet run reading the folder later repeats them.
/// </summary>
public sealed record CollectionManifest
{
    /// <summary>The schema name every manifest carries.</summary>
    public const string Schema = "egmecc.collect/1";

    /// <summary>The file name of the manifest in a host folder.</summary>
    public const string FileName = "manifest.json";

    /// <summary>The host's name (its folder's name when written by collect).</summary>
    public required string Host { get; init; }

    /// <summary>When the evidence was read, in UTC.</summary>
    public required DateTimeOffset CollectedAt { get; init; }

    /// <summary>The kernel release (<c>uname -r</c>), or null when it could not be read.</summary>
    public string? KernelRelease { get; init; }

    /// <summary>The host kernel's page size in bytes: the kernel log's page frame numbers are in it.</summary>
    public required ulong HostPageBytes { get; init; }

    /// <summary>The EgmEcc version that collected.</summary>
    public required string Version { get; init; }

    /// <summary>The root the host tree was read under, when it was not <c>/</c> (a copied or fake tree).</summary>
    public string? Root { get; init; }

    /// <summary>The evidence files of the folder, in file-name order.</summary>
    public ImmutableArray<EvidenceEntry> Evidence { get; init; } = [];

    /// <summary>What could not be read, in the order it was looked for.</summary>
    public ImmutableArray<MissingItem> Missing { get; init; } = [];

    /// <summary>The attributes of each <c>/sys/class/egm/egm&lt;N&gt;</c> device, by device name.</summary>
    public ImmutableArray<SysfsDevice> Sysfs { get; init; } = [];

    /// <summary>The diagnostics of the collection (missing items, disagreements), in order.</summary>
    public ImmutableArray<Diagnostic> Notes { get; init; } = [];
}

/// <summary>One evidence file of a host folder.</summary>
/// <param name="File">Its name in the folder (<c>SSDT3.aml</c>, <c>egm0.fwtable</c>).</param>
/// <param name="Kind">What it is: one of <see cref="EvidenceKinds"/>.</param>
/// <param name="Origin">Where on the host it was read (<c>/sys/firmware/acpi/tables/SSDT3</c>, <c>/dev/mem@0x1ffff80000</c>).</param>
/// <param name="Bytes">Its length.</param>
public sealed record EvidenceEntry(string File, string Kind, string Origin, long Bytes);

/// <summary>An item collect looked for and could not read.</summary>
/// <param name="What">What it is, in words (<c>firmware retired-page table of egm1</c>).</param>
/// <param name="Path">Where it was looked for.</param>
/// <param name="Reason">Why it was not read.</param>
public sealed record MissingItem(string What, string Path, string Reason);

/// <summary>The small attributes of one EGM device in sysfs, trimmed, by name.</summary>
/// <param name="Name">The device (<c>egm0</c>).</param>
/// <param name="Attributes">Attribute name and trimmed text, sorted by name.</param>
public sealed record SysfsDevice(string Name, ImmutableArray<KeyValuePair<string, string>> Attributes);

/// <summary>The kinds of evidence file a manifest lists.</summary>
public static class EvidenceKinds
{
    /// <summary>A binary ACPI table (DSDT, SSDT) describing EGM regions.</summary>
    public const string AcpiTable = "acpi-table";

    /// <summary>A firmware retired-page table read from physical memory.</summary>
    public const string FirmwareTable = "firmware-table";

    /// <summary>The driver's retired-page list (<c>EGM_RETIRED_PAGES_LIST</c>).</summary>
    public const string DriverList = "driver-list";

    /// <summary>The kernel's memory-error records.</summary>
    public const string KernelLog = "kernel-log";
}
