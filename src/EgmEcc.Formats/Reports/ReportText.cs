using System.Globalization;

namespace EgmEcc.Formats.Reports;

/// <summary>The wording and number formats every report writer shares, so terminal and HTML say the same thing.</summary>
internal static class ReportText
{
    /// <summary><c>384 GiB</c>, <c>1.12 MiB</c>: rounded down, never larger than the truth.</summary>
    public static string Bytes(ulong bytes) => new ByteSize(bytes).ToHumanString();

    /// <summary>
    /// A percentage rounded down to 4 decimals with at least 2 (<c>99.9997</c>, <c>97.50</c>,
    /// <c>100.00</c>), so a region short of 100 % never reads as 100.
    /// </summary>
    public static string Percent(double percent) => Output.Percentages.UpToFourDecimals(percent);

    /// <summary>A count with no grouping: <c>196593</c>.</summary>
    public static string Count(ulong value) => value.ToString(CultureInfo.InvariantCulture);

    /// <summary>A count with no grouping.</summary>
    public static string Count(long value) => value.ToString(CultureInfo.InvariantCulture);

    /// <summary><c>egm0 · PXM 0 · /dev/egm0</c>, with the host in front when there is one.</summary>
    public static string RegionTitle(Region region, string separator) =>
        (region.Host.Length == 0 ? string.Empty : $"{region.Host}{separator}") + $"{region.Id}{separator}PXM {region.Node}{separator}{region.DevicePath}";

    /// <summary>
    /// What a hole is, for hover texts and lists:
    /// <c>hole [0x2001230000, 0x2001240000) 64 KiB: 64 KiB retired, 0 B fragment; offset 0x1230000</c>.
    /// </summary>
    public static string Hole(RegionPlan plan, Hole hole) =>
        $"hole {AddressRange.FromBaseSize(plan.AddressOf(hole.Offset), hole.Size)} {Bytes(hole.Size)}: {Bytes(hole.RetiredBytes)} retired, {Bytes(hole.FragmentBytes)} fragment; offset {Numbers.Hex(hole.Offset)}";

    /// <summary><c>records 34: 30 applied, 3 duplicate, 1 out-of-region, 0 clipped</c>; <c>2 at-risk</c> after applied when there are any.</summary>
    public static string Accounting(Accounting a) =>
        $"retired records {a.Records}: {a.Applied} applied, {(a.AtRisk == 0 ? string.Empty : $"{a.AtRisk} at-risk, ")}{a.Duplicate} duplicate, {a.OutOfRegion} out-of-region, {a.Clipped} clipped";

    /// <summary><c>2 page(s), 128 KiB in 1 range(s)</c>: a region's at-risk pages (corrected errors, left usable).</summary>
    public static string AtRisk(RegionStats s, int ranges) =>
        $"{s.AtRiskPages} page(s), {Bytes(s.AtRiskBytes)} in {ranges} range(s)";

    /// <summary><c>firmware table 1,234 of 4,096 entries (2,862 left)</c>: how close the driver is to refusing the region.</summary>
    public static string FirmwareTable(int entries) => string.Create(
        CultureInfo.InvariantCulture,
        $"firmware table {entries:N0} of {FirmwareTableFill.Limit:N0} entries ({FirmwareTableFill.Limit - entries:N0} left)");

    /// <summary><c>granule 64K · guest page 64K · ...</c>.</summary>
    public static string Options(PlanOptions o, string separator) =>
        $"granule {new ByteSize(o.Granule)}{separator}guest page {new ByteSize(o.GuestPage)}{separator}layout granule {new ByteSize(o.LayoutGranule)}{separator}min extent {new ByteSize(o.MinExtent)}";

    /// <summary>
    /// <c>FAIL: egm0 hugepages-1G, warnings</c>: the failed gates, as many as fit in
    /// <paramref name="width"/> columns, then <c>(and N more)</c>.
    /// </summary>
    public static string Verdict(IReadOnlyList<string> failed, int width)
    {
        var line = new System.Text.StringBuilder("FAIL: ");
        for (var i = 0; i < failed.Count; i++)
        {
            var separator = i == 0 ? string.Empty : ", ";
            var more = i == failed.Count - 1 ? string.Empty : $" (and {failed.Count - i - 1} more)";
            if (i > 0 && line.Length + separator.Length + failed[i].Length + more.Length > width)
            {
                return line.Append($" (and {failed.Count - i} more)").ToString();
            }

            line.Append(separator).Append(failed[i]);
        }

        return line.ToString();
    }

    /// <summary>
    /// <paramref name="text"/> with every character a console without Unicode cannot show replaced:
    /// the report's own marks by their ASCII look-alikes, anything else from the inputs by <c>?</c>.
    /// Line ends, tabs and escape codes are kept.
    /// </summary>
    public static string Ascii(string text)
    {
        var ascii = new System.Text.StringBuilder(text.Length);
        foreach (var c in text)
        {
            ascii.Append(c switch
            {
                '\n' or '\t' or '\u001b' => c,
                >= ' ' and <= '~' => c,
                '·' or '─' or '–' or '—' => '-',
                '×' => 'x',
                _ => '?',
            });
        }

        return ascii.ToString();
    }
}
