using EgmEcc.Formats.Reports;
using EgmEcc.Reporting;

namespace EgmEcc.Formats.Tests.Reports;

public partial class ReportHtmlWriterTests
{
    [Fact]
    public void Write_RegionWithThousandsOfHoles_GroupsThemCountingEachOnceAndStaysSmall()
    {
        var plan = LargeReport.Plan;

        var html = Render(Report.Create(plan));

        Assert.True(html.Length < 1_000_000, $"the page is {html.Length} characters");
        var svgs = Parse(html).Descendants("svg").ToArray();
        Assert.Equal(plan.Regions.Length, svgs.Length);
        for (var r = 0; r < plan.Regions.Length; r++)
        {
            var holes = plan.Regions[r].Holes.Length;
            var single = svgs[r].Descendants("rect").Count(e => HasClass(e, "hole"));
            var groups = svgs[r].Descendants("rect").Where(e => HasClass(e, "hole-group")).ToArray();

            Assert.Equal(holes, (int)svgs[r].Attribute("data-holes")!);
            Assert.Equal(holes, single + groups.Sum(g => (int)g.Attribute("data-holes")!));
            Assert.Equal(holes > ReportHtmlWriter.MaxHoleElements, groups.Length > 0);
            Assert.True(groups.Length <= ReportHtmlWriter.MapWidth);
            Assert.All(groups, g =>
            {
                var x = Percent(g, "x");
                var width = Percent(g, "width");
                Assert.InRange(x, 0, 100);
                Assert.InRange(x + width, 0, 100.0001);
                Assert.Contains($"{(string)g.Attribute("data-holes")!} hole(s) in [0x", g.Element("title")!.Value, StringComparison.Ordinal);
            });
        }

        // The dense region's 20,000 holes start in the first 78 GiB of 384: its groups lie in the first fifth of the map.
        var dense = svgs[0].Descendants("rect").Where(e => HasClass(e, "hole-group")).ToArray();
        Assert.All(dense, g => Assert.True(Percent(g, "x") < 20.4));
        Assert.Equal(ReportHtmlWriter.MaxHoleRows, Parse(html).Descendants("table").First(t => HasClass(t, "holes")).Elements("tr").Count(tr => tr.Element("td") is not null && !HasClass(tr, "more")));
        Assert.Contains($"... and {LargeReport.DenseHoles - ReportHtmlWriter.MaxHoleRows} more; the plan&#39;s CSV lists them all", html, StringComparison.Ordinal);
        Assert.Contains(">0x10000000000000000</text>", html, StringComparison.Ordinal);
    }

    [Fact]
    public void Write_DenseHost_TicksOnlyTheZoomedHolesAndLabelsNeverTouchAt560Pixels()
    {
        var plan = DenseHost.Plan;

        var svg = Parse(Render(Report.Create(plan))).Descendants("svg").First();

        // 279 ticks would paint the bar red end to end: only the holes of the numbered panels get one.
        var marks = svg.Descendants("line").Count(e => HasClass(e, "mark"));
        var panels = svg.Descendants("g").Count(e => HasClass(e, "zoom"));
        Assert.Equal(ReportHtmlWriter.MaxZoomPanels, panels);
        Assert.InRange(marks, panels, 2 * panels);

        Assert.Single(svg.Descendants("text"), e => HasClass(e, "marklabel"));
    }

    [Theory]
    [InlineData("sample")]
    [InlineData("dense")]
    [InlineData("large")]
    public void Write_MapLabels_KeepTheirSizeAndNeverTouchOnTheNarrowestMap(string page)
    {
        var plan = page switch { "sample" => ReportSamples.SamplePlan(), "dense" => DenseHost.Plan, _ => LargeReport.Plan };

        var svgs = Parse(Render(Report.Create(plan))).Descendants("svg").ToArray();

        foreach (var svg in svgs)
        {
            // Text keeps its CSS size (no viewBox scales it), and no two labels overlap at MinMapPixels.
            Assert.Null(svg.Attribute("viewBox"));
            foreach (var cls in new[] { "marklabel", "axis" })
            {
                var spans = svg.Descendants("text").Where(e => HasClass(e, cls)).Select(e =>
                {
                    var px = Percent(e, "x") * ReportHtmlWriter.MinMapPixels / 100;
                    var w = e.Value.Length * 6.6;
                    return (string)e.Attribute("text-anchor")! switch { "start" => (px, px + w), "end" => (px - w, px), _ => (px - (w / 2), px + (w / 2)) };
                }).OrderBy(p => p.Item1).ToArray();
                Assert.All(spans, p => Assert.InRange(p.Item1, -0.001, ReportHtmlWriter.MinMapPixels + 0.001));
                Assert.All(spans.Zip(spans.Skip(1)), p => Assert.True(p.Second.Item1 >= p.First.Item2, $"{cls} labels overlap at {p.First} and {p.Second}"));
            }
        }

        if (page == "sample")
        {
            // The sample's first region has panels close together: some labels join, some stay apart.
            var labels = svgs[0].Descendants("text").Where(e => HasClass(e, "marklabel")).Select(e => e.Value).ToArray();
            Assert.InRange(labels.Length, 3, 8);
            Assert.Contains(labels, l => l.Contains('–', StringComparison.Ordinal));
        }
    }

    [Fact]
    public void Write_DenseHost_BlockGridShowsEachGigabyteWholeOrBroken()
    {
        var report = Report.Create(DenseHost.Plan);

        var document = Parse(Render(report));

        var grids = document.Descendants("div").Where(e => HasClass(e, "blocks")).ToArray();
        Assert.Equal(2, grids.Length);
        for (var r = 0; r < grids.Length; r++)
        {
            var cells = grids[r].Descendants("i").Where(e => e.Parent!.Name == "div").ToArray();
            Assert.Equal(1UL << 30, (ulong)grids[r].Attribute("data-block-bytes")!);
            Assert.Equal(448, cells.Length);
            Assert.Equal((int)report.Regions[r].CapacityAt(1UL << 30).Count, cells.Count(e => HasClass(e, "w")));
            Assert.Equal((int)grids[r].Attribute("data-broken")!, cells.Count(e => HasClass(e, "x")));
            Assert.All(cells.Where(e => !HasClass(e, "w")), e => Assert.Contains(" in holes", (string)e.Attribute("title")!, StringComparison.Ordinal));
            Assert.Equal(7, grids[r].Descendants("span").Count(e => HasClass(e, "off")));
        }
    }

    [Fact]
    public void Write_TopOfSpaceRegion_KeepsBothEndAddressesAndDropsAQuarterLabelThatWouldTouchThem()
    {
        var svg = Parse(Render(Report.Create(LargeReport.Plan))).Descendants("svg").Last();

        var labels = svg.Descendants("text").Where(e => HasClass(e, "axis")).Select(e => e.Value).ToArray();

        Assert.Equal("0xffffffc000000000", labels[0]);
        Assert.Equal("0x10000000000000000", labels[^1]);
        Assert.DoesNotContain("+192 GiB", labels);
    }
}
