using System.Globalization;
using System.Text;
using EgmEcc.Fleet;
using EgmEcc.Formats.Output.Documents;
using EgmEcc.Formats.Wording;
using EgmEcc.History;
using EgmEcc.Reporting;

namespace EgmEcc.Formats.Reports;

/// <summary>What the fleet dashboard page says besides its figures.</summary>
public sealed record FleetHtmlOptions
{
    /// <summary>The command line that made the page, or null.</summary>
    public string? Invocation { get; init; }

    /// <summary>What the dashboard lists and forecasts, and when it was made.</summary>
    public DashboardOptions Dashboard { get; init; } = new();
}

/// <summary>
/// The fleet dashboard (docs/design.md §4.15) as one self-contained HTML page in the style of the
/// host report: inline CSS and SVG, no scripts, nothing fetched, readable printed.
/// </summary>
/// <remarks>
/// <para>It draws summaries only (<see cref="FleetDashboard"/>): the histogram of usable share, the
/// firmware tables closest to the cliff, with a history the fleet's totals per snapshot and the
/// forecast fan, and the worst hosts, one table row each (<c>tr id="host-NAME"</c>, the name
/// linking to it) with its regions as small bars. A fleet of 10,000 hosts makes a page of the same
/// few hundred kilobytes as one of 200.</para>
/// <para>The markup is well-formed XML, as the report's is.</para>
/// </remarks>
public sealed class FleetHtmlWriter
{
    /// <summary>The width of a chart in SVG user units; horizontal positions are percentages of it.</summary>
    private const double ChartWidth = 1000;

    /// <summary>The widest a region's bar is drawn, in CSS pixels (the largest region of the page).</summary>
    private const double RegionBarPixels = 90;

    /// <summary>The histogram's axis line, in pixels from the top of its SVG.</summary>
    private const double HistogramBottom = 172;

    private static readonly Lazy<string> Stylesheet = new(() => ReportHtmlWriter.LoadStylesheet("report.css") + ReportHtmlWriter.LoadStylesheet("dashboard.css"));

    /// <summary>Writes the dashboard of <paramref name="fleet"/> and, when given, its <paramref name="history"/>.</summary>
    public void Write(FleetReport fleet, HistoryReport? history, TextWriter output, FleetHtmlOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        Write(FleetDashboard.Create(fleet, history, options.Dashboard), output, options);
    }

    /// <summary>Writes <paramref name="dashboard"/>.</summary>
    public void Write(FleetDashboard dashboard, TextWriter output, FleetHtmlOptions options)
    {
        ArgumentNullException.ThrowIfNull(dashboard);
        ArgumentNullException.ThrowIfNull(output);
        ArgumentNullException.ThrowIfNull(options);
        var html = new StringBuilder(256 * 1024);
        var title = $"EGM fleet dashboard: {dashboard.Totals.Hosts} host(s)" + (dashboard.Now is { } now ? $" · {Time(now)}" : string.Empty);
        html.Append("<!DOCTYPE html>\n<html lang=\"en\">\n<head>\n<meta charset=\"utf-8\"/>\n");
        html.Append("<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\"/>\n");
        html.Append("<title>").Append(Esc(title)).Append("</title>\n<style>\n").Append(Stylesheet.Value).Append("</style>\n</head>\n<body class=\"dashboard\">\n");
        html.Append("<header>\n<h1>").Append(Esc(title)).Append("</h1>\n");
        html.Append("<p class=\"meta\">").Append(Esc(ReportText.Options(dashboard.Options, " · "))).Append("</p>\n");
        if (dashboard.GeneratedAt is { } generated && generated != dashboard.Now)
        {
            html.Append("<p class=\"meta\">").Append(Esc($"made {Time(generated)}")).Append("</p>\n");
        }

        if (options.Invocation is { } invocation)
        {
            html.Append("<p class=\"meta\"><code>").Append(Esc(invocation)).Append("</code></p>\n");
        }

        html.Append("</header>\n");
        html.Append("<section class=\"fleet\">\n<div class=\"cols\">\n");
        WriteFleet(html, dashboard);
        WriteHistogram(html, dashboard);
        html.Append("</div>\n</section>\n");
        WriteCliffs(html, dashboard);
        if (!dashboard.Timeline.IsEmpty)
        {
            WriteTimeline(html, dashboard);
        }

        if (dashboard.Fan is { } fan)
        {
            WriteFan(html, dashboard, fan);
        }

        WriteHosts(html, dashboard);
        html.Append("<footer>Hover over a bar, a point or a region for its figures. Green: usable; red: lost; ")
            .Append("amber: a firmware table's fill of its 4,096 entries.</footer>\n");
        html.Append("</body>\n</html>\n");
        output.Write(html.ToString());
    }

