using EgmEcc.Formats.Collection;
using EgmEcc.Formats.Inputs;

namespace EgmEcc.Pipeline;

/// <summary>
/// A fleet laid out as a directory tree: one folder per host, named after the host, holding any
/// region and retired files in any format the registry reads.
/// </summary>
/// <remarks>
/// <para>Each file's role comes from detection: the region and retired readers each sniff it,
/// and the more confident side wins; on a tie (an extension only) a name containing
/// <c>region</c> makes it a region file. A file no reader claims is skipped with a warning, never
/// silently. Records and regions take the folder's name as their host; a file that names another
/// host is an input error.</para>
/// <para>A folder written by <c>egmecc collect</c> holds a <c>manifest.json</c>
/// (<see cref="CollectionManifest"/>, docs/design.md §3): it is no region or retired file; its host
/// page size is the one the host's kernel log is read with, and its diagnostics (what could not be
/// collected) come first in the host's; its collection time is the host's <see cref="LoadedHost.CollectedAt"/>.</para>
/// <code>
///   fleet/host-0001/regions.csv     fleet/host-0002/regions.dsl
///   fleet/host-0001/retired.csv     fleet/host-0002/egm4.ioctl.bin
/// </code>
/// </remarks>
public sealed class DirectoryFleetSource : FleetSource
{
    private readonly string root;
    private readonly string[] hosts;
    private readonly FormatRegistry formats;
    private readonly ReadOptions options;
    private readonly string? regionsFormat;
    private readonly string? retiredFormat;
    private readonly FolderListing listing;

    /// <summary>Lists the host folders of <paramref name="root"/>.</summary>
    /// <exception cref="InputException">The directory does not exist or has no host folder.</exception>
    public DirectoryFleetSource(string root, FormatRegistry? formats = null, ReadOptions? options = null, string? regionsFormat = null, string? retiredFormat = null)
        : this(root, formats, options, regionsFormat, retiredFormat, FolderListing.Disk)
    {
    }

    /// <summary>As the public constructor, listing folders through <paramref name="listing"/> (tests: a folder that cannot be read even by root).</summary>
    internal DirectoryFleetSource(string root, FormatRegistry? formats, ReadOptions? options, string? regionsFormat, string? retiredFormat, FolderListing listing)
    {
        ArgumentException.ThrowIfNullOrEmpty(root);
        if (!Directory.Exists(root))
        {
            throw new InputException(SourceLocation.InFile(root), "no such directory");
        }

        this.root = root;
        this.formats = formats ?? FormatRegistry.Default;
        this.options = options ?? ReadOptions.Default;
        this.regionsFormat = regionsFormat;
        this.retiredFormat = retiredFormat;
        this.listing = listing;
        hosts = [.. List(root, listing.Directories).Select(Path.GetFileName).OfType<string>().Where(n => !n.StartsWith('.')).Order(StringComparer.Ordinal)];
        if (hosts.Length == 0)
        {
            throw new InputException(SourceLocation.InFile(root), "the directory has no host folders; expected one folder per host");
        }
    }

    /// <inheritdoc/>
    public override IReadOnlyList<string> Hosts => hosts;

