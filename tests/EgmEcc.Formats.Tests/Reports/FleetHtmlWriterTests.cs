using System.Xml.Linq;
using EgmEcc.Fleet;
using EgmEcc.Formats.Reports;
using EgmEcc.History;
using EgmEcc.Reporting;
using EgmEcc.Tests;
using static EgmEcc.Tests.DashboardSamples;

namespace EgmEcc.Formats.Tests.Reports;

public partial class FleetHtmlWriterTests
{
    internal static string Render(FleetReport fleet, HistoryReport? history = null, DashboardOptions? options = null)
    {
        var output = new StringWriter { NewLine = "\n" };
        new FleetHtmlWriter().Write(fleet, history, output, new FleetHtmlOptions { Dashboard = options ?? new DashboardOptions { GeneratedAt = Made } });
        return output.ToString();
    }

    internal static string RenderHistory()
    {
        var history = SampleHistory();
        return Render(FleetDashboard.LatestFleet(history), history);
    }

    /// <summary>A fleet of <paramref name="count"/> hosts of varied figures, as large fleets are.</summary>
    internal static FleetReport LargeFleet(int count) => new()
    {
        Options = PlanOptions.Default,
        Hosts = [.. Enumerable.Range(0, count).Select(i => Host($"host-{i:D5}", Region("egm0", 0, 448, (ulong)(i * 7919 % 600)), Region("egm1", 1, 448, (ulong)(i * 104729 % 300), i % 97 == 0 ? 3000 + (i % 1000) : null)))],
    };

    private static bool HasClass(XElement e, string name) =>
        ((string?)e.Attribute("class"))?.Split(' ').Contains(name) == true;

    [Fact]
    public void Write_TenHosts_MatchesGolden()
    {
        Golden.Check("fleet-dashboard-10.html", Render(SampleFleet()));
    }

    [Fact]
    public void Write_WithHistory_MatchesGolden()
    {
        Golden.Check("fleet-dashboard-history.html", RenderHistory());
    }

    [Theory]
    [InlineData("fleet")]
    [InlineData("history")]
    [InlineData("large")]
    public void Write_Page_IsSelfContainedWellFormedAndWithoutScript(string page)
    {
        var html = page switch { "fleet" => Render(SampleFleet()), "history" => RenderHistory(), _ => Render(LargeFleet(2000)) };
        var document = ReportHtmlWriterTests.Parse(html);

        Assert.DoesNotContain("http", html, StringComparison.OrdinalIgnoreCase);
        Assert.DoesNotContain("url(", html, StringComparison.OrdinalIgnoreCase);
        Assert.Empty(document.Descendants("script"));
        Assert.Empty(document.Descendants("link"));
        Assert.DoesNotContain(document.Descendants(), e => e.Name.LocalName is "iframe" or "img" or "object" or "embed" or "image" or "use" or "base");
        Assert.All(document.Descendants().Attributes().Where(a => a.Name.LocalName is "src" or "href"), a => Assert.StartsWith("#", a.Value, StringComparison.Ordinal));
    }

    [Theory]
    [InlineData("fleet")]
    [InlineData("history")]
    [InlineData("large")]
    public void Write_EveryLink_LandsOnAHostRow_AndEveryRowHasAUniqueAnchor(string page)
    {
        var document = ReportHtmlWriterTests.Parse(page switch { "fleet" => Render(SampleFleet()), "history" => RenderHistory(), _ => Render(LargeFleet(2000)) });

        var ids = document.Descendants().Select(e => (string?)e.Attribute("id")).Where(id => id is not null).ToArray();
        Assert.Equal(ids.Length, ids.Distinct(StringComparer.Ordinal).Count());
        var rows = document.Descendants("tr").Where(r => ((string?)r.Attribute("id"))?.StartsWith("host-", StringComparison.Ordinal) == true).ToArray();
        Assert.NotEmpty(rows);
        foreach (var link in document.Descendants("a"))
        {
            var target = ((string)link.Attribute("href")!)[1..];
            var row = Assert.Single(rows, r => (string)r.Attribute("id")! == target);
            Assert.Equal(link.Value, row.Descendants("a").First().Value);
        }
    }

