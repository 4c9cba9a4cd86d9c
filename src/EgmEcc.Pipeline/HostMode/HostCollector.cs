using System.Buffers.Binary;
using System.Collections.Immutable;
using System.Reflection;
using System.Text;
using EgmEcc.Formats.Acpi;
using EgmEcc.Formats.Binary;
using EgmEcc.Formats.Collection;
using EgmEcc.Formats.Inputs;
using EgmEcc.Formats.KernelLog;
using EgmEcc.Pipeline.Wording;

namespace EgmEcc.Pipeline.HostMode;

/// <summary>
/// Reads one host's evidence into a <see cref="HostCollection"/> (docs/design.md §3, host mode):
/// the ACPI tables that describe EGM regions, each region's firmware retired-page table from
/// <c>/dev/mem</c>, the memory-error records of <c>/dev/kmsg</c>, the EGM devices' sysfs
/// attributes, the host's identity and page size, and, only when asked, the driver's lists.
/// </summary>
/// <remarks>
/// <para>Nothing opens <c>/dev/egm*</c> unless <see cref="CollectSettings.DriverList"/> is set:
/// the first open makes the driver zero the whole region (docs/design.md §1).</para>
/// <para>What cannot be read is recorded as missing with its reason and a diagnostic, never
/// fatal, unless no table describes a region at all. A table the AML reader rejects is an input
/// error at its path and byte offset: a damaged table must not pass as "no region".</para>
/// <para>Under a root other than <c>/</c> (a copied or fake tree) a firmware table is read from the
/// regular file <c>dev/mem</c> at its SPA, as from the device; a file system that cannot hold a
/// file that large (ext4 stops at 16 TiB) can use a folder instead: <c>dev/mem/0x&lt;spa&gt;</c>,
/// the table at its start. <c>dev/egm&lt;N&gt;</c> as a regular file is read as a dump of the
/// driver's list instead of asking the driver.</para>
/// </remarks>
/// <param name="system">How the host is reached.</param>
public sealed class HostCollector(HostSystem system)
{
    /// <summary>The ACPI tables folder, under the root.</summary>
    public const string TablesFolder = "/sys/firmware/acpi/tables";

    /// <summary>The EGM devices' sysfs class folder.</summary>
    public const string EgmClassFolder = "/sys/class/egm";

    /// <summary>The largest sysfs attribute or identity file read.</summary>
    private const int SmallFileBytes = 64 * 1024;

    /// <summary>Collects with the live host system.</summary>
    public HostCollector()
        : this(HostSystem.Live)
    {
    }

    /// <summary>Reads the host tree <paramref name="settings"/> names.</summary>
    /// <exception cref="InputException">The root is not a folder, a table is damaged, or no table describes a region.</exception>
    public HostCollection Collect(CollectSettings settings)
    {
        ArgumentNullException.ThrowIfNull(settings);
        return new Run(system, settings).Collect();
    }

    /// <summary>The EgmEcc version a manifest records.</summary>
    internal static string Version =>
        typeof(HostCollector).Assembly.GetCustomAttribute<AssemblyInformationalVersionAttribute>()?.InformationalVersion.Split('+')[0]
        ?? typeof(HostCollector).Assembly.GetName().Version?.ToString() ?? "unknown";

    private sealed class Run(HostSystem system, CollectSettings settings)
    {
        private readonly List<CollectedFile> files = [];
        private readonly List<MissingItem> missing = [];
        private readonly List<Diagnostic> notes = [];

        public HostCollection Collect()
        {
            if (system.KindOf(settings.Root) != EntryKind.Directory)
            {
                throw new InputException(SourceLocation.InFile(settings.Root), "no such directory; the root of a host tree is a folder");
            }

            var host = HostName();
            var kernelRelease = Identity("kernel release", "/proc/sys/kernel/osrelease");
            var hostPage = HostPage();
            var regions = Tables();
            FirmwareTables(regions);
            var sysfs = Sysfs(regions);
            KernelLog();
            if (settings.DriverList)
            {
                DriverLists(regions);
            }

            var ordered = files.OrderBy(f => f.FileName, StringComparer.Ordinal).ToImmutableArray();
            var manifest = new CollectionManifest
            {
                Host = host,
                CollectedAt = settings.Now ?? DateTimeOffset.UtcNow,
                KernelRelease = kernelRelease,
                HostPageBytes = hostPage,
                Version = HostCollector.Version,
                Root = settings.IsLiveRoot ? null : settings.Root,
                Evidence = [.. ordered.Select(f => new EvidenceEntry(f.FileName, f.Kind, f.Origin, f.Bytes.Length))],
                Missing = [.. missing],
                Sysfs = sysfs,
                Notes = [.. notes],
            };
            return new HostCollection(manifest, ordered);
        }

