namespace EgmEcc;

/// <summary>
/// A maximal run of unusable bytes in a region, <c>[Offset, Offset + Size)</c> in region-offset
/// space, made of retired bytes (widened retired records) and fragment bytes (usable extents
/// shorter than the minimum extent that joined it). <c>RetiredBytes + FragmentBytes = Size</c>.
/// </summary>
/// <param name="Offset">The first unusable offset.</param>
/// <param name="Size">The hole's length in bytes.</param>
/// <param name="RetiredBytes">The bytes covered by widened retired records.</param>
/// <param name="FragmentBytes">The bytes of too-short extents folded into the hole.</param>
public readonly record struct Hole(ulong Offset, ulong Size, ulong RetiredBytes, ulong FragmentBytes)
{
    /// <summary>The hole as an offset range.</summary>
    public AddressRange Range => AddressRange.FromBaseSize(Offset, Size);
}
