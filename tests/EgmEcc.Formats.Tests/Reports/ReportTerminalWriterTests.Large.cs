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

        // About twenty-five lines a region whatever its hole count (more where long titles wrap).
        Assert.InRange(lines.Length, 15 * report.Regions.Length, 36 * report.Regions.Length);
        // Ids longer than the width are broken across lines; from 80 columns each shows whole.
        Assert.All(report.Regions, r => Assert.Contains(width >= 80 ? r.Region.Id : r.Region.Id[..Math.Min(10, r.Region.Id.Length)], text, StringComparison.Ordinal));
        if (width >= 80)
        {
            Assert.Contains("  [0xffffffc000000000, 0x10000000000000000)\n", text, StringComparison.Ordinal);
            Assert.Contains($"extents / holes         {LargeReport.DenseHoles} / {LargeReport.DenseHoles}", text, StringComparison.Ordinal);
        }

        // Each region's map is its block grid: rows of whole (░) and broken (▓) blocks, at most eight.
        var rows = lines.Where(l => l.EndsWith('|') && l.Contains(" |", StringComparison.Ordinal)).Select(l => l[(l.IndexOf('|') + 1)..^1]).ToArray();
        var expected = report.Regions.SelectMany(r =>
        {
            var map = ReportTerminalWriter.BlockGrid(r, width);
            return Enumerable.Range(0, map.Rows).Select(i => string.Concat(map.Row(i).ToArray().Select(b => b.State switch { BlockState.Whole => '░', BlockState.Broken => '▓', _ => '█' })));
        }).ToArray();
        Assert.Equal(expected, rows);
        Assert.All(report.Regions, r => Assert.InRange(ReportTerminalWriter.BlockGrid(r, width).Rows, 1, ReportTerminalWriter.MaxBlockRows));
        if (width == 80)
        {
            // The dense region: a page every 4 MiB over its first 78 GiB breaks each of its first 79 blocks.
            Assert.Equal(new string('▓', 64) + new string('▓', 15) + new string('░', 49), rows[0] + rows[1]);
        }

        Assert.Equal('▓', rows[^1][^1]);
    }
}
