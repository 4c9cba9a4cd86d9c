namespace EgmEcc.Cli.Tests.Commands;

public partial class ReportCommandTests
{
    private static readonly string OutOfRegionWarning =
        $"egmecc: warning: {Retired}:37: retired record at 0x81230000 (64K) lies in no region; counted out-of-region\n";

    [Fact]
    public void Report_TextToStandardOutput_ListsWarningsInTheReportOnly()
    {
        var (code, output, error) = Report();

        Assert.Equal(ExitCodes.Success, code);
        Assert.Contains("lies in no region", output, StringComparison.Ordinal);
        Assert.Equal(string.Empty, error);
    }

    [Fact]
    public void Report_FormatJson_PrintsWarningsOnStandardError()
    {
        var (code, _, error) = Report("--format", "json");

        Assert.Equal(ExitCodes.Success, code);
        Assert.Equal(OutOfRegionWarning, error);
    }

    [Fact]
    public void Report_TextToAFile_PrintsWarningsOnStandardError()
    {
        var directory = Cli.TemporaryDirectory();
        try
        {
            var (code, output, error) = Report("-o", Path.Combine(directory, "report.txt"));

            Assert.Equal(ExitCodes.Success, code);
            Assert.Equal(string.Empty, output);
            Assert.Equal(OutOfRegionWarning, error);
        }
        finally
        {
            Directory.Delete(directory, recursive: true);
        }
    }
}
