using System.Collections.Immutable;
using EgmEcc.History;

namespace EgmEcc.Policies;

/// <summary>A host that breaks a rule at its latest observation.</summary>
/// <param name="Host">The host.</param>
/// <param name="Rule">The rule it breaks.</param>
/// <param name="Value">The rule's figure at the host's latest observation, in the figure's unit.</param>
public sealed record PolicyBreach(string Host, PolicyRule Rule, decimal Value);

/// <summary>A host whose measured rate makes it break a rule within the horizon, and when.</summary>
/// <param name="Host">The host.</param>
/// <param name="Rule">The rule it is expected to break.</param>
/// <param name="Date">When: at the rate's estimate, and the p5–p95 range from the rate's interval.</param>
public sealed record PolicyForecast(string Host, PolicyRule Rule, ForecastDate Date);

/// <summary>A rule at or above the failing severity that hosts break now.</summary>
/// <param name="Rule">The rule.</param>
/// <param name="Hosts">The hosts that break it, in host order.</param>
public sealed record PolicyFailure(PolicyRule Rule, ImmutableArray<string> Hosts);

/// <summary>
/// What a fleet's history says of a set of rules (docs/design.md §4.14): the hosts that break a
/// rule now, and the hosts forecast to break one within the horizon.
/// </summary>
/// <param name="Rules">The rules, as given.</param>
/// <param name="HorizonYears">How far ahead the forecast looks, from each host's latest observation.</param>
/// <param name="Now">Breaches at the latest observation: by severity (critical first), rule order, then host.</param>
/// <param name="Forecast">Expected breaches of hosts that do not break the rule now: by severity, rule order, expected date, then host.</param>
public sealed record PolicyResult(ImmutableArray<PolicyRule> Rules, double HorizonYears, ImmutableArray<PolicyBreach> Now, ImmutableArray<PolicyForecast> Forecast)
{
    /// <summary>The rules of <paramref name="atLeast"/> or above that a host breaks now, in the order of <see cref="Now"/>, each with its hosts.</summary>
    public ImmutableArray<PolicyFailure> Failures(PolicySeverity atLeast) =>
        [.. Now.Where(b => b.Rule.Severity >= atLeast)
            .GroupBy(b => b.Rule)
            .Select(g => new PolicyFailure(g.Key, [.. g.Select(b => b.Host)]))];
}