        /// <summary>The path on this machine of a host path (<c>/dev/kmsg</c> under the root).</summary>
        private string OnDisk(string hostPath) => settings.IsLiveRoot ? hostPath : Path.Join(settings.Root, hostPath);

        private void Missing(string what, string path, string reason, Severity severity, string message, SourceLocation? at = null)
        {
            missing.Add(new MissingItem(what, path, reason));
            notes.Add(new Diagnostic(severity, at ?? SourceLocation.InFile(path), message));
        }

        private string HostName()
        {
            var name = settings.HostName ?? Identity("host name", "/proc/sys/kernel/hostname") ?? (settings.IsLiveRoot ? Environment.MachineName : null);
            if (name is null)
            {
                return "unknown-host";
            }

            if (name.Length == 0 || name is "." or ".." || name.StartsWith('.') || name.Contains('/') || Region.NameProblem(name) is not null)
            {
                notes.Add(new Diagnostic(Severity.Warning, SourceLocation.InFile(OnDisk("/proc/sys/kernel/hostname")), Messages.HostNameUnusable(name)));
                return "unknown-host";
            }

            return name;
        }

        /// <summary>A one-line identity file, trimmed; null (and a note) when it cannot be read.</summary>
        private string? Identity(string what, string hostPath)
        {
            var path = OnDisk(hostPath);
            var read = system.KindOf(path) == EntryKind.Regular ? system.ReadFile(path, SmallFileBytes) : HostRead.Failed(system.KindOf(path) == EntryKind.Missing ? "no such file" : "not a regular file");
            if (read.Bytes is { } bytes && Trimmed(bytes) is { Length: > 0 } text)
            {
                return text;
            }

            var reason = read.Failure ?? "empty";
            Missing(what, path, reason, Severity.Info, Messages.IdentityUnreadable(what, reason));
            return null;
        }

        private ulong HostPage()
        {
            if (settings.HostPage is { } given)
            {
                return given;
            }

            if (settings.IsLiveRoot)
            {
                return (ulong)Environment.SystemPageSize;
            }

            // The PMD maps a page of page-sized entries, 8 bytes each: pmd = page * (page / 8).
            var path = OnDisk("/sys/kernel/mm/transparent_hugepage/hpage_pmd_size");
            var read = system.KindOf(path) == EntryKind.Regular ? system.ReadFile(path, SmallFileBytes) : HostRead.Failed("no such file");
            if (read.Bytes is { } bytes && Numbers.TryParseUInt64(Trimmed(bytes), out var pmd) is null && pmd > 0 && pmd <= ulong.MaxValue / 8)
            {
                var page = (ulong)Math.Round(Math.Sqrt(pmd * 8.0));
                if (ulong.IsPow2(page) && page * (page / 8) == pmd)
                {
                    return page;
                }
            }

            var reason = read.Failure ?? "not a PMD size of a page size";
            Missing("host page size", path, reason, Severity.Info, Messages.HostPageDefault(reason));
            return PlanOptions.Page64K;
        }

        /// <summary>Every DSDT and SSDT that describes a region, kept; the regions by PXM, table bases merged over all tables.</summary>
        private List<Region> Tables()
        {
            var folder = OnDisk(TablesFolder);
            var byNode = new SortedDictionary<int, Region>();
            var names = system.Entries(folder).Where(n => n == "DSDT" || n.StartsWith("SSDT", StringComparison.Ordinal));
            foreach (var name in names)
            {
                var path = Path.Join(folder, name);
                if (system.KindOf(path) != EntryKind.Regular)
                {
                    continue;
                }

                var read = system.ReadFile(path, AmlRegionReader.MaxTableBytes);
                if (read.Bytes is not { } bytes)
                {
                    Missing($"ACPI table {name}", path, read.Failure!, Severity.Warning, Messages.TableUnreadable(read.Failure!));
                    continue;
                }

                var input = InputFile.FromBytes(path, bytes) with { Length = bytes.Length };
                using var stream = input.Open();
                var found = new AmlRegionReader().Read(stream, input, ReadOptions.Default).ToList();
                if (found.Count == 0)
                {
                    continue;
                }

                files.Add(new CollectedFile($"{name}.aml", EvidenceKinds.AcpiTable, $"{TablesFolder}/{name}", path, bytes));
                foreach (var region in found)
                {
                    // Tables of several GPUs may each name their own copy of the table (docs/design.md §1).
                    byNode[region.Node] = byNode.TryGetValue(region.Node, out var seen)
                        ? seen with { RetiredTableBases = [.. seen.RetiredTableBases, .. region.RetiredTableBases.Where(b => !seen.RetiredTableBases.Contains(b))] }
                        : region;
                }
            }

            return byNode.Count > 0 ? [.. byNode.Values] : throw new InputException(SourceLocation.InFile(folder), Messages.NoRegionInTables(folder));
        }

