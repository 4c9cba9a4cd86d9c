namespace EgmEcc;

/// <summary>
/// The kinds of <see cref="Diagnostic"/> that reports count and gate on (<see cref="Diagnostic.Code"/>).
/// The values are stable, lower-case and hyphenated; they may appear in machine-readable outputs.
/// </summary>
public static class DiagnosticCodes
{
    /// <summary>A retired record that lies in no region (or past the end of the region it names).</summary>
    public const string OutOfRegion = "out-of-region";

    /// <summary>A retired record cut at its region's edge.</summary>
    public const string Clipped = "clipped";

    /// <summary>A region whose base is not aligned to one of the counted hugepage sizes.</summary>
    public const string MisalignedBase = "misaligned-base";

    /// <summary>
    /// A firmware retired-page table whose count is close to the 4096 entries the driver accepts
    /// (see <see cref="FirmwareTableLimit"/>): the next retirements may make the driver refuse the region.
    /// </summary>
    public const string FirmwareTableNearLimit = "firmware-table-near-limit";

    /// <summary>
    /// A region whose guest size is not a multiple of the guest page: its guest node ends, and every
    /// later node starts, between guest pages, so guest layouts leave those partial pages out.
    /// </summary>
    public const string MisalignedGuestSize = "misaligned-guest-size";

    /// <summary>
    /// A guest layout with a hole where a QEMU direct kernel boot writes the kernel, initrd and device
    /// tree (<see cref="DirectBootArea"/>): only a boot that loads them elsewhere keeps off the hole.
    /// </summary>
    public const string HoleInDirectBootArea = "hole-in-direct-boot-area";
}
