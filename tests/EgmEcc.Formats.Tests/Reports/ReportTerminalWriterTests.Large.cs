using EgmEcc.Formats.Reports;
using EgmEcc.Reporting;

namespace EgmEcc.Formats.Tests.Reports;

public partial class ReportTerminalWriterTests
{
    [Fact]
    public void Write_LongNamesManyRegionsThousandsOfHolesAndTopOfSpace_StaysWithin80ColumnsAndBounded()
    {
        var report = Report.Create(LargeReport.Plan);

        var text = Render(report, ReportOutputOptions.Plain);

        var lines = text.Split('\n');
        Assert.All(lines, line =>
        {
            Assert.True(line.Length <= 80, $"longer than 80 columns: {line}");
            Assert.Equal(line.TrimEnd(), line);
        });

        // About seventeen lines a region whatever its hole count.
        Assert.InRange(lines.Length, 15 * report.Regions.Length, 20 * report.Regions.Length);
        Assert.All(report.Regions, r => Assert.Contains(r.Region.Id, text, StringComparison.Ordinal));
        Assert.Contains("  [0xffffffc000000000, 0x10000000000000000)\n", text, StringComparison.Ordinal);
        Assert.Contains($"extents / holes         {LargeReport.DenseHoles} / {LargeReport.DenseHoles}", text, StringComparison.Ordinal);

        // Each bar is the hole map of its region to scale: one cell per 1/64 of the region, marked where it holds a hole.
        var bars = lines.Where(l => l.StartsWith("  hole map |", StringComparison.Ordinal)).Select(l => l[12..^1]).ToArray();
        Assert.Equal(report.Regions.Length, bars.Length);
        for (var i = 0; i < bars.Length; i++)
        {
            var cells = report.Regions[i].HoleMap(64);
            Assert.Equal(string.Concat(cells.Select(c => c.HasHole ? '█' : '░')), bars[i]);
        }

        Assert.Equal(new string('█', 14) + new string('░', 50), bars[0]);
        Assert.Equal('█', bars[^1][0]);
        Assert.Equal('█', bars[^1][^1]);
    }
}
