using System.Globalization;
using System.Text.Json;
using EgmEcc.Formats.Output.Documents;
using EgmEcc.Formats.Output;
using EgmEcc.Formats.Policies;
using EgmEcc.History;

namespace EgmEcc.Formats.History;

/// <summary>
/// The history as JSON, schema <c>egmecc.history/1</c> (docs/design.md §4.13):
/// <c>{schema, options, vmShape, snapshots[{name, at}], prior, hosts[{host, rate, regions[{id,
/// tableEntries, estimated, tableEntriesLeft, overflow}], observations[{snapshot, at, sizeBytes,
/// usableBytes, usablePercent, retiredPages, newRetiredPages, atRiskPages, hugePageCapacity, vmFit,
/// tableEntries}]}], changes[{host, snapshot, kind, detail}], policy}</c>. <c>prior</c>, a host's
/// <c>rate</c> and a region's <c>overflow</c> are null when not measured; <c>policy</c> is null
/// when no rule is given. An observation's <c>snapshot</c> is the snapshot's name; times are UTC.
/// </summary>
public sealed class HistoryJsonWriter : IDocumentWriter<HistoryReport>
{
    /// <summary>The schema name.</summary>
    public const string Schema = "egmecc.history/1";

    /// <inheritdoc/>
    public string Name => "json";

    /// <inheritdoc/>
    public void Write(HistoryReport document, TextWriter output)
    {
        ArgumentNullException.ThrowIfNull(document);
        ArgumentNullException.ThrowIfNull(output);
        var history = document.History;
        var huge = history.Options.HugePages;
        var rates = HistoryFormat.Rates(document);
        var cliffs = HistoryFormat.Cliffs(document);
        JsonOutput.Write(output, json =>
        {
            json.WriteStartObject();
            json.WriteString("schema", Schema);
            PlanJsonWriter.WriteOptions(json, history.Options);
            if (document.VmShape is { } shape)
            {
                json.WriteString("vmShape", shape.ToString());
            }
            else
            {
                json.WriteNull("vmShape");
            }

            json.WriteStartArray("snapshots");
            foreach (var snapshot in history.Snapshots)
            {
                json.WriteStartObject();
                json.WriteString("name", snapshot.Name);
                json.WriteString("at", HistoryFormat.Time(snapshot.At));
                json.WriteEndObject();
            }

            json.WriteEndArray();
            WritePrior(json, document.Prior);
            json.WriteStartArray("hosts");
            foreach (var host in history.Hosts)
            {
                json.WriteStartObject();
                json.WriteString("host", host.Host);
                WriteRate(json, rates.GetValueOrDefault(host.Host));
                json.WriteStartArray("regions");
                foreach (var cliff in cliffs[host.Host])
                {
                    WriteCliff(json, cliff);
                }

                json.WriteEndArray();
                json.WriteStartArray("observations");
                for (var i = 0; i < host.Observations.Length; i++)
                {
                    WriteObservation(json, history, host, i, huge);
                }

                json.WriteEndArray();
                json.WriteEndObject();
                json.Flush();
            }

            json.WriteEndArray();
            json.WriteStartArray("changes");
            foreach (var change in history.Changes)
            {
                json.WriteStartObject();
                json.WriteString("host", change.Host);
                json.WriteString("snapshot", history.Snapshots[change.Snapshot].Name);
                json.WriteString("kind", HistoryFormat.Kind(change.Kind));
                json.WriteString("detail", change.Detail);
                json.WriteEndObject();
            }

            json.WriteEndArray();

            // Without rules it is null (docs/design.md §4.14).
            PolicyJsonWriter.WriteProperty(json, document.Policy);
            json.WriteEndObject();
        });
    }

    private static void WritePrior(Utf8JsonWriter json, RatePrior? prior)
    {
        if (prior is null)
        {
            json.WriteNull("prior");
            return;
        }

        json.WriteStartObject("prior");
        WriteRetirementRate(json, prior.Rate);
        json.WriteNumber("shape", HistoryFormat.Rate(prior.Shape));
        json.WriteNumber("exposureTiBYears", HistoryFormat.Rate(prior.ExposureTiBYears));
        json.WriteEndObject();
    }

    /// <summary>A rate's estimate and interval, as the prior and every host write them.</summary>
    private static void WriteRetirementRate(Utf8JsonWriter json, RetirementRate rate)
    {
        json.WriteNumber("perTiBYear", HistoryFormat.Rate(rate.PerTiBYear));
        json.WriteNumber("p5", HistoryFormat.Rate(rate.P5));
        json.WriteNumber("p95", HistoryFormat.Rate(rate.P95));
    }

    private static void WriteRate(Utf8JsonWriter json, HostRate? rate)
    {
        if (rate is null)
        {
            json.WriteNull("rate");
            return;
        }

        json.WriteStartObject("rate");
        WriteRetirementRate(json, rate.Rate);
        json.WriteNumber("newPages", rate.NewPages);
        json.WriteNumber("exposureTiBYears", HistoryFormat.Rate(rate.ExposureTiBYears));
        json.WriteNumber("intervals", rate.Intervals);
        json.WriteEndObject();
    }

    private static void WriteCliff(Utf8JsonWriter json, TableCliff cliff)
    {
        json.WriteStartObject();
        json.WriteString("id", cliff.Region);
        json.WriteNumber("tableEntries", cliff.Entries);
        json.WriteBoolean("estimated", cliff.Estimated);
        json.WriteNumber("tableEntriesLeft", cliff.Left);
        if (cliff.Overflow is { } overflow)
        {
            json.WriteStartObject("overflow");
            json.WriteString("mean", HistoryFormat.Time(overflow.Expected));
            json.WriteString("p5", HistoryFormat.Time(overflow.Earliest));
            if (overflow.Latest is { } latest)
            {
                json.WriteString("p95", HistoryFormat.Time(latest));
            }
            else
            {
                json.WriteNull("p95");
            }

            json.WriteNumber("costBytes", cliff.CostBytes);
            json.WriteEndObject();
        }
        else
        {
            json.WriteNull("overflow");
        }

        json.WriteEndObject();
    }

    private static void WriteObservation(Utf8JsonWriter json, FleetHistory history, HostTimeline host, int index, IReadOnlyList<ulong> huge)
    {
        var o = host.Observations[index];
        var s = o.Summary;
        json.WriteStartObject();
        json.WriteString("snapshot", history.Snapshots[o.Snapshot].Name);
        json.WriteString("at", HistoryFormat.Time(o.At));
        json.WriteNumber("sizeBytes", s.SizeBytes);
        json.WriteNumber("usableBytes", s.UsableBytes);
        json.WriteNumber("usablePercent", FleetFormat.RoundPercent(s.UsablePercent));
        json.WriteNumber("retiredPages", s.RetiredPages);
        if (HistoryBuilder.NewRetiredPages(host, index) is { } added)
        {
            json.WriteNumber("newRetiredPages", added);
        }
        else
        {
            json.WriteNull("newRetiredPages");
        }

        json.WriteNumber("atRiskPages", s.AtRiskPages);
        json.WriteStartObject("hugePageCapacity");
        for (var h = 0; h < huge.Count; h++)
        {
            json.WriteNumber(huge[h].ToString(CultureInfo.InvariantCulture), s.HugePages(h));
        }

        json.WriteEndObject();
        json.WriteNumber("vmFit", s.VmFit);
        if (s.TableEntries is { } used)
        {
            json.WriteNumber("tableEntries", used);
        }
        else
        {
            json.WriteNull("tableEntries");
        }

        json.WriteEndObject();
    }
}
