using System.Globalization;
using System.Text;
using EgmEcc.Formats.Wording;
using EgmEcc.Reporting;

namespace EgmEcc.Formats.Reports;

/// <summary>
/// The report as one self-contained HTML page: inline CSS and inline SVG, no scripts, no external
/// references, so it can be archived with a host's boot logs and opened anywhere.
/// </summary>
/// <remarks>
/// <para>Per region: the figures, a bar chart of hugepage capacity by page size (the lost part in
/// red), and one SVG hole map drawn to scale. Each hole is one <c>rect class="hole"</c> whose
/// <c>title</c> (the hover text) gives its address range and size. A hole narrower than
/// <see cref="VisibleWidth"/> units of the map's <see cref="MapWidth"/> is also marked with a tick
/// over the bar and shown in a zoomed panel under it (see <see cref="HoleMap.ZoomWindows"/>).</para>
/// <para>The page stays small whatever the hole count. A region with at most
/// <see cref="MaxHoleElements"/> holes draws each as its own <c>rect class="hole"</c>; a region with
/// more draws them in groups, one <c>rect class="hole-group"</c> per <see cref="MapWidth"/>-th of the
/// map in which holes start, spanning its first hole's start to its last hole's end (still to scale),
/// with the number of holes in <c>data-holes</c> and in its title. Either way each hole is counted
/// exactly once: the region's hole count is the number of <c>rect.hole</c> plus the sum of
/// <c>data-holes</c> over <c>rect.hole-group</c>, and the <c>svg</c> element's own <c>data-holes</c>
/// states it. The folded hole list shows the first <see cref="MaxHoleRows"/> holes and counts the
/// rest (<c>egmecc plan --format csv</c> lists them all).</para>
/// <para>The markup is well-formed XML (every element closed, only the five XML entities), so it
/// can be checked with an XML parser as well as read by browsers.</para>
/// </remarks>
public sealed class ReportHtmlWriter : IReportWriter
{
    /// <summary>The width of the hole map in SVG user units.</summary>
    public const int MapWidth = 1000;

    /// <summary>Holes narrower than this on the map (in SVG units) are too small to see and get a zoomed panel.</summary>
    public const double VisibleWidth = 2;

    /// <summary>The most zoomed panels per region; further small holes are counted in a note.</summary>
    public const int MaxZoomPanels = 16;

    /// <summary>The most holes a region's map draws one by one; beyond it, holes are drawn in groups.</summary>
    public const int MaxHoleElements = 500;

    /// <summary>The most holes the folded hole list of a region shows row by row.</summary>
    public const int MaxHoleRows = 500;

    /// <summary>
    /// The narrowest the map is drawn, in CSS pixels (its <c>min-width</c>; a 700-pixel window leaves
    /// it about 590): labels are spaced so that they do not collide even there.
    /// </summary>
    public const double MinMapPixels = 560;

    /// <summary>Blocks a row of the block grid holds (as the terminal's at 80 columns).</summary>
    public const int BlocksPerRow = 64;

    /// <summary>The width of a character of the map's 11-pixel monospace labels, in CSS pixels (0.6 em, with a margin).</summary>
    private const double LabelCharPixels = 7;

    private const int PanelsPerRow = 6;
    private const double PanelGap = 16;
    private const double BarTop = 30;
    private const double BarHeight = 30;
    private const double InsetTop = 118;
    private const double PanelRowHeight = 74;

    /// <summary>The report's stylesheet, kept as a file of its own (<c>report.css</c>, embedded) rather than C# text.</summary>
    private static readonly Lazy<string> Stylesheet = new(() => LoadStylesheet("report.css"));

    /// <inheritdoc/>
    public string Name => "html";

