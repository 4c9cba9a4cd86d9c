using System.Collections.Immutable;
using System.CommandLine;
using EgmEcc.Cli.Commands;
using EgmEcc.Fleet;
using EgmEcc.History;
using EgmEcc.Policies;

namespace EgmEcc.Cli.Tests.Commands;

/// <summary>
/// The policy flags as a verb takes them (docs/design.md §4.14): loading the rules, with errors in
/// flag names, and the exit code with its <c>policy failed</c> lines.
/// </summary>
public class PolicyOptionsTests
{
    private const string ExamplePolicy = "data/history/policy.txt";

    static PolicyOptionsTests()
    {
        Environment.CurrentDirectory = Repo.Root;
    }

    [Fact]
    public void LoadRules_ReadsThePolicyFilesInOrder_ThenTheRules()
    {
        var (options, parse) = Parse("--rule", "info extra: vm-fit < 1", "--policy", ExamplePolicy);

        var rules = options.LoadRules(parse, Console());

        Assert.Equal(["rma-total", "rma-recent", "table-cliff", "table-low", "low-usable", "few-1g-pages", "at-risk", "extra"], rules.Select(r => r.Name));
        Assert.Equal($"{ExamplePolicy}:5", rules[0].Source.ToString());
        Assert.Null(rules[^1].Source);
    }

    [Fact]
    public void LoadRules_WithNoFlags_IsEmpty()
    {
        var (options, parse) = Parse();

        Assert.Empty(options.LoadRules(parse, Console()));
    }

    [Fact]
    public void LoadRules_ABadRule_IsASettingErrorNamingTheFlag()
    {
        var (options, parse) = Parse("--rule", "critical rma: retired => 62");

        var e = Assert.Throws<SettingException>(() => options.LoadRules(parse, Console()));

        Assert.Equal("--rule 'critical rma: retired => 62': expected <, <=, > or >= after 'retired', not '=>'", e.Error.Render(SettingFlags.Names));
    }

    [Fact]
    public void LoadRules_ARuleTakingANameOfThePolicyFile_IsASettingError()
    {
        var (options, parse) = Parse("--policy", ExamplePolicy, "--rule", "info rma-total: retired > 1");

        var e = Assert.Throws<SettingException>(() => options.LoadRules(parse, Console()));

        Assert.Equal($"--rule 'info rma-total: retired > 1': rule 'rma-total' is already defined at {ExamplePolicy}:5", e.Error.Render(SettingFlags.Names));
    }

    [Fact]
    public void LoadRules_ASecondPolicyFileTakingANameOfTheFirst_IsAnInputError()
    {
        var (options, parse) = Parse("--policy", ExamplePolicy, "--policy", ExamplePolicy);

        var e = Assert.Throws<InputException>(() => options.LoadRules(parse, Console()));

        Assert.Equal($"{ExamplePolicy}:5: rule 'rma-total' is already defined at {ExamplePolicy}:5", e.ToString());
    }

    [Fact]
    public void LoadRules_ABadPolicyFile_IsAnInputErrorAtItsLine()
    {
        var (options, parse) = Parse("--policy", "data/bad/policy-equals.txt");

        var e = Assert.Throws<InputException>(() => options.LoadRules(parse, Console()));

        Assert.Equal("data/bad/policy-equals.txt:1: expected <, <=, > or >= after 'table', not '=='", e.ToString());
    }

    [Fact]
    public void LoadRules_APolicyOnStandardInput_IsRead()
    {
        var (options, parse) = Parse("--policy", "-");

        var rules = options.LoadRules(parse, Console("warning w: usable% < 90\n"));

        Assert.Equal("-:1", Assert.Single(rules).Source.ToString());
    }

    [Fact]
    public void LoadRules_TwoPoliciesOnStandardInput_IsAUsageError()
    {
        var (options, parse) = Parse("--policy", "-", "--policy", "-");

        Assert.Throws<UsageException>(() => options.LoadRules(parse, Console()));
    }

    [Theory]
    [InlineData("--fail-on", "fatal")]
    [InlineData("--policy", "")]
    [InlineData("--horizon", "soon")]
    public void BadFlagValues_AreParseErrors(string flag, string value)
    {
        var (_, parse) = Parse(flag, value);

        Assert.NotEmpty(parse.Errors);
    }

    [Fact]
    public void Evaluate_WithoutRules_IsNull_AndTheRunPasses()
    {
        var (options, parse) = Parse();

        var result = options.Evaluate(Report(("a", 100)), [], parse);

        Assert.Null(result);
        Assert.Equal(ExitCodes.Success, options.ExitCode(result, parse, new StringWriter()));
    }

    [Fact]
    public void Evaluate_UsesTheHorizon()
    {
        var (options, parse) = Parse("--horizon", "2.5", "--rule", "critical rma-total: retired >= 62");

        var result = options.Evaluate(Report(("a", 1)), options.LoadRules(parse, Console()), parse);

        Assert.Equal(2.5, result!.HorizonYears);
    }

    [Fact]
    public void Evaluate_ABadHorizon_IsASettingErrorNamingTheFlag()
    {
        var (options, parse) = Parse("--horizon", "-1", "--rule", "critical rma-total: retired >= 62");

        var e = Assert.Throws<SettingException>(() => options.Evaluate(Report(("a", 1)), options.LoadRules(parse, Console()), parse));

        Assert.Equal("--horizon must be a finite number of years of at least 0", e.Error.Render(SettingFlags.Names));
    }

