using System.Globalization;
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
                var x = double.Parse((string)g.Attribute("x")!, CultureInfo.InvariantCulture);
                var width = double.Parse((string)g.Attribute("width")!, CultureInfo.InvariantCulture);
                Assert.InRange(x, 0, ReportHtmlWriter.MapWidth);
                Assert.InRange(x + width, 0, ReportHtmlWriter.MapWidth + 0.001);
                Assert.Contains($"{(string)g.Attribute("data-holes")!} hole(s) in [0x", g.Element("title")!.Value, StringComparison.Ordinal);
            });
        }

        // The dense region's 20,000 holes start in the first 78 GiB of 384: its groups lie in the first fifth of the map.
        var dense = svgs[0].Descendants("rect").Where(e => HasClass(e, "hole-group")).ToArray();
        Assert.All(dense, g => Assert.True(double.Parse((string)g.Attribute("x")!, CultureInfo.InvariantCulture) < 204));
        Assert.Equal(ReportHtmlWriter.MaxHoleRows, Parse(html).Descendants("table").First(t => HasClass(t, "holes")).Elements("tr").Count(tr => tr.Element("td") is not null && !HasClass(tr, "more")));
        Assert.Contains($"... and {LargeReport.DenseHoles - ReportHtmlWriter.MaxHoleRows} more; the plan&#39;s CSV lists them all", html, StringComparison.Ordinal);
        Assert.Contains(">0x10000000000000000</text>", html, StringComparison.Ordinal);
    }
}
