using EgmEcc.Formats.Wording;
using EgmEcc.Reporting;
using Spectre.Console;
using Spectre.Console.Rendering;

namespace EgmEcc.Formats.Reports;

/// <summary>
/// The report for a person at a terminal (Spectre.Console): per region a title rule, its figures,
/// a hugepage table with the capacity lost to holes, and a one-line hole map drawn to scale; then
/// the warnings. Colour only when <see cref="ReportOutputOptions.Ansi"/>; readable at 80 columns.
/// </summary>
public sealed class ReportTerminalWriter : IReportWriter
{
    /// <summary>The most warnings listed; the rest are counted (the JSON lists them all).</summary>
    public const int WarningsShown = 20;

    /// <inheritdoc/>
    public string Name => "text";

    /// <inheritdoc/>
    public void Write(Report report, TextWriter output, ReportOutputOptions options)
    {
        ArgumentNullException.ThrowIfNull(report);
        ArgumentNullException.ThrowIfNull(output);
        ArgumentNullException.ThrowIfNull(options);
        if (!options.Ansi)
        {
            // Spectre pads grid cells and rules with spaces; a pipe or a golden file wants none at line ends.
            var buffer = new StringWriter { NewLine = "\n" };
            Render(report, CreateConsole(buffer, options));
            foreach (var line in buffer.ToString().Split('\n').SkipLast(1))
            {
                output.Write(line.TrimEnd());
                output.Write('\n');
            }

            return;
        }

        Render(report, CreateConsole(output, options));
    }

    private static void Render(Report report, IAnsiConsole console)
    {
        var unicode = console.Profile.Capabilities.Unicode;
        var plan = report.Plan;
        var hosts = report.Hosts.Length == 1 && report.Hosts[0].Length == 0 ? "1 host" : $"{report.Hosts.Length} host(s)";
        console.Write(new Paragraph()
            .Append("EGM memory report", Bold)
            .Append($": {hosts}, {report.Regions.Length} region(s)\n"));
        console.Write(new Text(ReportText.Options(plan.Options, ", ") + "\n", new Style(decoration: Decoration.Dim)));
        console.Write(new Text(ReportText.Accounting(plan.Accounting) + "\n"));

        foreach (var region in report.Regions)
        {
            console.WriteLine();
            WriteRegion(console, region, unicode);
        }

        console.WriteLine();
        WriteWarnings(console, report.Warnings);
    }

    private static IAnsiConsole CreateConsole(TextWriter output, ReportOutputOptions options)
    {
        var console = AnsiConsole.Create(new AnsiConsoleSettings
        {
            Ansi = options.Ansi ? AnsiSupport.Yes : AnsiSupport.No,
            ColorSystem = options.Ansi ? ColorSystemSupport.Detect : ColorSystemSupport.NoColors,
            Interactive = InteractionSupport.No,
            Out = new AnsiConsoleOutput(output),
            Enrichment = new ProfileEnrichment { UseDefaultEnrichers = false },
            ExclusivityMode = null,
        });
        console.Profile.Width = Math.Max(40, options.Width);
        console.Profile.Capabilities.Unicode = options.Unicode;
        console.Profile.Capabilities.Links = false;
        return console;
    }

    private static void WriteRegion(IAnsiConsole console, RegionReport region, bool unicode)
    {
        var r = region.Region;
        var s = region.Stats;
        var separator = unicode ? " · " : " - ";
        WriteRule(console, ReportText.RegionTitle(r, separator), unicode);
        console.Write(new Text($"  {r.Extent}\n", new Style(decoration: Decoration.Dim)));

        var percentColour = region.UsablePercent >= 99.9 ? Color.Green : region.UsablePercent >= 99 ? Color.Yellow : Color.Red;
        var figures = new Grid { Expand = false };
        figures.AddColumn(new GridColumn().PadLeft(2).PadRight(1));
        figures.AddColumn(new GridColumn().RightAligned().PadRight(4));
        figures.AddColumn(new GridColumn().PadRight(1));
        figures.AddColumn(new GridColumn().RightAligned());
        figures.AddRow(Label("size"), new Text(ReportText.Bytes(s.SizeBytes)), Label("usable"), new Paragraph().Append($"{ReportText.Bytes(s.UsableBytes)}  ").Append($"{ReportText.Percent(region.UsablePercent)} %", new Style(percentColour)));
        figures.AddRow(Label("retired"), new Text(ReportText.Bytes(s.RetiredBytes)), Label("fragment"), new Text(ReportText.Bytes(s.FragmentBytes)));
        figures.AddRow(Label("largest extent"), new Text(ReportText.Bytes(s.LargestExtentBytes)), Label("extents / holes"), new Text($"{s.Extents} / {s.Holes}"));
        console.Write(figures);
        if (!region.Plan.AtRisk.IsEmpty)
        {
            // Corrected errors: usable, but the pages to watch. A line of its own: too long for a grid cell.
            console.Write(new Paragraph().Append("  at risk ", new Style(decoration: Decoration.Dim))
                .Append(ReportText.AtRisk(s, region.Plan.AtRisk.Length), new Style(Color.Yellow))
                .Append(" (corrected errors, left usable)\n", new Style(decoration: Decoration.Dim)));
        }

        console.WriteLine();

        var table = new Grid { Expand = false };
        table.AddColumn(new GridColumn().PadLeft(2).PadRight(3));
        for (var i = 0; i < 4; i++)
        {
            table.AddColumn(new GridColumn().RightAligned().PadRight(i == 3 ? 0 : 3));
        }

        var header = new Style(decoration: Decoration.Bold);
        table.AddRow(new Text("hugepages", header), new Text("capacity", header), new Text("ideal", header), new Text("lost", header), new Text("lost to holes", header));
        foreach (var h in region.HugePages)
        {
            var lost = h.Lost == 0 ? Style.Plain : new Style(Color.Red);
            table.AddRow(
                new Text(ReportText.Bytes(h.PageSize)),
                new Text(ReportText.Count(h.Count)),
                new Text(ReportText.Count(h.Ideal)),
                new Text(ReportText.Count(h.Lost), lost),
                new Text(ReportText.Bytes(h.LostBytes), lost));
        }

        console.Write(table);
        console.WriteLine();
        WriteHoleMap(console, region, unicode);
    }

