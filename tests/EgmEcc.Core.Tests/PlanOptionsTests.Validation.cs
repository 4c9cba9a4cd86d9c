namespace EgmEcc.Tests;

public partial class PlanOptionsTests
{
    [Fact]
    public void Default_Is64KEverywhereWithFourHugePageSizes()
    {
        var o = PlanOptions.Default;

        Assert.Equal((0x1_0000UL, 0x1_0000UL, 0x1_0000UL, 0x1_0000UL), (o.Granule, o.GuestPage, o.LayoutGranule, o.MinExtent));
        Assert.Equal([2UL << 20, 32UL << 20, 512UL << 20, 1UL << 30], o.HugePages.ToArray());
    }

    [Theory]
    [InlineData(4096UL, 65536UL, 65536UL)]
    [InlineData(65536UL, 4096UL, 65536UL)]
    [InlineData(2097152UL, 65536UL, 2097152UL)]
    public void MinExtent_DefaultsToTheLayoutGranule(ulong granule, ulong guestPage, ulong layout)
    {
        var o = new PlanOptions(granule, guestPage);

        Assert.Equal(layout, o.LayoutGranule);
        Assert.Equal(layout, o.MinExtent);
    }

    [Fact]
    public void HugePages_SortedAndDistinct()
    {
        Assert.Equal([1UL << 21, 1UL << 30], new PlanOptions(hugePages: [1UL << 30, 1UL << 21, 1UL << 30]).HugePages.ToArray());
        Assert.Empty(new PlanOptions(hugePages: []).HugePages);
    }

    [Theory]
    [InlineData(0UL, 65536UL, "--granule must be a power of two, not 0x0")]
    [InlineData(3UL, 65536UL, "--granule must be a power of two, not 0x3")]
    [InlineData(65536UL, 0x18000UL, "--guest-page must be a power of two, not 0x18000")]
    public void Constructor_NotAPowerOfTwo_Throws(ulong granule, ulong guestPage, string message)
    {
        var e = Assert.Throws<ArgumentOutOfRangeException>(() => new PlanOptions(granule, guestPage));

        Assert.StartsWith(message, e.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Constructor_HugePageNotAPowerOfTwo_Throws()
    {
        var e = Assert.Throws<ArgumentOutOfRangeException>(() => new PlanOptions(hugePages: [3UL << 20]));

        Assert.StartsWith("--huge-pages must be a power of two, not 0x300000", e.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Constructor_MinExtentZero_Throws()
    {
        var e = Assert.Throws<ArgumentOutOfRangeException>(() => new PlanOptions(minExtent: 0));

        Assert.StartsWith("--min-extent must be at least 1 byte", e.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Constructor_MinExtentNeedNotBeAPowerOfTwo()
    {
        Assert.Equal(0x3_0000UL, new PlanOptions(minExtent: 0x3_0000).MinExtent);
    }
}