    /// <summary>The anchor of a host's row: <c>host-NAME</c>, every character but ASCII letters, digits, <c>.</c> and <c>-</c> written as <c>_XX</c> (its UTF-8 bytes), so any name makes a valid, unique id and link.</summary>
    public static string HostAnchor(string host)
    {
        ArgumentNullException.ThrowIfNull(host);
        var anchor = new StringBuilder("host-", host.Length + 5);
        foreach (var b in Encoding.UTF8.GetBytes(host))
        {
            if (b is (>= (byte)'a' and <= (byte)'z') or (>= (byte)'A' and <= (byte)'Z') or (>= (byte)'0' and <= (byte)'9') or (byte)'.' or (byte)'-')
            {
                anchor.Append((char)b);
            }
            else
            {
                anchor.Append('_').Append(b.ToString("x2", CultureInfo.InvariantCulture));
            }
        }

        return anchor.ToString();
    }

    private static void WriteFleet(StringBuilder html, FleetDashboard d)
    {
        var t = d.Totals;
        html.Append("<div class=\"totals\">\n<h2>Fleet</h2>\n<table class=\"figures\">\n");
        Row(html, "hosts / regions", $"{t.Hosts} / {t.Regions}");
        Row(html, "EGM memory", FleetFormat.Human(t.SizeBytes));
        Row(html, "usable", $"{FleetFormat.Human(t.UsableBytes)} ({ReportText.Percent(t.UsablePercent)} %)");
        Row(html, "lost", FleetFormat.Human(t.SizeBytes - t.UsableBytes));
        Row(html, "retired pages", FleetFormat.Number(d.RetiredPages));
        if (t.AtRiskPages > 0)
        {
            Row(html, "at-risk pages (corrected, usable)", FleetFormat.Number(t.AtRiskPages));
        }

        for (var h = 0; h < d.Options.HugePages.Length; h++)
        {
            Row(html, $"{ReportText.Bytes(d.Options.HugePages[h])} hugepages", FleetFormat.Number(t.HugePages[h]));
        }

        if (d.VmShape is { } shape)
        {
            Row(html, $"VMs {shape}", FleetFormat.Number(t.VmFit));
        }

        if (t.TableEntries is { } entries)
        {
            Row(html, "fullest firmware table", ReportText.FirmwareTable(entries)["firmware table ".Length..]);
        }

        Row(html, "warnings", FleetFormat.Number(t.Warnings));
        html.Append("</table>\n</div>\n");
    }

