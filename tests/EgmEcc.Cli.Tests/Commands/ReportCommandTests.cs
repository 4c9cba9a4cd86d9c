using System.Text;
using System.Text.Json;
using EgmEcc.Formats.Inputs;
using EgmEcc.Formats.Reports;
using EgmEcc.Reporting;

namespace EgmEcc.Cli.Tests.Commands;

public partial class ReportCommandTests
{
    private static readonly string Root = FindRoot();
    private static readonly string Regions = Path.Combine(Root, "data/samples/grace-2s.regions.csv");
    private static readonly string Retired = Path.Combine(Root, "data/samples/grace-2s.retired.csv");

    /// <summary>One retired page, no warning.</summary>
    private const string CleanRetired = "address\n0x0000002001230000\n";

    private static (int Code, string Out, string Error) Run(string[] args, string stdin = "")
    {
        var output = new StringWriter { NewLine = "\n" };
        var error = new StringWriter { NewLine = "\n" };
        var code = EgmEccCli.Run(args, new CliConsole(output, error, () => new MemoryStream(Encoding.UTF8.GetBytes(stdin))));
        return (code, output.ToString(), error.ToString());
    }

    private static (int Code, string Out, string Error) Report(params string[] gates) =>
        Run(["report", "--regions", Regions, "--retired", Retired, .. gates]);

    private static string FindRoot()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            if (File.Exists(Path.Combine(dir.FullName, "EgmEcc.sln")))
            {
                return dir.FullName;
            }
        }

        throw new InvalidOperationException("cannot find EgmEcc.sln");
    }

    [Fact]
    public void Report_SampleHostPiped_PrintsThePlainReportAt80Columns()
    {
        var plan = new PlanInputs { Regions = [InputFile.FromPath(Regions)], Retired = [InputFile.FromPath(Retired)] }.Plan(PlanOptions.Default);
        var expected = new StringWriter { NewLine = "\n" };
        new ReportTerminalWriter().Write(EgmEcc.Reporting.Report.Create(plan), expected, ReportOutputOptions.Plain);

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
            Assert.Contains("hole map |", output, StringComparison.Ordinal);
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
