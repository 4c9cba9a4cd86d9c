using System.Globalization;
using System.Text.Json;
using EgmEcc.Fleet;

namespace EgmEcc.Formats.Output.Documents;

/// <summary>
/// The fleet report as JSON, schema <c>egmecc.fleet/1</c>:
/// <c>{schema, options, vmShape, minUsablePercent, hosts[{host, sizeBytes, usableBytes,
/// usablePercent, hugePageCapacity{"&lt;bytes&gt;": n}, vmFit, atRiskPages, belowThreshold, accounting,
/// warnings, regions[{id, node, sizeBytes, usableBytes, hugePageCapacity, vmBlocks, atRiskPages}]}],
/// totals{..., hostsBelowThreshold[]}}</c>. Byte figures are JSON integers; <c>atRiskPages</c>
/// counts corrected-error pages left usable.
/// </summary>
public sealed class FleetJsonWriter : IDocumentWriter<FleetReport>
{
    /// <summary>The schema name.</summary>
    public const string Schema = "egmecc.fleet/1";

    /// <inheritdoc/>
    public string Name => "json";

    /// <inheritdoc/>
    public void Write(FleetReport document, TextWriter output)
    {
        ArgumentNullException.ThrowIfNull(document);
        ArgumentNullException.ThrowIfNull(output);
        var huge = document.Options.HugePages;
        JsonOutput.Write(output, json =>
        {
            json.WriteStartObject();
            json.WriteString("schema", Schema);
            PlanJsonWriter.WriteOptions(json, document.Options);
            if (document.VmShape is { } shape)
            {
                json.WriteString("vmShape", shape.ToString());
            }
            else
            {
                json.WriteNull("vmShape");
            }

            if (document.MinUsablePercent is { } min)
            {
                json.WriteNumber("minUsablePercent", min);
            }
            else
            {
                json.WriteNull("minUsablePercent");
            }

            json.WriteStartArray("hosts");
            foreach (var host in document.Hosts)
            {
                json.WriteStartObject();
                json.WriteString("host", host.Host);
                json.WriteNumber("sizeBytes", host.SizeBytes);
                json.WriteNumber("usableBytes", host.UsableBytes);
                json.WriteNumber("usablePercent", FleetFormat.RoundPercent(host.UsablePercent));
                WriteHuge(json, huge, h => host.HugePages(h));
                json.WriteNumber("vmFit", host.VmFit);
                json.WriteNumber("atRiskPages", host.AtRiskPages);
                json.WriteBoolean("belowThreshold", document.IsBelowThreshold(host));
                PlanJsonWriter.WriteAccounting(json, host.Accounting);
                json.WriteNumber("warnings", host.Warnings);
                WriteTable(json, host.TableEntries);
                json.WriteStartArray("regions");
                foreach (var region in host.Regions)
                {
                    json.WriteStartObject();
                    json.WriteString("id", region.Id);
                    json.WriteNumber("node", region.Node);
                    json.WriteNumber("sizeBytes", region.SizeBytes);
                    json.WriteNumber("usableBytes", region.UsableBytes);
                    WriteHuge(json, huge, h => region.HugePages[h]);
                    json.WriteNumber("vmBlocks", region.VmBlocks);
                    json.WriteNumber("atRiskPages", region.AtRiskPages);
                    json.WriteEndObject();
                }

                json.WriteEndArray();
                json.WriteEndObject();
                json.Flush();
            }

            json.WriteEndArray();
            var t = document.Totals;
            json.WriteStartObject("totals");
            json.WriteNumber("hosts", t.Hosts);
            json.WriteNumber("regions", t.Regions);
            FleetFormat.WriteNumber(json, "sizeBytes", t.SizeBytes);
            FleetFormat.WriteNumber(json, "usableBytes", t.UsableBytes);
            json.WriteNumber("usablePercent", FleetFormat.RoundPercent(t.UsablePercent));
            json.WriteStartObject("hugePageCapacity");
            for (var h = 0; h < huge.Length; h++)
            {
                FleetFormat.WriteNumber(json, huge[h].ToString(CultureInfo.InvariantCulture), t.HugePages[h]);
            }

            json.WriteEndObject();
            json.WriteNumber("vmFit", t.VmFit);
            FleetFormat.WriteNumber(json, "atRiskPages", t.AtRiskPages);
            PlanJsonWriter.WriteAccounting(json, t.Accounting);
            json.WriteNumber("warnings", t.Warnings);
            WriteTable(json, t.TableEntries);
            json.WriteStartArray("hostsBelowThreshold");
            foreach (var host in document.HostsBelowThreshold)
            {
                json.WriteStringValue(host.Host);
            }

            json.WriteEndArray();
            json.WriteEndObject();
            json.WriteEndObject();
        });
    }

    /// <summary><c>tableEntries</c> and <c>tableEntriesLeft</c> of the fullest firmware table; null when none was read (docs/design.md §4.7).</summary>
    private static void WriteTable(Utf8JsonWriter json, int? entries)
    {
        if (entries is { } used)
        {
            json.WriteNumber("tableEntries", used);
            json.WriteNumber("tableEntriesLeft", FirmwareTableFill.Limit - used);
        }
        else
        {
            json.WriteNull("tableEntries");
            json.WriteNull("tableEntriesLeft");
        }
    }

    private static void WriteHuge(Utf8JsonWriter json, IReadOnlyList<ulong> huge, Func<int, ulong> count)
    {
        json.WriteStartObject("hugePageCapacity");
        for (var h = 0; h < huge.Count; h++)
        {
            json.WriteNumber(huge[h].ToString(CultureInfo.InvariantCulture), count(h));
        }

        json.WriteEndObject();
    }
}