    /// <inheritdoc/>
    public void Write(Report report, TextWriter output, ReportOutputOptions options)
    {
        ArgumentNullException.ThrowIfNull(report);
        ArgumentNullException.ThrowIfNull(output);
        ArgumentNullException.ThrowIfNull(options);
        var html = new StringBuilder(64 * 1024);
        var plan = report.Plan;
        var hosts = report.HostName is { } name ? [name] : report.Hosts.Where(h => h.Length > 0).ToArray();
        var title = (hosts.Length == 0 ? "EGM memory report" : $"EGM memory report: {string.Join(", ", hosts)}")
            + (report.GeneratedAtText is { } at ? $" · {at}" : string.Empty);

        html.Append("<!DOCTYPE html>\n<html lang=\"en\">\n<head>\n<meta charset=\"utf-8\"/>\n");
        html.Append("<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\"/>\n");
        html.Append("<title>").Append(Esc(title)).Append("</title>\n<style>\n").Append(Stylesheet.Value).Append("</style>\n</head>\n<body>\n");
        html.Append("<header>\n<h1>").Append(Esc(title)).Append("</h1>\n");
        html.Append("<p class=\"meta\">").Append(Esc($"{report.Regions.Length} region(s) · {ReportText.Options(plan.Options, " · ")}")).Append("</p>\n");
        html.Append("<p class=\"meta\">").Append(Esc(ReportText.Accounting(plan.Accounting))).Append("</p>\n");
        if (options.Invocation is { } invocation)
        {
            html.Append("<p class=\"meta\"><code>").Append(Esc(invocation)).Append("</code></p>\n");
        }

        html.Append("</header>\n");
        WriteGates(html, report);
        foreach (var region in report.Regions)
        {
            WriteRegion(html, region);
        }

        WriteWarnings(html, report.Warnings);
        html.Append("<footer>Hover over a hole, a marker or a block for its address range and size. ")
            .Append("Green: usable extents and whole blocks; red: holes and blocks with no usable byte; amber: broken blocks.</footer>\n");
        WriteVerdict(html, report);
        html.Append("</body>\n</html>\n");
        output.Write(html.ToString());
    }

    /// <summary>The page's last line: <c>PASS</c>, or <c>FAIL: </c> and every failed gate in a few words.</summary>
    private static void WriteVerdict(StringBuilder html, Report report)
    {
        var verdict = report.Passed ? "PASS" : ReportText.Verdict([.. report.FailedGates.Select(g => g.ShortName)], int.MaxValue);
        html.Append("<p class=\"verdict ").Append(report.Passed ? "pass" : "fail").Append("\">").Append(Esc(verdict)).Append("</p>\n");
    }

    private static void WriteGates(StringBuilder html, Report report)
    {
        if (report.Gates.IsEmpty)
        {
            return;
        }

        var failed = report.FailedGates.ToArray();
        html.Append("<section class=\"gates ").Append(failed.Length == 0 ? "pass" : "fail").Append("\">\n<h2>Gates: ")
            .Append(failed.Length == 0 ? "all passed" : $"{failed.Length} failed").Append("</h2>\n<ul>\n");
        foreach (var gate in report.Gates)
        {
            html.Append("<li class=\"").Append(gate.Passed ? "pass" : "fail").Append("\">").Append(Esc(gate.Describe())).Append("</li>\n");
        }

        html.Append("</ul>\n</section>\n");
    }

    private static void WriteRegion(StringBuilder html, RegionReport region)
    {
        var r = region.Region;
        var s = region.Stats;
        html.Append("<section class=\"region\" id=\"").Append(Esc(Anchor(r))).Append("\">\n");
        html.Append("<h2>").Append(Esc(ReportText.RegionTitle(r, " · "))).Append(" <span class=\"range\">")
            .Append(Esc(r.Extent.ToString())).Append("</span></h2>\n");
        html.Append("<div class=\"cols\">\n<table class=\"figures\">\n");
        Row(html, "size", ReportText.Bytes(s.SizeBytes));
        Row(html, "usable", $"{ReportText.Bytes(s.UsableBytes)} ({ReportText.Percent(region.UsablePercent)} %)");
        Row(html, "retired", ReportText.Bytes(s.RetiredBytes));
        Row(html, "fragment", ReportText.Bytes(s.FragmentBytes));
        Row(html, "largest extent", ReportText.Bytes(s.LargestExtentBytes));
        Row(html, "extents / holes", $"{s.Extents} / {s.Holes}");
        if (!region.Plan.AtRisk.IsEmpty)
        {
            Row(html, "at risk (corrected, usable)", ReportText.AtRisk(s, region.Plan.AtRisk.Length));
        }

        if (region.TableEntries is { } entries)
        {
            Row(html, "firmware table", ReportText.FirmwareTable(entries)["firmware table ".Length..]);
        }

        html.Append("</table>\n");
        WriteHugePageChart(html, region);
        html.Append("</div>\n");
        WriteHoleMap(html, region);
        WriteBlockGrid(html, region);
        WriteHoleList(html, region);
        html.Append("</section>\n");
    }

