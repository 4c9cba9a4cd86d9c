namespace EgmEcc.Tests;

public partial class RegionPlanTests
{
    [Fact]
    public void Hole_Range_IsOffsetAndSize()
    {
        Assert.Equal(AddressRange.FromBaseSize(0x1_0000, 0x2_0000), new Hole(0x1_0000, 0x2_0000, 0x1_0000, 0x1_0000).Range);
    }

    [Fact]
    public void HugePageCapacity_Lost_IsIdealMinusCount()
    {
        Assert.Equal(3UL, new HugePageCapacity(2UL << 20, 5, 8).Lost);
    }

    [Fact]
    public void UsableSetAndAddressOf_FollowTheRegion()
    {
        var region = new Region("egm0", 0, 0x4000_0000, 0x40_0000, SourceLocation.AtLine("r", 2));
        var plan = Planner.Create(RegionSet.Create([region]), [RetiredRecord.AtAddress(0x4010_0000, 0, SourceLocation.AtLine("x", 1))], PlanOptions.Default).Regions[0];

        Assert.Equal(0x4010_0000UL, plan.AddressOf(0x10_0000));
        Assert.True(plan.UsableSet.Contains(0));
        Assert.False(plan.UsableSet.Contains(0x10_0000));
        Assert.Equal((UInt128)plan.Stats.UsableBytes, plan.UsableSet.TotalSize);
        Assert.Equal(100.0 * (0x40_0000 - 0x1_0000) / 0x40_0000, plan.Stats.UsablePercent);
    }
}
