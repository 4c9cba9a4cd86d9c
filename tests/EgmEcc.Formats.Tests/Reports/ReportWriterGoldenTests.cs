using EgmEcc.Formats.Reports;
using EgmEcc.Reporting;

namespace EgmEcc.Formats.Tests.Reports;

/// <summary>
/// Every registered report format, byte for byte, for the sample host: a writer added to
/// <see cref="ReportWriters.All"/> fails here until its golden file exists. Regenerate with
/// <c>EGMECC_UPDATE_GOLDEN=1</c>.
/// </summary>
public class ReportWriterGoldenTests
{
    public static TheoryData<string> Formats => [.. ReportWriters.All.Names];

    internal static string Write(string format, Report report)
    {
        using var output = new StringWriter { NewLine = "\n" };
        ReportWriters.All.Find(format)!.Write(report, output, ReportOutputOptions.Plain);
        return output.ToString();
    }

    internal static string Extension(string format) => format switch
    {
        "text" => "txt",
        "prometheus" => "prom",
        _ => format,
    };

    [Theory]
    [MemberData(nameof(Formats))]
    public void Write_SampleHost_MatchesGolden(string format)
    {
        Golden.Check($"report-grace-2s.{Extension(format)}", Write(format, Report.Create(ReportSamples.SamplePlan())));
    }

    [Fact]
    public void EveryReportWriter_HasAGoldenFile()
    {
        var missing = ReportWriters.All.Names.Where(name => !Golden.Exists($"report-grace-2s.{Extension(name)}")).ToArray();

        Assert.True(missing.Length == 0, $"report writers without golden files: {string.Join(", ", missing)} (create them with EGMECC_UPDATE_GOLDEN=1)");
    }
}
