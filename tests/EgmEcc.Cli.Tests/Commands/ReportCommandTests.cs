using System.Text.Json;
using EgmEcc.Formats.Inputs;
using EgmEcc.Formats.Reports;
using EgmEcc.Pipeline;
using EgmEcc.Reporting;

namespace EgmEcc.Cli.Tests.Commands;

public partial class ReportCommandTests
{
    private static readonly string Regions = Cli.Data("samples", "grace-2s.regions.csv");
    private static readonly string Retired = Cli.Data("samples", "grace-2s.retired.csv");

    /// <summary>One retired page, no warning.</summary>
    private const string CleanRetired = "address\n0x0000002001230000\n";

    private static CliResult Run(string[] args, string stdin = "") => Cli.RunWithInput(stdin, args);

    private static CliResult Report(params string[] gates) =>
        Run(["report", "--regions", Regions, "--retired", Retired, .. gates]);

    [Fact]
    public void Report_SampleHostPiped_PrintsThePlainReportAt80Columns()
    {
        var plan = new HostInputs { Regions = [InputFile.FromPath(Regions)], Retired = [InputFile.FromPath(Retired)] }.Plan(PlanOptions.Default);
        var expected = new StringWriter { NewLine = "\n" };
        new ReportTerminalWriter().Write(EgmEcc.Reporting.Report.Create(plan) with { GeneratedAt = Cli.FixedTime }, expected, ReportOutputOptions.Plain);

        var (code, output, error) = Report();

        Assert.Equal(ExitCodes.Success, code);
        Assert.Equal(expected.ToString(), output);
        Assert.Equal(string.Empty, error);
        Assert.DoesNotContain('\u001b', output);
    }

    [Fact]
    public void Report_FormatJson_WritesTheReportSchema()
    {
        var (code, output, _) = Report("--format", "json", "--fail-below-huge", "1G:1");

        Assert.Equal(ExitCodes.Success, code);
        var root = JsonDocument.Parse(output).RootElement;
        Assert.Equal("egmecc.report/1", root.GetProperty("schema").GetString());
        Assert.Equal("egmecc.plan/1", root.GetProperty("plan").GetProperty("schema").GetString());
        Assert.Equal(2, root.GetProperty("gates").GetArrayLength());
    }

    [Fact]
    public void Report_Html_WritesTheSelfContainedPage()
    {
        var dir = Directory.CreateTempSubdirectory("egmecc-report-");
        try
        {
            var html = Path.Combine(dir.FullName, "report.html");

            var (code, output, _) = Report("--html", html);

            Assert.Equal(ExitCodes.Success, code);
            Assert.Contains("hole map 1 GiB blocks: ", output, StringComparison.Ordinal);
            var page = File.ReadAllText(html);
            Assert.StartsWith("<!DOCTYPE html>", page, StringComparison.Ordinal);
            Assert.Equal(2, page.Split("<svg ").Length - 1);
        }
        finally
        {
            dir.Delete(recursive: true);
        }
    }
}