    /// <summary>The histogram: one bar per step of the loss scale, hosts that lost nothing first.</summary>
    private static void WriteHistogram(StringBuilder html, FleetDashboard d)
    {
        const double Height = 150, Bottom = HistogramBottom;
        var bins = d.Histogram;
        var max = Math.Max(1, bins.Max(b => b.Hosts));
        var slot = ChartWidth / bins.Length;
        html.Append("<div class=\"histogram\">\n<h2>Usable share across hosts</h2>\n");
        html.Append("<p class=\"meta\">Hosts by the share of their EGM memory lost, on a logarithmic scale (1-2-5 steps): the further right, the worse. ")
            .Append("Each bar counts the hosts whose lost share is above the step before it and at most its own.</p>\n");
        html.Append("<svg class=\"chart\" width=\"100%\" height=\"").Append(Num(Bottom + 56)).Append("\" role=\"img\" aria-label=\"histogram of usable share across hosts\">\n");
        html.Append("<line class=\"axis-line\" x1=\"0\" y1=\"").Append(Num(Bottom)).Append("\" x2=\"100%\" y2=\"").Append(Num(Bottom)).Append("\"/>\n");
        for (var i = 0; i < bins.Length; i++)
        {
            var bin = bins[i];
            var height = bin.Hosts == 0 ? 0 : Math.Max(2, Height * bin.Hosts / max);
            var x = (i * slot) + (slot * 0.12);
            html.Append("<rect class=\"").Append(bin.NothingLost ? "bin whole" : "bin").Append("\" x=\"").Append(H(x)).Append("\" y=\"").Append(Num(Bottom - height))
                .Append("\" width=\"").Append(H(slot * 0.76)).Append("\" height=\"").Append(Num(height)).Append("\" data-hosts=\"").Append(bin.Hosts)
                .Append("\"><title>").Append(Esc(BinTitle(bin))).Append("</title></rect>\n");
            if (bin.Hosts > 0)
            {
                html.Append("<text class=\"count\" x=\"").Append(H((i + 0.5) * slot)).Append("\" y=\"").Append(Num(Bottom - height - 5))
                    .Append("\" text-anchor=\"middle\">").Append(bin.Hosts).Append("</text>\n");
            }

            // The nothing-lost bar is labelled under it; the loss bars at their upper edges, the
            // steps of the scale, each decade (every step when there are few), so labels never crowd.
            if (bin.NothingLost)
            {
                AxisLabels(html, (i + 0.5) * slot, "middle", "none lost", "100%");
            }
            else if (bin.AtMost is { } step)
            {
                var edge = (i + 1) * slot;
                html.Append("<line class=\"tick\" x1=\"").Append(H(edge)).Append("\" y1=\"").Append(Num(Bottom)).Append("\" x2=\"").Append(H(edge))
                    .Append("\" y2=\"").Append(Num(Bottom + 4)).Append("\"/>\n");
                if (step.Mantissa == 1 || bins.Length <= 8)
                {
                    AxisLabels(html, edge, i == bins.Length - 1 ? "end" : "middle", $"{LossText(step)}%", $"{UsableText(step)}%");
                }

                // With few bars there is room to label the first loss bar's lower edge too.
                if (i == 1 && bin.Above is { } below && bins.Length <= 8)
                {
                    AxisLabels(html, slot, "middle", $"{LossText(below)}%", $"{UsableText(below)}%");
                }
            }
        }

        html.Append("<text class=\"note\" x=\"0\" y=\"").Append(Num(Bottom + 50)).Append("\">")
            .Append(Esc("the scale: the share lost and, in green, the share usable; hover a bar for its range")).Append("</text>\n");
        html.Append("</svg>\n</div>\n");
    }

    private static void AxisLabels(StringBuilder html, double x, string anchor, string lost, string usable)
    {
        const double Bottom = HistogramBottom;
        html.Append("<text class=\"axis\" x=\"").Append(H(x)).Append("\" y=\"").Append(Num(Bottom + 16)).Append("\" text-anchor=\"").Append(anchor).Append("\">")
            .Append(Esc(lost)).Append("</text>\n<text class=\"axis usable\" x=\"").Append(H(x)).Append("\" y=\"").Append(Num(Bottom + 30))
            .Append("\" text-anchor=\"").Append(anchor).Append("\">").Append(Esc(usable)).Append("</text>\n");
    }

    /// <summary>100 % less a step of the loss scale, exactly: <c>99.9998</c>.</summary>
    internal static string UsableText(LossStep step) =>
        (100m - decimal.Parse(LossText(step), CultureInfo.InvariantCulture)).ToString(CultureInfo.InvariantCulture);

    private static string BinTitle(UsableBin bin) => bin switch
    {
        { AtMost: null } => $"{bin.Hosts} host(s) lost nothing: 100 % usable",
        { Above: null, AtMost: { } to } => $"{bin.Hosts} host(s) lost more than 0 % and at most {LossText(to)} %",
        { Above: { } from, AtMost: { } to } => $"{bin.Hosts} host(s) lost more than {LossText(from)} % and at most {LossText(to)} %",
    };

