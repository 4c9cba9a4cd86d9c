namespace EgmEcc.Core.Tests;

/// <summary>
/// <see cref="DirectBootArea"/>: where a QEMU direct kernel boot writes (docs/design.md §4.5), and
/// the warning that fires exactly when a guest hole lies there.
/// </summary>
public class DirectBootAreaTests
{
    private const ulong Base = GuestLayout.VirtRamBase;
    private const ulong Page = 0x1000;
    private static readonly SourceLocation Here = SourceLocation.AtLine("regions.csv", 2);

    // 2 GiB of RAM: the initrd goes at base + 128 MiB, the area ends 128 MiB after that.
    private const ulong AreaEnd = Base + (256UL << 20);

    [Fact]
    public void For_LargeRam_IsInitrdOffsetLimitPlusAllowance() =>
        Assert.Equal(AddressRange.FromStartEnd(Base, AreaEnd), DirectBootArea.For(Base, 2UL << 30));

    [Fact]
    public void For_SmallRam_IsCutToRam()
    {
        Assert.Equal(AddressRange.FromBaseSize(Base, 256UL << 20), DirectBootArea.For(Base, 512UL << 20));
        Assert.Equal(AddressRange.FromBaseSize(Base, 200UL << 20), DirectBootArea.For(Base, 200UL << 20));
    }

    [Fact]
    public void For_RamReachingTheTop_EndsAt2To64()
    {
        var start = ulong.MaxValue - (64UL << 20) + 1;
        Assert.Equal(AddressRange.FromStartEnd(start, (UInt128)ulong.MaxValue + 1), DirectBootArea.For(start, 64UL << 20));
    }

    [Theory]
    [InlineData(Base - Base, true)] // the area's first page: the boot stub
    [InlineData(AreaEnd - Base - Page, true)] // the area's last page
    [InlineData(AreaEnd - Base, false)] // starts exactly where the area ends
    [InlineData(AreaEnd - Base + Page, false)]
    public void Warning_FiresExactlyWhenAHoleLiesInTheArea(ulong offset, bool warns)
    {
        var layout = Layout(offset);

        var warning = DirectBootArea.Warning(layout);

        Assert.Equal(warns, warning is not null);
        Assert.Equal(warns ? 1 : 0, DirectBootArea.HolesIn(layout).Length);
        if (warning is not null)
        {
            Assert.Equal(DiagnosticCodes.HoleInDirectBootArea, warning.Code);
            Assert.Equal(Severity.Warning, warning.Severity);
            Assert.Contains(AddressRange.FromBaseSize(Base + offset, Page).ToString(), warning.Message, StringComparison.Ordinal);
            Assert.Contains(AddressRange.FromStartEnd(Base, AreaEnd).ToString(), warning.Message, StringComparison.Ordinal);
            Assert.Contains("firmware", warning.Message, StringComparison.Ordinal);
        }
    }

    [Fact]
    public void Warning_HoleStraddlingTheAreaEnd_Fires()
    {
        var plan = Planner.Create(
            RegionSet.Create([new Region("egm0", 0, 0x20_0000_0000, 2UL << 30, Here)]),
            [RetiredRecord.InRegion("egm0", AreaEnd - Base - Page, 2 * Page, Here)],
            new PlanOptions(granule: Page, guestPage: Page));

        Assert.NotNull(DirectBootArea.Warning(GuestLayout.Create(plan)));
    }

    [Fact]
    public void Warning_NoHoles_IsNull() => Assert.Null(DirectBootArea.Warning(Layout(null)));

    private static GuestLayout Layout(ulong? holeOffset)
    {
        var plan = Planner.Create(
            RegionSet.Create([new Region("egm0", 0, 0x20_0000_0000, 2UL << 30, Here)]),
            holeOffset is { } o ? [RetiredRecord.InRegion("egm0", o, Page, Here)] : [],
            new PlanOptions(granule: Page, guestPage: Page));
        return GuestLayout.Create(plan);
    }
}
