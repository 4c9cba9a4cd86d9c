using System.Collections.Immutable;
using EgmEcc.Formats.Output;
using EgmEcc.Formats.Policies;
using EgmEcc.History;
using EgmEcc.Policies;

namespace EgmEcc.Formats.Tests.Policies;

/// <summary>
/// The policy results as the history's text and JSON show them (docs/design.md §4.14), byte for
/// byte against <c>Golden/policy.txt</c> and <c>Golden/policy.json</c>.
/// </summary>
public class PolicyWriterGoldenTests
{
    private static readonly DateTimeOffset Day = new(2026, 11, 30, 8, 0, 0, TimeSpan.Zero);

    private static readonly PolicyRule RmaTotal = Rule("critical rma-total: retired >= 62");
    private static readonly PolicyRule RmaRecent = Rule("critical rma-recent: retired[30d] >= 5");
    private static readonly PolicyRule LowUsable = Rule("warning low-usable: usable% < 99.5");
    private static readonly PolicyRule TableCliff = Rule("warning table-cliff: table >= 3584");
    private static readonly PolicyRule Small = Rule("info small: usable < 400G");

    private static readonly PolicyResult Result = new(
        [RmaTotal, RmaRecent, LowUsable, TableCliff, Small],
        1,
        [
            new PolicyBreach("gh-a03", RmaTotal, 64),
            new PolicyBreach("gh-a07", RmaRecent, 5),
            new PolicyBreach("gh-a03", LowUsable, 99.49999999m),
            new PolicyBreach("gh-c11", TableCliff, 3600),
            new PolicyBreach("gh-c11", Small, 429_496_729_600m - 65_536),
        ],
        [
            new PolicyForecast("gh-b01", RmaTotal, new ForecastDate(Day.AddDays(92), Day.AddDays(20), Day.AddDays(244))),
            new PolicyForecast("gh-b02", TableCliff, new ForecastDate(Day.AddDays(300), Day.AddDays(150.5), null)),
        ]);

    [Fact]
    public void Text_MatchesItsGoldenFile()
    {
        var text = new StringWriter();

        PolicyTextWriter.Write(Result, text);

        Golden.Check("policy.txt", text.ToString());
    }

    [Fact]
    public void Json_MatchesItsGoldenFile()
    {
        var text = new StringWriter();

        JsonOutput.Write(text, json =>
        {
            json.WriteStartObject();
            PolicyJsonWriter.WriteProperty(json, Result);
            json.WriteEndObject();
        });

        Golden.Check("policy.json", text.ToString());
    }

    [Fact]
    public void Json_WithoutRules_IsNull()
    {
        var text = new StringWriter();

        JsonOutput.Write(text, json =>
        {
            json.WriteStartObject();
            PolicyJsonWriter.WriteProperty(json, null);
            json.WriteEndObject();
        });

        Assert.Equal("{\n  \"policy\": null\n}\n", text.ToString());
    }

    [Fact]
    public void Text_WithNothingBroken_SaysNone()
    {
        var text = new StringWriter();

        PolicyTextWriter.Write(new PolicyResult([RmaTotal], 0.5, [], []), text);

        Assert.Equal("policy: 1 rule(s), horizon 0.5 year(s)\nnow: none\nforecast: none\n", text.ToString());
    }

    private static PolicyRule Rule(string text) => PolicyReader.ParseRule(text);
}