    /// <summary>A step of the loss scale as a decimal, exactly: <c>0.000002</c>, <c>0.5</c>, <c>20</c>.</summary>
    internal static string LossText(LossStep step) => step.Exponent >= 0
        ? (step.Mantissa * (long)Math.Pow(10, step.Exponent)).ToString(CultureInfo.InvariantCulture)
        : "0." + new string('0', -step.Exponent - 1) + step.Mantissa.ToString(CultureInfo.InvariantCulture);

    private static void WriteCliffs(StringBuilder html, FleetDashboard d)
    {
        html.Append("<section class=\"cliff\">\n<h2>Closest to the firmware-table cliff</h2>\n");
        html.Append("<p class=\"meta\">").Append(Esc(
            $"The driver refuses a whole region when its firmware table holds more than {FirmwareTableFill.Limit:N0} entries. ")).Append(Esc(d.CliffsForecast
            ? "Soonest overflow first, at each host's measured rate (p5–p95 from its interval); then the fewest entries left."
            : "Fewest entries left first; overflow dates need a history of snapshots.")).Append("</p>\n");
        if (d.Cliffs.IsEmpty)
        {
            html.Append("<p>No firmware table holds an entry.</p>\n</section>\n");
            return;
        }

        var listed = d.WorstHosts.Select(h => h.Host).ToHashSet(StringComparer.Ordinal);
        html.Append("<table class=\"list\">\n<tr><th>host</th><th>region</th><th class=\"num\">entries</th><th class=\"num\">left</th><th>fill</th>");
        if (d.CliffsForecast)
        {
            html.Append("<th>overflow</th><th>p5–p95</th>");
        }

        html.Append("<th class=\"num\">cost</th></tr>\n");
        foreach (var c in d.Cliffs)
        {
            html.Append("<tr><td>");
            HostName(html, c.Host, listed.Contains(c.Host));
            html.Append("</td><td>").Append(Esc(c.Region)).Append("</td><td class=\"num\">").Append(Esc(Grouped(c.Entries)))
                .Append(c.Estimated ? "<span class=\"est\" title=\"estimated: no table was read; its retired 64 KiB pages\">*</span>" : string.Empty)
                .Append("</td><td class=\"num\">").Append(Esc(Grouped(c.Left))).Append("</td><td>");
            Fill(html, c.Entries);
            html.Append("</td>");
            if (d.CliffsForecast)
            {
                html.Append("<td>").Append(c.Overflow is { } o ? Esc(Date(o.Expected)) : "-").Append("</td><td>")
                    .Append(c.Overflow is { } r ? Esc($"{Date(r.Earliest)} – {(r.Latest is { } l ? Date(l) : "never")}") : "-").Append("</td>");
            }

            html.Append("<td class=\"num\">").Append(Esc(ReportText.Bytes(c.CostBytes))).Append("</td></tr>\n");
        }

        html.Append("</table>\n");
        if (d.CliffCandidates > d.Cliffs.Length || d.Cliffs.Any(c => c.Estimated))
        {
            html.Append("<p class=\"meta\">").Append(Esc(Messages.CliffNote(d.Cliffs.Length, d.CliffCandidates, d.Cliffs.Any(c => c.Estimated)))).Append("</p>\n");
        }

        html.Append("</section>\n");
    }

    /// <summary>A small bar of a table's fill of its 4096 entries, amber, red from 7/8.</summary>
    private static void Fill(StringBuilder html, int entries)
    {
        var share = Math.Clamp((double)entries / FirmwareTableFill.Limit, 0, 1);
        html.Append("<span class=\"tfill").Append(entries >= FirmwareTableLimit.NearLimitEntries ? " near" : string.Empty).Append("\"><span style=\"width:")
            .Append(Num(Math.Ceiling(share * 1000) / 10)).Append("%\"></span></span>");
    }

