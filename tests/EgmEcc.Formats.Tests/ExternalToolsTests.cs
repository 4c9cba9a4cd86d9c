namespace EgmEcc.Formats.Tests;

public class ExternalToolsTests
{
    [Theory]
    [InlineData("true", true)]
    [InlineData("1", true)]
    [InlineData("yes", true)]
    [InlineData(null, false)]
    [InlineData("", false)]
    [InlineData("0", false)]
    [InlineData("False", false)]
    public void InCiFor_AnyValueButEmptyZeroOrFalse_IsCi(string? value, bool ci)
    {
        Assert.Equal(ci, ExternalTools.InCiFor(value));
    }

    [Fact]
    public void SkipReason_ToolMissingAndNotInCi_SkipsElseRuns()
    {
        var missing = "egmecc-no-such-tool-" + Guid.NewGuid().ToString("n");

        Assert.Equal(ExternalTools.InCi, ExternalTools.SkipReason([missing]) is null);
        Assert.Null(ExternalTools.SkipReason([]));
    }
}
