using EgmEcc.Reporting;

namespace EgmEcc.Tests.Reporting;

public class ReportGatesTests
{
    private static readonly SourceLocation Here = SourceLocation.AtLine("test", 1);

    /// <summary>A 4 GiB region with one retired page at 1 GiB + 64K: 3 of 4 1G pages, 99.998 % usable.</summary>
    private static Report ReportOf(ReportGates gates, bool outOfRegion = false)
    {
        var regions = RegionSet.Create([new Region("egm0", 0, 0x1_0000_0000, 4UL << 30, Here)]);
        List<RetiredRecord> records = [RetiredRecord.AtAddress(0x1_0000_0000 + (1UL << 30) + 0x1_0000, 0, Here)];
        if (outOfRegion)
        {
            records.Add(RetiredRecord.AtAddress(0x1000, 0, Here));
        }

        return Report.Create(Planner.Create(regions, records.ToArray(), PlanOptions.Default), gates);
    }

    [Fact]
    public void Evaluate_NoGates_PassesWithNoResults()
    {
        var report = ReportOf(ReportGates.None);

        Assert.Empty(report.Gates);
        Assert.True(report.Passed);
    }

    [Theory]
    [InlineData(99.99, true)]
    [InlineData(99.999, false)]
    [InlineData(100, false)]
    public void Evaluate_MinUsablePercent_FailsBelowThreshold(double threshold, bool passed)
    {
        var gate = Assert.Single(ReportOf(new ReportGates { MinUsablePercent = threshold }).Gates);

        Assert.Equal(GateResult.UsablePercentGate, gate.Gate);
        Assert.Equal("egm0", gate.Region);
        Assert.Equal(passed, gate.Passed);
    }

    [Theory]
    [InlineData(3, true)]
    [InlineData(4, false)]
    public void Evaluate_MinHugePages_ComparesTheRegionsCount(ulong count, bool passed)
    {
        var gate = Assert.Single(ReportOf(new ReportGates { MinHugePages = [new HugePageGate(1UL << 30, count)] }).Gates);

        Assert.Equal("hugepages-1G", gate.Gate);
        Assert.Equal(3, gate.Actual);
        Assert.Equal(passed, gate.Passed);
    }

    /// <summary>A count beyond 2^53 printed as a double read 1.8446744073709552E+19; it prints as given.</summary>
    [Fact]
    public void Describe_HugePageCountBeyondDoublePrecision_PrintsTheExactInteger()
    {
        var gate = Assert.Single(ReportOf(new ReportGates { MinHugePages = [new HugePageGate(1UL << 30, ulong.MaxValue)] }).Gates);

        Assert.Equal("region egm0: 3 1G hugepages is below 18446744073709551615", gate.Describe());
        Assert.Equal("1G:18446744073709551615", gate.SettingValue);
    }

    [Fact]
    public void Describe_UsablePercent_PrintsTheThresholdWithoutExponent()
    {
        var gate = Assert.Single(ReportOf(new ReportGates { MinUsablePercent = 0.00001 }).Gates);

        Assert.EndsWith(" 0.00001%", gate.Describe(), StringComparison.Ordinal);
        Assert.Equal("0.00001", gate.SettingValue);
    }

    [Fact]
    public void Evaluate_HugePageSizeThePlanDidNotCount_CountsItFromTheExtents()
    {
        var gate = Assert.Single(ReportOf(new ReportGates { MinHugePages = [new HugePageGate(2UL << 30, 1)] }).Gates);

        Assert.Equal(1, gate.Actual);
        Assert.True(gate.Passed);
    }

    [Theory]
    [InlineData(false, true)]
    [InlineData(true, false)]
    public void Evaluate_FailOnWarning_FailsWhenAnyWarning(bool outOfRegion, bool passed)
    {
        var report = ReportOf(new ReportGates { FailOnWarning = true }, outOfRegion);

        var gate = Assert.Single(report.Gates);
        Assert.Null(gate.Region);
        Assert.Equal(passed, gate.Passed);
        Assert.Equal(passed, report.Passed);
    }

    [Fact]
    public void Describe_FailedUsableGate_NamesRegionFigureAndThreshold()
    {
        var gate = Assert.Single(ReportOf(new ReportGates { MinUsablePercent = 99.999 }).Gates);

        Assert.Equal("region egm0: usable 99.9984% is below 99.999%", gate.Describe());
        Assert.Equal((Setting.MinUsablePercent, "99.999"), (gate.Setting, gate.SettingValue));
    }

    [Theory]
    [InlineData("1G:300", 1UL << 30, 300UL)]
    [InlineData("2M:0x10", 2UL << 20, 16UL)]
    public void TryParse_SizeColonCount_Parses(string text, ulong size, ulong count)
    {
        Assert.Null(HugePageGate.TryParse(text, out var gate));
        Assert.Equal(new HugePageGate(size, count), gate);
    }

    [Theory]
    [InlineData("1G")]
    [InlineData("3M:1")]
    [InlineData("1G:lots")]
    [InlineData("big:1")]
    public void TryParse_Malformed_ReturnsErrorQuotingTheValue(string text)
    {
        var error = HugePageGate.TryParse(text, out _);

        Assert.NotNull(error);
        Assert.Contains($"'{text}'", error, StringComparison.Ordinal);
    }
}
