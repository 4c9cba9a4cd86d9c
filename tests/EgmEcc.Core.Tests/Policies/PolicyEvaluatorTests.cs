using EgmEcc.Fleet;
using EgmEcc.History;
using EgmEcc.Policies;
using static EgmEcc.Tests.Policies.PolicyHistories;

namespace EgmEcc.Tests.Policies;

/// <summary>The hosts that break a rule now, at their latest observation (docs/design.md §4.14).</summary>
public class PolicyEvaluatorTests
{
    private static readonly PolicyRule RmaTotal = new(PolicySeverity.Critical, "rma-total", PolicyFigure.Of(PolicyFigureKind.Retired), PolicyOperator.GreaterOrEqual, 62);
    private static readonly PolicyRule RmaRecent = new(PolicySeverity.Critical, "rma-recent", PolicyFigure.RetiredIn(30), PolicyOperator.GreaterOrEqual, 5);

    [Fact]
    public void Retired_AtOrOverTheThreshold_BreaksNowWithItsLatestCount()
    {
        var report = Report([Host("a", (0, 10), (30, 64)), Host("b", (0, 10), (30, 61)), Host("c", (30, 62))]);

        var result = PolicyEvaluator.Evaluate(report, [RmaTotal], 1);

        Assert.Equal([("a", 64m), ("c", 62m)], result.Now.Select(b => (b.Host, b.Value)));
        Assert.All(result.Now, b => Assert.Same(RmaTotal, b.Rule));
    }

    [Fact]
    public void RetiredWindow_CountsFromTheNewestObservationAtLeastNDaysOlder()
    {
        // Day 60 less day 15 (45 days older); day 45 is only 15 days older, day 0 is not the newest.
        var report = Report([Host("a", (0, 0), (15, 3), (45, 8), (60, 9))]);

        var result = PolicyEvaluator.Evaluate(report, [RmaRecent], 0);

        Assert.Equal(6m, Assert.Single(result.Now).Value);
    }

    [Fact]
    public void RetiredWindow_WithNoObservationOldEnough_CountsFromTheFirst()
    {
        var report = Report([Host("a", (0, 2), (10, 4), (20, 7))]);

        var result = PolicyEvaluator.Evaluate(report, [RmaRecent], 0);

        Assert.Equal(5m, Assert.Single(result.Now).Value);
    }

    [Fact]
    public void RetiredWindow_ExactlyNDaysOlder_IsOldEnough()
    {
        var report = Report([Host("a", (0, 0), (10, 1), (40, 6))]);

        var result = PolicyEvaluator.Evaluate(report, [RmaRecent], 0);

        Assert.Equal(5m, Assert.Single(result.Now).Value);
    }

    [Fact]
    public void RetiredWindow_OfAHostWhoseCountFell_IsZero()
    {
        var report = Report([Host("a", (0, 9), (40, 3))]);
        var anyNew = new PolicyRule(PolicySeverity.Info, "any", PolicyFigure.RetiredIn(30), PolicyOperator.GreaterOrEqual, 0);

        var result = PolicyEvaluator.Evaluate(report, [anyNew], 0);

        Assert.Equal(0m, Assert.Single(result.Now).Value);
    }

    [Fact]
    public void UsablePercent_IsComparedExactly()
    {
        // 1 TiB less 83,887 pages of 64 KiB: 99.50000...% usable; one page more is below 99.5.
        var atLimit = Summary("at", 0, Region("egm0", TiB, 83_886));
        var below = Summary("below", 0, Region("egm0", TiB, 83_887));
        var report = Report([("at", [(0, atLimit)]), ("below", [(0, below)])]);
        var lowUsable = new PolicyRule(PolicySeverity.Warning, "low-usable", PolicyFigure.Of(PolicyFigureKind.UsablePercent), PolicyOperator.Less, 99.5m);

        var result = PolicyEvaluator.Evaluate(report, [lowUsable], 0);

        var breach = Assert.Single(result.Now);
        Assert.Equal("below", breach.Host);
        Assert.True(breach.Value is < 99.5m and > 99.4999m, $"{breach.Value}");
    }

    [Fact]
    public void Figures_AtRiskUsableHugePagesAndVmFit_AreTheLatestObservations()
    {
        var summary = Summary("a", 3, Region("egm0", TiB, 16, atRisk: 7, huge: [1, 2, 3, 1000]));
        var report = Report([("a", [(0, summary)])], vmShape: new VmShape(1, 1UL << 30, 1UL << 30));
        PolicyRule Rule(string name, PolicyFigure figure, decimal threshold) => new(PolicySeverity.Info, name, figure, PolicyOperator.LessOrEqual, threshold);

        var result = PolicyEvaluator.Evaluate(report, [
            Rule("at-risk", PolicyFigure.Of(PolicyFigureKind.AtRisk), 7),
            Rule("usable", PolicyFigure.Of(PolicyFigureKind.Usable), TiB - (16 * 65536)),
            Rule("huge", PolicyFigure.HugePagesOf(1UL << 30), 1000),
            Rule("vm", PolicyFigure.Of(PolicyFigureKind.VmFit), 3),
        ], 0);

        Assert.Equal([7m, TiB - (16 * 65536), 1000m, 3m], result.Now.Select(b => b.Value));
    }