        private void FirmwareTables(List<Region> regions)
        {
            var mem = OnDisk("/dev/mem");
            var folder = !settings.IsLiveRoot && system.KindOf(mem) == EntryKind.Directory;
            foreach (var region in regions)
            {
                if (region.RetiredTableBases.IsEmpty)
                {
                    notes.Add(new Diagnostic(Severity.Info, region.Source, Messages.NoFirmwareTable(region.Id)));
                    continue;
                }

                byte[]? first = null;
                ulong firstBase = 0;
                var copies = 0;
                var failures = new List<(ulong Spa, string Source, string Reason)>();
                foreach (var spa in region.RetiredTableBases)
                {
                    var origin = $"/dev/mem@{Numbers.Hex(spa)}";
                    var source = $"{mem}@{Numbers.Hex(spa)}";
                    var read = folder
                        ? system.ReadAt(Path.Join(mem, Numbers.Hex(spa)), 0, (int)FirmwareTableReader.FullTableBytes)
                        : system.ReadAt(mem, spa, (int)FirmwareTableReader.FullTableBytes);
                    if (read.Bytes is not { } bytes)
                    {
                        missing.Add(new MissingItem($"firmware retired-page table of {region.Id}", source, read.Failure!));
                        failures.Add((spa, source, read.Failure!));
                        continue;
                    }

                    if (first is null)
                    {
                        (first, firstBase) = (bytes, spa);
                        files.Add(new CollectedFile($"{region.Id}.fwtable", EvidenceKinds.FirmwareTable, origin, source, bytes, region.Id));
                    }
                    else if (!SameTable(first, bytes))
                    {
                        // The conservative plan is the union; the planner counts the overlap as duplicates.
                        copies++;
                        files.Add(new CollectedFile($"{region.Id}.copy{copies}.fwtable", EvidenceKinds.FirmwareTable, origin, source, bytes, region.Id));
                        notes.Add(new Diagnostic(Severity.Warning, SourceLocation.InFile(source), Messages.FirmwareTableCopiesDiffer(region.Id, Numbers.Hex(spa), Numbers.Hex(firstBase))));
                    }
                }

                if (first is null)
                {
                    var spas = string.Join(", ", failures.Select(f => Numbers.Hex(f.Spa)));
                    var reasons = string.Join("; ", failures.Select(f => f.Reason).Distinct());
                    notes.Add(new Diagnostic(Severity.Warning, SourceLocation.InFile(failures[0].Source), Messages.FirmwareTableNotRead(region.Id, spas, reasons)));
                }
                else
                {
                    foreach (var (spa, source, reason) in failures)
                    {
                        notes.Add(new Diagnostic(Severity.Info, SourceLocation.InFile(source), Messages.FirmwareTableCopyNotRead(region.Id, Numbers.Hex(spa), reason, Numbers.Hex(firstBase))));
                    }
                }
            }
        }

        /// <summary>Two copies agree when their counts and counted entries do; the unused slots may hold anything.</summary>
        private static bool SameTable(byte[] a, byte[] b)
        {
            var count = Math.Min(BinaryPrimitives.ReadUInt64LittleEndian(a), (ulong)FirmwareTableReader.MaxEntries);
            var used = 8 + (8 * (int)count);
            return a.AsSpan(0, used).SequenceEqual(b.AsSpan(0, used));
        }

