using System.Buffers;
using System.Globalization;
using System.Numerics;
using System.Text;
using System.Text.Json;

namespace EgmEcc.Formats.Output;

/// <summary>
/// The canonical plan, schema <c>egmecc.plan/1</c> (docs/design.md §4): two-space indented, <c>\n</c>
/// line ends, properties in a fixed order, so equal plans give byte-identical files.
/// </summary>
/// <remarks>
/// Region and extent <c>base</c>, <c>address</c>, <c>offset</c> and <c>size</c> are lower-case
/// <c>0x</c> strings (they may exceed what JSON numbers carry exactly); options, stats and
/// accounting are integers. <c>guestSize</c> appears only when the region has one. Every region
/// has <c>atRisk</c> (corrected-error ranges in usable extents, docs/design.md §2), empty when
/// none, and its stats <c>atRiskBytes</c> and <c>atRiskPages</c>; the accounting has
/// <c>atRisk</c>.
/// </remarks>
public sealed class PlanJsonWriter : IStreamingPlanWriter
{
    /// <summary>The schema name written in every plan.</summary>
    public const string Schema = "egmecc.plan/1";

    private static readonly JsonEncodedText OffsetName = JsonEncodedText.Encode("offset");
    private static readonly JsonEncodedText AddressName = JsonEncodedText.Encode("address");
    private static readonly JsonEncodedText SizeName = JsonEncodedText.Encode("size");
    private static readonly JsonEncodedText RetiredBytesName = JsonEncodedText.Encode("retiredBytes");
    private static readonly JsonEncodedText FragmentBytesName = JsonEncodedText.Encode("fragmentBytes");

    /// <summary>
    /// How every EgmEcc JSON document is written: two-space indent, <c>\n</c> line ends, and only
    /// what JSON requires escaped (quotes, backslashes, control characters), so a message reads
    /// <c>region 'egm0'</c> rather than <c>region \u0027egm0\u0027</c>. The files are data, never
    /// pasted into HTML, which is what the default, stricter escaping guards against.
    /// </summary>
    public static JsonWriterOptions WriterOptions => new()
    {
        Indented = true,
        NewLine = "\n",
        Encoder = System.Text.Encodings.Web.JavaScriptEncoder.UnsafeRelaxedJsonEscaping,
    };

    /// <inheritdoc/>
    public string Name => "json";

    /// <inheritdoc/>
    public void Write(Plan plan, TextWriter output, OutputOptions options)
    {
        // Streamed a chunk at a time: a plan of millions of extents does not fit one string.
        JsonOutput.Write(output, (json, bytes) => WritePlan(json, bytes, plan));
    }

    /// <inheritdoc/>
    public void Write(SweptPlan plan, TextWriter output, OutputOptions options) => Write(plan, output, SweptPlan.DefaultChunkRows);

    /// <summary>Writes <paramref name="plan"/> tiling <paramref name="chunkRows"/> rows of each kind at a time.</summary>
    internal static void Write(SweptPlan plan, TextWriter output, int chunkRows)
    {
        ArgumentNullException.ThrowIfNull(plan);

        // The accounting and diagnostics come after the regions (docs/design.md §4.2): each
        // region is written as it is swept and tiled, and the summary asked for after the last.
        JsonOutput.Write(output, (json, bytes) =>
        {
            WriteHead(json, plan.Options);
            for (var r = 0; r < plan.Regions.Length; r++)
            {
                WriteRegion(json, bytes, RegionRows.Of(plan.Tile(r, chunkRows)), plan.TableEntries(plan.Regions[r]));
            }

            WriteTail(json, plan.Summary);
        });
    }

    /// <summary>Writes the plan as one JSON object (also used inside other JSON documents).</summary>
    public static void WritePlan(Utf8JsonWriter json, Plan plan) => WritePlan(json, null, plan);

    /// <summary>
    /// Writes the plan as one JSON object; when <paramref name="bytes"/> is the buffer
    /// <paramref name="json"/> writes to, the extents, holes and at-risk ranges after the first of
    /// each array go there as templated bytes (the same bytes, without the writer's per-token work).
    /// </summary>
    internal static void WritePlan(Utf8JsonWriter json, IBufferWriter<byte>? bytes, Plan plan)
    {
        WriteHead(json, plan.Options);
        foreach (var region in plan.Regions)
        {
            WriteRegion(json, bytes, RegionRows.Of(region), plan.TableEntries(region.Region));
        }

        WriteTail(json, plan);
    }

