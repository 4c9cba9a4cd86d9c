using System.Buffers.Binary;
using System.Diagnostics;
using EgmEcc.Reporting;

namespace EgmEcc.Formats.Tests.Reports;

public partial class ReportHtmlWriterTests
{
    public static TheoryData<string> Pages => ["sample", "large"];

    /// <summary>Skipped locally without chromium; under CI=true (which installs it, .ci/run) its absence fails.</summary>
    [Layout.ToolTheory("chromium")]
    [MemberData(nameof(Pages))]
    public void Write_Page_RendersInHeadlessChromium(string page)
    {
        var chromium = FindOnPath("chromium") ?? throw new Xunit.Sdk.XunitException("chromium is not installed; under CI=true .ci/run must install it");

        var dir = Directory.CreateTempSubdirectory("egmecc-chromium-");
        try
        {
            var html = Path.Combine(dir.FullName, "report.html");
            var png = Path.Combine(dir.FullName, "report.png");
            File.WriteAllText(html, Render(Report.Create(page == "sample" ? ReportSamples.SamplePlan() : LargeReport.Plan)));

            var (exitCode, log) = Run(chromium, [
                "--headless", "--no-sandbox", "--disable-gpu", "--no-first-run", "--disable-background-networking",
                "--disable-component-update", "--disable-sync", $"--user-data-dir={Path.Combine(dir.FullName, "profile")}",
                $"--screenshot={png}", "--window-size=1200,1600", new Uri(html).AbsoluteUri]);

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

    private static string? FindOnPath(string name) =>
        (Environment.GetEnvironmentVariable("PATH") ?? string.Empty).Split(Path.PathSeparator, StringSplitOptions.RemoveEmptyEntries)
            .Select(d => Path.Combine(d, name))
            .FirstOrDefault(File.Exists);

    private static (int ExitCode, string Log) Run(string program, string[] args)
    {
        var start = new ProcessStartInfo(program) { RedirectStandardOutput = true, RedirectStandardError = true };
        foreach (var a in args)
        {
            start.ArgumentList.Add(a);
        }

        using var process = Process.Start(start)!;
        var stdout = process.StandardOutput.ReadToEndAsync();
        var stderr = process.StandardError.ReadToEndAsync();
        if (!process.WaitForExit(TimeSpan.FromSeconds(60)))
        {
            process.Kill(entireProcessTree: true);
            Assert.Fail("chromium did not finish within 60 s");
        }

        return (process.ExitCode, stdout.Result + stderr.Result);
    }
}
