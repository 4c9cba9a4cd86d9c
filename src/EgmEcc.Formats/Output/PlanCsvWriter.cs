using System.Buffers;
using System.Runtime.CompilerServices;
using System.Text;
using CsvHelper;

namespace EgmEcc.Formats.Output;

/// <summary>
/// One row per usable extent and per hole, regions in plan order and rows by offset:
/// <c>host,region,node,kind,offset,address,size</c>, where <c>kind</c> is <c>usable</c> or <c>hole</c>
/// (docs/design.md §4.3).
/// </summary>
/// <remarks>
/// A plan can hold millions of rows, so rows are formatted as bytes into the output's buffer, and
/// from a <see cref="SweptPlan"/> each region is written while it is tiled:
/// the extents and the holes are each sorted by offset already and are merged, not re-sorted,
/// and each region's <c>host,region,node,</c> prefix is quoted by CsvHelper once, not per row.
/// </remarks>
public sealed class PlanCsvWriter : IStreamingPlanWriter
{
    /// <summary>The longest row after its prefix: <c>usable,</c> and three <c>0x</c> + 16 digits with their separators.</summary>
    private const int MaxRowTail = 7 + (3 * 19);

    /// <summary>Room asked of the output at a time: many rows between two advances.</summary>
    private const int Batch = 16 * 1024;

    /// <inheritdoc/>
    public string Name => "csv";

    /// <inheritdoc/>
    public void Write(Plan plan, TextWriter output, OutputOptions options)
    {
        ArgumentNullException.ThrowIfNull(plan);
        Write(output, plan.Regions.Length, r => RegionRows.Of(plan.Regions[r]));
    }

    /// <inheritdoc/>
    public void Write(SweptPlan plan, TextWriter output, OutputOptions options) => Write(plan, output, SweptPlan.DefaultChunkRows);

    /// <summary>Writes <paramref name="plan"/> tiling <paramref name="chunkRows"/> rows of each kind at a time.</summary>
    internal static void Write(SweptPlan plan, TextWriter output, int chunkRows)
    {
        ArgumentNullException.ThrowIfNull(plan);
        Write(output, plan.Regions.Length, r => RegionRows.Of(plan.Tile(r, chunkRows)));
    }

    private static void Write(TextWriter output, int regions, Func<int, RegionRows> rowsOf)
    {
        ArgumentNullException.ThrowIfNull(output);
        var direct = output as Utf8StreamOutput;
        var decoded = direct is null ? new TextWriterBufferWriter(output) : null;
        IBufferWriter<byte> sink = direct ?? (IBufferWriter<byte>)decoded!;
        Put(sink, Encoding.UTF8.GetBytes(QuotedFields(["host", "region", "node", "kind", "offset", "address", "size"]) + "\n"));
        for (var r = 0; r < regions; r++)
        {
            var rows = rowsOf(r);
            var region = rows.Region;
            var prefix = new FixedText(Encoding.UTF8.GetBytes(QuotedFields([region.Host, region.Id, region.Node.ToString(System.Globalization.CultureInfo.InvariantCulture)]) + ","));
            rows.Rewind(TiledRows.Both);
            while (rows.Read(out var usable, out var holes))
            {
                WriteRows(sink, prefix, region.Base, usable, holes);
            }
        }

        decoded?.Flush();
    }

    /// <summary>The rows of the extents and holes given, merged by offset.</summary>
    /// <remarks>
    /// Rows go into the output's buffer a batch at a time (one request for room and one advance
    /// per batch, not per row), the prefix in vectors and the hex digits in one each: most of a
    /// large plan's time is here.
    /// </remarks>
    private static void WriteRows(IBufferWriter<byte> sink, in FixedText prefix, ulong regionBase, ReadOnlySpan<AddressRange> usable, ReadOnlySpan<Hole> holes)
    {
        // The row, and what writing its prefix may touch past the prefix's end.
        var max = prefix.Length + MaxRowTail + FixedText.Room;
        var span = sink.GetSpan(Math.Max(Batch, max));
        var at = 0;
        int u = 0, h = 0;

        // Unchecked: at stays within the span (each row has room for its longest form), and the
        // build's overflow checks on every += were a good part of this loop; the address is
        // checked, as everywhere (a region ends at or below 2^64).
        unchecked
        {
            while (u < usable.Length || h < holes.Length)
            {
                if (span.Length - at < max)
                {
                    sink.Advance(at);
                    span = sink.GetSpan(Math.Max(Batch, max));
                    at = 0;
                }

                at += prefix.WriteTo(span[at..]);
                ulong offset, size;
                if (h == holes.Length || (u < usable.Length && usable[u].Start < holes[h].Offset))
                {
                    "usable,"u8.CopyTo(span[at..]);
                    at += 7;
                    (offset, size) = (usable[u].Start, usable[u].Size);
                    u++;
                }
                else
                {
                    "hole,"u8.CopyTo(span[at..]);
                    at += 5;
                    (offset, size) = (holes[h].Offset, holes[h].Size);
                    h++;
                }

                at += Hex(span[at..], offset);
                span[at++] = (byte)',';
                at += Hex(span[at..], checked(regionBase + offset));
                span[at++] = (byte)',';
                at += Hex(span[at..], size);
                span[at++] = (byte)'\n';
            }
        }

        sink.Advance(at);
    }

    /// <summary>Fields as CsvHelper writes them (quoted where CSV needs it), without the line end.</summary>
    private static string QuotedFields(string[] fields)
    {
        using var text = new StringWriter();
        using (var csv = CsvWriter.Create(text, new CsvWriterOptions { NewLine = "\n", Separator = ',' }, leaveOpen: true))
        {
            foreach (var field in fields)
            {
                csv.WriteField(field);
            }

            csv.EndRecord();
            csv.Flush();
        }

        return text.ToString().TrimEnd('\n');
    }

    /// <summary><c>0x</c> and the lower-case hex digits of <paramref name="value"/>, as <see cref="Numbers.Hex"/> writes it.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)] // three a row
    private static int Hex(Span<byte> into, ulong value)
    {
        into[0] = (byte)'0';
        into[1] = (byte)'x';
        return 2 + HexDigits.Write(into[2..], value);
    }

    private static void Put(IBufferWriter<byte> sink, ReadOnlySpan<byte> bytes)
    {
        bytes.CopyTo(sink.GetSpan(bytes.Length));
        sink.Advance(bytes.Length);
    }
}
