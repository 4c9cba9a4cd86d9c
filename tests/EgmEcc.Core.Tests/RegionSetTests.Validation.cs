namespace EgmEcc.Tests;

public partial class RegionSetTests
{
    private const ulong G = 1UL << 30;

    private static SourceLocation Line(long line) => SourceLocation.AtLine("regions.csv", line);

    [Fact]
    public void Create_SameIdSameExtents_KeepsOne()
    {
        // Firmware repeats a socket's properties for every GPU on it.
        var set = RegionSet.Create([
            new Region("egm4", 4, 0x40 * G, 16 * G, Line(2)),
            new Region("egm4", 4, 0x40 * G, 16 * G, Line(3)),
            new Region("egm4", 4, 0x40 * G, 16 * G, Line(4)),
        ]);

        var region = Assert.Single(set.Regions);
        Assert.Equal(Line(2), region.Source);
    }

    [Fact]
    public void Create_SameIdOtherExtents_ThrowsNamingBothLocations()
    {
        var e = Assert.Throws<InputException>(() => RegionSet.Create([
            new Region("egm4", 4, 0x40 * G, 16 * G, Line(2)),
            new Region("egm4", 4, 0x40 * G, 8 * G, Line(5)),
        ]));

        Assert.Equal(Line(5), e.Location);
        Assert.Equal("region 'egm4' is defined again with other extents: (node 4, [0x1000000000, 0x1200000000)) here, (node 4, [0x1000000000, 0x1400000000)) at regions.csv:2", e.Message);
    }

    [Fact]
    public void Create_SameIdOtherExtentsOnAHost_NamesTheHost()
    {
        var e = Assert.Throws<InputException>(() => RegionSet.Create([
            new Region("egm4", 4, 0x40 * G, 16 * G, Line(2), "gb200-a"),
            new Region("egm4", 5, 0x80 * G, 16 * G, Line(3), "gb200-a"),
        ]));

        Assert.StartsWith("region 'egm4' of host 'gb200-a' is defined again with other extents:", e.Message, StringComparison.Ordinal);
        Assert.EndsWith("at regions.csv:2", e.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Create_SamePxmOtherExtents_ThrowsNamingBothLocations()
    {
        var e = Assert.Throws<InputException>(() => RegionSet.Create([
            new Region("a", 4, 0x40 * G, 16 * G, Line(2)),
            new Region("b", 4, 0x80 * G, 16 * G, Line(9)),
        ]));

        Assert.Equal(Line(9), e.Location);
        Assert.Equal("PXM 4 is defined again as region 'b' (node 4, [0x2000000000, 0x2400000000)); it is already region 'a' (node 4, [0x1000000000, 0x1400000000)) at regions.csv:2", e.Message);
    }

    [Fact]
    public void Create_SameIdOrPxmOnDifferentHosts_IsAllowed()
    {
        var set = RegionSet.Create([
            new Region("egm4", 4, 0x40 * G, 16 * G, Line(2), "h1"),
            new Region("egm4", 4, 0x80 * G, 8 * G, Line(3), "h2"),
        ]);

        Assert.Equal(2, set.Regions.Length);
        Assert.Equal(["h1", "h2"], set.Hosts.ToArray());
    }

    [Fact]
    public void Create_SameSpaOnTwoHosts_IsAllowed()
    {
        var set = RegionSet.Create([
            new Region("egm0", 0, 0x40 * G, 16 * G, Line(2), "h2"),
            new Region("egm0", 0, 0x40 * G, 16 * G, Line(3), "h1"),
        ]);

        Assert.Equal(["h1", "h2"], set.Regions.Select(r => r.Host).ToArray());
    }

    [Theory]
    [InlineData(0x40UL, 0x4FUL)]
    [InlineData(0x4FUL, 0x1UL)]
    [InlineData(0x30UL, 0x11UL)]
    [InlineData(0x30UL, 0x40UL)]
    [InlineData(0x44UL, 0x2UL)]
    public void Create_OverlapWithinAHost_ThrowsAtTheLaterLine(ulong baseG, ulong sizeG)
    {
        var e = Assert.Throws<InputException>(() => RegionSet.Create([
            new Region("egm0", 0, 0x40 * G, 16 * G, Line(2)),
            new Region("egm1", 1, baseG * G, sizeG * G, Line(3)),
        ]));

        Assert.Equal(Line(3), e.Location);
        Assert.Equal($"region 'egm1' (node 1, {AddressRange.FromBaseSize(baseG * G, sizeG * G)}) overlaps region 'egm0' (node 0, [0x1000000000, 0x1400000000)) at regions.csv:2", e.Message);
    }

    [Fact]
    public void Create_OverlapWithLowerBaseOnALaterLine_BlamesTheLaterLine()
    {
        // Regression: the later of two overlapping regions was chosen by comparing locations as
        // strings, so line 10 sorted before line 9 and line 9 was blamed.
        var e = Assert.Throws<InputException>(() => RegionSet.Create([
            new Region("egm1", 1, 0x48 * G, 16 * G, Line(9)),
            new Region("egm0", 0, 0x40 * G, 16 * G, Line(10)),
        ]));

        Assert.Equal(Line(10), e.Location);
        Assert.StartsWith("region 'egm0' (node 0, [0x1000000000, 0x1400000000)) overlaps region 'egm1'", e.Message, StringComparison.Ordinal);
        Assert.EndsWith("at regions.csv:9", e.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData(0x50UL)]
    [InlineData(0x30UL)]
    public void Create_TouchingRegions_AreNotOverlapping(ulong baseG)
    {
        var set = RegionSet.Create([
            new Region("egm0", 0, 0x40 * G, 16 * G, Line(2)),
            new Region("egm1", 1, baseG * G, 16 * G, Line(3)),
        ]);

        Assert.Equal(2, set.Regions.Length);
    }

    [Fact]
    public void Create_RegionsAtTheTopOfTheSpace_AreAccepted()
    {
        var set = RegionSet.Create([
            new Region("top", 1, ulong.MaxValue - 0xFFFF, 0x1_0000, Line(2)),
            new Region("below", 0, ulong.MaxValue - 0x1_FFFF, 0x1_0000, Line(3)),
        ]);

        Assert.Equal(["below", "top"], set.Regions.Select(r => r.Id).ToArray());
    }

    [Fact]
    public void Create_NoRegions_IsEmpty()
    {
        var set = RegionSet.Create([]);

        Assert.Empty(set.Regions);
        Assert.Empty(set.Hosts);
        Assert.Equal(-1, set.IndexContaining(string.Empty, 0));
    }
}
