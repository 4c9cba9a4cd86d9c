namespace EgmEcc.Cli.Tests.Commands;

public partial class ReportCommandTests
{
    [Theory]
    [InlineData("--fail-below-usable", "99.9")]
    [InlineData("--fail-below-usable", "99.9997%")]
    [InlineData("--fail-below-huge", "1G:376")]
    [InlineData("--fail-below-huge", "2M:196593")]
    public void Report_GatePasses_ExitsZeroAndPrintsNothingExtra(string gate, string value)
    {
        var (_, plainOutput, _) = Report();

        var (code, output, error) = Report(gate, value);

        Assert.Equal(ExitCodes.Success, code);
        Assert.Equal(plainOutput, output);
        Assert.Equal(string.Empty, error);
    }

    [Fact]
    public void Report_FailBelowUsable_ExitsThreeNamingTheRegion()
    {
        // egm0 keeps 99.99971 %, egm1 99.99980 %.
        var (code, _, error) = Report("--fail-below-usable", "99.9998");

        Assert.Equal(ExitCodes.GateFailed, code);
        Assert.Equal("egmecc: gate failed: region egm0: usable 99.9997% is below 99.9998% (--fail-below-usable 99.9998)\n", error);
    }

    [Fact]
    public void Report_FailBelowHuge_ExitsThreeNamingTheRegionAndSize()
    {
        var (code, _, error) = Report("--fail-below-huge", "2M:1", "--fail-below-huge", "1G:377");

        Assert.Equal(ExitCodes.GateFailed, code);
        Assert.Equal("egmecc: gate failed: region egm0: 376 1G hugepages is below 377 (--fail-below-huge 1G:377)\n", error);
    }

    [Fact]
    public void Report_FailOnWarning_ExitsThreeWhenTheInputsWarn()
    {
        var (code, _, error) = Report("--fail-on-warning");

        Assert.Equal(ExitCodes.GateFailed, code);
        Assert.Equal("egmecc: gate failed: run: 1 warning(s) (--fail-on-warning)\n", error);
    }

    [Fact]
    public void Report_FailOnWarning_ExitsZeroWhenTheInputsAreClean()
    {
        var (code, _, error) = Run(["report", "--regions", Regions, "--retired", "-", "--fail-on-warning"], CleanRetired);

        Assert.Equal(ExitCodes.Success, code);
        Assert.Equal(string.Empty, error);
    }

    [Fact]
    public void Report_FailedGateWithJson_StillWritesTheReport()
    {
        var (code, output, _) = Report("--format", "json", "--fail-on-warning");

        Assert.Equal(ExitCodes.GateFailed, code);
        Assert.Contains("\"passed\": false", output, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("--fail-below-usable", "120")]
    [InlineData("--fail-below-usable", "most")]
    [InlineData("--fail-below-huge", "1G")]
    [InlineData("--fail-below-huge", "3M:1")]
    public void Report_BadGateValue_IsAUsageError(string gate, string value)
    {
        var (code, _, error) = Report(gate, value);

        Assert.Equal(ExitCodes.Usage, code);
        Assert.Contains(gate, error, StringComparison.Ordinal);
    }
}
