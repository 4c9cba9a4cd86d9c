using System.Collections.Immutable;
using System.Globalization;
using System.Text.Json;
using EgmEcc.Formats.Inputs;
using EgmEcc.Formats.Json;

namespace EgmEcc.Formats.Collection;

/// <summary>
/// Reads the <c>manifest.json</c> of a collected host folder (<c>egmecc.collect/1</c>,
/// docs/design.md §3) back into a <see cref="CollectionManifest"/>.
/// </summary>
/// <remarks>
/// Errors give <c>FILE:LINE</c> like every reader, then the JSON path of the bad value. Notes keep
/// their text; their source reads back as a whole-file location printing the same. Unknown
/// properties are ignored, so a later version may add some.
/// </remarks>
public static class ManifestReader
{
    /// <summary>The largest manifest read: a host's manifest is a few KiB.</summary>
    public const int MaxBytes = 16 << 20;

    /// <summary>
    /// True when <paramref name="head"/>, the first bytes of a file named
    /// <see cref="CollectionManifest.FileName"/>, names the manifest's schema: such a file is the
    /// folder's manifest, not a region or retired input.
    /// </summary>
    public static bool Claims(ReadOnlySpan<byte> head, InputFile file) =>
        file.FileName == CollectionManifest.FileName && head.IndexOf("\"egmecc.collect/"u8) >= 0;

    /// <summary>Reads the manifest in <paramref name="stream"/>.</summary>
    /// <exception cref="InputException">Not JSON, another schema, or a missing or bad value.</exception>
    public static CollectionManifest Read(Stream stream, string file)
    {
        ArgumentNullException.ThrowIfNull(stream);
        var memory = new MemoryStream();
        var chunk = new byte[81920];
        int read;
        while ((read = stream.Read(chunk)) > 0)
        {
            if (memory.Length + read > MaxBytes)
            {
                throw new InputException(SourceLocation.InFile(file), $"the manifest is larger than {MaxBytes >> 20} MiB; a host's manifest is a few KiB");
            }

            memory.Write(chunk, 0, read);
        }

        var json = new ReadOnlyMemory<byte>(memory.GetBuffer(), 0, (int)memory.Length);
        json = json.Span.StartsWith("\uFEFF"u8) ? json[3..] : json;

        // Syntax, names given twice and text that is not UTF-8, each at its line, before any value is used.
        System.Runtime.InteropServices.MemoryMarshal.TryGetArray(json, out var bytes);
        using (var check = new MemoryStream(bytes.Array!, bytes.Offset, bytes.Count, writable: false))
        {
            var input = JsonInput.Open(check, file, out var reader);
            if (!input.ReadToEnd(ref reader, (ref Utf8JsonReader _) => { }))
            {
                throw new InputException(SourceLocation.AtLine(file, 1), "the manifest is empty");
            }
        }

        using var document = JsonDocument.Parse(json, new JsonDocumentOptions { CommentHandling = JsonCommentHandling.Skip, AllowTrailingCommas = true });
        return new Reader(file, json).Manifest(document.RootElement);
    }

    private sealed class Reader(string file, ReadOnlyMemory<byte> json)
    {
        public CollectionManifest Manifest(JsonElement root)
        {
            Expect(root, JsonValueKind.Object, string.Empty);
            var schema = Text(root, "schema", string.Empty);
            if (schema != CollectionManifest.Schema)
            {
                throw Error("schema", $"'{Region.Printable(schema)}' is not a collection manifest; expected '{CollectionManifest.Schema}'");
            }

            var host = Text(root, "host", string.Empty);
            if (Region.NameProblem(host) is { } problem)
            {
                throw Error("host", $"host name {problem}");
            }

            var at = Text(root, "collectedAt", string.Empty);
            if (!DateTimeOffset.TryParseExact(at, "yyyy-MM-dd'T'HH:mm:ss'Z'", CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal, out var collectedAt))
            {
                throw Error("collectedAt", $"'{Region.Printable(at)}' is not a UTC time such as \"2026-11-29T08:00:00Z\"");
            }

            var hostPage = Number(Property(root, "hostPageBytes", string.Empty), "hostPageBytes");
            if (!ulong.IsPow2(hostPage))
            {
                throw Error("hostPageBytes", $"{hostPage} is not a power of two");
            }

            return new CollectionManifest
            {
                Host = host,
                CollectedAt = collectedAt,
                KernelRelease = OptionalText(root, "kernelRelease"),
                HostPageBytes = hostPage,
                Version = Text(root, "egmeccVersion", string.Empty),
                Root = OptionalText(root, "root"),
                Evidence = [.. Items(root, "evidence", (e, path) => new EvidenceEntry(Text(e, "file", path), Text(e, "kind", path), Text(e, "origin", path), (long)Number(Property(e, "bytes", path), $"{path}.bytes")))],
                Missing = [.. Items(root, "missing", (e, path) => new MissingItem(Text(e, "what", path), Text(e, "path", path), Text(e, "reason", path)))],
                Sysfs = Sysfs(root),
                Notes = [.. Items(root, "notes", Note)],
            };
        }

