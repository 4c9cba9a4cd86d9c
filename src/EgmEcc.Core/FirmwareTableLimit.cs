namespace EgmEcc;

/// <summary>
/// The capacity of a firmware retired-page table (docs/design.md §1): <c>u64 num_retired_pages;
/// u64 retired_page_addr[4096]</c>. The nvgrace-egm driver refuses the whole region when the count
/// exceeds <see cref="MaxEntries"/>, so a table close to it is worth a warning before it fills.
/// </summary>
/// <remarks>
/// Readers of firmware tables call <see cref="Check"/> with the count they read; the report lists
/// the resulting <see cref="DiagnosticCodes.FirmwareTableNearLimit"/> warnings and
/// <c>--fail-on-warning</c> gates on them.
/// </remarks>
public static class FirmwareTableLimit
{
    /// <summary>The most entries a table may hold before the driver refuses the region.</summary>
    public const int MaxEntries = 4096;

    /// <summary>The count from which a table is "near the limit": 7/8 full (3584 entries).</summary>
    public const int NearLimitEntries = MaxEntries / 8 * 7;

    /// <summary>True when a table of <paramref name="count"/> entries is near (or at) the limit.</summary>
    public static bool IsNearLimit(ulong count) => count >= NearLimitEntries;

    /// <summary>
    /// A warning for a table of <paramref name="count"/> entries at <paramref name="source"/> when it is
    /// near the limit; null otherwise. (Counts beyond the limit are input errors, as in the driver.)
    /// </summary>
    /// <param name="source">The table (its count field).</param>
    /// <param name="count">The table's <c>num_retired_pages</c>.</param>
    /// <param name="region">The region the table belongs to, when known.</param>
    public static Diagnostic? Check(SourceLocation source, ulong count, string? region = null)
    {
        if (!IsNearLimit(count))
        {
            return null;
        }

        var of = region is null ? string.Empty : $" of region '{region}'";
        return new Diagnostic(
            Severity.Warning,
            source,
            $"firmware retired-page table{of} holds {count} of {MaxEntries} entries; the driver refuses the region beyond {MaxEntries}")
        {
            Code = DiagnosticCodes.FirmwareTableNearLimit,
        };
    }
}