    /// <summary>Everything before the first region: the object, its schema and options, and the opening of <c>regions</c>.</summary>
    private static void WriteHead(Utf8JsonWriter json, PlanOptions options)
    {
        json.WriteStartObject();
        json.WriteString("schema", Schema);
        WriteOptions(json, options);
        json.WriteStartArray("regions");
    }

    /// <summary>Everything after the last region: the accounting and the diagnostics.</summary>
    private static void WriteTail(Utf8JsonWriter json, Plan plan)
    {
        json.WriteEndArray();
        WriteAccounting(json, plan.Accounting);
        WriteDiagnostics(json, "diagnostics", plan.Diagnostics);
        json.WriteEndObject();
    }

    /// <summary>
    /// An array of <c>{severity, source, message}</c> objects (docs/design.md §4.2), shared with the
    /// collection manifest, whose notes are the same diagnostics.
    /// </summary>
    internal static void WriteDiagnostics(Utf8JsonWriter json, string name, IEnumerable<Diagnostic> diagnostics)
    {
        json.WriteStartArray(name);
        foreach (var d in diagnostics)
        {
            json.WriteStartObject();
            json.WriteString("severity", d.Severity == Severity.Warning ? "warning" : "info");
            json.WriteString("source", d.Source.ToString());
            json.WriteString("message", d.Message);
            json.WriteEndObject();
        }

        json.WriteEndArray();
    }

    /// <summary>The <c>options</c> object, shared with the fleet and forecast documents.</summary>
    internal static void WriteOptions(Utf8JsonWriter json, PlanOptions options)
    {
        json.WriteStartObject("options");
        json.WriteNumber("granule", options.Granule);
        json.WriteNumber("guestPage", options.GuestPage);
        json.WriteNumber("layoutGranule", options.LayoutGranule);
        json.WriteNumber("minExtent", options.MinExtent);
        json.WriteStartArray("hugePages");
        foreach (var h in options.HugePages)
        {
            json.WriteNumberValue(h);
        }

        json.WriteEndArray();
        json.WriteEndObject();
    }

    private static void WriteRegion(Utf8JsonWriter json, IBufferWriter<byte>? bytes, RegionRows rows, int? tableEntries)
    {
        var region = rows.Region;
        json.WriteStartObject();
        json.WriteString("host", region.Host);
        json.WriteString("id", region.Id);
        json.WriteNumber("node", region.Node);
        json.WriteString("base", Numbers.Hex(region.Base));
        json.WriteString("size", Numbers.Hex(region.Size));
        if (region.GuestSize is { } guestSize)
        {
            json.WriteString("guestSize", Numbers.Hex(guestSize));
        }

        // Two passes over the rows: the extents, then the holes (each an array of its own); a
        // tiler hands out only the kind asked for.
        json.WriteStartArray("usable");
        var usableArray = new ArrayState();
        rows.Rewind(TiledRows.Usable);
        while (rows.Read(out var usable, out _))
        {
            AppendRanges(json, bytes, region.Base, usable, ref usableArray);
        }

        json.WriteEndArray();
        json.WriteStartArray("holes");
        var holesArray = new ArrayState();
        rows.Rewind(TiledRows.Holes);
        while (rows.Read(out _, out var holes))
        {
            AppendHoles(json, bytes, region.Base, holes, ref holesArray);
        }

        json.WriteEndArray();
        json.WriteStartArray("atRisk");
        var atRiskArray = new ArrayState();
        AppendRanges(json, bytes, region.Base, rows.AtRisk, ref atRiskArray);
        json.WriteEndArray();
        var s = rows.Stats;
        json.WriteStartObject("stats");
        json.WriteNumber("sizeBytes", s.SizeBytes);
        json.WriteNumber("usableBytes", s.UsableBytes);
        json.WriteNumber("holeBytes", s.HoleBytes);
        json.WriteNumber("retiredBytes", s.RetiredBytes);
        json.WriteNumber("fragmentBytes", s.FragmentBytes);
        json.WriteNumber("atRiskBytes", s.AtRiskBytes);
        json.WriteNumber("atRiskPages", s.AtRiskPages);
        json.WriteNumber("largestExtentBytes", s.LargestExtentBytes);
        json.WriteNumber("extents", s.Extents);
        json.WriteNumber("holes", s.Holes);
        json.WriteStartObject("hugePageCapacity");
        foreach (var capacity in s.HugePageCapacity)
        {
            json.WriteNumber(capacity.PageSize.ToString(CultureInfo.InvariantCulture), capacity.Count);
        }

        json.WriteEndObject();
        json.WriteEndObject();

        // Only when a firmware table was read for the region: the entries it holds of the most the driver takes (docs/design.md §4.2).
        if (tableEntries is { } entries)
        {
            json.WriteStartObject("firmwareTable");
            json.WriteNumber("entries", entries);
            json.WriteNumber("limit", FirmwareTableFill.Limit);
            json.WriteEndObject();
        }

        json.WriteEndObject();
    }