        private ImmutableArray<SysfsDevice> Sysfs(JsonElement root)
        {
            if (!root.TryGetProperty("sysfs", out var sysfs))
            {
                return [];
            }

            Expect(sysfs, JsonValueKind.Object, "sysfs");
            var devices = ImmutableArray.CreateBuilder<SysfsDevice>();
            foreach (var device in sysfs.EnumerateObject())
            {
                var path = $"sysfs.{device.Name}";
                Expect(device.Value, JsonValueKind.Object, path);
                var attributes = ImmutableArray.CreateBuilder<KeyValuePair<string, string>>();
                foreach (var attribute in device.Value.EnumerateObject())
                {
                    Expect(attribute.Value, JsonValueKind.String, $"{path}.{attribute.Name}");
                    attributes.Add(new(attribute.Name, attribute.Value.GetString()!));
                }

                devices.Add(new SysfsDevice(device.Name, attributes.ToImmutable()));
            }

            return devices.ToImmutable();
        }

        private Diagnostic Note(JsonElement e, string path)
        {
            var severity = Text(e, "severity", path) switch
            {
                "warning" => Severity.Warning,
                "info" => Severity.Info,
                var other => throw Error($"{path}.severity", $"'{Region.Printable(other)}' is not 'warning' or 'info'"),
            };
            var source = Text(e, "source", path);
            var message = Text(e, "message", path);
            return new Diagnostic(severity, SourceLocation.InFile(source.Length == 0 ? "-" : source), message);
        }

        /// <summary>The items of an optional array property, each read by <paramref name="item"/>.</summary>
        private List<T> Items<T>(JsonElement root, string name, Func<JsonElement, string, T> item)
        {
            var items = new List<T>();
            if (!root.TryGetProperty(name, out var array))
            {
                return items;
            }

            Expect(array, JsonValueKind.Array, name);
            var index = 0;
            foreach (var element in array.EnumerateArray())
            {
                var path = $"{name}[{index++}]";
                Expect(element, JsonValueKind.Object, path);
                items.Add(item(element, path));
            }

            return items;
        }

        private JsonElement Property(JsonElement e, string name, string path)
        {
            Expect(e, JsonValueKind.Object, path);
            return e.TryGetProperty(name, out var value) ? value : throw Error(path, $"missing '{name}'");
        }

        private string Text(JsonElement e, string name, string path)
        {
            var value = Property(e, name, path);
            Expect(value, JsonValueKind.String, Join(path, name));
            return value.GetString()!;
        }

        private string? OptionalText(JsonElement e, string name)
        {
            if (!e.TryGetProperty(name, out var value) || value.ValueKind == JsonValueKind.Null)
            {
                return null;
            }

            Expect(value, JsonValueKind.String, name);
            return value.GetString();
        }

        private ulong Number(JsonElement value, string path) =>
            value.ValueKind == JsonValueKind.Number && value.TryGetUInt64(out var n) && n <= long.MaxValue
                ? n
                : throw Error(path, $"'{Region.Printable(value.GetRawText())}' is not a non-negative integer");

        private void Expect(JsonElement e, JsonValueKind kind, string path)
        {
            if (e.ValueKind != kind)
            {
                throw Error(path, $"expected {kind.ToString().ToLowerInvariant()}, found {e.ValueKind.ToString().ToLowerInvariant()}");
            }
        }

        private InputException Error(string path, string message) =>
            new(SourceLocation.AtLine(file, JsonPaths.LineOf(json.Span, path)), $"{(path.Length == 0 ? "the manifest" : path)}: {message}");

        private static string Join(string path, string name) => path.Length == 0 ? name : $"{path}.{name}";
    }
}