    [Fact]
    public void Table_IsTheFullestRegionsEntries_AndTableLeftWhatItLeaves()
    {
        var summary = Summary("a", 0, Region("egm0", TiB / 2, 10), Region("egm1", TiB / 2, 20));
        var report = Report([("a", [(0, summary)])], cliffs: [new TableCliff("a", "egm0", 3600, false, null, 0), new TableCliff("a", "egm1", 100, true, null, 0)]);
        var cliff = new PolicyRule(PolicySeverity.Critical, "table-cliff", PolicyFigure.Of(PolicyFigureKind.Table), PolicyOperator.GreaterOrEqual, 3584);
        var left = new PolicyRule(PolicySeverity.Warning, "left", PolicyFigure.Of(PolicyFigureKind.TableLeft), PolicyOperator.Less, 500);

        var result = PolicyEvaluator.Evaluate(report, [cliff, left], 0);

        Assert.Equal([("table-cliff", 3600m), ("left", 496m)], result.Now.Select(b => (b.Rule.Name, b.Value)));
    }

    [Fact]
    public void Table_OfAHostWithoutACliff_IsNotJudged()
    {
        var report = Report([Host("a", (0, 5000))]);
        var left = new PolicyRule(PolicySeverity.Warning, "left", PolicyFigure.Of(PolicyFigureKind.TableLeft), PolicyOperator.GreaterOrEqual, 0);

        var result = PolicyEvaluator.Evaluate(report, [left], 1);

        Assert.Empty(result.Now);
        Assert.Empty(result.Forecast);
    }

    [Fact]
    public void AHostThatVanishedBeforeTheLatestSnapshot_IsNotJudged()
    {
        var report = Report([Host("gone", (0, 100)), Host("here", (0, 1), (30, 100))]);

        var result = PolicyEvaluator.Evaluate(report, [RmaTotal], 1);

        Assert.Equal(["here"], result.Now.Select(b => b.Host));
    }

    [Fact]
    public void Breaches_AreOrderedBySeverityThenRuleThenHost()
    {
        var report = Report([Host("b", (0, 70)), Host("a", (0, 70))]);
        var rules = new[]
        {
            new PolicyRule(PolicySeverity.Info, "i", PolicyFigure.Of(PolicyFigureKind.Retired), PolicyOperator.Greater, 0),
            new PolicyRule(PolicySeverity.Critical, "c2", PolicyFigure.Of(PolicyFigureKind.Retired), PolicyOperator.Greater, 0),
            new PolicyRule(PolicySeverity.Warning, "w", PolicyFigure.Of(PolicyFigureKind.Retired), PolicyOperator.Greater, 0),
            new PolicyRule(PolicySeverity.Critical, "c1", PolicyFigure.Of(PolicyFigureKind.Retired), PolicyOperator.Greater, 0),
        };

        var result = PolicyEvaluator.Evaluate(report, rules, 0);

        Assert.Equal(["c2 a", "c2 b", "c1 a", "c1 b", "w a", "w b", "i a", "i b"], result.Now.Select(b => $"{b.Rule.Name} {b.Host}"));
    }

    [Fact]
    public void Failures_AreTheRulesAtOrAboveTheSeverityThatHostsBreakNow()
    {
        var report = Report([Host("b", (0, 70)), Host("a", (0, 70)), Host("c", (0, 3))]);
        var warn = new PolicyRule(PolicySeverity.Warning, "w", PolicyFigure.Of(PolicyFigureKind.Retired), PolicyOperator.Greater, 50);
        var info = new PolicyRule(PolicySeverity.Info, "i", PolicyFigure.Of(PolicyFigureKind.Retired), PolicyOperator.Greater, 0);

        var result = PolicyEvaluator.Evaluate(report, [info, RmaTotal, warn], 0);

        Assert.Equal(["rma-total: a b"], result.Failures(PolicySeverity.Critical).Select(f => $"{f.Rule.Name}: {string.Join(' ', f.Hosts)}"));
        Assert.Equal(["rma-total: a b", "w: a b"], result.Failures(PolicySeverity.Warning).Select(f => $"{f.Rule.Name}: {string.Join(' ', f.Hosts)}"));
        Assert.Equal(3, result.Failures(PolicySeverity.Info).Length);
    }

    [Fact]
    public void HugePagesOfASizeNotCounted_IsASettingErrorNamingTheRule()
    {
        var report = Report([Host("a", (0, 1))]);
        var rule = new PolicyRule(PolicySeverity.Warning, "small", PolicyFigure.HugePagesOf(4UL << 20), PolicyOperator.Less, 1) { Source = SourceLocation.AtLine("p.txt", 4) };

        var e = Assert.Throws<SettingException>(() => PolicyEvaluator.Evaluate(report, [rule], 1));

        Assert.Equal(Setting.PolicyRule, e.Setting);
        Assert.Equal("rule 'small' (p.txt:4): huge[4M] needs 4M hugepages counted; count them explicitly", e.Message);
    }

    [Fact]
    public void VmFitWithoutAShape_IsASettingError()
    {
        var report = Report([Host("a", (0, 1))]);
        var rule = new PolicyRule(PolicySeverity.Warning, "fit", PolicyFigure.Of(PolicyFigureKind.VmFit), PolicyOperator.Less, 1);

        var e = Assert.Throws<SettingException>(() => PolicyEvaluator.Evaluate(report, [rule], 1));

        Assert.Equal("rule 'fit': vm-fit needs a VM shape; give one explicitly", e.Message);
    }

    [Theory]
    [InlineData(-1)]
    [InlineData(double.NaN)]
    [InlineData(double.PositiveInfinity)]
    public void Horizon_NotAFiniteNumberOfAtLeastZero_IsASettingError(double years)
    {
        var e = Assert.Throws<SettingException>(() => PolicyEvaluator.Evaluate(Report([Host("a", (0, 1))]), [RmaTotal], years));

        Assert.Equal(Setting.Horizon, e.Setting);
    }
}
