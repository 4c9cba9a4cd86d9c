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
}
