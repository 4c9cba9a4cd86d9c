using EgmEcc.Formats.Reports;
using EgmEcc.Reporting;

namespace EgmEcc.Formats.Tests.Reports;

public partial class ReportTerminalWriterTests
{
    [Theory]
    [InlineData(80)]
    [InlineData(40)]
    [InlineData(132)]
    public void Write_LongNamesManyRegionsThousandsOfHolesAndTopOfSpace_StaysWithinWidthAndBounded(int width)
    {
        var report = Report.Create(LargeReport.Plan);

        var text = Render(report, ReportOutputOptions.Plain with { Width = width });

        var lines = text.Split('\n');
        Assert.All(lines, line =>
        {
            Assert.True(line.Length <= width, $"longer than {width} columns: {line}");
            Assert.Equal(line.TrimEnd(), line);
        });

        // About seventeen lines a region whatever its hole count (more where long titles wrap).
        Assert.InRange(lines.Length, 15 * report.Regions.Length, 28 * report.Regions.Length);
        // Ids longer than the width are broken across lines; from 80 columns each shows whole.
        Assert.All(report.Regions, r => Assert.Contains(width >= 80 ? r.Region.Id : r.Region.Id[..Math.Min(10, r.Region.Id.Length)], text, StringComparison.Ordinal));
        if (width >= 80)
        {
            Assert.Contains("  [0xffffffc000000000, 0x10000000000000000)\n", text, StringComparison.Ordinal);
            Assert.Contains($"extents / holes         {LargeReport.DenseHoles} / {LargeReport.DenseHoles}", text, StringComparison.Ordinal);
        }

        // Each bar is the hole map of its region to scale: one cell per (width - 16)-th of the region, marked where it holds a hole.
        var cellCount = Math.Clamp(width - 16, 16, 100);
        var bars = lines.Where(l => l.StartsWith("  hole map |", StringComparison.Ordinal)).Select(l => l[12..^1]).ToArray();
        Assert.Equal(report.Regions.Length, bars.Length);
        for (var i = 0; i < bars.Length; i++)
        {
            var cells = report.Regions[i].HoleMap(cellCount);
            Assert.Equal(string.Concat(cells.Select(c => c.HasHole ? '█' : '░')), bars[i]);
        }

        if (width == 80)
        {
            Assert.Equal(new string('█', 14) + new string('░', 50), bars[0]);
        }

        Assert.Equal('█', bars[^1][0]);
        Assert.Equal('█', bars[^1][^1]);
    }
}
