namespace EgmEcc.Tests;

public partial class AddressRangeTests
{
    private const ulong Max = ulong.MaxValue;
    private static readonly UInt128 Top = (UInt128)ulong.MaxValue + 1;

    [Theory]
    [InlineData(0UL, 0UL)]
    [InlineData(0UL, Max)]
    [InlineData(1UL, Max)]
    [InlineData(Max, 1UL)]
    [InlineData(Max, 0UL)]
    [InlineData(0x8000_0000_0000_0000UL, 0x8000_0000_0000_0000UL)]
    public void FromBaseSize_EndingAtOrBelowTop_IsAccepted(ulong start, ulong size)
    {
        var range = AddressRange.FromBaseSize(start, size);

        Assert.Equal(start, range.Start);
        Assert.Equal(size, range.Size);
        Assert.Equal((UInt128)start + size, range.End);
        Assert.True(range.End <= Top);
    }

    [Theory]
    [InlineData(2UL, Max)]
    [InlineData(Max, 2UL)]
    [InlineData(Max, Max)]
    [InlineData(0x8000_0000_0000_0001UL, 0x8000_0000_0000_0000UL)]
    public void FromBaseSize_OnePastTop_Throws(ulong start, ulong size)
    {
        var e = Assert.Throws<ArgumentOutOfRangeException>(() => AddressRange.FromBaseSize(start, size));

        Assert.Equal("size", e.ParamName);
        Assert.StartsWith($"a range of 0x{size:x} bytes at 0x{start:x} would end beyond 2^64", e.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData(0UL, Max, true)]
    [InlineData(1UL, Max, true)]
    [InlineData(2UL, Max, false)]
    [InlineData(Max, 0UL, true)]
    [InlineData(Max, 1UL, true)]
    [InlineData(Max, 2UL, false)]
    [InlineData(0UL, 0UL, true)]
    public void FitsAt_AtTheTop_AllowsEndExactly2Pow64(ulong start, ulong size, bool fits)
    {
        Assert.Equal(fits, AddressRange.FitsAt(start, size));
    }

    [Fact]
    public void FromStartEnd_EndAt2Pow64_ReachesTop()
    {
        var range = AddressRange.FromStartEnd(0xFFFF_FFFF_FFFF_0000, Top);

        Assert.Equal(0x1_0000UL, range.Size);
        Assert.Equal(Top, range.End);
        Assert.Equal(Max, range.Last);
        Assert.True(range.ReachesTop);
    }

    [Fact]
    public void FromStartEnd_WholeSpace_ThrowsArgumentOutOfRange()
    {
        // Regression: [0, 2^64) has 2^64 addresses, one more than a u64 size holds; the size
        // conversion used to throw OverflowException (a bug, by the overflow-check convention).
        var e = Assert.Throws<ArgumentOutOfRangeException>(() => AddressRange.FromStartEnd(0, Top));

        Assert.Equal("end", e.ParamName);
        Assert.StartsWith("the whole space [0x0, 2^64) holds 2^64 addresses", e.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void FromStartEnd_EndOnePastTop_Throws()
    {
        var e = Assert.Throws<ArgumentOutOfRangeException>(() => AddressRange.FromStartEnd(1, Top + 1));

        Assert.Equal("end", e.ParamName);
        Assert.StartsWith("end 0x10000000000000001 must lie in [0x1, 2^64]", e.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void FromStartEnd_EndBeforeStart_Throws()
    {
        var e = Assert.Throws<ArgumentOutOfRangeException>(() => AddressRange.FromStartEnd(0x10, 0xf));

        Assert.StartsWith("end 0xf must lie in [0x10, 2^64]", e.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void FromStartEnd_EndEqualsStart_IsEmpty()
    {
        var range = AddressRange.FromStartEnd(0x10, 0x10);

        Assert.True(range.IsEmpty);
        Assert.Equal(0x10UL, range.Start);
    }

    [Fact]
    public void Last_EmptyRange_Throws()
    {
        Assert.Throws<InvalidOperationException>(() => AddressRange.FromBaseSize(5, 0).Last);
    }

    [Theory]
    [InlineData(0UL, 1UL, 0UL)]
    [InlineData(0x1000UL, 0x1000UL, 0x1fffUL)]
    [InlineData(Max, 1UL, Max)]
    [InlineData(1UL, Max, Max)]
    public void Last_NonEmpty_IsInclusiveEnd(ulong start, ulong size, ulong last)
    {
        Assert.Equal(last, AddressRange.FromBaseSize(start, size).Last);
    }

    [Theory]
    [InlineData(Max, 1UL, true)]
    [InlineData(1UL, Max, true)]
    [InlineData(0UL, Max, false)]
    [InlineData(Max, 0UL, false)]
    [InlineData(0UL, 0UL, false)]
    public void ReachesTop_Boundaries(ulong start, ulong size, bool reaches)
    {
        Assert.Equal(reaches, AddressRange.FromBaseSize(start, size).ReachesTop);
    }

    [Fact]
    public void Default_IsEmptyAtZero()
    {
        AddressRange range = default;

        Assert.True(range.IsEmpty);
        Assert.Equal(0UL, range.Start);
        Assert.Equal(AddressRange.FromBaseSize(0, 0), range);
    }

    [Fact]
    public void Equals_SameStartAndSize_AreEqualWithSameHash()
    {
        var a = AddressRange.FromBaseSize(0x10, 0x20);
        var b = AddressRange.FromStartEnd(0x10, 0x30);

        Assert.True(a == b);
        Assert.False(a != b);
        Assert.True(a.Equals((object)b));
        Assert.Equal(a.GetHashCode(), b.GetHashCode());
        Assert.NotEqual(a, AddressRange.FromBaseSize(0x10, 0x21));
        Assert.NotEqual(AddressRange.FromBaseSize(1, 0), AddressRange.FromBaseSize(2, 0));
    }
}
