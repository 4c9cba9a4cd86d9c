namespace EgmEcc.Tests;

public partial class NumbersTests
{
    private const ulong Max = ulong.MaxValue;

    [Theory]
    [InlineData("0", 0UL)]
    [InlineData("65536", 65536UL)]
    [InlineData("0x10000", 0x10000UL)]
    [InlineData("0X10000", 0x10000UL)]
    [InlineData("0xabcDEF", 0xabcdefUL)]
    [InlineData("0x0", 0UL)]
    [InlineData("007", 7UL)]
    [InlineData("+5", 5UL)]
    [InlineData("  42\t", 42UL)]
    [InlineData("1_000_000", 1_000_000UL)]
    [InlineData("0x1_0000", 0x1_0000UL)]
    [InlineData("0xffff_ffff_ffff_ffff", Max)]
    [InlineData("18446744073709551615", Max)]
    [InlineData("18_446_744_073_709_551_615", Max)]
    [InlineData("0x0000000000000000ffffffffffffffff", Max)]
    public void TryParseUInt64_Accepted(string text, ulong expected)
    {
        Assert.Null(Numbers.TryParseUInt64(text, out var value));
        Assert.Equal(expected, value);
    }

    [Theory]
    [InlineData("64K", 64UL << 10)]
    [InlineData("64k", 64UL << 10)]
    [InlineData("64KiB", 64UL << 10)]
    [InlineData("64kib", 64UL << 10)]
    [InlineData("64KIB", 64UL << 10)]
    [InlineData("512M", 512UL << 20)]
    [InlineData("512MiB", 512UL << 20)]
    [InlineData("512mib", 512UL << 20)]
    [InlineData("1G", 1UL << 30)]
    [InlineData("1GiB", 1UL << 30)]
    [InlineData("1g", 1UL << 30)]
    [InlineData("3T", 3UL << 40)]
    [InlineData("3TiB", 3UL << 40)]
    [InlineData("3t", 3UL << 40)]
    [InlineData("64 K", 64UL << 10)]
    [InlineData(" 64KiB ", 64UL << 10)]
    [InlineData("0x10K", 0x10UL << 10)]
    [InlineData("1_024K", 1024UL << 10)]
    [InlineData("0K", 0UL)]
    [InlineData("16777215T", 16777215UL << 40)]
    [InlineData("17179869183G", 17179869183UL << 30)]
    [InlineData("65536", 65536UL)]
    [InlineData("18446744073709551615", Max)]
    public void TryParseSize_Accepted(string text, ulong expected)
    {
        Assert.Null(Numbers.TryParseSize(text, out var value));
        Assert.Equal(expected, value);
    }

    [Theory]
    [InlineData("")]
    [InlineData("   ")]
    [InlineData("\t")]
    public void TryParse_Empty_SaysFoundNothing(string text)
    {
        Assert.Equal("expected a number, found nothing", Numbers.TryParseUInt64(text, out var value));
        Assert.Equal(0UL, value);
        Assert.Equal("expected a number, found nothing", Numbers.TryParseSize(text, out _));
    }

    [Theory]
    [InlineData("-1", "'-1' is negative; addresses and sizes are unsigned")]
    [InlineData("-0", "'-0' is negative; addresses and sizes are unsigned")]
    [InlineData(" -0x10 ", "'-0x10' is negative; addresses and sizes are unsigned")]
    [InlineData("18446744073709551616", "'18446744073709551616' does not fit in 64 bits")]
    [InlineData("99999999999999999999", "'99999999999999999999' does not fit in 64 bits")]
    [InlineData("0x1_0000_0000_0000_0000", "'0x1_0000_0000_0000_0000' does not fit in 64 bits")]
    [InlineData("0xZZ", "'0xZZ' is not a hexadecimal number")]
    [InlineData("0x", "'0x' is not a number (use decimal or 0x hexadecimal)")]
    [InlineData("0xg", "'0xg' is not a hexadecimal number")]
    [InlineData("0x_10", "'0x_10' is not a hexadecimal number")]
    [InlineData("0x10_", "'0x10_' is not a hexadecimal number")]
    [InlineData("0x1__0", "'0x1__0' is not a hexadecimal number")]
    [InlineData("_10", "'_10' is not a number (use decimal or 0x hexadecimal)")]
    [InlineData("10_", "'10_' is not a number (use decimal or 0x hexadecimal)")]
    [InlineData("1__0", "'1__0' is not a number (use decimal or 0x hexadecimal)")]
    [InlineData("_", "'_' is not a number (use decimal or 0x hexadecimal)")]
    [InlineData("abc", "'abc' is not a number (use decimal or 0x hexadecimal)")]
    [InlineData("12ab", "'12ab' is not a number (use decimal or 0x hexadecimal)")]
    [InlineData("1e3", "'1e3' is not a number (use decimal or 0x hexadecimal)")]
    [InlineData("1 2", "'1 2' is not a number (use decimal or 0x hexadecimal)")]
    [InlineData("+", "'+' is not a number (use decimal or 0x hexadecimal)")]
    [InlineData("64K", "'64K' is not a number (use decimal or 0x hexadecimal)")]
    [InlineData("1.5", "'1.5' is not a number (use decimal or 0x hexadecimal)")]
    public void TryParseUInt64_Rejected_ExactErrorText(string text, string error)
    {
        Assert.Equal(error, Numbers.TryParseUInt64(text, out var value));
        Assert.Equal(0UL, value);
    }

    [Theory]
    [InlineData("64X", "'64X' has an unknown size suffix (use K, M, G, T or KiB, MiB, GiB, TiB)")]
    [InlineData("64KB", "'64KB' has an unknown size suffix (use K, M, G, T or KiB, MiB, GiB, TiB)")]
    [InlineData("64B", "'64B' has an unknown size suffix (use K, M, G, T or KiB, MiB, GiB, TiB)")]
    [InlineData("1P", "'1P' has an unknown size suffix (use K, M, G, T or KiB, MiB, GiB, TiB)")]
    [InlineData("1PiB", "'1PiB' has an unknown size suffix (use K, M, G, T or KiB, MiB, GiB, TiB)")]
    [InlineData("K", "'K' is not a number (use decimal or 0x hexadecimal)")]
    [InlineData("KiB", "'KiB' is not a number (use decimal or 0x hexadecimal)")]
    [InlineData("-64K", "'-64K' is negative; addresses and sizes are unsigned")]
    [InlineData("16777216T", "'16777216T' does not fit in 64 bits")]
    [InlineData("17179869184G", "'17179869184G' does not fit in 64 bits")]
    [InlineData("18014398509481984K", "'18014398509481984K' does not fit in 64 bits")]
    [InlineData("0x1_0000_0000_0000T", "'0x1_0000_0000_0000T' does not fit in 64 bits")]
    [InlineData("0xZK", "'0xZK' is not a hexadecimal number")]
    [InlineData("1.5G", "'1.5G' is not a number (use decimal or 0x hexadecimal)")]
    // Regression: a known suffix after a bad number was reported as an unknown suffix.
    [InlineData("1_K", "'1_K' is not a number (use decimal or 0x hexadecimal)")]
    [InlineData("1__0K", "'1__0K' is not a number (use decimal or 0x hexadecimal)")]
    [InlineData("_1K", "'_1K' is not a number (use decimal or 0x hexadecimal)")]
    public void TryParseSize_Rejected_ExactErrorText(string text, string error)
    {
        Assert.Equal(error, Numbers.TryParseSize(text, out var value));
        Assert.Equal(0UL, value);
    }
}