    private static void Row(StringBuilder html, string label, string value) =>
        html.Append("<tr><th>").Append(Esc(label)).Append("</th><td>").Append(Esc(value)).Append("</td></tr>\n");

    /// <summary>One horizontal bar per hugepage size: usable blocks in green, blocks lost to holes in red.</summary>
    private static void WriteHugePageChart(StringBuilder html, RegionReport region)
    {
        html.Append("<div class=\"huge\">\n<h3>Hugepage capacity by page size</h3>\n<table class=\"chart\">\n");
        foreach (var h in region.HugePages)
        {
            var percent = h.Percent;
            var text = $"{h.Count} of {h.Ideal}" + (h.Lost == 0 ? string.Empty : $" · {h.Lost} lost ({ReportText.Bytes(h.LostBytes)})");
            html.Append("<tr><th>").Append(Esc(ReportText.Bytes(h.PageSize))).Append("</th><td class=\"bar\"><div class=\"track\" title=\"")
                .Append(Esc($"{ReportText.Bytes(h.PageSize)} pages: {text}")).Append("\"><div class=\"fill\" style=\"width:")
                .Append(Num(Math.Floor(percent * 100) / 100)).Append("%\"></div></div></td><td class=\"num\">")
                .Append(Esc(text)).Append("</td></tr>\n");
        }

        html.Append("</table>\n</div>\n");
    }

    /// <summary>The SVG: the bar to scale, its axis, markers over holes too small to see, and their zoomed panels.</summary>
    private static void WriteHoleMap(StringBuilder html, RegionReport region)
    {
        var plan = region.Plan;
        var size = region.Region.Size;
        var inset = HoleMap.ZoomWindows(plan, VisibleBytes(size), MaxZoomPanels);
        var rows = (inset.Windows.Length + PanelsPerRow - 1) / PanelsPerRow;
        var height = rows == 0 ? BarTop + BarHeight + 34 : InsetTop + ((rows - 1) * PanelRowHeight) + 50;

        // No viewBox: horizontal positions are percentages of the drawn width and text keeps its CSS
        // size, so labels stay readable however narrow the page (a viewBox scales text with the map).
        html.Append("<svg class=\"map\" width=\"100%\" height=\"").Append(Num(height))
            .Append("\" role=\"img\" data-holes=\"").Append(plan.Holes.Length)
            .Append("\" aria-label=\"").Append(Esc($"hole map of {region.Region.Id}, drawn to scale")).Append("\">\n");

        // The bar: the whole region usable, holes over it, each as wide as it is (however thin).
        html.Append("<rect class=\"usable\" x=\"0\" y=\"").Append(Num(BarTop)).Append("\" width=\"100%")
            .Append("\" height=\"").Append(Num(BarHeight)).Append("\"><title>")
            .Append(Esc($"usable {ReportText.Bytes(region.Stats.UsableBytes)} in {region.Stats.Extents} extent(s)")).Append("</title></rect>\n");
        if (plan.Holes.Length <= MaxHoleElements)
        {
            foreach (var hole in plan.Holes)
            {
                html.Append("<rect class=\"hole\" x=\"").Append(H(X(hole.Offset, size))).Append("\" y=\"").Append(Num(BarTop))
                    .Append("\" width=\"").Append(H(Width(hole.Size, size))).Append("\" height=\"").Append(Num(BarHeight))
                    .Append("\"><title>").Append(Esc(ReportText.Hole(plan, hole))).Append("</title></rect>\n");
            }
        }
        else
        {
            foreach (var group in HoleGroups(plan))
            {
                html.Append("<rect class=\"hole-group\" data-holes=\"").Append(group.Count).Append("\" x=\"").Append(H(X(group.Start, size)))
                    .Append("\" y=\"").Append(Num(BarTop)).Append("\" width=\"").Append(H(Width(group.End - group.Start, size)))
                    .Append("\" height=\"").Append(Num(BarHeight)).Append("\"><title>").Append(Esc(GroupTitle(plan, group))).Append("</title></rect>\n");
            }
        }

        WriteAxis(html, region);
        WriteMarkers(html, region, inset);
        if (!inset.Windows.IsEmpty)
        {
            var note = $"Zoomed: {inset.Windows.Sum(w => w.HoleCount)} hole(s) too small to see at this scale, each window to its own scale"
                + (inset.OmittedHoles == 0 ? string.Empty : $"; {inset.OmittedHoles} more not shown (listed below)");
            html.Append("<text class=\"note\" x=\"0\" y=\"").Append(Num(InsetTop - 22)).Append("\">").Append(Esc(note)).Append("</text>\n");
            for (var i = 0; i < inset.Windows.Length; i++)
            {
                WritePanel(html, plan, inset.Windows[i], i);
            }
        }

        html.Append("</svg>\n");
    }

