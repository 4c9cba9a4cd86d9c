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

    /// <summary>Lists the host folders of <paramref name="root"/>.</summary>
    /// <exception cref="InputException">The directory does not exist or has no host folder.</exception>
    public DirectoryFleetSource(string root, FormatRegistry? formats = null, ReadOptions? options = null, string? regionsFormat = null, string? retiredFormat = null)
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
        hosts = [.. Directory.EnumerateDirectories(root).Select(Path.GetFileName).OfType<string>().Where(n => !n.StartsWith('.')).Order(StringComparer.Ordinal)];
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
        foreach (var file in Directory.EnumerateFiles(folder).Where(p => !Path.GetFileName(p).StartsWith('.')).Order(StringComparer.Ordinal).Select(path => InputFile.FromPath(path)))
        {
            switch (Classify(file, out var empty))
            {
                case Role.Regions:
                    regionFiles.Add(file);
                    break;
                case Role.Retired:
                    retiredFiles.Add(file);
                    break;
                default:
                    notes.Add(new Diagnostic(Severity.Warning, SourceLocation.InFile(file.Name), empty ? "skipped: the file is empty" : "skipped: no region or retired format recognises this file"));
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
            ReadOptions = options with { Host = host },
            Formats = formats,
        }.Load();
        return notes.Count == 0 ? loaded : loaded.WithNotesFirst(notes);
    }

    private enum Role
    {
        None,
        Regions,
        Retired,
    }

    /// <summary>The role detection gives <paramref name="file"/>; <paramref name="empty"/> says why it has none.</summary>
    private Role Classify(InputFile file, out bool empty)
    {
        byte[] head;
        using (var input = OpenedInput.Open(file))
        {
            head = input.Head.ToArray();
            file = input.File;
        }

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
