using System.Runtime.InteropServices;

namespace EgmEcc.Pipeline;

/// <summary>
/// Everything a plan needs once the inputs are read: the regions, the records in input order and
/// the readers' notes. One host of a fleet, or the inputs of a single run (whose regions may
/// name several hosts).
/// </summary>
/// <remarks>
/// The records are held as read, without a copy: a run of 10^7 records keeps them once.
/// </remarks>
public sealed class LoadedHost
{
    private readonly List<RetiredRecord> records;

    /// <summary>The inputs as read.</summary>
    /// <param name="regions">The regions, validated.</param>
    /// <param name="records">The records in input order; the host keeps the list and nothing may change it afterwards.</param>
    /// <param name="notes">Notes from reading the inputs (lines ignored, files skipped).</param>
    internal LoadedHost(RegionSet regions, List<RetiredRecord> records, IReadOnlyList<Diagnostic> notes)
    {
        Regions = regions;
        this.records = records;
        Notes = notes;
    }

    /// <summary>The regions, validated.</summary>
    public RegionSet Regions { get; }

    /// <summary>The records, in input order.</summary>
    public ReadOnlySpan<RetiredRecord> Records => CollectionsMarshal.AsSpan(records);

    /// <summary>Notes from reading the inputs that did not stop the run (lines ignored, files skipped).</summary>
    public IReadOnlyList<Diagnostic> Notes { get; }

    /// <summary>The fill of every firmware retired-page table read, in input order (docs/design.md §1); carried into the plan.</summary>
    public IReadOnlyList<FirmwareTableFill> TableFills { get; init; } = [];

    /// <summary>
    /// When the host's evidence was collected: the <c>collectedAt</c> of its folder's manifest
    /// (docs/design.md §3.8), or null when it has none. A history dates the host's observation by it (§4.13).
    /// </summary>
    public DateTimeOffset? CollectedAt { get; init; }

    /// <summary>The same inputs with <paramref name="first"/> before the readers' notes (notes on files that were not read).</summary>
    internal LoadedHost WithNotesFirst(IReadOnlyList<Diagnostic> first) => new(Regions, records, [.. first, .. Notes]) { TableFills = TableFills, CollectedAt = CollectedAt };

    /// <summary>The same inputs, collected at <paramref name="at"/>.</summary>
    internal LoadedHost WithCollectedAt(DateTimeOffset? at) => new(Regions, records, Notes) { TableFills = TableFills, CollectedAt = at };

    /// <summary>
    /// Plans the inputs, with the readers' notes first in the plan's diagnostics, as
    /// <see cref="HostInputs.Sweep"/> has them for inputs planned as they are read.
    /// </summary>
    /// <exception cref="InputException">A record names a region the inputs do not define.</exception>
    public Plan Plan(PlanOptions options) => Sweep(options).ToPlan();

    /// <summary>
    /// Plans the inputs up to each region's retired holes (<see cref="Planner.Sweep"/>), with the
    /// readers' notes first in the diagnostics as in <see cref="Plan"/>: for writers that write
    /// each region while it is tiled. The records are not needed after it.
    /// </summary>
    /// <exception cref="InputException">A record names a region the inputs do not define.</exception>
    public SweptPlan Sweep(PlanOptions options) => Planner.Sweep(Regions, Records, options).WithInputs(Notes, TableFills);
}
