using System.Globalization;
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
public sealed class PlanJsonWriter : IPlanWriter
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
        JsonOutput.Write(output, json => WritePlan(json, plan));
    }

    /// <summary>Writes the plan as one JSON object (also used inside other JSON documents).</summary>
    public static void WritePlan(Utf8JsonWriter json, Plan plan)
    {
        json.WriteStartObject();
        json.WriteString("schema", Schema);
        WriteOptions(json, plan.Options);
        json.WriteStartArray("regions");
        foreach (var region in plan.Regions)
        {
            WriteRegion(json, region, plan.TableEntries(region.Region));
        }

        json.WriteEndArray();
        WriteAccounting(json, plan.Accounting);
        json.WriteStartArray("diagnostics");
        foreach (var d in plan.Diagnostics)
        {
            json.WriteStartObject();
            json.WriteString("severity", d.Severity == Severity.Warning ? "warning" : "info");
            json.WriteString("source", d.Source.ToString());
            json.WriteString("message", d.Message);
            json.WriteEndObject();
        }

        json.WriteEndArray();
        json.WriteEndObject();
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

    private static void WriteRegion(Utf8JsonWriter json, RegionPlan plan, int? tableEntries)
    {
        var region = plan.Region;
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

        // Extents and holes can number millions: names pre-encoded, hex formatted without strings.
        json.WriteStartArray("usable");
        foreach (var extent in plan.Usable)
        {
            json.WriteStartObject();
            WriteHex(json, OffsetName, extent.Start);
            WriteHex(json, AddressName, plan.AddressOf(extent.Start));
            WriteHex(json, SizeName, extent.Size);
            json.WriteEndObject();
        }

        json.WriteEndArray();
        json.WriteStartArray("holes");
        foreach (var hole in plan.Holes)
        {
            json.WriteStartObject();
            WriteHex(json, OffsetName, hole.Offset);
            WriteHex(json, AddressName, plan.AddressOf(hole.Offset));
            WriteHex(json, SizeName, hole.Size);
            json.WriteNumber(RetiredBytesName, hole.RetiredBytes);
            json.WriteNumber(FragmentBytesName, hole.FragmentBytes);
            json.WriteEndObject();
        }

        json.WriteEndArray();
        json.WriteStartArray("atRisk");
        foreach (var range in plan.AtRisk)
        {
            json.WriteStartObject();
            WriteHex(json, OffsetName, range.Start);
            WriteHex(json, AddressName, plan.AddressOf(range.Start));
            WriteHex(json, SizeName, range.Size);
            json.WriteEndObject();
        }

        json.WriteEndArray();
        var s = plan.Stats;
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
}
