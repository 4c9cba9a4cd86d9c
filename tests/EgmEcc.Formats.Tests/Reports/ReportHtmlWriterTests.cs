using System.Xml;
using System.Xml.Linq;
using EgmEcc.Formats.Reports;
using EgmEcc.Reporting;

namespace EgmEcc.Formats.Tests.Reports;

public partial class ReportHtmlWriterTests
{
    internal static string Render(Report report)
    {
        var output = new StringWriter { NewLine = "\n" };
        new ReportHtmlWriter().Write(report, output, ReportOutputOptions.Plain);
        return output.ToString();
    }

    /// <summary>The page as XML: the writer promises well-formed markup.</summary>
    internal static XDocument Parse(string html)
    {
        using var reader = XmlReader.Create(new StringReader(html), new XmlReaderSettings { DtdProcessing = DtdProcessing.Ignore });
        return XDocument.Load(reader);
    }

    /// <summary>A horizontal position or width of the map, a percentage of its drawn width.</summary>
    internal static double Percent(XElement e, string attribute)
    {
        var value = (string)e.Attribute(attribute)!;
        Assert.EndsWith("%", value, StringComparison.Ordinal);
        return double.Parse(value[..^1], System.Globalization.CultureInfo.InvariantCulture);
    }

    private static bool HasClass(XElement e, string name) =>
        ((string?)e.Attribute("class"))?.Split(' ').Contains(name) == true;

    [Fact]
    public void Write_SampleHost_MatchesGolden()
    {
        Golden.Check("report-grace-2s.html", Render(Report.Create(ReportSamples.SamplePlan())));
    }

    [Fact]
    public void Write_SampleHost_HasOneSvgPerRegionWithOneHoleElementPerHole()
    {
        var plan = ReportSamples.SamplePlan();

        var svgs = Parse(Render(Report.Create(plan))).Descendants("svg").ToArray();

        Assert.Equal(plan.Regions.Length, svgs.Length);
        for (var r = 0; r < plan.Regions.Length; r++)
        {
            var holes = svgs[r].Descendants("rect").Where(e => HasClass(e, "hole")).ToArray();
            Assert.Equal(plan.Regions[r].Holes.Length, holes.Length);
            Assert.All(holes, h => Assert.StartsWith("hole [0x", h.Element("title")?.Value, StringComparison.Ordinal));
        }
    }

    [Theory]
    [InlineData("sample")]
    [InlineData("large")]
    public void Write_Page_IsSelfContained(string page)
    {
        var html = Render(Report.Create(page == "sample" ? ReportSamples.SamplePlan() : LargeReport.Plan));
        var document = Parse(html);

        Assert.DoesNotContain("http", html, StringComparison.OrdinalIgnoreCase);
        Assert.DoesNotContain("url(", html, StringComparison.OrdinalIgnoreCase);
        Assert.DoesNotContain("@import", html, StringComparison.OrdinalIgnoreCase);
        Assert.DoesNotContain(document.Descendants(), e => e.Name.LocalName is "iframe" or "img" or "object" or "embed" or "image" or "use" or "base");
        Assert.Empty(document.Descendants("script"));
        Assert.Empty(document.Descendants("link"));
        Assert.All(document.Descendants().Attributes().Where(a => a.Name.LocalName is "src" or "href"), a => Assert.StartsWith("#", a.Value, StringComparison.Ordinal));
    }

    [Fact]
    public void Write_TinyHoles_AreZoomedAndMarked()
    {
        var plan = ReportSamples.SamplePlan();

        var svg = Parse(Render(Report.Create(plan))).Descendants("svg").First();

        // Every sample hole is far narrower than a pixel of a 384 GiB map.
        Assert.Equal(plan.Regions[0].Holes.Length, svg.Descendants("line").Count(e => HasClass(e, "mark")));
        Assert.Equal(plan.Regions[0].Holes.Length, svg.Descendants("g").Count(e => HasClass(e, "zoom")));
        Assert.All(svg.Descendants("rect").Where(e => HasClass(e, "zoom-hole")), e => Assert.True(Percent(e, "width") * ReportHtmlWriter.MinMapPixels / 100 >= 2));
    }

