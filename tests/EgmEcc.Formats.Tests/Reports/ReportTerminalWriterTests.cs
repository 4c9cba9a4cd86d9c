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

    [Fact]
    public void Write_NoUnicode_DrawsTheHoleMapInAscii()
    {
        var text = Render(Report.Create(ReportSamples.SamplePlan()), ReportOutputOptions.Plain with { Unicode = false });

        var bars = text.Split('\n').Where(l => l.Contains("hole map |", StringComparison.Ordinal)).ToArray();
        Assert.Equal(2, bars.Length);
        Assert.All(bars, bar => Assert.All(bar[(bar.IndexOf('|') + 1)..bar.LastIndexOf('|')], c => Assert.Contains(c, "#.")));
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
