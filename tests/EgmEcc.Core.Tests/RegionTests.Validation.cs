namespace EgmEcc.Tests;

public partial class RegionTests
{
    private const ulong Max = ulong.MaxValue;
    private static readonly SourceLocation At = SourceLocation.AtLine("regions.csv", 7);

    [Fact]
    public void Constructor_ValidRegion_KeepsEverything()
    {
        var region = new Region("egm4", 4, 0x40_0000_0000, 0x10_0000_0000, At, "h1", 0x8_0000_0000) { RetiredTableBases = [0x1000] };

        Assert.Equal(("egm4", 4, 0x40_0000_0000UL, 0x10_0000_0000UL, "h1", (ulong?)0x8_0000_0000UL, 0x1000UL), (region.Id, region.Node, region.Base, region.Size, region.Host, region.GuestSize, Assert.Single(region.RetiredTableBases)));
        Assert.Equal(At, region.Source);
        Assert.Equal(AddressRange.FromBaseSize(0x40_0000_0000, 0x10_0000_0000), region.Extent);
        Assert.Equal("/dev/egm4", region.DevicePath);
        Assert.Equal("egm4", Region.DefaultId(4));
    }

    [Fact]
    public void Constructor_SizeZero_ThrowsInputExceptionAtSource()
    {
        var e = Assert.Throws<InputException>(() => new Region("egm0", 0, 0x1000, 0, At));

        Assert.Equal(At, e.Location);
        Assert.Equal("region 'egm0' has size 0", e.Message);
        Assert.Equal("regions.csv:7: region 'egm0' has size 0", e.ToString());
    }

    [Theory]
    [InlineData(Max, 2UL)]
    [InlineData(2UL, Max)]
    [InlineData(0xFFFF_FFFF_0000_0000UL, 0x1_0000_0001UL)]
    public void Constructor_EndBeyond2Pow64_ThrowsInputException(ulong @base, ulong size)
    {
        var e = Assert.Throws<InputException>(() => new Region("egm0", 0, @base, size, At));

        Assert.Equal(At, e.Location);
        Assert.Equal($"region 'egm0' at 0x{@base:x} with size 0x{size:x} would end beyond 2^64", e.Message);
    }

    [Theory]
    [InlineData(Max, 1UL)]
    [InlineData(1UL, Max)]
    [InlineData(0xFFFF_FFFF_0000_0000UL, 0x1_0000_0000UL)]
    public void Constructor_EndingExactlyAt2Pow64_IsAccepted(ulong @base, ulong size)
    {
        var region = new Region("egm0", 0, @base, size, At);

        Assert.True(region.Extent.ReachesTop);
    }

    [Theory]
    [InlineData(0UL)]
    [InlineData(0x1_0001UL)]
    public void Constructor_GuestSizeZeroOrLargerThanRegion_ThrowsInputException(ulong guestSize)
    {
        var e = Assert.Throws<InputException>(() => new Region("egm0", 0, 0, 0x1_0000, At, guestSize: guestSize));

        Assert.Equal($"region 'egm0' has guest size 0x{guestSize:x}; it must be in [1, 0x10000], the region's size", e.Message);
    }

    [Theory]
    [InlineData(1UL)]
    [InlineData(0x1_0000UL)]
    public void Constructor_GuestSizeWithinRegion_IsAccepted(ulong guestSize)
    {
        Assert.Equal(guestSize, new Region("egm0", 0, 0, 0x1_0000, At, guestSize: guestSize).GuestSize);
    }

    [Fact]
    public void Constructor_NegativeNode_ThrowsInputException()
    {
        var e = Assert.Throws<InputException>(() => new Region("egm0", -1, 0, 0x1_0000, At));

        Assert.Equal("region 'egm0' has a negative node (PXM) -1", e.Message);
    }

    [Theory]
    [InlineData("")]
    [InlineData(" ")]
    public void Constructor_BlankId_ThrowsInputExceptionAtSource(string id)
    {
        // Ids come from input (a plan's "id": ""); a blank one is the input's fault, reported at its line.
        var e = Assert.Throws<InputException>(() => new Region(id, 0, 0, 0x1_0000, At));

        Assert.Equal("regions.csv:7: a region has an empty id", e.ToString());
    }

    [Theory]
    [InlineData("egm\u001b[2J", "", "regions.csv:7: region id 'egm\\x1b[2J' holds the control character U+001B; names are printable text")]
    [InlineData("egm0\n", "", "regions.csv:7: region id 'egm0\\n' holds the control character U+000A; names are printable text")]
    [InlineData("egm0", "host\u0085", "regions.csv:7: host name 'host\\x85' holds the control character U+0085; names are printable text")]
    [InlineData("egm0", "h\u007f", "regions.csv:7: host name 'h\\x7f' holds the control character U+007F; names are printable text")]
    public void Constructor_ControlCharacterInIdOrHost_ThrowsInputExceptionAtSource(string id, string host, string expected)
    {
        var e = Assert.Throws<InputException>(() => new Region(id, 0, 0, 0x1_0000, At, host));

        Assert.Equal(expected, e.ToString());
    }

    [Theory]
    [InlineData("egm0")]
    [InlineData("gpu-socket 0 (é, 中)")]
    public void NameProblem_PrintableName_IsNull(string name)
    {
        Assert.Null(Region.NameProblem(name));
    }

    [Fact]
    public void SameExtentAs_ComparesHostNodeBaseSizeAndGuestSize_NotSource()
    {
        var a = new Region("a", 0, 0x1000, 0x1000, At, "h", 0x800);

        Assert.True(a.SameExtentAs(new Region("b", 0, 0x1000, 0x1000, SourceLocation.AtLine("x", 1), "h", 0x800)));
        Assert.False(a.SameExtentAs(new Region("a", 1, 0x1000, 0x1000, At, "h", 0x800)));
        Assert.False(a.SameExtentAs(new Region("a", 0, 0x2000, 0x1000, At, "h", 0x800)));
        Assert.False(a.SameExtentAs(new Region("a", 0, 0x1000, 0x2000, At, "h", 0x800)));
        Assert.False(a.SameExtentAs(new Region("a", 0, 0x1000, 0x1000, At, "g", 0x800)));
        Assert.False(a.SameExtentAs(new Region("a", 0, 0x1000, 0x1000, At, "h")));
    }
}
