using System.Text.Json;
using EgmEcc.Formats.Output;
using EgmEcc.Reporting;

namespace EgmEcc.Formats.Reports;

/// <summary>
/// The report's figures as JSON, schema <c>egmecc.report/1</c>:
/// <c>{schema, host, generatedAt, plan, passed, gates[{region, host, gate, threshold, actual, passed}]}</c>.
/// </summary>
/// <remarks>
/// <para><c>host</c> is the report's host name and <c>generatedAt</c> its time (ISO 8601, UTC), each
/// null when not given. <c>plan</c> is the whole <c>egmecc.plan/1</c> document (every figure the report shows is in
/// it or follows from it). <c>passed</c> is false when any gate failed.</para>
/// <para>One <c>gates</c> entry per region and gate asked for, in region order: <c>gate</c> is
/// <c>usable-percent</c> (threshold and actual in percent), <c>hugepages-SIZE</c> such as
/// <c>hugepages-1G</c> (counts of pages), or <c>warnings</c> (run-wide: <c>region</c> and
/// <c>host</c> are null, threshold 0, actual the number of warnings). Empty when no gate was set.</para>
/// </remarks>
public sealed class ReportJsonWriter : IReportWriter
{
    /// <summary>The schema name written in every report.</summary>
    public const string Schema = "egmecc.report/1";

    /// <inheritdoc/>
    public string Name => "json";

    /// <inheritdoc/>
    public void Write(Report report, TextWriter output, ReportOutputOptions options)
    {
        ArgumentNullException.ThrowIfNull(report);
        ArgumentNullException.ThrowIfNull(output);
        JsonOutput.Write(output, json =>
        {
            json.WriteStartObject();
            json.WriteString("schema", Schema);
            WriteStringOrNull(json, "host", report.HostName);
            WriteStringOrNull(json, "generatedAt", report.GeneratedAtText);
            json.WritePropertyName("plan");
            PlanJsonWriter.WritePlan(json, report.Plan);
            json.WriteBoolean("passed", report.Passed);
            json.WriteStartArray("gates");
            foreach (var gate in report.Gates)
            {
                json.WriteStartObject();
                WriteStringOrNull(json, "region", gate.Region);
                WriteStringOrNull(json, "host", gate.Host);
                json.WriteString("gate", gate.Gate);
                json.WriteNumber("threshold", gate.Threshold);
                json.WriteNumber("actual", gate.Actual);
                json.WriteBoolean("passed", gate.Passed);
                json.WriteEndObject();
            }

            json.WriteEndArray();
            json.WriteEndObject();
        });
    }

    private static void WriteStringOrNull(Utf8JsonWriter json, string name, string? value)
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