    /// <summary>
    /// Appends <c>{offset, address, size}</c> objects (usable extents or at-risk ranges) to the
    /// open array. The array's first element goes through the writer, which leaves it in the state
    /// that the last element would: the rest can then go around it, as templated bytes, and its
    /// end of array still fits.
    /// </summary>
    private static void AppendRanges(Utf8JsonWriter json, IBufferWriter<byte>? bytes, ulong regionBase, ReadOnlySpan<AddressRange> ranges, ref ArrayState array)
    {
        if (ranges.IsEmpty)
        {
            return;
        }

        if (!array.Started)
        {
            WriteRange(json, regionBase, ranges[0]);
            ranges = ranges[1..];
            array = new ArrayState { Started = true, Template = Template.For(json, bytes) };
        }

        if (array.Template is { } template)
        {
            template.WriteRanges(bytes!, regionBase, ranges);
            return;
        }

        foreach (var range in ranges)
        {
            WriteRange(json, regionBase, range);
        }
    }

    private static void WriteRange(Utf8JsonWriter json, ulong regionBase, AddressRange range)
    {
        json.WriteStartObject();
        WriteHex(json, OffsetName, range.Start);
        WriteHex(json, AddressName, regionBase + range.Start);
        WriteHex(json, SizeName, range.Size);
        json.WriteEndObject();
    }

    /// <summary>Appends hole objects to the open array, as <see cref="AppendRanges"/> does ranges.</summary>
    private static void AppendHoles(Utf8JsonWriter json, IBufferWriter<byte>? bytes, ulong regionBase, ReadOnlySpan<Hole> holes, ref ArrayState array)
    {
        if (holes.IsEmpty)
        {
            return;
        }

        if (!array.Started)
        {
            WriteHole(json, regionBase, holes[0]);
            holes = holes[1..];
            array = new ArrayState { Started = true, Template = Template.For(json, bytes) };
        }

        if (array.Template is { } template)
        {
            template.WriteHoles(bytes!, regionBase, holes);
            return;
        }

        foreach (var hole in holes)
        {
            WriteHole(json, regionBase, hole);
        }
    }

    private static void WriteHole(Utf8JsonWriter json, ulong regionBase, Hole hole)
    {
        json.WriteStartObject();
        WriteHex(json, OffsetName, hole.Offset);
        WriteHex(json, AddressName, regionBase + hole.Offset);
        WriteHex(json, SizeName, hole.Size);
        json.WriteNumber(RetiredBytesName, hole.RetiredBytes);
        json.WriteNumber(FragmentBytesName, hole.FragmentBytes);
        json.WriteEndObject();
    }

    /// <summary>Writes <c>"name": "0x..."</c>, the text of <see cref="Numbers.Hex"/>, without allocating it.</summary>
    private static void WriteHex(Utf8JsonWriter json, JsonEncodedText name, ulong value)
    {
        Span<byte> text = stackalloc byte[18];
        text[0] = (byte)'0';
        text[1] = (byte)'x';
        value.TryFormat(text[2..], out var digits, "x", CultureInfo.InvariantCulture);
        json.WriteString(name, text[..(2 + digits)]);
    }

    /// <summary>The <c>accounting</c> object, shared with the fleet documents.</summary>
    internal static void WriteAccounting(Utf8JsonWriter json, Accounting accounting)
    {
        json.WriteStartObject("accounting");
        json.WriteNumber("records", accounting.Records);
        json.WriteNumber("applied", accounting.Applied);
        json.WriteNumber("atRisk", accounting.AtRisk);
        json.WriteNumber("duplicate", accounting.Duplicate);
        json.WriteNumber("clipped", accounting.Clipped);
        json.WriteNumber("outOfRegion", accounting.OutOfRegion);
        json.WriteEndObject();
    }

    /// <summary>An array being appended to in pieces: whether its first element is written, and the template for the rest (null to go through the writer).</summary>
    private struct ArrayState
    {
        public bool Started;
        public Template? Template;
    }

