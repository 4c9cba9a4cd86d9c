namespace EgmEcc.Tests;

public partial class PlannerTests
{
    private static readonly SourceLocation Here = SourceLocation.AtLine("test", 1);

    [Fact]
    public void Create_SinglePageInMiddle_SplitsRegionIntoTwoExtentsAndOneHole()
    {
        var regions = RegionSet.Create([new Region("egm0", 0, 0x1_0000_0000, 0x10_0000, Here)]);
        RetiredRecord[] records = [RetiredRecord.AtAddress(0x1_0008_0000, 0, Here)];

        var plan = Planner.Create(regions, records, PlanOptions.Default);

        var region = Assert.Single(plan.Regions);
        Assert.Equal([AddressRange.FromBaseSize(0, 0x8_0000), AddressRange.FromBaseSize(0x9_0000, 0x7_0000)], region.Usable.ToArray());
        Assert.Equal([new Hole(0x8_0000, 0x1_0000, 0x1_0000, 0)], region.Holes.ToArray());
        Assert.Equal(new Accounting(1, 1, 0, 0, 0), plan.Accounting);
    }
}
