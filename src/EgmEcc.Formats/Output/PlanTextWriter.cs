using System.Globalization;

namespace EgmEcc.Formats.Output;

/// <summary>
/// A plan for a person at a terminal: per region a summary, its holes and extents as aligned
/// columns, then the accounting and the warnings. Plain text, no colour, fits 80 columns.
/// At-risk pages (corrected errors, still usable) get a summary line and rows of their own, only
/// in regions that have them.
/// </summary>
public sealed class PlanTextWriter : IPlanWriter
{
    /// <inheritdoc/>
    public string Name => "text";

    /// <inheritdoc/>
    public void Write(Plan plan, TextWriter output, OutputOptions options)
    {
        var o = plan.Options;
        output.WriteLine($"granule {new ByteSize(o.Granule)}, guest page {new ByteSize(o.GuestPage)}, layout granule {new ByteSize(o.LayoutGranule)}, min extent {new ByteSize(o.MinExtent)}");
        foreach (var region in plan.Regions)
        {
            var r = region.Region;
            var s = region.Stats;
            output.WriteLine();
            var host = r.Host.Length == 0 ? string.Empty : $"host {r.Host}, ";
            output.WriteLine($"{host}region {r.Id} ({r.DevicePath}, PXM {r.Node})  {r.Extent}");
            output.WriteLine(Invariant($"  size {Human(s.SizeBytes)}, usable {Human(s.UsableBytes)} ({Percentages.UpToFourDecimals(s.UsablePercent)}%), retired {Human(s.RetiredBytes)}, fragment {Human(s.FragmentBytes)}"));
            output.WriteLine($"  {s.Extents} extent(s), largest {Human(s.LargestExtentBytes)}; {s.Holes} hole(s)");
            output.WriteLine("  hugepages: " + string.Join(", ", s.HugePageCapacity.Select(c => $"{new ByteSize(c.PageSize)} {c.Count}/{c.Ideal}")));
            if (!region.AtRisk.IsEmpty)
            {
                output.WriteLine($"  at risk (corrected errors, left usable): {s.AtRiskPages} page(s) of {new ByteSize(o.Granule)}, {Human(s.AtRiskBytes)} in {region.AtRisk.Length} range(s)");
            }

            output.WriteLine($"  {"kind",-6}  {"offset",-18}  {"address",-18}  size");
            var rows = region.Usable.Select(u => (Kind: "usable", Offset: u.Start, u.Size))
                .Concat(region.Holes.Select(h => (Kind: "hole", h.Offset, h.Size)))
                .OrderBy(row => row.Offset);
            foreach (var (kind, offset, size) in rows)
            {
                output.WriteLine($"  {kind,-6}  {Numbers.Hex(offset),-18}  {Numbers.Hex(region.AddressOf(offset)),-18}  {Numbers.Hex(size),-18}  {new ByteSize(size).ToHumanString()}");
            }

            // Inside the usable extents above, so listed apart rather than in the tiling.
            foreach (var risk in region.AtRisk)
            {
                output.WriteLine($"  {"risk",-6}  {Numbers.Hex(risk.Start),-18}  {Numbers.Hex(region.AddressOf(risk.Start)),-18}  {Numbers.Hex(risk.Size),-18}  {new ByteSize(risk.Size).ToHumanString()}");
            }
        }

        var a = plan.Accounting;
        output.WriteLine();
        var atRisk = a.AtRisk == 0 ? string.Empty : $", at-risk {a.AtRisk}";
        output.WriteLine($"records {a.Records}: applied {a.Applied}{atRisk}, duplicate {a.Duplicate}, out-of-region {a.OutOfRegion} (clipped {a.Clipped})");
        foreach (var d in plan.Diagnostics)
        {
            output.WriteLine(d.ToString());
        }
    }

    private static string Human(ulong bytes) => new ByteSize(bytes).ToHumanString();

    private static string Invariant(FormattableString s) => s.ToString(CultureInfo.InvariantCulture);
}