    /// <summary>
    /// Ticks at the quarters of the bar, labelled with the region's first and last address and the
    /// offsets between; a quarter's label is left out where it would touch its neighbours on a map
    /// <see cref="MinMapPixels"/> wide (a long end address, as at the top of the 64-bit space).
    /// </summary>
    private static void WriteAxis(StringBuilder html, RegionReport region)
    {
        var size = region.Region.Size;
        var y = BarTop + BarHeight;
        var labels = new string[5];
        for (var q = 0; q <= 4; q++)
        {
            labels[q] = q == 0 ? Numbers.Hex(region.Region.Base) : q == 4 ? "0x" + region.Region.Extent.End.ToString("x", CultureInfo.InvariantCulture) : $"+{ReportText.Bytes(HoleMap.CellStart(size, q, 4))}";
        }

        // Label extents in map units: the first starts at 0, the last ends at MapWidth, the rest are centred.
        (double From, double To) Extent(int q)
        {
            var w = LabelUnits(labels[q].Length);
            var x = MapWidth * q / 4.0;
            return q == 0 ? (0, w) : q == 4 ? (MapWidth - w, MapWidth) : (x - (w / 2), x + (w / 2));
        }

        var lastTo = Extent(0).To;
        for (var q = 0; q <= 4; q++)
        {
            var x = MapWidth * q / 4.0;
            var anchor = q == 0 ? "start" : q == 4 ? "end" : "middle";
            html.Append("<line class=\"tick\" x1=\"").Append(H(x)).Append("\" y1=\"").Append(Num(y)).Append("\" x2=\"").Append(H(x))
                .Append("\" y2=\"").Append(Num(y + 5)).Append("\"/>\n");
            if (q is > 0 and < 4 && (Extent(q).From < lastTo || Extent(q).To > Extent(4).From))
            {
                continue;
            }

            lastTo = Extent(q).To;
            html.Append("<text class=\"axis\" x=\"").Append(H(x)).Append("\" y=\"").Append(Num(y + 17)).Append("\" text-anchor=\"").Append(anchor).Append("\">")
                .Append(Esc(labels[q])).Append("</text>\n");
        }
    }

    /// <summary>The map units a label of <paramref name="characters"/> takes on a map <see cref="MinMapPixels"/> wide, with a gap after it.</summary>
    private static double LabelUnits(int characters) => ((characters * LabelCharPixels) + 8) * MapWidth / MinMapPixels;

