using EgmEcc.Formats.Reports;
using EgmEcc.Reporting;

namespace EgmEcc.Formats.Tests.Reports;

public partial class ReportTerminalWriterTests
{
    private static string Render(Report report, ReportOutputOptions options)
    {
        var output = new StringWriter { NewLine = "\n" };
        new ReportTerminalWriter().Write(report, output, options);
        return output.ToString();
    }

    [Fact]
    public void Write_SampleHostAt80Columns_MatchesGolden()
    {
        var text = Render(Report.Create(ReportSamples.SamplePlan()), ReportOutputOptions.Plain);

        Golden.Check("report-grace-2s.txt", text);
    }

    [Fact]
    public void Write_Plain_HasNoEscapeCodesNoTrailingSpacesAndFits80Columns()
    {
        var text = Render(Report.Create(ReportSamples.SamplePlan()), ReportOutputOptions.Plain);

        Assert.DoesNotContain('\u001b', text);
        Assert.All(text.Split('\n'), line =>
        {
            Assert.True(line.Length <= 80, $"longer than 80 columns: {line}");
            Assert.Equal(line.TrimEnd(), line);
        });
    }

    [Fact]
    public void Write_Ansi_ColoursTheOutput()
    {
        var text = Render(Report.Create(ReportSamples.SamplePlan()), ReportOutputOptions.Plain with { Ansi = true });

        Assert.Contains('\u001b', text);
    }

    [Theory]
    [InlineData("sample")]
    [InlineData("dense")]
    public void Write_NoUnicode_EveryByteIsPrintableAsciiAndFits80Columns(string host)
    {
        var plan = host == "sample" ? ReportSamples.SamplePlan() : DenseHost.Plan;
        var report = Report.Create(plan, new ReportGates { MinUsablePercent = 99.9999 }) with { HostName = "gpu-node-17", GeneratedAt = new DateTimeOffset(2026, 11, 29, 23, 30, 0, TimeSpan.Zero) };

        var bytes = System.Text.Encoding.UTF8.GetBytes(Render(report, ReportOutputOptions.Plain with { Unicode = false }));

        Assert.All(bytes, b => Assert.True(b == '\n' || (b >= 0x20 && b <= 0x7e), $"byte 0x{b:x2} is not printable ASCII"));
        var lines = System.Text.Encoding.ASCII.GetString(bytes).Split('\n');
        Assert.All(lines, line => Assert.True(line.Length <= 80, $"longer than 80 columns: {line}"));
        var rows = lines.Where(l => l.Contains(" |", StringComparison.Ordinal) && l.EndsWith('|')).ToArray();
        Assert.Equal(plan.Regions.Length * (host == "sample" ? 6 : 7), rows.Length);
        Assert.All(rows, row => Assert.All(row[(row.IndexOf('|') + 1)..^1], c => Assert.Contains(c, ".x#")));
        Assert.Contains(lines, l => l.StartsWith("-- egm0 - PXM 0 - /dev/egm0 ---", StringComparison.Ordinal));
    }

    [Fact]
    public void Write_NoUnicode_InputTextOutsideAsciiIsReplaced()
    {
        var source = SourceLocation.AtLine("données·é.csv", 3);
        var regions = RegionSet.Create([new Region("egm0", 0, 0x1_0000_0000, 0x100_0000, source, host: "nœud-7")]);
        var plan = Planner.Create(regions, [RetiredRecord.AtAddress(0x10, 0, source, "nœud-7")], PlanOptions.Default);

        var text = Render(Report.Create(plan), ReportOutputOptions.Plain with { Unicode = false });

        Assert.All(text, c => Assert.True(c == '\n' || (c >= ' ' && c <= '~'), $"U+{(int)c:X4} is not printable ASCII"));
        Assert.Contains("n?ud-7 - egm0", text, StringComparison.Ordinal);
        Assert.Contains("donn?es-?.csv:3", text, StringComparison.Ordinal);
    }