    /// <inheritdoc/>
    public override LoadedHost Load(int index)
    {
        var host = hosts[index];
        var folder = Path.Combine(root, host);
        var notes = new List<Diagnostic>();
        var regionFiles = new List<InputFile>();
        var retiredFiles = new List<InputFile>();
        var opened = new List<OpenedInput>();
        CollectionManifest? manifest = null;
        try
        {
            // Each file is opened once: detection peeks at the head of the stream the reader then
            // reads (a FIFO or a device can be read only once; opening it again would wait forever).
            foreach (var path in List(folder, listing.Files).Where(p => !Path.GetFileName(p).StartsWith('.')).Order(StringComparer.Ordinal))
            {
                var input = OpenedInput.Open(InputFile.FromPath(path));
                opened.Add(input);
                if (manifest is null && ManifestReader.Claims(input.Head, input.File))
                {
                    manifest = ManifestReader.Read(input.Stream, input.File.Name);
                    continue;
                }

                var once = new InputFile(input.File.Name, () => input.Stream) { Length = input.File.Length };
                switch (Classify(input, out var empty))
                {
                    case Role.Regions:
                        regionFiles.Add(once);
                        break;
                    case Role.Retired:
                        retiredFiles.Add(once);
                        break;
                    default:
                        notes.Add(new Diagnostic(Severity.Warning, SourceLocation.InFile(input.File.Name), empty ? "skipped: the file is empty" : "skipped: no region or retired format recognises this file"));
                        break;
                }
            }

            if (regionFiles.Count == 0)
            {
                throw new InputException(SourceLocation.InFile(folder), $"host '{host}' has no region file");
            }

            // The same read as a single host's, with the folder's name as every input's host.
            var loaded = new HostInputs
            {
                Regions = regionFiles,
                Retired = retiredFiles,
                RegionsFormat = regionsFormat,
                RetiredFormat = retiredFormat,
                ReadOptions = options with { Host = host, HostPage = manifest?.HostPageBytes ?? options.HostPage },
                Formats = formats,
                Notes = manifest is null ? [] : Collected(manifest, host, folder),
            }.Load();
            if (manifest is not null)
            {
                loaded = loaded.WithCollectedAt(manifest.CollectedAt);
            }

            return notes.Count == 0 ? loaded : loaded.WithNotesFirst(notes);
        }
        finally
        {
            foreach (var input in opened)
            {
                input.Dispose();
            }
        }
    }

    /// <summary>The diagnostics a collected host's manifest carries, after a warning when it names another host than its folder (the folder's name wins).</summary>
    private static List<Diagnostic> Collected(CollectionManifest manifest, string host, string folder)
    {
        var notes = new List<Diagnostic>();
        if (manifest.Host != host)
        {
            notes.Add(new Diagnostic(Severity.Warning, SourceLocation.InFile(Path.Combine(folder, CollectionManifest.FileName)), Wording.Messages.ManifestHostDiffers(manifest.Host, host)));
        }

        notes.AddRange(manifest.Notes);
        return notes;
    }

    /// <summary>
    /// The entries of <paramref name="folder"/>, listed in full now so that a folder that cannot be
    /// read is an input error at the folder (the listing is lazy otherwise, and fails mid-loop).
    /// </summary>
    private static List<string> List(string folder, Func<string, IEnumerable<string>> list)
    {
        try
        {
            return [.. list(folder)];
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            var reason = File.Exists(folder) && e is not UnauthorizedAccessException ? "it is not a directory" : IoFailure.Reason(e);
            throw new InputException(SourceLocation.InFile(folder), $"cannot read the folder: {reason}");
        }
    }

    private enum Role
    {
        None,
        Regions,
        Retired,
    }

    /// <summary>The role detection gives <paramref name="input"/>; <paramref name="empty"/> says why it has none.</summary>
    private Role Classify(OpenedInput input, out bool empty)
    {
        var head = input.Head.ToArray();
        var file = input.File;
        empty = head.Length == 0;
        if (empty)
        {
            return Role.None;
        }

        var region = formats.RegionReaders.Select(r => r.Sniff(head, file)).DefaultIfEmpty(Sniffing.No).Max();
        var retired = formats.RetiredReaders.Select(r => r.Sniff(head, file)).DefaultIfEmpty(Sniffing.No).Max();
        if (region == Sniffing.No && retired == Sniffing.No)
        {
            return Role.None;
        }

        if (region != retired)
        {
            return region > retired ? Role.Regions : Role.Retired;
        }

        return file.FileName.Contains("region", StringComparison.OrdinalIgnoreCase) ? Role.Regions : Role.Retired;
    }
}

/// <summary>How a fleet directory's folders are listed: the disk, or a stand-in in tests.</summary>
/// <param name="Directories">The sub-folders of a folder.</param>
/// <param name="Files">The files of a folder (anything that is not a folder: FIFOs and devices too).</param>
internal sealed record FolderListing(Func<string, IEnumerable<string>> Directories, Func<string, IEnumerable<string>> Files)
{
    /// <summary>The file system.</summary>
    public static FolderListing Disk { get; } = new(Directory.EnumerateDirectories, Directory.EnumerateFiles);
}
