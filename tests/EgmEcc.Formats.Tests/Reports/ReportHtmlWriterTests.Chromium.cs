using System.Buffers.Binary;
using EgmEcc.Reporting;

namespace EgmEcc.Formats.Tests.Reports;

public partial class ReportHtmlWriterTests
{
    public static TheoryData<string> Pages => ["sample", "large"];

    /// <summary>Skipped locally without chromium; when CI is set (.ci/run installs it) its absence fails.</summary>
    [ToolTheory("chromium")]
    [MemberData(nameof(Pages))]
    public void Write_Page_RendersInHeadlessChromium(string page)
    {
        var dir = Directory.CreateTempSubdirectory("egmecc-chromium-");
        try
        {
            var html = Path.Combine(dir.FullName, "report.html");
            var png = Path.Combine(dir.FullName, "report.png");
            File.WriteAllText(html, Render(Report.Create(page == "sample" ? ReportSamples.SamplePlan() : LargeReport.Plan)));

            var (exitCode, stdout, stderr) = ExternalTools.Run("chromium", [
                "--headless", "--no-sandbox", "--disable-gpu", "--no-first-run", "--disable-background-networking",
                "--disable-component-update", "--disable-sync", $"--user-data-dir={Path.Combine(dir.FullName, "profile")}",
                $"--screenshot={png}", "--window-size=1200,1600", new Uri(html).AbsoluteUri], TimeSpan.FromSeconds(60));
            var log = stdout + stderr;

            Assert.True(exitCode == 0, $"chromium exited {exitCode}:\n{log}");
            Assert.True(File.Exists(png), $"chromium wrote no screenshot:\n{log}");
            var bytes = File.ReadAllBytes(png);
            Assert.True(bytes.Length > 20_000, $"the screenshot is only {bytes.Length} bytes");
            Assert.Equal([0x89, (byte)'P', (byte)'N', (byte)'G'], bytes[..4]);
            Assert.Equal(1200, BinaryPrimitives.ReadInt32BigEndian(bytes.AsSpan(16)));
            Assert.Equal(1600, BinaryPrimitives.ReadInt32BigEndian(bytes.AsSpan(20)));
        }
        finally
        {
            dir.Delete(recursive: true);
        }
    }
}