    [Fact]
    public void Write_DenseHost_DrawsWholeAndBrokenGigabytesNotASolidBar()
    {
        var report = Report.Create(DenseHost.Plan);

        var lines = Render(report, ReportOutputOptions.Plain).Split('\n');

        Assert.Contains("  hole map 1 GiB blocks: ", lines.First(l => l.StartsWith("  hole map", StringComparison.Ordinal)), StringComparison.Ordinal);
        var rows = lines.Where(l => l.EndsWith('|') && l.Contains(" |", StringComparison.Ordinal)).Select(l => l[(l.IndexOf('|') + 1)..^1]).ToArray();
        Assert.Equal(14, rows.Length);
        Assert.All(rows, r => Assert.Equal(64, r.Length));
        Assert.Equal(["     0 |", "   64G |", "  128G |", "  192G |", "  256G |", "  320G |", "  384G |"], lines.Where(l => l.EndsWith('|')).Take(7).Select(l => l[..(l.IndexOf('|') + 1)]));

        // Each region's whole 1 GiB blocks are its 1 GiB hugepage capacity, and neither all nor none are broken.
        for (var r = 0; r < 2; r++)
        {
            var cells = string.Concat(rows.Skip(r * 7).Take(7));
            Assert.Equal((int)report.Regions[r].CapacityAt(1UL << 30).Count, cells.Count(c => c == '░'));
            Assert.InRange(cells.Count(c => c == '▓'), 1, 447);
        }

        Assert.Contains(lines, l => l.StartsWith($"  hole map 1 GiB blocks: {report.Regions[0].CapacityAt(1UL << 30).Count} whole, ", StringComparison.Ordinal));
    }

    [Fact]
    public void Write_HostNameAndTime_AreInTheTitle()
    {
        var report = Report.Create(ReportSamples.SamplePlan()) with { HostName = "gpu-node-17", GeneratedAt = new DateTimeOffset(2026, 11, 29, 23, 30, 0, TimeSpan.Zero) };

        var first = Render(report, ReportOutputOptions.Plain).Split('\n')[0];

        Assert.Equal("EGM memory report: host gpu-node-17, 2 region(s), 2026-11-29T23:30:00Z", first);
    }

    [Fact]
    public void Write_GatesPassOrNone_EndsWithPass()
    {
        var passed = Render(Report.Create(ReportSamples.SamplePlan(), new ReportGates { MinUsablePercent = 99 }), ReportOutputOptions.Plain);
        var none = Render(Report.Create(ReportSamples.SamplePlan()), ReportOutputOptions.Plain);

        Assert.EndsWith("\nPASS\n", passed, StringComparison.Ordinal);
        Assert.EndsWith("\nPASS\n", none, StringComparison.Ordinal);
    }

    [Fact]
    public void Write_GatesFail_EndsWithFailAndTheFailedGates()
    {
        var gates = new ReportGates { MinHugePages = [new HugePageGate(1UL << 30, 377)], FailOnWarning = true };

        var text = Render(Report.Create(ReportSamples.SamplePlan(), gates), ReportOutputOptions.Plain);

        Assert.EndsWith("\nFAIL: egm0 hugepages-1G, warnings\n", text, StringComparison.Ordinal);
    }

    [Fact]
    public void Write_ManyFailedGates_FailLineFitsTheWidthAndCountsTheRest()
    {
        var gates = new ReportGates { MinUsablePercent = 100, MinHugePages = [new HugePageGate(2UL << 20, 1UL << 40), new HugePageGate(1UL << 30, 1000)], FailOnWarning = true };

        var last = Render(Report.Create(ReportSamples.SamplePlan(), gates), ReportOutputOptions.Plain).TrimEnd('\n').Split('\n')[^1];

        Assert.StartsWith("FAIL: egm0 usable-percent, egm0 hugepages-2M, ", last, StringComparison.Ordinal);
        Assert.EndsWith(" more)", last, StringComparison.Ordinal);
        Assert.InRange(last.Length, 60, 80);
    }

    [Theory]
    [InlineData(40)]
    [InlineData(132)]
    public void Write_OtherWidths_KeepsEveryLineWithinTheWidth(int width)
    {
        var text = Render(Report.Create(ReportSamples.SamplePlan()), ReportOutputOptions.Plain with { Width = width });

        Assert.All(text.Split('\n'), line => Assert.True(line.Length <= width, $"longer than {width} columns: {line}"));
    }

    [Fact]
    public void Write_HostAndPathWithMarkupCharacters_PrintsThemLiterally()
    {
        var source = SourceLocation.AtLine("[red]x[/].csv", 3);
        var regions = RegionSet.Create([new Region("egm0", 0, 0x1_0000_0000, 0x100_0000, source, host: "rack[1]")]);
        var plan = Planner.Create(regions, [RetiredRecord.AtAddress(0x10, 0, source, "rack[1]")], PlanOptions.Default);

        var text = Render(Report.Create(plan), ReportOutputOptions.Plain);

        Assert.Contains("rack[1] · egm0", text, StringComparison.Ordinal);
        Assert.Contains("[red]x[/].csv:3", text, StringComparison.Ordinal);
    }
}
