namespace EgmEcc.Tests;

public partial class DiagnosticTests
{
    [Fact]
    public void ToString_PrefixesSeverityAndLocation()
    {
        var at = SourceLocation.AtLine("retired.csv", 4);

        Assert.Equal("warning: retired.csv:4: m", new Diagnostic(Severity.Warning, at, "m").ToString());
        Assert.Equal("info: retired.csv:4: m", new Diagnostic(Severity.Info, at, "m").ToString());
    }

    [Fact]
    public void InputException_ToString_IsLocationAndMessage()
    {
        var e = new InputException(SourceLocation.AtByte("egm0.bin", 8), "count 4097 exceeds 4096");

        Assert.Equal("egm0.bin:+8: count 4097 exceeds 4096", e.ToString());
        Assert.Equal("count 4097 exceeds 4096", e.Message);
    }
}
