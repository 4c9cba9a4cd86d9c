using EgmEcc.Reporting;

namespace EgmEcc.Tests.Reporting;

public class ReportTitleTests
{
    private static Plan EmptyPlan() =>
        Planner.Create(RegionSet.Create([new Region("egm0", 0, 0x1_0000_0000, 1UL << 30, SourceLocation.InFile("r.csv"))]), [], PlanOptions.Default);

    [Fact]
    public void GeneratedAtText_AnyOffset_IsUtcIso8601ToTheSecond()
    {
        var report = Report.Create(EmptyPlan()) with { GeneratedAt = new DateTimeOffset(2026, 11, 30, 1, 30, 5, 250, TimeSpan.FromHours(2)) };

        Assert.Equal("2026-11-29T23:30:05Z", report.GeneratedAtText);
    }

    [Fact]
    public void Create_NamesNoHostAndNoTime_UntilTheyAreGiven()
    {
        var report = Report.Create(EmptyPlan());

        Assert.Null(report.HostName);
        Assert.Null(report.GeneratedAtText);
    }

    [Theory]
    [InlineData(null, null, "warnings", "warnings")]
    [InlineData("", "egm0", "hugepages-1G", "egm0 hugepages-1G")]
    [InlineData("rack-1", "egm1", "usable-percent", "host rack-1 egm1 usable-percent")]
    public void ShortName_Gate_NamesRegionAndGateInAFewWords(string? host, string? region, string gate, string expected)
    {
        Assert.Equal(expected, new GateResult(host, region, gate, 1, 0, false).ShortName);
    }
}
