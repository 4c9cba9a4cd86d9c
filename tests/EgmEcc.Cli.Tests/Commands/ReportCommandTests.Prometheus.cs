namespace EgmEcc.Cli.Tests.Commands;

public partial class ReportCommandTests
{
    private const string SampleWarning = "egmecc: warning: data/samples/grace-2s.retired.csv:37: retired record at 0x81230000 (64K) lies in no region; counted out-of-region\n";

    [Fact]
    public void Report_FormatPrometheus_WritesTheGaugesAndTheWarningsToStandardError()
    {
        var (code, output, error) = Cli.Run("report", "--regions", "data/samples/grace-2s.regions.csv", "--retired", "data/samples/grace-2s.retired.csv", "--format", "prometheus");

        Assert.Equal(ExitCodes.Success, code);
        Assert.Equal(File.ReadAllText(Repo.PathOf("tests/EgmEcc.Formats.Tests/Golden/report-grace-2s.prom")), output);
        Assert.Equal(SampleWarning, error);
    }

    [Fact]
    public void Report_PrometheusToATextfileCollectorFolder_LeavesOnlyTheFinishedPromFile()
    {
        using var dir = new TempDir();
        var target = Path.Combine(dir.Path, "egmecc.prom");
        File.WriteAllText(target, "# an older run\n");

        var (code, output, _) = Report("--format", "prometheus", "--output", target, "--fail-below-huge", "1G:377");

        Assert.Equal(ExitCodes.GateFailed, code);
        Assert.Equal(string.Empty, output);
        Assert.Equal(["egmecc.prom"], Directory.GetFiles(dir.Path).Select(Path.GetFileName));
        Assert.Contains("egmecc_report_gates_passed 0\n", File.ReadAllText(target), StringComparison.Ordinal);
    }
}
