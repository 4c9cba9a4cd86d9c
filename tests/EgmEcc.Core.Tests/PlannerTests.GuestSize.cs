namespace EgmEcc.Tests;

public partial class PlannerTests
{
    [Fact]
    public void Create_GuestSizeNotMultipleOfGuestPage_WarnsWithRegionSource()
    {
        var source = SourceLocation.AtLine("regions.csv", 3);
        var plan = Planner.Create(
            RegionSet.Create([new Region("egm0", 0, 0x20_0000_0000, 0x10_0000, source, guestSize: 0x8_1000)]),
            [],
            PlanOptions.Default);

        var warning = Assert.Single(plan.Diagnostics, d => d.Code == DiagnosticCodes.MisalignedGuestSize);
        Assert.Equal(Severity.Warning, warning.Severity);
        Assert.Equal(source, warning.Source);
        Assert.Contains("guest size 0x81000 is not a multiple of the guest page 0x10000", warning.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Create_GuestSizeMultipleOfGuestPage_DoesNotWarn()
    {
        var plan = Planner.Create(
            RegionSet.Create([new Region("egm0", 0, 0x20_0000_0000, 0x10_0000, SourceLocation.AtLine("r", 1), guestSize: 0x8_0000)]),
            [],
            PlanOptions.Default);

        Assert.DoesNotContain(plan.Diagnostics, d => d.Code == DiagnosticCodes.MisalignedGuestSize);
    }
}