    [Fact]
    public void Write_HugePageChart_HasOneBarPerPageSize()
    {
        var plan = ReportSamples.SamplePlan();

        var charts = Parse(Render(Report.Create(plan))).Descendants("table").Where(e => HasClass(e, "chart")).ToArray();

        Assert.Equal(plan.Regions.Length, charts.Length);
        Assert.All(charts, c => Assert.Equal(plan.Options.HugePages.Length, c.Descendants("div").Count(e => HasClass(e, "fill"))));
    }

    [Fact]
    public void Write_TextFromInputs_IsEscaped()
    {
        var source = SourceLocation.AtLine("a<b>&\"c'.csv", 3);
        var regions = RegionSet.Create([new Region("egm0", 0, 0x1_0000_0000, 0x100_0000, source, host: "<script>alert(1)</script>")]);
        var plan = Planner.Create(regions, [RetiredRecord.AtAddress(0x10, 0, source, "<script>alert(1)</script>")], PlanOptions.Default);

        var html = Render(Report.Create(plan));

        Assert.DoesNotContain("<script>", html, StringComparison.Ordinal);
        Assert.Contains("&lt;script&gt;alert(1)&lt;/script&gt;", html, StringComparison.Ordinal);
        Assert.Contains("a&lt;b&gt;&amp;&quot;c&#39;.csv:3", html, StringComparison.Ordinal);
        Assert.Empty(Parse(html).Descendants("script"));
    }

    [Fact]
    public void Write_HoleLargeEnoughToSee_IsDrawnToScaleWithoutMarkOrPanel()
    {
        // A quarter of a 1 GiB region: 250 of the map's 1000 units.
        var regions = RegionSet.Create([new Region("egm0", 0, 0x1_0000_0000, 1UL << 30, SourceLocation.InFile("r.csv"))]);
        var plan = Planner.Create(regions, [RetiredRecord.AtAddress(0x1_0000_0000 + (1UL << 28), 1UL << 28, SourceLocation.InFile("x.csv"))], PlanOptions.Default);

        var svg = Assert.Single(Parse(Render(Report.Create(plan))).Descendants("svg"));

        var hole = Assert.Single(svg.Descendants("rect"), e => HasClass(e, "hole"));
        Assert.Equal(("25%", "25%"), ((string)hole.Attribute("x")!, (string)hole.Attribute("width")!));
        Assert.DoesNotContain(svg.Descendants("line"), e => HasClass(e, "mark"));
        Assert.DoesNotContain(svg.Descendants("g"), e => HasClass(e, "zoom"));
    }

    [Fact]
    public void Write_RegionWithoutHoles_SaysSo()
    {
        var regions = RegionSet.Create([new Region("egm0", 0, 0x1_0000_0000, 0x4000_0000, SourceLocation.InFile("r.csv"))]);
        var plan = Planner.Create(regions, [], PlanOptions.Default);

        var document = Parse(Render(Report.Create(plan)));

        Assert.DoesNotContain(document.Descendants("rect"), e => HasClass(e, "hole"));
        Assert.Contains("No holes", document.Root!.Value, StringComparison.Ordinal);
    }

    [Fact]
    public void Write_HostNameAndTime_AreInTheTitle()
    {
        var report = Report.Create(ReportSamples.SamplePlan()) with { HostName = "gpu-node-17", GeneratedAt = new DateTimeOffset(2026, 11, 29, 23, 30, 0, TimeSpan.Zero) };

        var document = Parse(Render(report));

        Assert.Equal("EGM memory report: gpu-node-17 · 2026-11-29T23:30:00Z", document.Descendants("h1").Single().Value);
        Assert.Equal("EGM memory report: gpu-node-17 · 2026-11-29T23:30:00Z", document.Descendants("title").First().Value);
    }

    [Theory]
    [InlineData(false, "PASS")]
    [InlineData(true, "FAIL: egm0 hugepages-1G, warnings")]
    public void Write_Gates_PageEndsWithTheVerdict(bool fail, string expected)
    {
        var gates = fail ? new ReportGates { MinHugePages = [new HugePageGate(1UL << 30, 377)], FailOnWarning = true } : ReportGates.None;

        var body = Parse(Render(Report.Create(ReportSamples.SamplePlan(), gates))).Descendants("body").Single();

        var last = body.Elements().Last();
        Assert.Equal("p", last.Name.LocalName);
        Assert.True(HasClass(last, "verdict"));
        Assert.Equal(expected, last.Value);
    }
}
