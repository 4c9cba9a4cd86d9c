using System.Text.Json;
using EgmEcc.Policies;

namespace EgmEcc.Formats.Policies;

/// <summary>
/// The policy results as JSON, for the history's JSON document (docs/design.md §4.14):
/// <c>{horizonYears, rules: [{severity, name, rule}], now: [{host, rule, severity, value}],
/// forecast: [{host, rule, severity, expected, earliest, latest}]}</c>. <c>rule</c> is the rule's
/// name in <c>now</c> and <c>forecast</c>, its condition (<c>retired &gt;= 62</c>) in <c>rules</c>;
/// <c>value</c> is an integer but for <c>usable%</c> (four decimals, rounded down); times are UTC,
/// <c>yyyy-MM-ddTHH:mm:ssZ</c>, and <c>latest</c> is null when the rate's 5th percentile never
/// gets there.
/// </summary>
public static class PolicyJsonWriter
{
    /// <summary>Writes the property <c>policy</c>: the results' object, or null when no rule was given.</summary>
    public static void WriteProperty(Utf8JsonWriter json, PolicyResult? result)
    {
        ArgumentNullException.ThrowIfNull(json);
        json.WritePropertyName("policy");
        if (result is null)
        {
            json.WriteNullValue();
        }
        else
        {
            Write(json, result);
        }
    }

    /// <summary>Writes the results' object as a value.</summary>
    public static void Write(Utf8JsonWriter json, PolicyResult result)
    {
        ArgumentNullException.ThrowIfNull(json);
        ArgumentNullException.ThrowIfNull(result);
        json.WriteStartObject();
        json.WriteNumber("horizonYears", result.HorizonYears);
        json.WriteStartArray("rules");
        foreach (var rule in result.Rules)
        {
            json.WriteStartObject();
            json.WriteString("severity", rule.Severity.Name());
            json.WriteString("name", rule.Name);
            json.WriteString("rule", rule.Condition);
            json.WriteEndObject();
        }

        json.WriteEndArray();
        json.WriteStartArray("now");
        foreach (var breach in result.Now)
        {
            json.WriteStartObject();
            Head(json, breach.Host, breach.Rule);
            if (breach.Rule.Figure.IsCount)
            {
                json.WriteNumber("value", (ulong)breach.Value);
            }
            else
            {
                json.WriteNumber("value", PolicyFormat.Percent(breach.Value));
            }

            json.WriteEndObject();
        }

        json.WriteEndArray();
        json.WriteStartArray("forecast");
        foreach (var forecast in result.Forecast)
        {
            json.WriteStartObject();
            Head(json, forecast.Host, forecast.Rule);
            json.WriteString("expected", PolicyFormat.Time(forecast.Date.Expected));
            json.WriteString("earliest", PolicyFormat.Time(forecast.Date.Earliest));
            if (forecast.Date.Latest is { } latest)
            {
                json.WriteString("latest", PolicyFormat.Time(latest));
            }
            else
            {
                json.WriteNull("latest");
            }

            json.WriteEndObject();
        }

        json.WriteEndArray();
        json.WriteEndObject();
    }

    private static void Head(Utf8JsonWriter json, string host, PolicyRule rule)
    {
        json.WriteString("host", host);
        json.WriteString("rule", rule.Name);
        json.WriteString("severity", rule.Severity.Name());
    }
}
