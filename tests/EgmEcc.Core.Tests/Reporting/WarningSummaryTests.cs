using EgmEcc.Reporting;

namespace EgmEcc.Tests.Reporting;

public class WarningSummaryTests
{
    private static readonly SourceLocation Here = SourceLocation.AtLine("test", 1);

    [Fact]
    public void Create_PlannerWarnings_AreCountedByKind()
    {
        // Base 0x1_0010_0000 is 1 MiB-aligned only: every default hugepage size warns.
        var regions = RegionSet.Create([new Region("egm0", 0, 0x1_0010_0000, 0x100_0000, Here)]);
        RetiredRecord[] records =
        [
            RetiredRecord.AtAddress(0x1000, 0, Here),
            RetiredRecord.AtAddress(0x1_0010_0000 + 0x100_0000 - 0x1_0000, 0x2_0000, Here),
        ];

        var summary = WarningSummary.Create(Planner.Create(regions, records, PlanOptions.Default).Diagnostics);

        Assert.Equal((1, 1, 4, 0, 0), (summary.OutOfRegion, summary.Clipped, summary.MisalignedBases, summary.FirmwareTablesNearLimit, summary.Other));
        Assert.Equal("1 out-of-region record, 1 clipped record, 4 misaligned bases", summary.Describe());
    }

    [Fact]
    public void Create_FirmwareTableNearLimit_IsCounted()
    {
        var near = FirmwareTableLimit.Check(SourceLocation.AtByte("fw.bin", 0), 4000, "egm0");

        var summary = WarningSummary.Create([near!]);

        Assert.Equal(1, summary.FirmwareTablesNearLimit);
        Assert.Equal("1 firmware table near the 4096-entry limit", summary.Describe());
    }

    [Theory]
    [InlineData(3583UL, false)]
    [InlineData(3584UL, true)]
    [InlineData(4096UL, true)]
    public void Check_Count_WarnsFromSevenEighthsFull(ulong count, bool warns)
    {
        Assert.Equal(warns, FirmwareTableLimit.Check(SourceLocation.AtByte("fw.bin", 0), count) is not null);
    }
}
