using System.Collections.Immutable;

namespace EgmEcc.Fleet;

/// <summary>
/// A fleet's capacity: every host's figures, sorted by host name (ordinal), and the fleet totals,
/// which are exactly the sums over hosts whatever order or layout the inputs came in.
/// </summary>
public sealed record FleetReport
{
    /// <summary>The options every host was planned with.</summary>
    public required PlanOptions Options { get; init; }

    /// <summary>The VM shape fitted, or null.</summary>
    public VmShape? VmShape { get; init; }

    /// <summary>Hosts whose usable percentage below this is flagged (<c>--min-usable</c>), or null.</summary>
    public double? MinUsablePercent { get; init; }

    /// <summary>The hosts, sorted by name.</summary>
    public required ImmutableArray<HostSummary> Hosts { get; init; }

    /// <summary>Notes from reading inputs shared by many hosts (not counted in any host's warnings).</summary>
    public ImmutableArray<Diagnostic> Notes { get; init; } = [];

    /// <summary>The notes and the hosts' warnings, for standard error.</summary>
    public FleetWarnings Warnings => FleetWarnings.Of(Notes, Hosts.Select(h => ((long)h.Warnings, (IEnumerable<Diagnostic>)h.FirstDiagnostics)));

    /// <summary>The fleet totals.</summary>
    public FleetTotals Totals => FleetTotals.Of(Hosts, Options.HugePages.Length);

    /// <summary>True when <paramref name="host"/> is below the usable threshold.</summary>
    public bool IsBelowThreshold(HostSummary host) =>
        MinUsablePercent is { } min && (host ?? throw new ArgumentNullException(nameof(host))).UsablePercent < min;

    /// <summary>The hosts below the usable threshold, in host order.</summary>
    public IEnumerable<HostSummary> HostsBelowThreshold => Hosts.Where(IsBelowThreshold);
}

/// <summary>The sums over a fleet's hosts.</summary>
/// <param name="Hosts">The number of hosts.</param>
/// <param name="Regions">The number of regions.</param>
/// <param name="SizeBytes">EGM bytes.</param>
/// <param name="UsableBytes">Usable bytes.</param>
/// <param name="HugePages">Hugepage capacity per configured size.</param>
/// <param name="VmFit">VMs of the shape that fit, over all hosts.</param>
/// <param name="Accounting">All records, summed.</param>
/// <param name="Warnings">All warnings, summed.</param>
/// <param name="AtRiskPages">At-risk pages (corrected errors, left usable), summed.</param>
public sealed record FleetTotals(long Hosts, long Regions, UInt128 SizeBytes, UInt128 UsableBytes, ImmutableArray<UInt128> HugePages, long VmFit, Accounting Accounting, long Warnings, UInt128 AtRiskPages = default)
{
    /// <summary>Usable bytes as a percentage of the fleet's EGM memory.</summary>
    public double UsablePercent => SizeBytes == 0 ? 0 : 100.0 * (double)UsableBytes / (double)SizeBytes;

    /// <summary>The entries used in the fleet's fullest firmware table (the largest host's), or null when no host's was read.</summary>
    public int? TableEntries { get; init; }

    /// <summary>The entries left in that table, or null when none was read.</summary>
    public int? TableEntriesLeft => FirmwareTableFill.Limit - TableEntries;

    /// <summary>Sums <paramref name="hosts"/>.</summary>
    public static FleetTotals Of(IEnumerable<HostSummary> hosts, int hugePageSizes)
    {
        ArgumentNullException.ThrowIfNull(hosts);
        long count = 0, regions = 0, vms = 0, warnings = 0;
        UInt128 size = 0, usable = 0, atRisk = 0;
        var huge = new UInt128[hugePageSizes];
        var accounting = new Accounting(0, 0, 0, 0, 0);
        int? table = null;
        foreach (var host in hosts)
        {
            count++;
            table = host.TableEntries > table || table is null ? host.TableEntries ?? table : table;
            regions += host.Regions.Length;
            vms += host.VmFit;
            warnings += host.Warnings;
            accounting += host.Accounting;
            foreach (var region in host.Regions)
            {
                size += region.SizeBytes;
                usable += region.UsableBytes;
                atRisk += region.AtRiskPages;
                for (var h = 0; h < hugePageSizes; h++)
                {
                    huge[h] += region.HugePages[h];
                }
            }
        }

        return new FleetTotals(count, regions, size, usable, [.. huge], vms, accounting, warnings, atRisk) { TableEntries = table };
    }
}
