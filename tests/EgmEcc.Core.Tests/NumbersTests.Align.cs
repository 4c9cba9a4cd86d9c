namespace EgmEcc.Tests;

public partial class NumbersTests
{
    private const ulong K64 = 0x1_0000;

    [Theory]
    [InlineData(0UL, K64, 0UL)]
    [InlineData(1UL, K64, 0UL)]
    [InlineData(K64 - 1, K64, 0UL)]
    [InlineData(K64, K64, K64)]
    [InlineData(K64 + 1, K64, K64)]
    [InlineData(Max, K64, 0xFFFF_FFFF_FFFF_0000UL)]
    [InlineData(Max, 1UL, Max)]
    [InlineData(Max, 0x8000_0000_0000_0000UL, 0x8000_0000_0000_0000UL)]
    [InlineData(0x7FFF_FFFF_FFFF_FFFFUL, 0x8000_0000_0000_0000UL, 0UL)]
    public void AlignDown_Table(ulong value, ulong alignment, ulong expected)
    {
        Assert.Equal(expected, Numbers.AlignDown(value, alignment));
    }

    [Theory]
    [InlineData(0UL, K64, 0UL)]
    [InlineData(1UL, K64, K64)]
    [InlineData(K64, K64, K64)]
    [InlineData(K64 + 1, K64, 2 * K64)]
    [InlineData(0xFFFF_FFFF_FFFE_FFFFUL, K64, 0xFFFF_FFFF_FFFF_0000UL)]
    [InlineData(0xFFFF_FFFF_FFFF_0000UL, K64, 0xFFFF_FFFF_FFFF_0000UL)]
    // 2^64 is not representable: saturate at the top, callers clip to the region.
    [InlineData(0xFFFF_FFFF_FFFF_0001UL, K64, Max)]
    [InlineData(Max, K64, Max)]
    [InlineData(Max, 1UL, Max)]
    [InlineData(Max, 2UL, Max)]
    [InlineData(Max - 1, 2UL, Max - 1)]
    [InlineData(0x8000_0000_0000_0000UL, 0x8000_0000_0000_0000UL, 0x8000_0000_0000_0000UL)]
    [InlineData(0x8000_0000_0000_0001UL, 0x8000_0000_0000_0000UL, Max)]
    [InlineData(1UL, 0x8000_0000_0000_0000UL, 0x8000_0000_0000_0000UL)]
    public void AlignUpSaturating_Table(ulong value, ulong alignment, ulong expected)
    {
        Assert.Equal(expected, Numbers.AlignUpSaturating(value, alignment));
    }

    [Fact]
    public void AlignUpSaturating_AgreesWithExactArithmetic_ForEveryPowerOfTwo()
    {
        ulong[] values = [0, 1, 2, 3, 0xFFFF, 0x1_0000, 0x1_0001, Max / 2, (Max / 2) + 1, (Max / 2) + 2, Max - 0x1_0000, Max - 1, Max];
        for (var bit = 0; bit < 64; bit++)
        {
            var alignment = 1UL << bit;
            foreach (var value in values)
            {
                var exact = ((UInt128)value + alignment - 1) / alignment * alignment;
                var expected = exact > ulong.MaxValue ? ulong.MaxValue : (ulong)exact;
                Assert.Equal(expected, Numbers.AlignUpSaturating(value, alignment));
                Assert.Equal(value / alignment * alignment, Numbers.AlignDown(value, alignment));
            }
        }
    }

    [Theory]
    [InlineData(0UL, false)]
    [InlineData(1UL, true)]
    [InlineData(3UL, false)]
    [InlineData(K64, true)]
    [InlineData(0x8000_0000_0000_0000UL, true)]
    [InlineData(Max, false)]
    public void IsPowerOfTwo_Table(ulong value, bool expected)
    {
        Assert.Equal(expected, Numbers.IsPowerOfTwo(value));
    }

    [Theory]
    [InlineData(0UL, "0x0")]
    [InlineData(0xABCDUL, "0xabcd")]
    [InlineData(Max, "0xffffffffffffffff")]
    public void Hex_IsLowerCaseWithPrefix(ulong value, string expected)
    {
        Assert.Equal(expected, Numbers.Hex(value));
        Assert.Null(Numbers.TryParseUInt64(expected, out var back));
        Assert.Equal(value, back);
    }
}
