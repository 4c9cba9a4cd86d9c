namespace EgmEcc.Tests;

public partial class GuestLayoutTests
{
    private static readonly SourceLocation Here = SourceLocation.AtLine("test", 1);

    private static Plan PlanOf(Region[] regions, params RetiredRecord[] records) =>
        Planner.Create(RegionSet.Create(regions), records, PlanOptions.Default);

    [Fact]
    public void Create_TwoRegions_OrdersNodesByPxmFromGuestBase()
    {
        var plan = PlanOf(
        [
            new Region("egm4", 4, 0x100_0000_0000, 0x4000_0000, Here),
            new Region("egm0", 0, 0x20_0000_0000, 0x8000_0000, Here),
        ]);

        var layout = GuestLayout.Create(plan);

        Assert.Equal(["egm0", "egm4"], layout.Nodes.Select(n => n.Region.Region.Id).ToArray());
        Assert.Equal([0, 1], layout.Nodes.Select(n => n.NodeId).ToArray());
        Assert.Equal(AddressRange.FromBaseSize(0x4000_0000, 0x8000_0000), layout.Nodes[0].Span);
        Assert.Equal(AddressRange.FromBaseSize(0xc000_0000, 0x4000_0000), layout.Nodes[1].Span);
        Assert.Equal((UInt128)0xc000_0000, layout.TotalBytes);
    }

    [Fact]
    public void Create_HoleInRegion_SplitsNodeMemoryAroundReservedPiece()
    {
        var plan = PlanOf([new Region("egm0", 0, 0x20_0000_0000, 0x10_0000, Here)], RetiredRecord.InRegion("egm0", 0x4_0000, 0, Here));

        var node = Assert.Single(GuestLayout.Create(plan, 0x1000_0000).Nodes);

        Assert.Equal([AddressRange.FromBaseSize(0x1000_0000, 0x4_0000), AddressRange.FromBaseSize(0x1005_0000, 0xb_0000)], node.Memory.ToArray());
        Assert.Equal([AddressRange.FromBaseSize(0x1004_0000, 0x1_0000)], node.Reserved.ToArray());
        Assert.Equal(node.Span.Size, node.MemoryBytes + node.ReservedBytes);
    }

    [Fact]
    public void Create_GuestSize_ClipsNodeAndLaysNextNodeAfterIt()
    {
        var plan = PlanOf(
        [
            new Region("egm0", 0, 0x20_0000_0000, 0x10_0000, Here, guestSize: 0x8_0000),
            new Region("egm1", 1, 0x40_0000_0000, 0x10_0000, Here),
        ],
        RetiredRecord.InRegion("egm0", 0x7_0000, 0, Here),
        RetiredRecord.InRegion("egm0", 0x9_0000, 0, Here));

        var layout = GuestLayout.Create(plan);

        Assert.Equal(AddressRange.FromBaseSize(0x4000_0000, 0x8_0000), layout.Nodes[0].Span);
        Assert.Equal([AddressRange.FromBaseSize(0x4000_0000, 0x7_0000)], layout.Nodes[0].Memory.ToArray());
        Assert.Equal([AddressRange.FromBaseSize(0x4007_0000, 0x1_0000)], layout.Nodes[0].Reserved.ToArray());
        Assert.Equal(0x4008_0000UL, layout.Nodes[1].Span.Start);
    }

    [Fact]
    public void Create_WholeRegionRetired_NodeHasNoMemoryOnlyReserved()
    {
        var plan = PlanOf([new Region("egm0", 0, 0x20_0000_0000, 0x2_0000, Here)], RetiredRecord.InRegion("egm0", 0, 0x2_0000, Here));

        var node = Assert.Single(GuestLayout.Create(plan).Nodes);

        Assert.Empty(node.Memory);
        Assert.Equal([node.Span], node.Reserved.ToArray());
    }

    [Fact]
    public void Create_SeveralHosts_Throws()
    {
        var plan = PlanOf(
        [
            new Region("egm0", 0, 0x20_0000_0000, 0x10_0000, Here, host: "a"),
            new Region("egm0", 0, 0x20_0000_0000, 0x10_0000, Here, host: "b"),
        ]);

        var e = Assert.Throws<SettingException>(() => GuestLayout.Create(plan));
        Assert.Equal(Setting.OutputFormat, e.Setting);
        Assert.Contains("'a', 'b'", e.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Create_GuestBaseTooHigh_ThrowsInsteadOfWrapping()
    {
        var plan = PlanOf([new Region("egm0", 0, 0x20_0000_0000, 0x10_0000, Here)]);

        Assert.Equal(Setting.GuestBase, Assert.Throws<SettingException>(() => GuestLayout.Create(plan, ulong.MaxValue - 0xf_ffff + 0x1_0000)).Setting);
        Assert.Equal(ulong.MaxValue, GuestLayout.Create(plan, ulong.MaxValue - 0xf_ffff).Nodes[0].Span.Last);
    }
}
