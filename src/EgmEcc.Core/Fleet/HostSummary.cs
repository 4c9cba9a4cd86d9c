using System.Collections.Immutable;

namespace EgmEcc.Fleet;

/// <summary>
/// The figures of one host of a fleet, taken from its plan: what a capacity planner compares
/// across hosts. Keeps no extents, so a fleet of any size fits in memory.
/// </summary>
public sealed record HostSummary
{
    /// <summary>The host's name.</summary>
    public required string Host { get; init; }

    /// <summary>Its regions, sorted by base.</summary>
    public required ImmutableArray<RegionSummary> Regions { get; init; }

    /// <summary>What became of the host's retired records.</summary>
    public required Accounting Accounting { get; init; }

    /// <summary>The warnings planning the host gave.</summary>
    public required int Warnings { get; init; }

    /// <summary>The first few warnings (at most <see cref="KeptDiagnostics"/>), so a fleet's summaries stay small.</summary>
    public ImmutableArray<Diagnostic> FirstDiagnostics { get; init; } = [];

    /// <summary>How many of a host's warnings its summary keeps.</summary>
    public const int KeptDiagnostics = 3;

    /// <summary>
    /// The entries used in the host's fullest firmware retired-page table, whatever its region, or
    /// null when none was read: the region closest to being refused by the driver (docs/design.md §1).
    /// </summary>
    public int? TableEntries { get; init; }

    /// <summary>The entries left in the fullest table (<c>4096 − <see cref="TableEntries"/></c>), or null when none was read.</summary>
    public int? TableEntriesLeft => FirmwareTableFill.Limit - TableEntries;

    /// <summary>How many VMs of the shape fit; 0 when no shape is asked for.</summary>
    public required long VmFit { get; init; }

    /// <summary>The sum of region sizes.</summary>
    public ulong SizeBytes => Sum(r => r.SizeBytes);

    /// <summary>The sum of usable bytes.</summary>
    public ulong UsableBytes => Sum(r => r.UsableBytes);

    /// <summary>The sum of at-risk pages (corrected errors, left usable).</summary>
    public ulong AtRiskPages => Sum(r => r.AtRiskPages);

    /// <summary>Retirement granules retired over the host's regions.</summary>
    public ulong RetiredPages => Sum(r => r.RetiredPages);

    /// <summary>Usable bytes as a percentage of the host's EGM memory.</summary>
    public double UsablePercent => SizeBytes == 0 ? 0 : 100.0 * UsableBytes / SizeBytes;

    /// <summary>The hugepage capacity of the host for the size at <paramref name="index"/> of the plan options.</summary>
    public ulong HugePages(int index) => Sum(r => r.HugePages[index]);

    /// <summary>Summarises <paramref name="plan"/>, the plan of one host.</summary>
    /// <param name="host">The host's name.</param>
    /// <param name="plan">Its plan.</param>
    /// <param name="shape">The VM shape to fit, or null.</param>
    public static HostSummary FromPlan(string host, Plan plan, VmShape? shape)
    {
        ArgumentNullException.ThrowIfNull(plan);
        var regions = ImmutableArray.CreateBuilder<RegionSummary>(plan.Regions.Length);
        foreach (var region in plan.Regions)
        {
            var huge = ImmutableArray.CreateRange(region.Stats.HugePageCapacity, c => c.Count);
            var vmBlocks = shape is null ? 0 : region.UsableSet.WholeAlignedBlocks(shape.PageSize);
            regions.Add(new RegionSummary(region.Region.Id, region.Region.Node, region.Stats.SizeBytes, region.Stats.UsableBytes, huge, vmBlocks, region.Stats.AtRiskPages, region.Stats.RetiredBytes / plan.Options.Granule, plan.TableEntries(region.Region), region.Region.Base));
        }

        var summaries = regions.MoveToImmutable();
        return new HostSummary
        {
            Host = host,
            Regions = summaries,
            Accounting = plan.Accounting,
            Warnings = plan.Diagnostics.Length,
            FirstDiagnostics = [.. plan.Diagnostics.Take(KeptDiagnostics)],
            VmFit = shape is null ? 0 : Fleet.VmFit.Count([.. summaries.Select(r => r.VmBlocks)], shape),

            // The plan is one host's: every table it read is the host's, of a known region or not.
            TableEntries = plan.FirmwareTables.IsDefaultOrEmpty ? null : plan.FirmwareTables.Max(f => f.Entries),
        };
    }

    private ulong Sum(Func<RegionSummary, ulong> figure)
    {
        ulong total = 0;
        foreach (var region in Regions)
        {
            total += figure(region);
        }

        return total;
    }
}
