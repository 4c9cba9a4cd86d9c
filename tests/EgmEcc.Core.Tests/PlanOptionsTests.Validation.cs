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
    [InlineData(0UL, 65536UL, Setting.Granule, "the retirement granule must be a power of two, not 0")]
    [InlineData(3UL, 65536UL, Setting.Granule, "the retirement granule must be a power of two, not 3")]
    [InlineData(65536UL, 0x18000UL, Setting.GuestPage, "the guest page must be a power of two, not 96K")]
    public void Constructor_NotAPowerOfTwo_Throws(ulong granule, ulong guestPage, Setting setting, string message)
    {
        var e = Assert.Throws<SettingException>(() => new PlanOptions(granule, guestPage));

        Assert.Equal(setting, e.Setting);
        Assert.Equal(message, e.Message);
    }

    [Fact]
    public void Constructor_HugePageNotAPowerOfTwo_Throws()
    {
        var e = Assert.Throws<SettingException>(() => new PlanOptions(hugePages: [3UL << 20]));

        Assert.Equal("a hugepage size must be a power of two, not 3M", e.Message);
    }

    [Fact]
    public void Constructor_MinExtentZero_Throws()
    {
        var e = Assert.Throws<SettingException>(() => new PlanOptions(minExtent: 0));

        Assert.Equal("the minimum extent must be at least 1 byte", e.Message);
    }

    [Fact]
    public void Constructor_MinExtentNeedNotBeAPowerOfTwo()
    {
        Assert.Equal(0x3_0000UL, new PlanOptions(minExtent: 0x3_0000).MinExtent);
    }
}