    /// <summary>
    /// A tick through the bar at every hole too small to see that a zoomed panel shows, and over
    /// the bar the number of its panel. Numbers that would touch on a map <see cref="MinMapPixels"/>
    /// wide are joined (<c>4–11</c>). Small holes beyond the panels get no tick: on a dense host
    /// hundreds of ticks would paint the bar red end to end; the block grid under the map shows them.
    /// </summary>
    private static void WriteMarkers(StringBuilder html, RegionReport region, ZoomInset inset)
    {
        var plan = region.Plan;
        var size = region.Region.Size;
        var zoomed = new bool[plan.Holes.Length];
        foreach (var w in inset.Windows)
        {
            zoomed.AsSpan(w.FirstHole, w.HoleCount).Fill(true);
        }

        if (plan.Holes.Length <= MaxHoleElements)
        {
            for (var i = 0; i < plan.Holes.Length; i++)
            {
                if (zoomed[i])
                {
                    var hole = plan.Holes[i];
                    Mark(html, X(hole.Offset, size) + (Width(hole.Size, size) / 2), ReportText.Hole(plan, hole));
                }
            }
        }
        else
        {
            var visible = VisibleBytes(size);
            foreach (var group in HoleGroups(plan))
            {
                if (group.End - group.Start < visible && zoomed.AsSpan(group.First, group.Count).Contains(true))
                {
                    Mark(html, X(group.Start, size) + (Width(group.End - group.Start, size) / 2), GroupTitle(plan, group));
                }
            }
        }

        // Panel numbers over the bar, joined where they would touch at the narrowest map.
        var groups = new List<(double X, int First, int Last)>();
        for (var i = 0; i < inset.Windows.Length; i++)
        {
            var x = X(plan.Holes[inset.Windows[i].FirstHole].Offset, size);
            groups.Add((x, i, i));
            while (groups.Count > 1 && Touch(groups[^2], groups[^1]))
            {
                groups[^2] = (groups[^2].X, groups[^2].First, groups[^1].Last);
                groups.RemoveAt(groups.Count - 1);
            }
        }

        foreach (var group in groups)
        {
            var label = MarkLabel(group);
            var half = LabelUnits(label.Length) / 2;
            var clamped = Math.Clamp(group.X, half, MapWidth - half);
            html.Append("<text class=\"marklabel\" x=\"").Append(H(clamped)).Append("\" y=\"").Append(Num(BarTop - 10))
                .Append("\" text-anchor=\"middle\">").Append(Esc(label)).Append("</text>\n");
        }

        static string MarkLabel((double X, int First, int Last) g) => g.First == g.Last ? $"{g.First + 1}" : $"{g.First + 1}–{g.Last + 1}";

        // Two labels, each centred on its x (as far as the map's ends allow), touch when their halves meet.
        static bool Touch((double X, int First, int Last) a, (double X, int First, int Last) b)
        {
            double aHalf = LabelUnits(MarkLabel(a).Length) / 2, bHalf = LabelUnits(MarkLabel(b).Length) / 2;
            var ax = Math.Clamp(a.X, aHalf, MapWidth - aHalf);
            var bx = Math.Clamp(b.X, bHalf, MapWidth - bHalf);
            return bx - bHalf < ax + aHalf;
        }
    }

    private static void Mark(StringBuilder html, double x, string title) =>
        html.Append("<line class=\"mark\" x1=\"").Append(H(x)).Append("\" y1=\"").Append(Num(BarTop - 6)).Append("\" x2=\"").Append(H(x))
            .Append("\" y2=\"").Append(Num(BarTop + BarHeight)).Append("\"><title>").Append(Esc(title)).Append("</title></line>\n");