    [Fact]
    public void HostAnchor_AnyName_OnlySafeCharacters_AndDistinctNamesDistinctAnchors()
    {
        Assert.Equal("host-gh-a01.lab", FleetHtmlWriter.HostAnchor("gh-a01.lab"));
        Assert.Equal("host-rack_207_2f_22gpu_22_20_3cx_3e", FleetHtmlWriter.HostAnchor("rack 7/\"gpu\" <x>"));
        Assert.Equal("host-_c3_a9", FleetHtmlWriter.HostAnchor("é"));
        Assert.NotEqual(FleetHtmlWriter.HostAnchor("a_20"), FleetHtmlWriter.HostAnchor("a "));
        Assert.Matches("^host-[A-Za-z0-9._-]*$", FleetHtmlWriter.HostAnchor("a_20<>\"'&#"));
    }

    [Fact]
    public void Write_OddHostName_EscapedInTextAndAnchor()
    {
        var document = ReportHtmlWriterTests.Parse(Render(SampleFleet()));

        var row = Assert.Single(document.Descendants("tr"), r => (string?)r.Attribute("id") == "host-rack_207_2f_22gpu_22_20_3cx_3e");
        Assert.Equal("rack 7/\"gpu\" <x>", row.Descendants("a").First().Value);
    }

    [Fact]
    public void Write_Histogram_OneBarPerBin_CountingEveryHost()
    {
        var document = ReportHtmlWriterTests.Parse(Render(SampleFleet()));

        var bars = document.Descendants("rect").Where(e => HasClass(e, "bin")).ToArray();
        Assert.Equal(FleetDashboard.Create(SampleFleet()).Histogram.Length, bars.Length);
        Assert.Equal(10, bars.Sum(b => (int)b.Attribute("data-hosts")!));
    }

    [Fact]
    public void Write_History_DrawsTheTimelineAndTheFan()
    {
        var document = ReportHtmlWriterTests.Parse(RenderHistory());

        Assert.Single(document.Descendants("section"), s => HasClass(s, "timeline"));
        var fan = Assert.Single(document.Descendants("section"), s => HasClass(s, "fan"));
        Assert.Single(fan.Descendants("polygon"), p => HasClass(p, "band"));
        Assert.Equal(25, fan.Descendants("circle").Count());
        Assert.DoesNotContain(ReportHtmlWriterTests.Parse(Render(SampleFleet())).Descendants("section"), s => HasClass(s, "fan") || HasClass(s, "timeline"));
    }

    /// <summary>The fleet's bytes agree to more digits than a label holds: the fan's axis gives the change from now, every label its own.</summary>
    [Fact]
    public void Write_History_FanAxisLabelsAreDistinctChangesFromNow()
    {
        var document = ReportHtmlWriterTests.Parse(RenderHistory());
        var fan = Assert.Single(document.Descendants("section"), s => HasClass(s, "fan"));
        var labels = fan.Descendants("text").Where(t => HasClass(t, "axis") && (string?)t.Attribute("text-anchor") == "end").Select(t => t.Value).ToArray();

        Assert.Equal(5, labels.Length);
        Assert.Equal(labels.Length, labels.Distinct().Count());
        Assert.Contains(labels, l => l.StartsWith('-'));
    }

    [Fact]
    public void Write_TenThousandHosts_ListsAtMost200_AndStaysSmall()
    {
        var html = Render(LargeFleet(10_000));
        var document = ReportHtmlWriterTests.Parse(html);

        var rows = document.Descendants("tr").Count(r => ((string?)r.Attribute("id"))?.StartsWith("host-", StringComparison.Ordinal) == true);
        Assert.Equal(200, rows);
        Assert.Contains("9800 more host(s)", html, StringComparison.Ordinal);
        Assert.True(html.Length < 400_000, $"the page is {html.Length} characters");
        Assert.True(html.Length < Render(LargeFleet(200)).Length * 1.2, "the page grew with the fleet, not with what it lists");
    }

    [Theory]
    [InlineData(1, -6, "0.000001", "99.999999")]
    [InlineData(5, -3, "0.005", "99.995")]
    [InlineData(2, 1, "20", "80")]
    [InlineData(1, 2, "100", "0")]
    public void LossSteps_ReadExactly(int mantissa, int exponent, string lost, string usable)
    {
        Assert.Equal(lost, FleetHtmlWriter.LossText(new LossStep(mantissa, exponent)));
        Assert.Equal(usable, FleetHtmlWriter.UsableText(new LossStep(mantissa, exponent)));
    }
}
