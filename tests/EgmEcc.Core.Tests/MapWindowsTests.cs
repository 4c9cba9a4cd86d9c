namespace EgmEcc.Tests;

public partial class MapWindowsTests
{
    private static readonly SourceLocation Here = SourceLocation.AtLine("test", 1);

    private static RegionPlan RegionWith(ulong size, params ulong[] retiredOffsets) =>
        Planner.Create(
            RegionSet.Create([new Region("egm0", 0, 0x20_0000_0000, size, Here)]),
            retiredOffsets.Select(o => RetiredRecord.InRegion("egm0", o, 0, Here)).ToArray(),
            PlanOptions.Default).Regions[0];

    [Fact]
    public void Create_ExtentNotAligned_RoundsStartUpAndEndDown()
    {
        var region = RegionWith(0x80_0000, 0x0, 0x61_0000);

        var windows = MapWindows.Create(region, 0x20_0000);

        // Extents [0x10000, 0x610000) and [0x620000, 0x800000): windows [0x200000, 0x600000), none in the second.
        Assert.Equal([AddressRange.FromBaseSize(0x20_0000, 0x40_0000)], windows.Windows.ToArray());
        Assert.Equal(0x80_0000UL - 0x2_0000, windows.UsableBytes);
        Assert.Equal(windows.UsableBytes - 0x40_0000, windows.UnmappedBytes);
    }

    [Fact]
    public void Create_AlignmentNotPowerOfTwo_ThrowsNamingTheMapAlignment()
    {
        var e = Assert.Throws<SettingException>(() => MapWindows.Create(RegionWith(0x10_0000), 0x3_0000));

        Assert.Equal(Setting.MapAlign, e.Setting);
        Assert.Equal("the map alignment must be a power of two, not 192K", e.Message);
    }

    [Fact]
    public void CreateDefault_OneHoleInGigabyte_PicksLargestSizeKeepingNinetyPercent()
    {
        // 4 GiB with one retired page at 1.5 GiB: 1G blocks keep 3 of 4 (75%), 512M keep 7 of 8 (87.5%),
        // 32M keep 127 of 128 (99.2%): 32M is the largest that keeps 90%.
        var region = RegionWith(0x1_0000_0000, 0x6000_0000);

        var windows = MapWindows.CreateDefault(region, PlanOptions.DefaultHugePages, PlanOptions.Page64K);

        Assert.Equal(32UL << 20, windows.Alignment);
    }

    [Fact]
    public void CreateDefault_NoSizeKeepsNinetyPercent_FallsBackToGranule()
    {
        // 64K holes every 2M leave no 2M block whole.
        var offsets = Enumerable.Range(0, 8).Select(i => ((ulong)i * 0x20_0000) + 0x10_0000).ToArray();
        var region = RegionWith(0x100_0000, offsets);

        var windows = MapWindows.CreateDefault(region, PlanOptions.DefaultHugePages, PlanOptions.Page64K);

        Assert.Equal(PlanOptions.Page64K, windows.Alignment);
        Assert.Equal(0UL, windows.UnmappedBytes);
        Assert.Equal(region.Usable.ToArray(), windows.Windows.ToArray());
    }

    [Fact]
    public void Create_RegionReachingTopOfSpace_DoesNotOverflow()
    {
        var top = Planner.Create(
            RegionSet.Create([new Region("egm0", 0, 0xffff_ffff_0000_0000, 0xffff_ffff, Here)]),
            [],
            PlanOptions.Default).Regions[0];

        var windows = MapWindows.Create(top, 0x4000_0000);

        Assert.Equal(0xc000_0000UL, windows.MappedBytes);
        Assert.Equal(0x3fff_ffffUL, windows.UnmappedBytes);
    }
}
