namespace EgmEcc;

/// <summary>
/// A setting a user chooses: a planning knob (docs/design.md §2), an input or output choice, a
/// forecast, synthesis or gate parameter. Errors about a setting name it by this value, so each
/// front end can call it by its own name (a command line, by its flag).
/// </summary>
public enum Setting
{
    /// <summary>The retirement granule G.</summary>
    Granule,

    /// <summary>The guest page size P.</summary>
    GuestPage,

    /// <summary>The minimum extent E.</summary>
    MinExtent,

    /// <summary>The hugepage sizes whose capacity is counted.</summary>
    HugePages,

    /// <summary>The host kernel's page size, for page frame numbers in kernel logs.</summary>
    HostPage,

    /// <summary>The region of region-relative inputs that do not say which region they belong to.</summary>
    Region,

    /// <summary>The format of region inputs, instead of detecting it.</summary>
    RegionsFormat,

    /// <summary>The format of retired-record inputs, instead of detecting it.</summary>
    RetiredFormat,

    /// <summary>The output format (a guest layout, for one, describes one host).</summary>
    OutputFormat,

    /// <summary>Where guest RAM starts in a guest layout.</summary>
    GuestBase,

    /// <summary>The mapping size every window of a window list is aligned to.</summary>
    MapAlign,

    /// <summary>New retired granules per TiB per year, in a forecast.</summary>
    Rate,

    /// <summary>How many years a forecast looks ahead.</summary>
    Horizon,

    /// <summary>How many Monte Carlo trials a forecast runs.</summary>
    Trials,

    /// <summary>How many hosts a synthetic fleet has.</summary>
    Hosts,

    /// <summary>How many sockets (EGM regions) each synthetic host has.</summary>
    Sockets,

    /// <summary>How many retired records a synthetic fleet has.</summary>
    Records,

    /// <summary>How many retired records one read may hold: a bound on memory (docs/design.md §5).</summary>
    MaxRecords,

    /// <summary>The gate on each region's usable percentage.</summary>
    MinUsablePercent,

    /// <summary>The gate on each region's hugepage count of one size.</summary>
    MinHugePages,

    /// <summary>The gate that fails a run with any warning.</summary>
    FailOnWarning,

    /// <summary>The conditions a plan diff must meet (new holes, capacity lost), for alerting.</summary>
    DiffConditions,

    /// <summary>The retired-record inputs of a run.</summary>
    RetiredInputs,

    /// <summary>Whether a run without any retired-record input is an error.</summary>
    RequireRetired,

    /// <summary>The VM shape whose fit is counted.</summary>
    VmShape,

    /// <summary>A policy rule given on its own (docs/design.md §4.14); a rule read from a policy file is an input.</summary>
    PolicyRule,

    /// <summary>How many dated snapshots a synthetic fleet history has.</summary>
    Snapshots,

    /// <summary>The time between two snapshots of a synthetic fleet history.</summary>
    Interval,
}