    /// <summary>
    /// The holes of <paramref name="plan"/> grouped by the <see cref="MapWidth"/>-th of the region
    /// they start in: each hole in exactly one group, groups in offset order.
    /// </summary>
    private static IEnumerable<(ulong Start, ulong End, int Count, ulong Bytes, int First)> HoleGroups(RegionPlan plan)
    {
        var size = plan.Region.Size;
        var cell = -1L;
        (ulong Start, ulong End, int Count, ulong Bytes, int First) group = default;
        for (var h = 0; h < plan.Holes.Length; h++)
        {
            var hole = plan.Holes[h];
            var index = (long)((UInt128)hole.Offset * MapWidth / size);
            if (index != cell && group.Count > 0)
            {
                yield return group;
                group = default;
            }

            cell = index;
            group = group.Count == 0
                ? (hole.Offset, hole.Offset + hole.Size, 1, hole.Size, h)
                : (group.Start, hole.Offset + hole.Size, group.Count + 1, group.Bytes + hole.Size, group.First);
        }

        if (group.Count > 0)
        {
            yield return group;
        }
    }

    private static string GroupTitle(RegionPlan plan, (ulong Start, ulong End, int Count, ulong Bytes, int First) group) =>
        $"{group.Count} hole(s) in {AddressRange.FromBaseSize(plan.AddressOf(group.Start), group.End - group.Start)}: {ReportText.Bytes(group.Bytes)} unusable";

    /// <summary>Zoomed panel <paramref name="index"/>: its window of the region with the holes in it to the window's scale.</summary>
    private static void WritePanel(StringBuilder html, RegionPlan plan, ZoomWindow window, int index)
    {
        var panelWidth = (MapWidth - ((PanelsPerRow - 1) * PanelGap)) / PanelsPerRow;
        var left = (index % PanelsPerRow) * (panelWidth + PanelGap);
        var top = InsetTop + ((index / PanelsPerRow) * PanelRowHeight);
        var frameTop = top + 6;
        const double FrameHeight = 24;
        var first = plan.Holes[window.FirstHole];
        html.Append("<g class=\"zoom\">\n");
        html.Append("<text class=\"panel\" x=\"").Append(H(left)).Append("\" y=\"").Append(Num(top)).Append("\"><tspan class=\"n\">")
            .Append(index + 1).Append("</tspan> ").Append(Esc(Numbers.Hex(plan.AddressOf(first.Offset)))).Append("</text>\n");
        html.Append("<rect class=\"usable\" x=\"").Append(H(left)).Append("\" y=\"").Append(Num(frameTop)).Append("\" width=\"").Append(H(panelWidth))
            .Append("\" height=\"").Append(Num(FrameHeight)).Append("\"><title>")
            .Append(Esc($"window {AddressRange.FromBaseSize(plan.AddressOf(window.Start), window.Size)} ({ReportText.Bytes(window.Size)})"))
            .Append("</title></rect>\n");

        // Every hole overlapping the window, clipped to it; most are the window's own small holes.
        var windowEnd = window.Start + window.Size;
        var h = window.FirstHole;
        while (h > 0 && plan.Holes[h - 1].Offset + plan.Holes[h - 1].Size > window.Start)
        {
            h--;
        }

        for (; h < plan.Holes.Length && plan.Holes[h].Offset < windowEnd; h++)
        {
            var hole = plan.Holes[h];
            var from = Math.Max(hole.Offset, window.Start);
            var to = Math.Min(hole.Offset + hole.Size, windowEnd);
            var x = left + (panelWidth * (from - window.Start) / window.Size);
            var width = Math.Max(MinZoomHoleUnits, panelWidth * (to - from) / window.Size);
            html.Append("<rect class=\"zoom-hole\" x=\"").Append(H(x)).Append("\" y=\"").Append(Num(frameTop)).Append("\" width=\"").Append(H(width))
                .Append("\" height=\"").Append(Num(FrameHeight)).Append("\"><title>").Append(Esc(ReportText.Hole(plan, hole))).Append("</title></rect>\n");
        }

        html.Append("<rect class=\"frame\" x=\"").Append(H(left)).Append("\" y=\"").Append(Num(frameTop)).Append("\" width=\"").Append(H(panelWidth))
            .Append("\" height=\"").Append(Num(FrameHeight)).Append("\"/>\n");
        var caption = $"{ReportText.Bytes(window.Size)} window" + (window.HoleCount == 1 ? string.Empty : $", {window.HoleCount} holes");
        html.Append("<text class=\"caption\" x=\"").Append(H(left)).Append("\" y=\"").Append(Num(frameTop + FrameHeight + 13)).Append("\">")
            .Append(Esc(caption)).Append("</text>\n</g>\n");
    }