    private static void WriteTimeline(StringBuilder html, FleetDashboard d)
    {
        var line = d.Timeline;
        html.Append("<section class=\"timeline\">\n<h2>Fleet over time</h2>\n");
        var start = line[0].Snapshot.At;
        var span = (line[^1].Snapshot.At - start).TotalSeconds;
        double Xf(DateTimeOffset at) => span <= 0 ? 0.5 : (at - start).TotalSeconds / span;

        html.Append("<h3>Retired pages over the fleet (line) and new in each interval (bars)</h3>\n");
        var retired = line.Select(s => (double)s.RetiredPages).ToArray();
        var added = line.Select(s => (double)s.NewRetiredPages).ToArray();
        var top = Math.Max(1, Math.Max(retired.Max(), added.Max()));
        Plot(html, [.. line.Select(s => Xf(s.Snapshot.At))], 0, top, v => FleetFormat.Number((UInt128)Math.Round(v)),
            [.. line.Select(s => Date(s.Snapshot.At))], plot =>
            {
                for (var i = 0; i < line.Length; i++)
                {
                    var x = Xf(line[i].Snapshot.At) * 1000;
                    var h = added[i] / top * 1000;
                    plot.Append("<rect class=\"newbar\" x=\"").Append(Num(x - 6)).Append("\" y=\"").Append(Num(1000 - h)).Append("\" width=\"12\" height=\"")
                        .Append(Num(h)).Append("\"><title>").Append(Esc($"{Date(line[i].Snapshot.At)}: {line[i].NewRetiredPages} new retired page(s)")).Append("</title></rect>\n");
                }

                Polyline(plot, "series", line.Select((s, i) => (Xf(s.Snapshot.At), retired[i] / top)));
            },
            [.. line.Select((s, i) => (Xf(s.Snapshot.At), retired[i] / top, $"{Date(s.Snapshot.At)}: {s.RetiredPages} retired page(s) over {s.Hosts} host(s)"))]);

        html.Append("<table class=\"list\">\n<tr><th>snapshot</th><th>at</th><th class=\"num\">hosts</th><th class=\"num\">EGM</th><th class=\"num\">usable</th>")
            .Append("<th class=\"num\">usable %</th><th class=\"num\">retired</th><th class=\"num\">new</th><th class=\"num\">at-risk</th><th class=\"num\">fullest table</th></tr>\n");
        var first = Math.Max(0, line.Length - MaxTimelineRows);
        for (var i = line.Length - 1; i >= first; i--)
        {
            var s = line[i];
            html.Append("<tr><td>").Append(Esc(s.Snapshot.Name)).Append("</td><td>").Append(Esc(Time(s.Snapshot.At))).Append("</td><td class=\"num\">").Append(s.Hosts)
                .Append("</td><td class=\"num\">").Append(Esc(FleetFormat.Human(s.SizeBytes))).Append("</td><td class=\"num\">").Append(Esc(FleetFormat.Human(s.UsableBytes)))
                .Append("</td><td class=\"num\">").Append(Esc(FleetFormat.FourDecimals(s.UsablePercent))).Append("</td><td class=\"num\">").Append(Esc(FleetFormat.Number(s.RetiredPages)))
                .Append("</td><td class=\"num\">").Append(i == 0 ? "-" : Esc(FleetFormat.Number(s.NewRetiredPages))).Append("</td><td class=\"num\">").Append(Esc(FleetFormat.Number(s.AtRiskPages)))
                .Append("</td><td class=\"num\">").Append(s.TableEntries is { } e ? Esc($"{e}/{FirmwareTableFill.Limit}") : "-").Append("</td></tr>\n");
        }

        if (first > 0)
        {
            html.Append("<tr class=\"more\"><td colspan=\"10\">").Append(Esc(Messages.EarlierSnapshots(first))).Append("</td></tr>\n");
        }

        html.Append("</table>\n</section>\n");
    }

    /// <summary>The most snapshots the timeline's table lists, newest first (the chart has them all).</summary>
    private const int MaxTimelineRows = 36;

