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
        var buffer = new StringWriter { NewLine = "\n" };
        Render(report, CreateConsole(buffer, options));
        var text = buffer.ToString();
        if (!options.Unicode)
        {
            // Text from the inputs (paths, host names) may hold any character: a console that
            // shows only ASCII gets every byte within 0x20-0x7e (and escape codes, when asked for).
            text = ReportText.Ascii(text);
        }

        if (!options.Ansi)
        {
            // Spectre pads grid cells and rules with spaces; a pipe or a golden file wants none at line ends.
            foreach (var line in text.Split('\n').SkipLast(1))
            {
                output.Write(line.TrimEnd());
                output.Write('\n');
            }

            return;
        }

        output.Write(text);
    }

    private static void Render(Report report, IAnsiConsole console)
    {
        var unicode = console.Profile.Capabilities.Unicode;
        var plan = report.Plan;
        var hosts = report.HostName is { } name ? $"host {name}"
            : report.Hosts.Length == 1 && report.Hosts[0].Length == 0 ? "1 host" : $"{report.Hosts.Length} host(s)";
        var time = report.GeneratedAtText is { } at ? $", {at}" : string.Empty;
        console.Write(new Paragraph()
            .Append("EGM memory report", Bold)
            .Append($": {hosts}, {report.Regions.Length} region(s){time}\n"));
        console.Write(new Text(ReportText.Options(plan.Options, ", ") + "\n", new Style(decoration: Decoration.Dim)));
        console.Write(new Text(ReportText.Accounting(plan.Accounting) + "\n"));

        foreach (var region in report.Regions)
        {
            console.WriteLine();
            WriteRegion(console, region, unicode);
        }

        console.WriteLine();
        WriteWarnings(console, report.Warnings);
        console.WriteLine();
        WriteVerdict(console, report);
    }

    /// <summary>
    /// The last line: <c>PASS</c>, or <c>FAIL: </c> and the failed gates in a few words, as many as
    /// fit the width (then how many more); standard error has each in full.
    /// </summary>
    private static void WriteVerdict(IAnsiConsole console, Report report)
    {
        if (report.Passed)
        {
            console.Write(new Text("PASS\n", new Style(Color.Green, decoration: Decoration.Bold)));
            return;
        }

        var failed = report.FailedGates.Select(g => g.ShortName).ToArray();
        console.Write(new Text(ReportText.Verdict(failed, console.Profile.Width) + "\n", new Style(Color.Red, decoration: Decoration.Bold)));
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

        if (region.TableEntries is { } entries)
        {
            // The driver refuses the whole region past the limit (docs/design.md §1): yellow once near it.
            var style = FirmwareTableLimit.IsNearLimit((ulong)entries) ? new Style(Color.Yellow) : Style.Plain;
            console.Write(new Paragraph().Append("  ").Append(ReportText.FirmwareTable(entries), style).Append("\n"));
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

    /// <summary>The most rows of blocks a region's map takes; the block size grows until it fits.</summary>
    public const int MaxBlockRows = 8;

    /// <summary>The most blocks a row holds, whatever the width.</summary>
    public const int MaxBlocksPerRow = 64;

    /// <summary>
    /// The region as rows of aligned blocks (512 MiB, 1 GiB or larger, so that it fits
    /// <see cref="MaxBlockRows"/> rows of the width), each whole, broken or unusable, the offset of
    /// each row in front of it and a legend under it (docs/design.md §4.6).
    /// </summary>
    private static void WriteHoleMap(IAnsiConsole console, RegionReport region, bool unicode)
    {
        var width = console.Profile.Width;
        var map = BlockGrid(region, width);
        var (whole, broken, unusable) = unicode ? ('░', '▓', '█') : ('.', 'x', '#');
        var size = ReportText.Bytes(map.BlockSize);
        var counts = $"{map.Whole} whole, {map.Broken} broken" + (map.Unusable == 0 ? string.Empty : $", {map.Unusable} unusable");
        console.Write(new Paragraph()
            .Append("  hole map ", Bold)
            .Append($"{size} blocks: {counts}\n"));

        var labels = Enumerable.Range(0, map.Rows).Select(r => new ByteSize(map.RowStart(r)).ToString()).ToArray();
        var labelWidth = labels.Max(l => l.Length);
        for (var r = 0; r < map.Rows; r++)
        {
            var row = new Paragraph();
            row.Append("  " + labels[r].PadLeft(labelWidth) + " ", new Style(decoration: Decoration.Dim));
            row.Append("|", Grey);
            var run = new System.Text.StringBuilder();
            BlockState? runState = null;
            foreach (var block in map.Row(r))
            {
                if (runState is { } previous && previous != block.State)
                {
                    row.Append(run.ToString(), StateStyle(previous));
                    run.Clear();
                }

                runState = block.State;
                run.Append(block.State switch { BlockState.Whole => whole, BlockState.Broken => broken, _ => unusable });
            }

            row.Append(run.ToString(), StateStyle(runState ?? BlockState.Whole));
            row.Append("|\n", Grey);
            console.Write(row);
        }

        var perRowBytes = ReportText.Bytes(map.BlockSize * (ulong)map.PerRow);
        var legend = $"{whole} whole  {broken} broken (holes in it)  {unusable} no usable byte;  a row = {perRowBytes}";
        console.Write(new Text(new string(' ', labelWidth + 4) + legend + "\n", new Style(decoration: Decoration.Dim)));
    }

    /// <summary>
    /// The block map drawn at <paramref name="width"/> columns: as many blocks a row as fit after the
    /// offset labels (a power of two, at most <see cref="MaxBlocksPerRow"/>), at most <see cref="MaxBlockRows"/> rows.
    /// </summary>
    internal static BlockMap BlockGrid(RegionReport region, int width)
    {
        for (var perRow = MaxBlocksPerRow; ; perRow /= 2)
        {
            var map = BlockMap.Create(region.Plan, perRow, MaxBlockRows);
            var labelWidth = Enumerable.Range(0, map.Rows).Max(r => new ByteSize(map.RowStart(r)).ToString().Length);
            if (perRow == 1 || 2 + labelWidth + 1 + perRow + 2 <= width)
            {
                return map;
            }
        }
    }

    private static Style StateStyle(BlockState state) => state switch
    {
        BlockState.Whole => new Style(Color.Green),
        BlockState.Broken => new Style(Color.Yellow),
        _ => new Style(Color.Red),
    };

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
