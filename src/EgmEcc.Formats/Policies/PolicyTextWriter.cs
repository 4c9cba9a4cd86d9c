using EgmEcc.Policies;

namespace EgmEcc.Formats.Policies;

/// <summary>
/// The policy results as text lines, for the history's text output (docs/design.md §4.14):
/// <code>
/// policy: 4 rule(s), horizon 1 year(s)
/// now:
///   critical rma-total: gh-a03 retired 64 &gt;= 62
/// forecast:
///   warning table-cliff: gh-b01 table &gt;= 3584 expected 2027-03-02 (2026-12-20 .. 2027-08-01)
/// </code>
/// A section with nothing in it says <c>none</c>; a range whose slow end never comes ends in <c>never</c>.
/// </summary>
public static class PolicyTextWriter
{
    /// <summary>Writes <paramref name="result"/>: a heading, then the <c>now:</c> and <c>forecast:</c> sections.</summary>
    public static void Write(PolicyResult result, TextWriter output)
    {
        ArgumentNullException.ThrowIfNull(result);
        ArgumentNullException.ThrowIfNull(output);
        output.Write($"policy: {result.Rules.Length} rule(s), horizon {PolicyFormat.Years(result.HorizonYears)} year(s)\n");
        output.Write(result.Now.IsEmpty ? "now: none\n" : "now:\n");
        foreach (var breach in result.Now)
        {
            output.Write($"  {NowLine(breach)}\n");
        }

        output.Write(result.Forecast.IsEmpty ? "forecast: none\n" : "forecast:\n");
        foreach (var forecast in result.Forecast)
        {
            output.Write($"  {ForecastLine(forecast)}\n");
        }
    }

    /// <summary><c>critical rma-total: gh-a03 retired 64 &gt;= 62</c>: the rule, the host, its value and the condition it meets.</summary>
    public static string NowLine(PolicyBreach breach)
    {
        ArgumentNullException.ThrowIfNull(breach);
        var rule = breach.Rule;
        return $"{Heading(rule)} {breach.Host} {rule.Figure} {PolicyFormat.Text(rule.Figure, breach.Value)} {rule.Operator.Symbol()} {rule.ThresholdText}";
    }

    /// <summary>
    /// <c>warning table-cliff: gh-b01 table &gt;= 3584 expected 2027-03-02 (2026-12-20 .. 2027-08-01)</c>:
    /// the rule, the host, the condition it is expected to meet, the day and the p5–p95 range.
    /// </summary>
    public static string ForecastLine(PolicyForecast forecast)
    {
        ArgumentNullException.ThrowIfNull(forecast);
        var date = forecast.Date;
        var latest = date.Latest is { } l ? PolicyFormat.Day(l) : "never";
        return $"{Heading(forecast.Rule)} {forecast.Host} {forecast.Rule.Condition} expected {PolicyFormat.Day(date.Expected)} ({PolicyFormat.Day(date.Earliest)} .. {latest})";
    }

    private static string Heading(PolicyRule rule) => $"{rule.Severity.Name()} {rule.Name}:";
}
