using EgmEcc.Fleet;

namespace EgmEcc.Tests.Fleet;

public class VmShapeTests
{
    [Theory]
    [InlineData("2x200G@512M", 2, 200UL << 30, 512UL << 20)]
    [InlineData("200G@1G", 1, 200UL << 30, 1UL << 30)]
    [InlineData("4X16GiB@2M", 4, 16UL << 30, 2UL << 20)]
    public void TryParse_ValidShape_ReadsNodesSizeAndPage(string text, int nodes, ulong size, ulong page)
    {
        Assert.Null(VmShape.TryParse(text, out var shape));
        Assert.Equal(new VmShape(nodes, size, page), shape);
    }

    [Theory]
    [InlineData("2x200G")]
    [InlineData("0x200G@512M")]
    [InlineData("2x0@512M")]
    [InlineData("2x200G@500M")]
    [InlineData("twox200G@512M")]
    [InlineData("2x200Q@512M")]
    public void TryParse_BadShape_ReturnsErrorQuotingIt(string text)
    {
        var error = VmShape.TryParse(text, out var shape);
        Assert.Null(shape);
        Assert.Contains(text, error);
    }

    [Fact]
    public void ToString_RoundTrips()
    {
        var shape = new VmShape(2, 200UL << 30, 512UL << 20);
        Assert.Equal("2x200G@512M", shape.ToString());
        Assert.Null(VmShape.TryParse(shape.ToString(), out var again));
        Assert.Equal(shape, again);
    }

    [Theory]
    [InlineData(1024UL << 20, 512UL << 20, 2UL)]
    [InlineData((1024UL << 20) + 1, 512UL << 20, 3UL)]
    [InlineData(1UL, 512UL << 20, 1UL)]
    public void BlocksPerNode_RoundsUp(ulong nodeSize, ulong page, ulong blocks) =>
        Assert.Equal(blocks, new VmShape(1, nodeSize, page).BlocksPerNode);
}
