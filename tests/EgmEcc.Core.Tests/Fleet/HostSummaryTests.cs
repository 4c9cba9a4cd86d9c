using EgmEcc.Fleet;

namespace EgmEcc.Tests.Fleet;

public class HostSummaryTests
{
    private const ulong G = 1UL << 30;
    private static readonly SourceLocation Here = SourceLocation.AtLine("test", 1);

    [Fact]
    public void FromPlan_RetiredPages_CountsRetiredGranulesPerRegion()
    {
        var regions = RegionSet.Create(
        [
            new Region("egm0", 0, 0x10_0000_0000, 4 * G, Here),
            new Region("egm1", 1, 0x20_0000_0000, 4 * G, Here),
        ]);

        // Two granules in egm0 (one record spanning 64 KiB + 1 byte widens to two), one in egm1.
        var plan = Planner.Create(
            regions,
            [
                RetiredRecord.AtAddress(0x10_0001_0000, 0x1_0001, Here),
                RetiredRecord.AtAddress(0x20_0000_0000, 0, Here),
            ],
            PlanOptions.Default);

        var summary = HostSummary.FromPlan(string.Empty, plan, shape: null);

        Assert.Equal([2UL, 1UL], summary.Regions.Select(r => r.RetiredPages));
        Assert.Equal(3UL, summary.RetiredPages);
    }

    [Fact]
    public void FromPlan_TableEntries_AreEachRegionsReadTable()
    {
        var regions = RegionSet.Create(
        [
            new Region("egm0", 0, 0x10_0000_0000, 4 * G, Here),
            new Region("egm1", 1, 0x20_0000_0000, 4 * G, Here),
        ]);
        var plan = Planner.Create(regions, [], PlanOptions.Default) with
        {
            FirmwareTables = [new FirmwareTableFill(Here, string.Empty, "egm1", 17), new FirmwareTableFill(Here, string.Empty, "egm1", 20)],
        };

        var summary = HostSummary.FromPlan(string.Empty, plan, shape: null);

        Assert.Equal([null, 20], summary.Regions.Select(r => r.TableEntries));
        Assert.Equal(20, summary.TableEntries);
    }
}
