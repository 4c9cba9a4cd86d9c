using System.Globalization;
using System.Text.Json;
using EgmEcc.Diffing;

namespace EgmEcc.Formats.Output.Documents;

/// <summary>The formats of <c>egmecc diff</c>.</summary>
public static class DiffWriters
{
    /// <summary>Every diff format, the default first.</summary>
    public static Registry<IDocumentWriter<PlanDiff>> All { get; } = new([new DiffTextWriter(), new DiffJsonWriter()]);

    internal static string SignedBytes(Int128 value) =>
        value == 0 ? "0" : (value > 0 ? "+" : "-") + new ByteSize((ulong)Int128.Abs(value)).ToHumanString();
}

/// <summary>The diff as text: one block per changed region (its new and cleared holes), then the host totals.</summary>
public sealed class DiffTextWriter : IDocumentWriter<PlanDiff>
{
    /// <inheritdoc/>
    public string Name => "text";

    /// <inheritdoc/>
    public void Write(PlanDiff document, TextWriter output)
    {
        ArgumentNullException.ThrowIfNull(document);
        ArgumentNullException.ThrowIfNull(output);
        if (document.IsEmpty)
        {
            output.Write("no changes\n");
            return;
        }

        if (document.OptionsDiffer)
        {
            output.Write($"note: the plans were made with different options ({string.Join(", ", document.OptionChanges)}); holes may differ because of them, not only because pages retired\n");
        }

        foreach (var r in document.Regions)
        {
            var host = r.Host.Length == 0 ? string.Empty : r.Host + " ";
            output.Write($"{host}{r.Id}: {r.Change.ToString().ToLowerInvariant()}, usable {new ByteSize(r.OldUsable).ToHumanString()} -> {new ByteSize(r.NewUsable).ToHumanString()} ({DiffWriters.SignedBytes((Int128)r.NewUsable - r.OldUsable)})");
            foreach (var c in r.HugePages.Where(c => c.Delta != 0))
            {
                output.Write($", {new ByteSize(c.PageSize)} {c.Old} -> {c.New}");
            }

            output.Write('\n');
            foreach (var hole in r.NewHoles)
            {
                output.Write($"  + hole {Numbers.Hex(hole.Start)} size {Numbers.Hex(hole.Size)}{Spa(r.New, hole)}\n");
            }

            foreach (var hole in r.ClearedHoles)
            {
                output.Write($"  - hole {Numbers.Hex(hole.Start)} size {Numbers.Hex(hole.Size)}{Spa(r.Old, hole)}\n");
            }
        }

        if (document.Hosts.Length > 1 || document.Hosts.Any(h => h.Host.Length > 0))
        {
            output.Write('\n');
            var table = new TextTable(["host", "usable before", "usable after", "change", "new holes", "cleared"]);
            foreach (var h in document.Hosts)
            {
                table.Add(h.Host, new ByteSize(h.OldUsable).ToHumanString(), new ByteSize(h.NewUsable).ToHumanString(), DiffWriters.SignedBytes(h.UsableDelta), new ByteSize(h.NewHoleBytes).ToHumanString(), new ByteSize(h.ClearedHoleBytes).ToHumanString());
            }

            table.Write(output);
        }
    }

    private static string Spa(Region? region, AddressRange hole) => region is null ? string.Empty : $" (SPA {Numbers.Hex(region.Base + hole.Start)})";
}

/// <summary>
/// The diff as JSON, schema <c>egmecc.diff/1</c>: <c>{schema, optionsDiffer, optionChanges[], regions[{host, id,
/// change, oldUsableBytes, newUsableBytes, hugePageCapacity{"&lt;bytes&gt;": {old, new}},
/// newHoles[{offset, address, size}], clearedHoles[...]}], hosts[{host, oldUsableBytes,
/// newUsableBytes, newHoleBytes, clearedHoleBytes, hugePageCapacity}]}</c>; empty arrays when nothing changed.
/// </summary>
public sealed class DiffJsonWriter : IDocumentWriter<PlanDiff>
{
    /// <summary>The schema name.</summary>
    public const string Schema = "egmecc.diff/1";

    /// <inheritdoc/>
    public string Name => "json";

    /// <inheritdoc/>
    public void Write(PlanDiff document, TextWriter output)
    {
        ArgumentNullException.ThrowIfNull(document);
        ArgumentNullException.ThrowIfNull(output);
        JsonOutput.Write(output, json =>
        {
            json.WriteStartObject();
            json.WriteString("schema", Schema);
            json.WriteBoolean("optionsDiffer", document.OptionsDiffer);
            json.WriteStartArray("optionChanges");
            foreach (var change in document.OptionChanges)
            {
                json.WriteStringValue(change);
            }

            json.WriteEndArray();
            json.WriteStartArray("regions");
            foreach (var r in document.Regions)
            {
                json.WriteStartObject();
                json.WriteString("host", r.Host);
                json.WriteString("id", r.Id);
                json.WriteString("change", r.Change.ToString().ToLowerInvariant());
                json.WriteNumber("oldUsableBytes", r.OldUsable);
                json.WriteNumber("newUsableBytes", r.NewUsable);
                WriteCapacity(json, r.HugePages);
                WriteHoles(json, "newHoles", r.NewHoles, r.New);
                WriteHoles(json, "clearedHoles", r.ClearedHoles, r.Old);
                json.WriteEndObject();
            }

            json.WriteEndArray();
            json.WriteStartArray("hosts");
            foreach (var h in document.Hosts)
            {
                json.WriteStartObject();
                json.WriteString("host", h.Host);
                json.WriteNumber("oldUsableBytes", h.OldUsable);
                json.WriteNumber("newUsableBytes", h.NewUsable);
                json.WriteNumber("newHoleBytes", h.NewHoleBytes);
                json.WriteNumber("clearedHoleBytes", h.ClearedHoleBytes);
                WriteCapacity(json, h.HugePages);
                json.WriteEndObject();
            }

            json.WriteEndArray();
            json.WriteEndObject();
        });
    }

    private static void WriteCapacity(Utf8JsonWriter json, IEnumerable<CapacityChange> changes)
    {
        json.WriteStartObject("hugePageCapacity");
        foreach (var c in changes)
        {
            json.WriteStartObject(c.PageSize.ToString(CultureInfo.InvariantCulture));
            json.WriteNumber("old", c.Old);
            json.WriteNumber("new", c.New);
            json.WriteEndObject();
        }

        json.WriteEndObject();
    }

    private static void WriteHoles(Utf8JsonWriter json, string name, IEnumerable<AddressRange> holes, Region? region)
    {
        json.WriteStartArray(name);
        foreach (var hole in holes)
        {
            json.WriteStartObject();
            json.WriteString("offset", Numbers.Hex(hole.Start));
            if (region is not null)
            {
                json.WriteString("address", Numbers.Hex(region.Base + hole.Start));
            }

            json.WriteString("size", Numbers.Hex(hole.Size));
            json.WriteEndObject();
        }

        json.WriteEndArray();
    }
}
