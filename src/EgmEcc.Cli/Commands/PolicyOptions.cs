using System.CommandLine;
using System.Globalization;
using EgmEcc.Formats.Inputs;
using EgmEcc.Formats.Policies;
using EgmEcc.History;
using EgmEcc.Policies;

namespace EgmEcc.Cli.Commands;

/// <summary>
/// The policy flags of a verb that judges a fleet's history (docs/design.md §4.14): <c>--policy
/// FILE</c> and <c>--rule RULE</c> (both repeatable), <c>--fail-on SEVERITY</c> and <c>--horizon
/// YEARS</c>. A verb adds them with <see cref="AddTo"/>, reads the rules before its work with
/// <see cref="LoadRules"/> (a bad rule stops the run at once), judges its history with
/// <see cref="Evaluate"/> and ends with <see cref="ExitCode"/>.
/// </summary>
internal sealed class PolicyOptions
{
    /// <summary>How many hosts a failure line names before it counts the rest.</summary>
    public const int NamedHosts = 10;

    public Option<string[]> Policy { get; } = new("--policy")
    {
        Description = "A policy file: one rule a line, 'SEVERITY NAME: FIGURE OP VALUE' (e.g. 'critical rma-total: retired >= 62'), '#' comments. Repeatable.",
        HelpName = "FILE",
        Arity = ArgumentArity.ZeroOrMore,
        AllowMultipleArgumentsPerToken = false,
    };

    public Option<string[]> Rule { get; } = new("--rule")
    {
        Description = "One rule, as a policy file writes it: 'critical rma-recent: retired[30d] >= 5'. Repeatable.",
        HelpName = "RULE",
        Arity = ArgumentArity.ZeroOrMore,
        AllowMultipleArgumentsPerToken = false,
    };

    public Option<string> FailOn { get; } = new("--fail-on")
    {
        Description = $"Exit {ExitCodes.GateFailed} when a host breaks now a rule of this severity or above: info, warning or critical. Forecast breaches never fail the run.",
        HelpName = "SEVERITY",
        DefaultValueFactory = _ => PolicySeverity.Critical.Name(),
    };

    public Option<double> Horizon { get; } = new("--horizon")
    {
        Description = "How far ahead to forecast rule breaches from the measured rates, in years.",
        HelpName = "YEARS",
        DefaultValueFactory = _ => 1,
    };

    public PolicyOptions()
    {
        FileNames.Required(Policy, "a file name");
        FailOn.AcceptOnlyFromAmong([.. PolicySeverities.Names]);
    }

    public void AddTo(Command command)
    {
        ArgumentNullException.ThrowIfNull(command);
        foreach (var option in new Option[] { Policy, Rule, FailOn, Horizon })
        {
            command.Add(option);
        }
    }

    /// <summary>
    /// Every rule the flags give: the policy files' in order, then the <c>--rule</c>s. A bad line of
    /// a file is an input error at its line; a bad <c>--rule</c>, a setting error the command line
    /// prints with the flag's name (<see cref="SettingFlags"/>). Empty when no rule is given.
    /// </summary>
    public IReadOnlyList<PolicyRule> LoadRules(ParseResult result, CliConsole console)
    {
        ArgumentNullException.ThrowIfNull(result);
        ArgumentNullException.ThrowIfNull(console);
        var files = result.GetValue(Policy) ?? [];
        InputOptions.RequireOneStandardInputAtMost(files);
        var rules = new List<PolicyRule>();
        foreach (var path in files)
        {
            rules.AddRange(PolicyReader.Read(InputFile.FromPath(path, console.OpenStandardInput), rules));
        }

        foreach (var text in result.GetValue(Rule) ?? [])
        {
            rules.Add(PolicyReader.ParseRule(text, rules));
        }

        return rules;
    }

    /// <summary>The hosts of <paramref name="report"/> that break <paramref name="rules"/> now or within <c>--horizon</c>; null when there are no rules.</summary>
    /// <exception cref="SettingException">A bad horizon; a rule the history cannot judge (a hugepage size not counted, the VM fit without a shape).</exception>
    public PolicyResult? Evaluate(HistoryReport report, IReadOnlyList<PolicyRule> rules, ParseResult result)
    {
        ArgumentNullException.ThrowIfNull(rules);
        ArgumentNullException.ThrowIfNull(result);
        return rules.Count == 0 ? null : PolicyEvaluator.Evaluate(report, rules, result.GetValue(Horizon));
    }

    /// <summary>The severity <c>--fail-on</c> names.</summary>
    public PolicySeverity ResolveFailOn(ParseResult result)
    {
        ArgumentNullException.ThrowIfNull(result);
        return PolicySeverities.TryParse(result.GetValue(FailOn), out var severity) ? severity : PolicySeverity.Critical;
    }

    /// <summary>
    /// <see cref="ExitCodes.GateFailed"/> when a host breaks now a rule at or above <c>--fail-on</c>,
    /// writing one <c>egmecc: policy failed: NAME (SEVERITY): N host(s): h1, h2, ...</c> line per
    /// such rule to <paramref name="error"/>; <see cref="ExitCodes.Success"/> otherwise (and when
    /// there are no rules).
    /// </summary>
    public int ExitCode(PolicyResult? policy, ParseResult result, TextWriter error)
    {
        ArgumentNullException.ThrowIfNull(error);
        if (policy is null)
        {
            return ExitCodes.Success;
        }

        var failures = policy.Failures(ResolveFailOn(result));
        foreach (var failure in failures)
        {
            var hosts = failure.Hosts;
            var named = string.Join(", ", hosts.Take(NamedHosts));
            var more = hosts.Length > NamedHosts ? string.Create(CultureInfo.InvariantCulture, $", and {hosts.Length - NamedHosts} more") : string.Empty;
            error.WriteLine(OneLine.Of(string.Create(CultureInfo.InvariantCulture, $"egmecc: policy failed: {failure.Rule.Name} ({failure.Rule.Severity.Name()}): {hosts.Length} host(s): {named}{more}")));
        }

        return failures.IsEmpty ? ExitCodes.Success : ExitCodes.GateFailed;
    }
}