    [Fact]
    public void Evaluate_VmFitWithoutAShape_IsASettingErrorNamingTheFlags()
    {
        var (options, parse) = Parse("--rule", "warning fit: vm-fit < 2");

        var e = Assert.Throws<SettingException>(() => options.Evaluate(Report(("a", 1)), options.LoadRules(parse, Console()), parse));

        Assert.Equal("rule 'fit': vm-fit needs a VM shape; give one with --vm-shape SHAPE", e.Error.Render(SettingFlags.Names));
    }

    [Fact]
    public void Evaluate_HugePagesNotCounted_IsASettingErrorNamingTheRuleAndTheFlag()
    {
        var (options, parse) = Parse("--policy", ExamplePolicy);
        var report = Report(("a", 1)) with { History = Report(("a", 1)).History with { Options = new PlanOptions(hugePages: [2UL << 20]) } };

        var e = Assert.Throws<SettingException>(() => options.Evaluate(report, options.LoadRules(parse, Console()), parse));

        Assert.Equal($"rule 'few-1g-pages' ({ExamplePolicy}:15): huge[1G] needs 1G hugepages counted; count them with --huge-pages", e.Error.Render(SettingFlags.Names));
    }

    [Fact]
    public void ExitCode_ACriticalRuleBrokenNow_FailsTheRunNamingItsHosts()
    {
        var (options, parse) = Parse("--rule", "critical rma-total: retired >= 62", "--rule", "warning some: retired > 10");
        var error = new StringWriter { NewLine = "\n" };
        var result = options.Evaluate(Report(("b", 70), ("a", 62), ("c", 11)), options.LoadRules(parse, Console()), parse);

        var exit = options.ExitCode(result, parse, error);

        Assert.Equal(ExitCodes.GateFailed, exit);
        Assert.Equal("egmecc: policy failed: rma-total (critical): 2 host(s): a, b\n", error.ToString());
    }

    [Fact]
    public void ExitCode_FailOnWarning_CountsWarningsToo()
    {
        var (options, parse) = Parse("--fail-on", "warning", "--rule", "critical rma-total: retired >= 62", "--rule", "warning some: retired > 10");
        var error = new StringWriter { NewLine = "\n" };
        var result = options.Evaluate(Report(("a", 11)), options.LoadRules(parse, Console()), parse);

        Assert.Equal(ExitCodes.GateFailed, options.ExitCode(result, parse, error));
        Assert.Equal("egmecc: policy failed: some (warning): 1 host(s): a\n", error.ToString());
    }

    [Fact]
    public void ExitCode_OnlyRulesBelowTheSeverityBroken_Passes()
    {
        var (options, parse) = Parse("--rule", "warning some: retired > 10");
        var error = new StringWriter();
        var result = options.Evaluate(Report(("a", 11)), options.LoadRules(parse, Console()), parse);

        Assert.Single(result!.Now);
        Assert.Equal(ExitCodes.Success, options.ExitCode(result, parse, error));
        Assert.Equal(string.Empty, error.ToString());
    }

    [Fact]
    public void ExitCode_ForecastBreachesAlone_Pass()
    {
        var (options, parse) = Parse("--rule", "critical rma-total: retired >= 62");
        var report = Report(("a", 61)) with { Rates = [new HostRate("a", new RetirementRate(100, 50, 200), 0, 1, 1)] };
        var result = options.Evaluate(report, options.LoadRules(parse, Console()), parse);

        Assert.Single(result!.Forecast);
        Assert.Equal(ExitCodes.Success, options.ExitCode(result, parse, new StringWriter()));
    }

    [Fact]
    public void ExitCode_NamesTenHosts_ThenCountsTheRest()
    {
        var (options, parse) = Parse("--rule", "critical rma-total: retired >= 62");
        var error = new StringWriter { NewLine = "\n" };
        var hosts = Enumerable.Range(0, 12).Select(i => ($"h{i:00}", 100UL)).ToArray();
        var result = options.Evaluate(Report(hosts), options.LoadRules(parse, Console()), parse);

        options.ExitCode(result, parse, error);

        Assert.Equal("egmecc: policy failed: rma-total (critical): 12 host(s): h00, h01, h02, h03, h04, h05, h06, h07, h08, h09, and 2 more\n", error.ToString());
    }

    private static (PolicyOptions Options, ParseResult Parse) Parse(params string[] args)
    {
        var options = new PolicyOptions();
        var command = new RootCommand();
        options.AddTo(command);
        return (options, command.Parse(args));
    }

    private static CliConsole Console(string standardInput = "") =>
        new(TextWriter.Null, TextWriter.Null, () => new MemoryStream(System.Text.Encoding.UTF8.GetBytes(standardInput)));

    /// <summary>One snapshot of hosts of one 1 TiB region each, with the retired pages given.</summary>
    private static HistoryReport Report(params (string Host, ulong Retired)[] hosts)
    {
        var at = new DateTimeOffset(2026, 11, 1, 0, 0, 0, TimeSpan.Zero);
        var timelines = hosts.Select(h => new HostTimeline(h.Host, [new HostObservation(0, at, new HostSummary
        {
            Host = h.Host,
            Regions = [new RegionSummary("egm0", 0, 1UL << 40, (1UL << 40) - (h.Retired << 16), [.. PlanOptions.DefaultHugePages.Select(s => (1UL << 40) / s)], 0, 0, h.Retired)],
            Accounting = new Accounting(0, 0, 0, 0, 0),
            Warnings = 0,
            VmFit = 0,
        })]));
        return new HistoryReport
        {
            History = new FleetHistory { Options = PlanOptions.Default, Snapshots = [new Snapshot("s", at)], Hosts = [.. timelines] },
        };
    }
}
