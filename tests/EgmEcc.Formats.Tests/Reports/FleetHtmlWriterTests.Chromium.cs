using System.Buffers.Binary;
using System.Diagnostics;

namespace EgmEcc.Formats.Tests.Reports;

public partial class FleetHtmlWriterTests
{
    /// <summary>
    /// The dashboard of 10,000 hosts renders in headless Chromium within a time limit, from a page
    /// of bounded size: it summarises instead of drawing every host (docs/design.md §4.15). Skipped
    /// locally without chromium; when CI is set (.ci/run installs it) its absence fails.
    /// </summary>
    [ToolFact("chromium")]
    public void Write_TenThousandHosts_RendersInHeadlessChromiumQuickly()
    {
        var dir = Directory.CreateTempSubdirectory("egmecc-dashboard-");
        try
        {
            var html = Path.Combine(dir.FullName, "fleet.html");
            var png = Path.Combine(dir.FullName, "fleet.png");
            File.WriteAllText(html, Render(LargeFleet(10_000)));
            Assert.True(new FileInfo(html).Length < 400_000, $"the page is {new FileInfo(html).Length} bytes");

            var clock = Stopwatch.StartNew();
            var (exitCode, stdout, stderr) = ExternalTools.Run("chromium", [
                "--headless", "--no-sandbox", "--disable-gpu", "--no-first-run", "--disable-background-networking",
                "--disable-component-update", "--disable-sync", $"--user-data-dir={Path.Combine(dir.FullName, "profile")}",
                $"--screenshot={png}", "--window-size=1280,2400", new Uri(html).AbsoluteUri], TimeSpan.FromSeconds(90));
            var elapsed = clock.Elapsed;
            var log = stdout + stderr;

            Assert.True(exitCode == 0, $"chromium exited {exitCode}:\n{log}");
            Assert.True(elapsed < TimeSpan.FromSeconds(45), $"chromium took {elapsed} to render the page");
            Assert.True(File.Exists(png), $"chromium wrote no screenshot:\n{log}");
            var bytes = File.ReadAllBytes(png);
            Assert.True(bytes.Length > 50_000, $"the screenshot is only {bytes.Length} bytes");
            Assert.Equal([0x89, (byte)'P', (byte)'N', (byte)'G'], bytes[..4]);
            Assert.Equal(1280, BinaryPrimitives.ReadInt32BigEndian(bytes.AsSpan(16)));
            Assert.Equal(2400, BinaryPrimitives.ReadInt32BigEndian(bytes.AsSpan(20)));
        }
        finally
        {
            dir.Delete(recursive: true);
        }
    }
}