    /// <summary>
    /// The bytes of the array elements after the first, exactly as <see cref="Utf8JsonWriter"/>
    /// writes them with <see cref="WriterOptions"/> at the array's depth: the fixed text between
    /// the values is made once per array, the values are formatted straight into the buffer.
    /// </summary>
    /// <remarks>
    /// Millions of extents and holes are most of a large plan; through the writer each costs
    /// five or seven validated tokens. Property names here are ASCII constants, values hex or
    /// decimal digits, so nothing needs escaping; every string that might (host, id,
    /// diagnostics) still goes through the writer.
    /// </remarks>
    private sealed class Template
    {
        // Room asked of the buffer at a time: many elements between two calls to Advance.
        private const int Batch = 16 * 1024;

        private readonly FixedText open;
        private readonly FixedText address;
        private readonly FixedText size;
        private readonly FixedText close;
        private readonly FixedText retired;
        private readonly FixedText fragment;

        private Template(int depth, int indentSize)
        {
            var outer = new string(' ', depth * indentSize);
            var inner = new string(' ', (depth + 1) * indentSize);
            open = Text($",\n{outer}{{\n{inner}\"offset\": \"0x");
            address = Text($"\",\n{inner}\"address\": \"0x");
            size = Text($"\",\n{inner}\"size\": \"0x");
            close = Text($"\n{outer}}}");
            retired = Text($"\",\n{inner}\"retiredBytes\": ");
            fragment = Text($",\n{inner}\"fragmentBytes\": ");
        }

        // The most one element can take: the fixed texts, three hex values and two decimals, and
        // what writing the last text may touch past its end.
        private int MaxElement => open.Length + address.Length + size.Length + retired.Length + fragment.Length + close.Length + 3 * 16 + 2 * 20 + 1 + FixedText.Room;

        /// <summary>
        /// A template for the array <paramref name="json"/> is in, its pending bytes flushed to
        /// <paramref name="bytes"/>; null without a buffer or for a layout other than the canonical one.
        /// </summary>
        public static Template? For(Utf8JsonWriter json, IBufferWriter<byte>? bytes)
        {
            var options = json.Options;
            if (bytes is null || !options.Indented || options.NewLine != "\n" || options.IndentCharacter != ' ')
            {
                return null;
            }

            json.Flush();
            return new Template(json.CurrentDepth, options.IndentSize);
        }

        public void WriteRanges(IBufferWriter<byte> bytes, ulong regionBase, ReadOnlySpan<AddressRange> ranges)
        {
            var max = MaxElement;
            var span = bytes.GetSpan(Math.Max(Batch, max));
            var at = 0;

            // Unchecked, as in the CSV plan: at stays within the room asked for each element; the address is checked.
            unchecked
            {
                foreach (var range in ranges)
                {
                    if (span.Length - at < max)
                    {
                        bytes.Advance(at);
                        span = bytes.GetSpan(Math.Max(Batch, max));
                        at = 0;
                    }

                    at += open.WriteTo(span[at..]);
                    at += HexDigits.Write(span[at..], range.Start);
                    at += address.WriteTo(span[at..]);
                    at += HexDigits.Write(span[at..], checked(regionBase + range.Start));
                    at += size.WriteTo(span[at..]);
                    at += HexDigits.Write(span[at..], range.Size);
                    span[at++] = (byte)'"';
                    at += close.WriteTo(span[at..]);
                }
            }

            bytes.Advance(at);
        }

        public void WriteHoles(IBufferWriter<byte> bytes, ulong regionBase, ReadOnlySpan<Hole> holes)
        {
            var max = MaxElement;
            var span = bytes.GetSpan(Math.Max(Batch, max));
            var at = 0;

            // Unchecked, as in the CSV plan: at stays within the room asked for each element; the address is checked.
            unchecked
            {
                foreach (var hole in holes)
                {
                    if (span.Length - at < max)
                    {
                        bytes.Advance(at);
                        span = bytes.GetSpan(Math.Max(Batch, max));
                        at = 0;
                    }

                    at += open.WriteTo(span[at..]);
                    at += HexDigits.Write(span[at..], hole.Offset);
                    at += address.WriteTo(span[at..]);
                    at += HexDigits.Write(span[at..], checked(regionBase + hole.Offset));
                    at += size.WriteTo(span[at..]);
                    at += HexDigits.Write(span[at..], hole.Size);
                    at += retired.WriteTo(span[at..]);
                    at += DecimalDigits.Write(span[at..], hole.RetiredBytes);
                    at += fragment.WriteTo(span[at..]);
                    at += DecimalDigits.Write(span[at..], hole.FragmentBytes);
                    at += close.WriteTo(span[at..]);
                }
            }

            bytes.Advance(at);
        }

        private static FixedText Text(string text) => new(Encoding.UTF8.GetBytes(text));
    }
}
