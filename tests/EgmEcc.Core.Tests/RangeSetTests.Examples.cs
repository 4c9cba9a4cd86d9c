namespace EgmEcc.Tests;

public partial class RangeSetTests
{
    private const ulong Max = ulong.MaxValue;

    private static AddressRange R(ulong start, ulong size) => AddressRange.FromBaseSize(start, size);

    [Fact]
    public void Of_DocExample_MergesTouchingRanges()
    {
        var set = RangeSet.Of([R(0x0, 0x10000), R(0x10000, 0x10000), R(0x40000, 0x10000)]);

        Assert.Equal([R(0x0, 0x20000), R(0x40000, 0x10000)], set.Ranges.ToArray());
        Assert.Equal([R(0x20000, 0x20000), R(0x50000, 0x10000)], set.Complement(R(0, 0x60000)).Ranges.ToArray());
        Assert.Equal("{[0x0, 0x20000), [0x40000, 0x50000)}", set.ToString());
    }

    [Fact]
    public void Empty_HasNothing()
    {
        Assert.True(RangeSet.Empty.IsEmpty);
        Assert.Equal((UInt128)0, RangeSet.Empty.TotalSize);
        Assert.False(RangeSet.Empty.Contains(0));
        Assert.True(RangeSet.Empty.Encloses(R(5, 0)));
        Assert.False(RangeSet.Empty.Encloses(R(5, 1)));
        Assert.Equal("{}", RangeSet.Empty.ToString());
        Assert.Equal([R(3, 4)], RangeSet.Empty.Complement(R(3, 4)).Ranges.ToArray());
        Assert.True(RangeSet.Of([R(1, 0), R(7, 0)]).IsEmpty);
    }

    [Fact]
    public void Of_RangesAtTheTop_MergeAndReachTop()
    {
        var set = RangeSet.Of([R(Max, 1), R(Max - 0xF, 0x10), R(0x10, 0x10)]);

        Assert.Equal([R(0x10, 0x10), R(Max - 0xF, 0x10)], set.Ranges.ToArray());
        Assert.True(set.Contains(Max));
        Assert.True(set.Encloses(R(Max, 1)));
        Assert.True(set.Ranges[^1].ReachesTop);
        Assert.Equal((UInt128)0x20, set.TotalSize);
    }

    [Fact]
    public void Of_TwoHalvesOfTheSpace_TotalIs2Pow63Times2MinusOne()
    {
        var set = RangeSet.Of([R(1, 0x7FFF_FFFF_FFFF_FFFF), R(0x8000_0000_0000_0000, 0x8000_0000_0000_0000)]);

        Assert.Equal([R(1, Max)], set.Ranges.ToArray());
        Assert.Equal((UInt128)Max, set.TotalSize);
    }

    [Fact]
    public void Of_WholeSpace_ThrowsArgumentOutOfRange()
    {
        // [0, 2^64) has no AddressRange; see AddressRange.FromStartEnd.
        Assert.Throws<ArgumentOutOfRangeException>(() => RangeSet.Of([R(0, 0x8000_0000_0000_0000), R(0x8000_0000_0000_0000, 0x8000_0000_0000_0000)]));
    }

    [Fact]
    public void Complement_WithinRangeReachingTop_EndsAtTop()
    {
        var set = RangeSet.Of([R(Max - 0x1F, 0x10)]);

        var gaps = set.Complement(R(Max - 0x3F, 0x40));

        Assert.Equal([R(Max - 0x3F, 0x20), R(Max - 0xF, 0x10)], gaps.Ranges.ToArray());
        Assert.True(gaps.Ranges[^1].ReachesTop);
    }

    [Fact]
    public void Complement_SetReachingTop_LeavesOnlyTheStart()
    {
        var set = RangeSet.Of([R(0x100, Max - 0xFF)]);

        Assert.Equal([R(0, 0x100)], set.Complement(R(0, Max)).Ranges.ToArray());
        Assert.Empty(set.Complement(R(0x100, Max - 0xFF)).Ranges);
    }

    [Fact]
    public void Complement_EmptyWithin_IsEmpty()
    {
        var set = RangeSet.Of([R(0x10, 0x10)]);

        Assert.True(set.Complement(R(0x14, 0)).IsEmpty);
        Assert.True(set.Complement(R(0x40, 0)).IsEmpty);
    }

    [Fact]
    public void Difference_DocExample_CutsOverlapsOut()
    {
        var a = RangeSet.Of([R(0, 100), R(150, 50)]);
        var b = RangeSet.Of([R(40, 20), R(90, 70), R(190, 110)]);

        Assert.Equal([R(0, 40), R(60, 30), R(160, 30)], a.Difference(b).Ranges.ToArray());
    }

