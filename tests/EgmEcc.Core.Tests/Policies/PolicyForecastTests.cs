using EgmEcc.History;
using EgmEcc.Policies;
using static EgmEcc.Tests.Policies.PolicyHistories;

namespace EgmEcc.Tests.Policies;

/// <summary>
/// The hosts whose measured rate makes them break a rule within the horizon, with the date and its
/// p5–p95 range (docs/design.md §4.14).
/// </summary>
public class PolicyForecastTests
{
    private static readonly PolicyRule RmaTotal = new(PolicySeverity.Critical, "rma-total", PolicyFigure.Of(PolicyFigureKind.Retired), PolicyOperator.GreaterOrEqual, 62);
    private static readonly PolicyRule RmaRecent = new(PolicySeverity.Critical, "rma-recent", PolicyFigure.RetiredIn(30), PolicyOperator.GreaterOrEqual, 5);
    private static readonly PolicyRule TableCliff = new(PolicySeverity.Warning, "table-cliff", PolicyFigure.Of(PolicyFigureKind.Table), PolicyOperator.GreaterOrEqual, 3584);

    [Fact]
    public void Retired_IsExpectedWhenTheRateAddsThePagesItLacks()
    {
        // 1 TiB at 12 pages a year lacks 12 pages: a year; at 24, half a year; at 6, two years.
        var report = Report([Host("a", (0, 10), (30, 50))], rates: [Rate("a", 12, 6, 24)]);

        var forecast = Assert.Single(PolicyEvaluator.Evaluate(report, [RmaTotal], 1).Forecast);

        var at = At(30);
        Assert.Equal(("a", RmaTotal), (forecast.Host, forecast.Rule));
        Assert.Equal(new ForecastDate(YearsAfter(at, 1), YearsAfter(at, 0.5), YearsAfter(at, 2)), forecast.Date);
    }

    [Fact]
    public void Retired_ExpectedBeyondTheHorizon_IsNotForecast()
    {
        var report = Report([Host("a", (0, 50))], rates: [Rate("a", 6, 3, 100)]);

        Assert.Empty(PolicyEvaluator.Evaluate(report, [RmaTotal], 1.99).Forecast);
        Assert.Single(PolicyEvaluator.Evaluate(report, [RmaTotal], 2).Forecast);
    }

    [Fact]
    public void StrictOperator_NeedsOneMorePage()
    {
        var over62 = new PolicyRule(PolicySeverity.Critical, "over", PolicyFigure.Of(PolicyFigureKind.Retired), PolicyOperator.Greater, 62);
        var report = Report([Host("a", (0, 62))], rates: [Rate("a", 1, 1, 1)]);

        var result = PolicyEvaluator.Evaluate(report, [over62], 2);

        Assert.Empty(result.Now);
        Assert.Equal(YearsAfter(At(0), 1), Assert.Single(result.Forecast).Date.Expected);
    }

    [Fact]
    public void ARateOfZeroAtP5_HasNoLatestDate()
    {
        var report = Report([Host("a", (0, 50))], rates: [Rate("a", 12, 0, 24)]);

        Assert.Null(Assert.Single(PolicyEvaluator.Evaluate(report, [RmaTotal], 1).Forecast).Date.Latest);
    }

    [Fact]
    public void AHostThatBreaksTheRuleNow_IsNotForecast()
    {
        var report = Report([Host("a", (0, 70))], rates: [Rate("a", 12, 6, 24)]);

        var result = PolicyEvaluator.Evaluate(report, [RmaTotal], 1);

        Assert.Single(result.Now);
        Assert.Empty(result.Forecast);
    }

    [Fact]
    public void AHostWithoutARate_IsNotForecast()
    {
        var report = Report([Host("a", (0, 61))], rates: [Rate("b", 1000, 1000, 1000)]);

        Assert.Empty(PolicyEvaluator.Evaluate(report, [RmaTotal], 10).Forecast);
    }

    [Fact]
    public void FiguresThatRetirementsDoNotMove_OrMoveAwayFromTheRule_AreNotForecast()
    {
        var report = Report([Host("a", (0, 10))], cliffs: [new TableCliff("a", "egm0", 10, true, null, 0)], rates: [Rate("a", 1e6, 1e6, 1e6)]);
        PolicyRule Rule(string name, PolicyFigure figure, PolicyOperator op, decimal threshold) => new(PolicySeverity.Info, name, figure, op, threshold);

        var result = PolicyEvaluator.Evaluate(report, [
            Rule("usable", PolicyFigure.Of(PolicyFigureKind.UsablePercent), PolicyOperator.Less, 1),
            Rule("retired-below", PolicyFigure.Of(PolicyFigureKind.Retired), PolicyOperator.Less, 5),
            Rule("left-over", PolicyFigure.Of(PolicyFigureKind.TableLeft), PolicyOperator.Greater, 5000),
            Rule("at-risk", PolicyFigure.Of(PolicyFigureKind.AtRisk), PolicyOperator.Greater, 1),
        ], 10);

        Assert.Empty(result.Now);
        Assert.Empty(result.Forecast);
    }