    /// <summary>The bar, one cell per <c>size / cells</c> bytes, and a scale line under it.</summary>
    private static void WriteHoleMap(IAnsiConsole console, RegionReport region, bool unicode)
    {
        var width = console.Profile.Width;
        var cells = Math.Clamp(width - 16, 16, 100);
        var map = region.HoleMap(cells);
        cells = map.Length;
        var (hole, clear) = unicode ? ('█', '░') : ('#', '.');
        var bar = new Paragraph();
        bar.Append("  hole map ", new Style(decoration: Decoration.Bold));
        bar.Append("|", new Style(Color.Grey));
        var run = new System.Text.StringBuilder();
        bool? runIsHole = null;
        foreach (var cell in map)
        {
            if (runIsHole is { } previous && previous != cell.HasHole)
            {
                bar.Append(run.ToString(), previous ? new Style(Color.Red) : new Style(Color.Green));
                run.Clear();
            }

            runIsHole = cell.HasHole;
            run.Append(cell.HasHole ? hole : clear);
        }

        bar.Append(run.ToString(), runIsHole == true ? new Style(Color.Red) : new Style(Color.Green));
        bar.Append("|\n", new Style(Color.Grey));
        console.Write(bar);

        var left = "0";
        var right = ReportText.Bytes(region.Region.Size);
        var middle = $"1 cell = {ReportText.Bytes(region.Region.Size / (ulong)cells)}, {hole} = holes";
        var span = cells + 2;
        var gap = span - left.Length - right.Length - middle.Length;
        var scale = gap >= 2
            ? left + new string(' ', gap / 2) + middle + new string(' ', gap - (gap / 2)) + right
            : left + new string(' ', Math.Max(1, span - left.Length - right.Length)) + right;
        console.Write(new Text(new string(' ', 11) + scale + "\n", new Style(decoration: Decoration.Dim)));
    }

    private static void WriteWarnings(IAnsiConsole console, WarningSummary warnings)
    {
        WriteRule(console, "warnings", console.Profile.Capabilities.Unicode);
        if (warnings.All.IsEmpty)
        {
            console.Write(new Text("  none\n"));
            return;
        }

        if (warnings.Warnings > 0)
        {
            console.Write(new Text($"  {warnings.Describe()}\n", new Style(Color.Yellow)));
        }

        foreach (var d in warnings.All.Take(WarningsShown))
        {
            var style = d.Severity == Severity.Warning ? Style.Plain : new Style(decoration: Decoration.Dim);
            foreach (var line in Wrap(d.ToString(), console.Profile.Width - 2, "    "))
            {
                console.Write(new Text("  " + line + "\n", style));
            }
        }

        if (warnings.All.Length > WarningsShown)
        {
            console.Write(new Text($"  {Messages.MoreWarningsThanShown(warnings.All.Length - WarningsShown)}\n"));
        }
    }

    /// <summary>Word-wraps <paramref name="text"/> to <paramref name="width"/> columns, continuation lines indented.</summary>
    internal static IEnumerable<string> Wrap(string text, int width, string indent)
    {
        var line = new System.Text.StringBuilder();
        foreach (var word in text.Split(' '))
        {
            if (line.Length > 0 && line.Length + 1 + word.Length > width)
            {
                yield return line.ToString();
                line.Clear().Append(indent);
            }
            else if (line.Length > 0 && line.ToString() != indent)
            {
                line.Append(' ');
            }

            line.Append(word);
        }

        if (line.Length > 0)
        {
            yield return line.ToString();
        }
    }

    /// <summary>
    /// <c>── title ─────</c> across the width. (Spectre's Rule parses its title as markup, and
    /// markup parsing is a noticeable part of start-up; titles here are plain text anyway.)
    /// </summary>
    private static void WriteRule(IAnsiConsole console, string title, bool unicode)
    {
        var line = unicode ? '─' : '-';
        var tail = Math.Max(2, console.Profile.Width - title.Length - 4);
        console.Write(new Paragraph()
            .Append(new string(line, 2) + " ", Grey)
            .Append(title, Bold)
            .Append(" " + new string(line, tail) + "\n", Grey));
    }

    private static readonly Style Bold = new(decoration: Decoration.Bold);

    private static readonly Style Grey = new(Color.Grey);

    private static IRenderable Label(string text) => new Text(text, new Style(decoration: Decoration.Dim));
}