    private static void WriteFan(StringBuilder html, FleetDashboard d, ForecastFan fan)
    {
        var points = fan.Points;
        var high = points.Max(p => p.P95);
        var low = points.Min(p => p.P5);

        // The fan's scale: from a little under its lowest edge to a little over now, so the loss,
        // a small share of the fleet, fills the chart instead of a hair at its top.
        var spread = (double)(high - low);
        var pad = Math.Max(spread * 0.08, 1);
        var bottom = Math.Max(0, (double)low - pad);
        var top = (double)high + pad;
        double Y(UInt128 v) => ((double)v - bottom) / (top - bottom);
        double Xf(int i) => (double)i / (points.Length - 1);

        html.Append("<section class=\"fan\">\n<h2>Forecast: the fleet's usable memory</h2>\n<p class=\"meta\">")
            .Append(Esc(Messages.FanModel(fan.HorizonYears, fan.PagesPerYear, ReportText.Bytes(fan.BytesPerPage), fan.HostsOnPrior))).Append("</p>\n");
        var ticks = new[] { 0, points.Length / 4, points.Length / 2, 3 * points.Length / 4, points.Length - 1 };
        // The axis gives the change from now: the fleet's bytes agree to more digits than a label
        // holds (8.37 TiB on every line), so only the loss tells the lines apart.
        var now = points[0].Mean;
        string FromNow(double v)
        {
            var change = Math.Round(v - (double)now);
            return change == 0 ? "now" : (change < 0 ? "-" : "+") + FleetFormat.Human((UInt128)Math.Abs(change));
        }

        html.Append("<p class=\"meta\">The axis: the change from the usable memory now, ").Append(Esc(FleetFormat.Human(now))).Append(".</p>\n");
        Plot(html, [.. ticks.Select(Xf)], bottom, top, FromNow, [.. ticks.Select(i => Date(points[i].At))], plot =>
            {
                var band = points.Select((p, i) => (Xf(i), Y(p.P95))).Concat(points.Select((p, i) => (Xf(i), Y(p.P5))).Reverse());
                plot.Append("<polygon class=\"band\" points=\"").Append(string.Join(' ', band.Select(p => $"{Num(p.Item1 * 1000)},{Num(1000 - (p.Item2 * 1000))}"))).Append("\"/>\n");
                Polyline(plot, "edge", points.Select((p, i) => (Xf(i), Y(p.P5))));
                Polyline(plot, "edge", points.Select((p, i) => (Xf(i), Y(p.P95))));
                Polyline(plot, "series", points.Select((p, i) => (Xf(i), Y(p.Mean))));
            },
            [.. points.Select((p, i) => (Xf(i), Y(p.Mean), $"{Date(p.At)}: {FleetFormat.Human(p.Mean)} usable expected ({FleetFormat.Human(p.P5)} – {FleetFormat.Human(p.P95)}, p5–p95)"))]);
        var end = points[^1];
        html.Append("<table class=\"figures\">\n");
        Row(html, "usable now", FleetFormat.Human(points[0].Mean));
        Row(html, $"expected {Date(end.At)}", $"{FleetFormat.Human(end.Mean)} (lost {FleetFormat.Human(points[0].Mean - end.Mean)})");
        Row(html, "p5 – p95", $"{FleetFormat.Human(end.P5)} – {FleetFormat.Human(end.P95)} (lost {FleetFormat.Human(Lost(now, end.P95))} – {FleetFormat.Human(Lost(now, end.P5))})");
        html.Append("</table>\n</section>\n");
    }

    private static UInt128 Lost(UInt128 now, UInt128 then) => then < now ? now - then : 0;