        private ImmutableArray<SysfsDevice> Sysfs(List<Region> regions)
        {
            var folder = OnDisk(EgmClassFolder);
            if (system.KindOf(folder) != EntryKind.Directory)
            {
                // Before the driver loads (a pre-boot report) there is nothing to compare: a note, not a warning per region.
                Missing("EGM devices in sysfs", folder, "no such folder", Severity.Info, Messages.NoEgmClass());
                return [];
            }

            var devices = ImmutableArray.CreateBuilder<SysfsDevice>();
            var names = system.Entries(folder).Where(n => n.StartsWith("egm", StringComparison.Ordinal)).ToList();
            foreach (var name in names)
            {
                var device = Path.Join(folder, name);
                var attributes = ImmutableArray.CreateBuilder<KeyValuePair<string, string>>();
                foreach (var attribute in system.Entries(device))
                {
                    var path = Path.Join(device, attribute);
                    if (system.KindOf(path) != EntryKind.Regular)
                    {
                        continue;
                    }

                    var read = system.ReadFile(path, SmallFileBytes);
                    if (read.Bytes is { } bytes)
                    {
                        attributes.Add(new(attribute, Trimmed(bytes)));
                    }
                    else
                    {
                        Missing($"sysfs attribute {name}/{attribute}", path, read.Failure!, Severity.Info, Messages.SysfsUnreadable(read.Failure!));
                    }
                }

                devices.Add(new SysfsDevice(name, attributes.ToImmutable()));
                var region = regions.FirstOrDefault(r => r.Id == name);
                if (region is null)
                {
                    notes.Add(new Diagnostic(Severity.Warning, SourceLocation.InFile(device), Messages.SysfsWithoutRegion(name)));
                    continue;
                }

                // egm_size: decimal or 0x hexadecimal, as every EgmEcc number (docs/design.md §3.1).
                var size = attributes.FirstOrDefault(a => a.Key == "egm_size").Value;
                if (size is not null && Numbers.TryParseUInt64(size, out var bytesInSysfs) is null && bytesInSysfs != region.Size)
                {
                    notes.Add(new Diagnostic(Severity.Warning, SourceLocation.InFile(Path.Join(device, "egm_size")), Messages.SizeDisagrees(region.Id, bytesInSysfs, region.Size)));
                }
            }

            foreach (var region in regions.Where(r => !names.Contains(r.Id)))
            {
                notes.Add(new Diagnostic(Severity.Warning, region.Source, Messages.RegionWithoutSysfs(region.Id, EgmClassFolder)));
            }

            return devices.ToImmutable();
        }

        private void KernelLog()
        {
            var path = OnDisk("/dev/kmsg");
            if (system.KindOf(path) == EntryKind.Missing)
            {
                Missing("kernel log", path, "no such file", Severity.Warning, Messages.KernelLogNotRead("no such file"));
                return;
            }

            var log = system.ReadKernelRecords(path, KernelLogReader.MayCarryRecord);
            if (log.Failure is { } failure)
            {
                Missing("kernel log", path, failure, Severity.Warning, Messages.KernelLogNotRead(failure));
            }

            if (log.Overwritten > 0)
            {
                notes.Add(new Diagnostic(Severity.Info, SourceLocation.InFile(path), Messages.KernelLogOverwritten(log.Overwritten)));
            }

            if (log.Records.Count > 0)
            {
                var text = new MemoryStream();
                foreach (var record in log.Records)
                {
                    text.Write(record);
                    text.WriteByte((byte)'\n');
                }

                files.Add(new CollectedFile("kmsg.log", EvidenceKinds.KernelLog, "/dev/kmsg", path, text.ToArray()));
            }
        }

        private void DriverLists(List<Region> regions)
        {
            foreach (var region in regions)
            {
                var hostPath = $"/dev/egm{region.Node}";
                var path = OnDisk(hostPath);
                var kind = system.KindOf(path);

                // A regular file stands in for the device in a copied or fake tree: a dump of its list.
                var read = kind switch
                {
                    EntryKind.Regular => system.ReadFile(path, 64 << 20),
                    EntryKind.CharacterDevice => system.DriverList(path),
                    EntryKind.Missing => HostRead.Failed("no such device"),
                    _ => HostRead.Failed("not a character device"),
                };
                if (read.Bytes is { } bytes)
                {
                    files.Add(new CollectedFile($"{region.Id}.ioctl", EvidenceKinds.DriverList, hostPath, path, bytes, region.Id));
                }
                else
                {
                    Missing($"driver retired-page list of {region.Id}", path, read.Failure!, Severity.Warning, Messages.DriverListNotRead(region.Id, read.Failure!));
                }
            }
        }

        private static string Trimmed(byte[] bytes) => Encoding.UTF8.GetString(bytes).Trim();
    }
}
