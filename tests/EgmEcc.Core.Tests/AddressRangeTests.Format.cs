namespace EgmEcc.Tests;

public partial class AddressRangeTests
{
    [Theory]
    [InlineData(0UL, 0UL, "[0x0, 0x0)")]
    [InlineData(0x1_0000UL, 0x1_0000UL, "[0x10000, 0x20000)")]
    [InlineData(0xABCD_0000UL, 0x10UL, "[0xabcd0000, 0xabcd0010)")]
    [InlineData(Max, 1UL, "[0xffffffffffffffff, 0x10000000000000000)")]
    [InlineData(1UL, Max, "[0x1, 0x10000000000000000)")]
    public void ToString_PrintsLowerCaseHalfOpenHex(ulong start, ulong size, string expected)
    {
        Assert.Equal(expected, R(start, size).ToString());
    }
}