    /// <summary>
    /// A chart: y labels on the left in the page's own text size, and the plot in a nested SVG whose
    /// 1000 × 1000 view box stretches to the area (lines keep their width:
    /// <c>vector-effect: non-scaling-stroke</c>), so it fills any page width.
    /// </summary>
    private static void Plot(StringBuilder html, double[] xTicks, double yMin, double yMax, Func<double, string> yLabel, string[] xLabels, Action<StringBuilder> draw, (double X, double Y, string Title)[] points)
    {
        const double Top = 10, Height = 170, Left = 13, Width = 85;
        html.Append("<svg class=\"chart\" width=\"100%\" height=\"").Append(Num(Top + Height + 30)).Append("\" role=\"img\">\n");
        for (var q = 0; q <= 4; q++)
        {
            var y = Top + Height - (Height * q / 4);
            html.Append("<line class=\"grid\" x1=\"").Append(Num(Left)).Append("%\" y1=\"").Append(Num(y)).Append("\" x2=\"").Append(Num(Left + Width))
                .Append("%\" y2=\"").Append(Num(y)).Append("\"/>\n<text class=\"axis\" x=\"").Append(Num(Left - 0.8)).Append("%\" y=\"").Append(Num(y + 4))
                .Append("\" text-anchor=\"end\">").Append(Esc(yLabel(yMin + ((yMax - yMin) * q / 4)))).Append("</text>\n");
        }

        var lastEnd = double.NegativeInfinity;
        for (var i = 0; i < xTicks.Length; i++)
        {
            var x = Left + (Width * xTicks[i]);

            // Labels 10 % apart at least (a date is about 70 pixels): crowded ones are left out.
            if (x - lastEnd < 10 && i != xTicks.Length - 1)
            {
                continue;
            }

            lastEnd = x;
            html.Append("<text class=\"axis\" x=\"").Append(Num(x)).Append("%\" y=\"").Append(Num(Top + Height + 17)).Append("\" text-anchor=\"middle\">")
                .Append(Esc(xLabels[i])).Append("</text>\n");
        }

        html.Append("<svg class=\"plot\" x=\"").Append(Num(Left)).Append("%\" y=\"").Append(Num(Top)).Append("\" width=\"").Append(Num(Width)).Append("%\" height=\"")
            .Append(Num(Height)).Append("\" viewBox=\"0 0 1000 1000\" preserveAspectRatio=\"none\" overflow=\"visible\">\n");
        draw(html);
        html.Append("</svg>\n");

        // Points as circles outside the stretched plot, so they stay round; each with its figures.
        foreach (var p in points)
        {
            html.Append("<circle class=\"point\" cx=\"").Append(Num(Left + (Width * p.X))).Append("%\" cy=\"").Append(Num(Top + Height - (Height * p.Y)))
                .Append("\" r=\"3\"><title>").Append(Esc(p.Title)).Append("</title></circle>\n");
        }

        html.Append("</svg>\n");
    }

    private static void Polyline(StringBuilder plot, string cssClass, IEnumerable<(double X, double Y)> points) =>
        plot.Append("<polyline class=\"").Append(cssClass).Append("\" points=\"")
            .Append(string.Join(' ', points.Select(p => $"{Num(p.X * 1000)},{Num(1000 - (p.Y * 1000))}"))).Append("\"/>\n");

    /// <summary>The worst hosts, one row each with its anchor, figures and regions as small bars.</summary>
    private static void WriteHosts(StringBuilder html, FleetDashboard d)
    {
        html.Append("<section class=\"hosts\">\n<h2>").Append(Esc(d.HostsNotListed == 0 ? "Hosts, worst first" : $"The {d.WorstHosts.Length} worst hosts"))
            .Append("</h2>\n<p class=\"meta\">Least usable share first, then the fullest firmware table. Each region is a bar as long as its size: ")
            .Append("green usable, red lost (at least a sliver when any byte is), and under it its firmware table's fill.</p>\n");
        var widest = d.WorstHosts.SelectMany(h => h.Regions).Select(r => r.SizeBytes).DefaultIfEmpty(1UL).Max();
        html.Append("<table class=\"list\">\n<tr><th>host</th><th class=\"num\">size</th><th class=\"num\">usable</th><th class=\"num\">usable %</th>")
            .Append("<th class=\"num\">lost</th><th class=\"num\">retired</th><th class=\"num\">fw table</th>");
        if (d.VmShape is { } shape)
        {
            html.Append("<th class=\"num\">").Append(Esc($"VMs {shape}")).Append("</th>");
        }

        html.Append("<th>regions</th></tr>\n");
        foreach (var host in d.WorstHosts)
        {
            var anchor = HostAnchor(host.Host);
            html.Append("<tr id=\"").Append(anchor).Append("\"><td>");
            HostName(html, host.Host, true);
            html.Append("</td><td class=\"num\">").Append(Esc(ReportText.Bytes(host.SizeBytes))).Append("</td><td class=\"num\">").Append(Esc(ReportText.Bytes(host.UsableBytes)))
                .Append("</td><td class=\"num\">").Append(Esc(FleetFormat.FourDecimals(host.UsablePercent))).Append("</td><td class=\"num\">")
                .Append(Esc(ReportText.Bytes(host.SizeBytes - host.UsableBytes))).Append("</td><td class=\"num\">").Append(host.RetiredPages)
                .Append("</td><td class=\"num\">").Append(host.TableEntries is { } e ? Esc($"{e}/{FirmwareTableFill.Limit}") : "-").Append("</td>");
            if (d.VmShape is not null)
            {
                html.Append("<td class=\"num\">").Append(host.VmFit).Append("</td>");
            }

            html.Append("<td class=\"regions\">");
            foreach (var region in host.Regions)
            {
                RegionBar(html, region, widest, d.Options.Granule);
            }

            html.Append("</td></tr>\n");
        }

        if (d.HostsNotListed > 0)
        {
            html.Append("<tr class=\"more\"><td colspan=\"").Append(d.VmShape is null ? 8 : 9).Append("\">").Append(Esc(Messages.MoreHostsThanShown(d.HostsNotListed))).Append("</td></tr>\n");
        }

        html.Append("</table>\n</section>\n");
    }