    /// <summary>
    /// The region as rows of aligned blocks (the terminal's grid, docs/design.md §4.6): a CSS grid,
    /// each row led by its offset, each block coloured whole, broken or unusable; a broken or
    /// unusable block's title gives its range and the bytes in holes.
    /// </summary>
    private static void WriteBlockGrid(StringBuilder html, RegionReport region)
    {
        var map = BlockMap.Create(region.Plan, BlocksPerRow, ReportTerminalWriter.MaxBlockRows);
        var plan = region.Plan;
        html.Append("<div class=\"blocks\" data-block-bytes=\"").Append(map.BlockSize).Append("\" data-whole=\"").Append(map.Whole)
            .Append("\" data-broken=\"").Append(map.Broken).Append("\" data-unusable=\"").Append(map.Unusable).Append("\">\n");
        html.Append("<h3>").Append(Esc($"{ReportText.Bytes(map.BlockSize)} blocks: {map.Whole} whole, {map.Broken} broken, {map.Unusable} unusable"))
            .Append(" <span class=\"key\"><i class=\"w\"></i>whole <i class=\"x\"></i>broken (holes in it) <i class=\"u\"></i>no usable byte</span></h3>\n");
        html.Append("<div class=\"grid\" style=\"grid-template-columns: auto repeat(").Append(map.PerRow).Append(", 1fr)\">\n");
        for (var r = 0; r < map.Rows; r++)
        {
            html.Append("<span class=\"off\">").Append(Esc(new ByteSize(map.RowStart(r)).ToString())).Append("</span>");
            foreach (var block in map.Row(r))
            {
                html.Append(block.State switch { BlockState.Whole => "<i class=\"w\"", BlockState.Broken => "<i class=\"x\"", _ => "<i class=\"u\"" });
                if (block.State != BlockState.Whole)
                {
                    html.Append(" title=\"").Append(Esc($"{AddressRange.FromBaseSize(plan.AddressOf(block.Start), block.End - block.Start)}: {ReportText.Bytes(block.HoleBytes)} in holes")).Append('"');
                }

                html.Append("></i>");
            }

            html.Append('\n');
        }

        html.Append("</div>\n</div>\n");
    }

    /// <summary>Every hole as a row, folded away (a <c>details</c> element needs no script).</summary>
    private static void WriteHoleList(StringBuilder html, RegionReport region)
    {
        var plan = region.Plan;
        if (plan.Holes.IsEmpty)
        {
            html.Append("<p class=\"meta\">No holes: the whole region is usable.</p>\n");
            return;
        }

        html.Append("<details>\n<summary>").Append(plan.Holes.Length).Append(" hole(s)</summary>\n<table class=\"holes\">\n")
            .Append("<tr><th>address range</th><th>offset</th><th>size</th><th>retired</th><th>fragment</th></tr>\n");
        foreach (var hole in plan.Holes.Take(MaxHoleRows))
        {
            html.Append("<tr><td>").Append(Esc(AddressRange.FromBaseSize(plan.AddressOf(hole.Offset), hole.Size).ToString()))
                .Append("</td><td>").Append(Esc(Numbers.Hex(hole.Offset)))
                .Append("</td><td>").Append(Esc(ReportText.Bytes(hole.Size)))
                .Append("</td><td>").Append(Esc(ReportText.Bytes(hole.RetiredBytes)))
                .Append("</td><td>").Append(Esc(ReportText.Bytes(hole.FragmentBytes))).Append("</td></tr>\n");
        }

        if (plan.Holes.Length > MaxHoleRows)
        {
            html.Append("<tr class=\"more\"><td colspan=\"5\">").Append(Esc(Messages.MoreHolesThanShown(plan.Holes.Length - MaxHoleRows)))
                .Append("</td></tr>\n");
        }

        html.Append("</table>\n</details>\n");
    }