    [Fact]
    public void Union_ToTheTop_MergesAndEndsAt2Pow64()
    {
        var set = RangeSet.Of([R(Max - 0xFF, 0x80)]).Union(RangeSet.Of([R(Max - 0x7F, 0x80)]));

        Assert.Equal([R(Max - 0xFF, 0x100)], set.Ranges.ToArray());
        Assert.True(set.Ranges[0].ReachesTop);
        Assert.Equal(R(Max - 0xFF, 0x100), set.Span);
    }

    [Fact]
    public void Union_OfTheWholeSpace_ThrowsArgumentOutOfRange()
    {
        var low = RangeSet.Of([R(0, 0x8000_0000_0000_0000)]);
        var high = RangeSet.Of([R(0x8000_0000_0000_0000, 0x8000_0000_0000_0000)]);

        Assert.Throws<ArgumentOutOfRangeException>(() => low.Union(high));
    }

    [Fact]
    public void Span_FromZeroToTheTop_ThrowsInvalidOperation()
    {
        // Two ranges with a gap: a legal set whose span [0, 2^64) no range can describe.
        var set = RangeSet.Of([R(0, 1), R(2, Max - 1)]);

        Assert.Equal((UInt128)Max, set.TotalSize);
        Assert.Throws<InvalidOperationException>(() => set.Span);
        Assert.Throws<InvalidOperationException>(() => RangeSet.Empty.Span);
    }

    [Fact]
    public void DifferenceAndIntersection_AtTheTop_KeepTheLastAddress()
    {
        var set = RangeSet.Of([R(Max - 0xFF, 0x100)]);
        var cut = RangeSet.Of([R(Max - 0x8F, 0x10)]);

        Assert.Equal([R(Max - 0xFF, 0x70), R(Max - 0x7F, 0x80)], set.Difference(cut).Ranges.ToArray());
        Assert.Equal([R(Max - 0x8F, 0x10)], set.Intersection(cut).Ranges.ToArray());
        Assert.Equal([R(Max, 1)], set.Intersection(RangeSet.Of([R(Max, 1)])).Ranges.ToArray());
        Assert.True(set.Difference(cut).Ranges[^1].ReachesTop);
        Assert.True(set.Intersects(R(Max, 1)));
        Assert.True(set.Encloses(set.Difference(cut)));
        Assert.False(set.Difference(cut).Encloses(set));
    }

    [Fact]
    public void WholeAlignedBlocks_AtTheTop_CountsTheLastBlock()
    {
        const ulong M2 = 2UL << 20;

        // [2^64 - 4M - 64K, 2^64): the two 2M blocks below 2^64; the partial one below them does not count.
        var set = RangeSet.Of([R(Max - (2 * M2) - 0xFFFF, (2 * M2) + 0x1_0000)]);
        Assert.Equal(2UL, set.WholeAlignedBlocks(M2));
        Assert.Equal(2UL, set.WholeAlignedBlocks(M2, origin: 0x4000_0000));

        // Aligned 64K past the 2M boundaries, only the one block that fits between them counts.
        Assert.Equal(1UL, set.WholeAlignedBlocks(M2, origin: 0x1_0000));
        Assert.Equal(1UL, RangeSet.Of([R(0x8000_0000_0000_0000, 0x8000_0000_0000_0000)]).WholeAlignedBlocks(0x8000_0000_0000_0000));
        Assert.Equal(Max, RangeSet.Of([R(1, Max)]).WholeAlignedBlocks(1));
    }

    [Fact]
    public void WholeAlignedBlocks_ExtentsOffTheBlock_CountOnlyAlignedBlocksInside()
    {
        const ulong M512 = 512UL << 20;
        var set = RangeSet.Of([R(0, M512 + 0x1_0000), R(M512 + 0x2_0000, 3 * M512)]);

        // [0, 512M) counts; the second extent holds [1G, 2G) but not [512M, 1G) nor [2G, 2G + 128K).
        Assert.Equal(3UL, set.WholeAlignedBlocks(M512));
    }

    [Fact]
    public void Widen_NearTheTop_EndsAt2Pow64()
    {
        // Two bytes in neighbouring 64K granules: widened, they touch and merge into one range.
        var set = RangeSet.Of([R(Max, 1), R(Max - 0x1_0000, 1)]);

        Assert.Equal([R(Max - 0x1_FFFF, 0x2_0000)], set.Widen(0x1_0000, R(1, Max)).Ranges.ToArray());
        Assert.Equal([R(Max - 0x1_0000, 0x1_0001)], set.Widen(0x1_0000, R(Max - 0x1_0000, 0x1_0001)).Ranges.ToArray());
    }
}
