namespace EgmEcc;

/// <summary>
/// How many <paramref name="PageSize"/>-aligned blocks (aligned in region offset) of
/// <paramref name="PageSize"/> bytes lie wholly inside a region's usable extents, against how many
/// the region would hold with no holes.
/// </summary>
/// <param name="PageSize">The hugepage size H.</param>
/// <param name="Count">Blocks wholly inside usable extents.</param>
/// <param name="Ideal">Blocks in the whole region, <c>floor(size / H)</c>: the capacity with no holes.</param>
public readonly record struct HugePageCapacity(ulong PageSize, ulong Count, ulong Ideal)
{
    /// <summary>The blocks the holes cost.</summary>
    public ulong Lost => Ideal - Count;
}
