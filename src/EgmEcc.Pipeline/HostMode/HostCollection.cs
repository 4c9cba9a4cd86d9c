using System.Collections.Immutable;
using EgmEcc.Formats.Collection;
using EgmEcc.Formats.Inputs;

namespace EgmEcc.Pipeline.HostMode;

/// <summary>What collection asks for: where the host tree is, and what may be done to it.</summary>
public sealed record CollectSettings
{
    /// <summary>The root the host paths are under: <c>/</c> for the running host, a folder for a copied or fake tree.</summary>
    public string Root { get; init; } = "/";

    /// <summary>The host's name instead of <c>/proc/sys/kernel/hostname</c>.</summary>
    public string? HostName { get; init; }

    /// <summary>
    /// Whether to ask the driver for its retired-page lists. Off by default: opening
    /// <c>/dev/egmN</c> the first time makes the driver zero the whole region (docs/design.md §1).
    /// </summary>
    public bool DriverList { get; init; }

    /// <summary>The host kernel's page size, instead of finding it out.</summary>
    public ulong? HostPage { get; init; }

    /// <summary>The time the collection is stamped with (tests); now when null.</summary>
    public DateTimeOffset? Now { get; init; }

    /// <summary>True when the root is the running host's own.</summary>
    public bool IsLiveRoot => Path.TrimEndingDirectorySeparator(Root) is "/" or "";
}

/// <summary>One evidence file of a collection, held in memory.</summary>
/// <param name="FileName">Its name in a host folder (<c>SSDT3.aml</c>, <c>egm0.fwtable</c>).</param>
/// <param name="Kind">One of <see cref="EvidenceKinds"/>.</param>
/// <param name="Origin">Its path on the host (<c>/sys/firmware/acpi/tables/SSDT3</c>, <c>/dev/mem@0x1ffff80000</c>).</param>
/// <param name="Source">The name inputs read in memory carry in diagnostics: the origin under the root.</param>
/// <param name="Bytes">The content.</param>
/// <param name="Region">The region a firmware table or driver list belongs to (its name in memory does not say).</param>
public sealed record CollectedFile(string FileName, string Kind, string Origin, string Source, byte[] Bytes, string? Region = null);

/// <summary>
/// One host's evidence, read by <see cref="HostCollector"/>: the files a host folder holds and
/// its manifest (docs/design.md §3). Planned in memory (<see cref="ToInputs"/>) it gives what the
/// written folder gives.
/// </summary>
public sealed class HostCollection
{
    internal HostCollection(CollectionManifest manifest, ImmutableArray<CollectedFile> files)
    {
        Manifest = manifest;
        Files = files;
    }

    /// <summary>The host's name.</summary>
    public string Host => Manifest.Host;

    /// <summary>The manifest: identity, evidence, missing items, sysfs attributes, diagnostics.</summary>
    public CollectionManifest Manifest { get; }

    /// <summary>The evidence files, in file-name order (the order a fleet folder is read in).</summary>
    public ImmutableArray<CollectedFile> Files { get; }

    /// <summary>
    /// The collection as a run's inputs, read from memory: the ACPI tables as regions, the rest as
    /// retired inputs, each named after where it came from; the collection's diagnostics come
    /// first, and the kernel log is read with the host's page size.
    /// </summary>
    /// <param name="options">What readers need (the record limit); the host page is the collection's.</param>
    public HostInputs ToInputs(ReadOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        return new HostInputs
        {
            Regions = [.. Files.Where(f => f.Kind == EvidenceKinds.AcpiTable).Select(Input)],
            Retired = [.. Files.Where(f => f.Kind != EvidenceKinds.AcpiTable).Select(Input)],
            ReadOptions = options with { HostPage = Manifest.HostPageBytes },
            Notes = Manifest.Notes,
            SearchedHost = true,
        };

        // Named after its source: /dev/egm1 still names its region for the ioctl reader, as egm1.ioctl does.
        static InputFile Input(CollectedFile file) =>
            new(file.Source, () => new MemoryStream(file.Bytes, writable: false)) { Length = file.Bytes.Length, Region = file.Region };
    }
}