    [Fact]
    public void RetiredWindow_IsExpectedWhenTheNewPagesReachTheCountWithinTheWindow()
    {
        // 1 TiB at 100 pages a year: 5 pages in 18.26 days, within 30; at p5 (50) 36.5 days, never within 30.
        var report = Report([Host("a", (0, 0), (40, 1))], rates: [Rate("a", 100, 50, 200)]);

        var forecast = Assert.Single(PolicyEvaluator.Evaluate(report, [RmaRecent], 1).Forecast);

        Assert.Equal(new ForecastDate(YearsAfter(At(40), 0.05), YearsAfter(At(40), 0.025), null), forecast.Date);
    }

    [Fact]
    public void RetiredWindow_ThatTheRateNeverFillsWithinItsDays_IsNotForecast()
    {
        // 60 pages a year: 5 pages take 30.4 days, longer than the window however long one waits.
        var report = Report([Host("a", (0, 0))], rates: [Rate("a", 60, 30, 200)]);

        Assert.Empty(PolicyEvaluator.Evaluate(report, [RmaRecent], 100).Forecast);
    }

    [Fact]
    public void Table_IsForecastPerRegionAtTheRegionsSize_TheFirstRegionCounting()
    {
        // Half-TiB regions at 168 pages per TiB-year: 84 entries a year each. egm1 lacks 84 (a
        // year), egm0 lacks 584 (about 7 years); the host's dates are egm1's.
        var summary = Summary("a", 0, Region("egm0", TiB / 2, 3000), Region("egm1", TiB / 2, 3500));
        var cliffs = new[] { new TableCliff("a", "egm0", 3000, true, null, 0), new TableCliff("a", "egm1", 3500, true, null, 0) };
        var report = Report([("a", [(0, summary)])], rates: [Rate("a", 168, 84, 336)], cliffs: cliffs);

        var forecast = Assert.Single(PolicyEvaluator.Evaluate(report, [TableCliff], 1).Forecast);

        Assert.Equal(new ForecastDate(YearsAfter(At(0), 1), YearsAfter(At(0), 0.5), YearsAfter(At(0), 2)), forecast.Date);
    }

    [Fact]
    public void Table_CountsRetiredGranulesAsTheirShareOfA64KiBEntry()
    {
        // 4 KiB granules: 16 make one entry, so the same granule rate takes 16 times as long.
        var summary = Summary("a", 0, Region("egm0", TiB, 3584 - 1));
        var report = Report([("a", [(0, summary)])], rates: [Rate("a", 16, 16, 16)], cliffs: [new TableCliff("a", "egm0", 3583, false, null, 0)], options: new PlanOptions(granule: 4096));

        Assert.Equal(YearsAfter(At(0), 1), Assert.Single(PolicyEvaluator.Evaluate(report, [TableCliff], 1).Forecast).Date.Expected);
    }

    [Fact]
    public void TableLeft_IsForecastAsItFalls()
    {
        // At most 500 left is 3596 entries used: 96 more at 96 a year.
        var left = new PolicyRule(PolicySeverity.Warning, "left", PolicyFigure.Of(PolicyFigureKind.TableLeft), PolicyOperator.LessOrEqual, 500);
        var report = Report([Host("a", (0, 3500))], rates: [Rate("a", 96, 48, 192)], cliffs: [new TableCliff("a", "egm0", 3500, true, null, 0)]);

        var forecast = Assert.Single(PolicyEvaluator.Evaluate(report, [left], 1).Forecast);

        Assert.Equal(YearsAfter(At(0), 1), forecast.Date.Expected);
    }

    [Fact]
    public void Forecasts_AreOrderedBySeverityRuleThenExpectedDate()
    {
        var report = Report([Host("slow", (0, 50)), Host("fast", (0, 50))], rates: [Rate("slow", 12, 12, 12), Rate("fast", 24, 24, 24)]);
        var warn = new PolicyRule(PolicySeverity.Warning, "w", PolicyFigure.Of(PolicyFigureKind.Retired), PolicyOperator.GreaterOrEqual, 55);

        var result = PolicyEvaluator.Evaluate(report, [warn, RmaTotal], 1);

        Assert.Equal(["rma-total fast", "rma-total slow", "w fast", "w slow"], result.Forecast.Select(f => $"{f.Rule.Name} {f.Host}"));
    }

    [Fact]
    public void ARateSoSlowItsDateIsPastAnyCalendar_IsNever()
    {
        var report = Report([Host("a", (0, 50))], rates: [Rate("a", 1e-12, 1e-300, 1e-12)]);

        Assert.Empty(PolicyEvaluator.Evaluate(report, [RmaTotal], 1e300).Forecast);
    }
}