    /// <summary>A region as a bar as long as its size (relative to the page's largest): usable green, lost red, its table's fill under it.</summary>
    private static void RegionBar(StringBuilder html, RegionSummary region, ulong widest, ulong granule)
    {
        var lost = region.SizeBytes - region.UsableBytes;
        var share = region.SizeBytes == 0 ? 1 : (double)lost / region.SizeBytes;
        var entries = region.TableEntries ?? FleetDashboard.EstimatedEntries(region.RetiredPages, granule);
        var usablePercent = region.SizeBytes == 0 ? 0 : 100.0 * region.UsableBytes / region.SizeBytes;
        var title = $"{region.Id} (PXM {region.Node}): {ReportText.Bytes(region.SizeBytes)}, usable {ReportText.Bytes(region.UsableBytes)} ({ReportText.Percent(usablePercent)} %), "
            + $"lost {ReportText.Bytes(lost)}, {region.RetiredPages} retired page(s); firmware table {entries}{(region.TableEntries is null ? " (estimated)" : string.Empty)} of {FirmwareTableFill.Limit}";
        html.Append("<span class=\"rbar\" style=\"width:").Append(Num(Math.Max(12, Math.Round(RegionBarPixels * region.SizeBytes / widest)))).Append("px\" title=\"")
            .Append(Esc(title)).Append("\"><span class=\"track\">");
        if (lost > 0)
        {
            html.Append("<span class=\"lost\" style=\"width:").Append(Num(Math.Ceiling(share * 1000) / 10)).Append("%\"></span>");
        }

        html.Append("</span>");
        Fill(html, entries);
        html.Append("</span>");
    }

    private static void HostName(StringBuilder html, string host, bool linked)
    {
        if (linked)
        {
            html.Append("<a href=\"#").Append(HostAnchor(host)).Append("\">").Append(Esc(host)).Append("</a>");
        }
        else
        {
            html.Append(Esc(host));
        }
    }

    private static void Row(StringBuilder html, string label, string value) =>
        html.Append("<tr><th>").Append(Esc(label)).Append("</th><td>").Append(Esc(value)).Append("</td></tr>\n");

    private static string Grouped(int value) => value.ToString("N0", CultureInfo.InvariantCulture);

    private static string Date(DateTimeOffset at) => at.ToUniversalTime().ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);

    private static string Time(DateTimeOffset at) => at.ToUniversalTime().ToString("yyyy-MM-dd'T'HH:mm:ss'Z'", CultureInfo.InvariantCulture);

    /// <summary>A horizontal position or width in chart units as a percentage of the drawn width.</summary>
    private static string H(double units) => Num(units * 100 / ChartWidth) + "%";

    private static string Num(double value) => value.ToString("0.##", CultureInfo.InvariantCulture);

    private static string Esc(string text) => ReportHtmlWriter.Esc(text);
}