    private static void WriteWarnings(StringBuilder html, WarningSummary warnings)
    {
        html.Append("<section class=\"warnings\">\n<h2>Warnings</h2>\n");
        if (warnings.All.IsEmpty)
        {
            html.Append("<p>None.</p>\n</section>\n");
            return;
        }

        if (warnings.Warnings > 0)
        {
            html.Append("<p class=\"summary\">").Append(Esc(warnings.Describe())).Append("</p>\n");
        }

        html.Append("<ul>\n");
        foreach (var d in warnings.All)
        {
            html.Append("<li class=\"").Append(d.Severity == Severity.Warning ? "warning" : "info").Append("\"><code>")
                .Append(Esc(d.Source.ToString())).Append("</code> ").Append(Esc(d.Message)).Append("</li>\n");
        }

        html.Append("</ul>\n</section>\n");
    }

    /// <summary>The bytes one <see cref="VisibleWidth"/> of the map stands for (at least 1).</summary>
    private static ulong VisibleBytes(ulong size) => Math.Max(1, (ulong)((UInt128)size * (uint)(VisibleWidth * 1000) / (uint)(MapWidth * 1000)));

    /// <summary>The narrowest a hole is drawn in a zoomed panel, in map units: two pixels of the narrowest map.</summary>
    private const double MinZoomHoleUnits = 2 * MapWidth / MinMapPixels;

    /// <summary>A horizontal position or width in map units as a percentage of the drawn width: <c>25%</c>.</summary>
    private static string H(double units) => Num(units * 100 / MapWidth) + "%";

    private static double X(ulong offset, ulong size) => MapWidth * ((double)offset / size);

    private static double Width(ulong bytes, ulong size) => MapWidth * ((double)bytes / size);

    private static string Anchor(Region r) => (r.Host.Length == 0 ? string.Empty : r.Host + "-") + r.Id;

    /// <summary>A number for SVG: invariant, at most 4 decimals, so tiny holes keep a non-zero width.</summary>
    private static string Num(double value) => value.ToString("0.####", CultureInfo.InvariantCulture) is "0" && value > 0
        ? value.ToString("0.####E0", CultureInfo.InvariantCulture)
        : value.ToString("0.####", CultureInfo.InvariantCulture);

    /// <summary>Reads an embedded stylesheet of this folder (<c>report.css</c>); line ends as in the repository, whatever a checkout made of them.</summary>
    internal static string LoadStylesheet(string name)
    {
        var resource = $"EgmEcc.Formats.Reports.{name}";
        using var stream = typeof(ReportHtmlWriter).Assembly.GetManifestResourceStream(resource)
            ?? throw new InvalidOperationException($"the resource {resource} is missing from {typeof(ReportHtmlWriter).Assembly.GetName().Name}");
        using var reader = new StreamReader(stream, Encoding.UTF8);
        return reader.ReadToEnd().ReplaceLineEndings("\n");
    }

    /// <summary>Escapes text for HTML element content and quoted attribute values.</summary>
    internal static string Esc(string text)
    {
        if (text.AsSpan().IndexOfAny("&<>\"'") < 0)
        {
            return text;
        }

        var escaped = new StringBuilder(text.Length + 16);
        foreach (var c in text)
        {
            escaped.Append(c switch
            {
                '&' => "&amp;",
                '<' => "&lt;",
                '>' => "&gt;",
                '"' => "&quot;",
                '\'' => "&#39;",
                _ => c.ToString(),
            });
        }

        return escaped.ToString();
    }
}
