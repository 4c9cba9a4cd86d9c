using FsCheck;
using FsCheck.Fluent;

namespace EgmEcc.Tests;

/// <summary>
/// The hugepage capacity of an extent (docs/design.md §2.6) counts the aligned blocks inside it
/// with shifts and a mask; these hold it to the count by division, in 128 bits, for every
/// power of two up to 2^63 and ranges up to the top of the address space.
/// </summary>
public class RegionTilerWholeBlocksTests
{
    // Ends near 0, near a block boundary and near 2^64, where a carry or a rounding would show.
    private static readonly Gen<ulong> Addresses = Gen.OneOf(
        ArbMap.Default.GeneratorFor<ulong>(),
        from v in ArbMap.Default.GeneratorFor<ulong>()
        from shift in Gen.Choose(0, 63)
        from nudge in Gen.Choose(-2, 2)
        select unchecked(((v >> shift) << shift) + (ulong)(long)nudge),
        from nudge in Gen.Choose(0, 3)
        select ulong.MaxValue - (ulong)nudge);

    private static readonly Gen<(ulong Start, ulong End, int Shift)> Cases =
        from a in Addresses
        from b in Addresses
        from shift in Gen.Choose(0, 63)
        select (Math.Min(a, b), Math.Max(a, b), shift);

    [Fact]
    public void WholeBlocks_IsTheCountByDivision()
    {
        Properties.Check(Cases, c =>
        {
            Assert.Equal(ByDivision(c.Start, c.End, c.Shift), RegionTiler.WholeBlocks(c.Start, c.End, c.Shift));
        }, 20_000);
    }

    [Theory]
    [InlineData(0UL, 0UL, 21, 0UL)]
    [InlineData(0UL, 2UL << 20, 21, 1UL)]
    [InlineData(1UL, 4UL << 20, 21, 1UL)]
    [InlineData(1UL, (4UL << 20) - 1, 21, 0UL)]
    [InlineData(0UL, ulong.MaxValue, 63, 1UL)]
    [InlineData(1UL, ulong.MaxValue, 63, 0UL)]
    [InlineData(1UL << 63, ulong.MaxValue, 63, 0UL)]
    [InlineData(ulong.MaxValue, ulong.MaxValue, 0, 0UL)]
    [InlineData(0UL, ulong.MaxValue, 0, ulong.MaxValue)]
    [InlineData(5UL, 9UL, 0, 4UL)]
    public void WholeBlocks_Edges(ulong start, ulong end, int shift, ulong expected) =>
        Assert.Equal(expected, RegionTiler.WholeBlocks(start, end, shift));

    private static ulong ByDivision(ulong start, ulong end, int shift)
    {
        var block = (UInt128)1 << shift;
        var first = ((UInt128)start + block - 1) / block;
        var last = (UInt128)end / block;
        return last > first ? (ulong)(last - first) : 0;
    }
}
