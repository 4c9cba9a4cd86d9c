using static EgmEcc.Cli.Tests.Cli;

namespace EgmEcc.Cli.Tests;

public partial class EgmEccCliTests
{
    [Fact]
    public void Validate_Sample_PrintsCountsAndWarnings()
    {
        var result = Run("validate", "--regions", Regions, "--retired", Retired);

        Assert.Equal(0, result.Exit);
        Assert.Equal("regions 2, records 34: applied 30, duplicate 3, out-of-region 1, clipped 0; 1 warning(s)\n", result.Out);
        Assert.Equal(SampleWarning + "\n", result.Error);
    }

    [Fact]
    public void Validate_NoRetired_CountsNothing()
    {
        var result = Run("validate", "--regions", Regions);

        Assert.Equal("regions 2, records 0: applied 0, duplicate 0, out-of-region 0, clipped 0; 0 warning(s)\n", result.Out);
        Assert.StartsWith($"egmecc: warning: {Regions}: no retired-page source was given", result.Error, StringComparison.Ordinal);
    }

    [Fact]
    public void Validate_ClippedRecord_IsCountedAndWarned()
    {
        var result = RunWithInput("address,size\n0x7fffff0000,128K\n", "validate", "--regions", Regions, "--retired", "-");

        Assert.Equal("regions 2, records 1: applied 1, duplicate 0, out-of-region 0, clipped 1; 1 warning(s)\n", result.Out);
        Assert.Equal("egmecc: warning: -:2: retired record 0x7fffff0000 (128K) crosses the edge of region 'egm0' [0x2000000000, 0x8000000000); clipped to the region\n", result.Error);
    }

    [Fact]
    public void Validate_BadInput_IsTheSameErrorAsPlan()
    {
        var plan = Run("plan", "--regions", Regions, "--retired", "data/bad/retired-bad-hex.csv");
        var validate = Run("validate", "--regions", Regions, "--retired", "data/bad/retired-bad-hex.csv");

        AssertInputError(validate, plan.Error.TrimEnd('\n'));
    }
}
