using System.Globalization;
using System.Text.Json;
using EgmEcc.Formats.Output;

namespace EgmEcc.Formats.Collection;

/// <summary>Writes a <see cref="CollectionManifest"/> as <c>egmecc.collect/1</c> JSON (docs/design.md §3), properties in a fixed order.</summary>
public static class ManifestWriter
{
    /// <summary>Writes <paramref name="manifest"/> to <paramref name="output"/>.</summary>
    public static void Write(CollectionManifest manifest, TextWriter output)
    {
        ArgumentNullException.ThrowIfNull(manifest);
        JsonOutput.Write(output, json =>
        {
            json.WriteStartObject();
            json.WriteString("schema", CollectionManifest.Schema);
            json.WriteString("host", manifest.Host);
            json.WriteString("collectedAt", manifest.CollectedAt.UtcDateTime.ToString("yyyy-MM-dd'T'HH:mm:ss'Z'", CultureInfo.InvariantCulture));
            WriteNullable(json, "kernelRelease", manifest.KernelRelease);
            json.WriteNumber("hostPageBytes", manifest.HostPageBytes);
            json.WriteString("egmeccVersion", manifest.Version);
            if (manifest.Root is { } root)
            {
                json.WriteString("root", root);
            }

            json.WriteStartArray("evidence");
            foreach (var e in manifest.Evidence)
            {
                json.WriteStartObject();
                json.WriteString("file", e.File);
                json.WriteString("kind", e.Kind);
                json.WriteString("origin", e.Origin);
                json.WriteNumber("bytes", e.Bytes);
                json.WriteEndObject();
            }

            json.WriteEndArray();
            json.WriteStartArray("missing");
            foreach (var m in manifest.Missing)
            {
                json.WriteStartObject();
                json.WriteString("what", m.What);
                json.WriteString("path", m.Path);
                json.WriteString("reason", m.Reason);
                json.WriteEndObject();
            }

            json.WriteEndArray();
            json.WriteStartObject("sysfs");
            foreach (var device in manifest.Sysfs)
            {
                json.WriteStartObject(device.Name);
                foreach (var (name, value) in device.Attributes)
                {
                    json.WriteString(name, value);
                }

                json.WriteEndObject();
            }

            json.WriteEndObject();
            PlanJsonWriter.WriteDiagnostics(json, "notes", manifest.Notes);
            json.WriteEndObject();
        });
    }

    private static void WriteNullable(Utf8JsonWriter json, string name, string? value)
    {
        if (value is null)
        {
            json.WriteNull(name);
        }
        else
        {
            json.WriteString(name, value);
        }
    }
}
