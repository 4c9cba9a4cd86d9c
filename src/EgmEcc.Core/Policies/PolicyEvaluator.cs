using System.Collections.Immutable;
using EgmEcc.Fleet;
using EgmEcc.History;
using EgmEcc.Wording;

namespace EgmEcc.Policies;

/// <summary>
/// Judges a fleet's history against policy rules (docs/design.md §4.14): which hosts break a rule
/// at their latest observation, and which their measured rate makes break one within a horizon.
/// </summary>
/// <remarks>
/// <para>Only hosts seen in the latest snapshot are judged: a host that vanished before it is a
/// change of the history, not a host to alert on for ever after.</para>
/// <para>Forecasts are for the figures that move only with retirements (<c>retired</c>,
/// <c>retired[Nd]</c>, <c>table</c>; <c>table-left</c> falling) and only in the direction that
/// comes to break the rule; a host that breaks the rule now is not forecast. A host of rate r
/// (granules per TiB per year) and S TiB of EGM retires r × S pages a year (Poisson), so a figure
/// that needs D more pages gets there after D / (r × S) years: at the rate's estimate the
/// <see cref="ForecastDate.Expected"/> date, at its 95th percentile the
/// <see cref="ForecastDate.Earliest"/>, at its 5th the <see cref="ForecastDate.Latest"/> (null when
/// that rate never gets there). A host is forecast when the expected date is within the horizon.</para>
/// <para><c>table</c> is per region: entries grow at r × the region's TiB × (granule / 64 KiB)
/// (a table entry is one 64 KiB page, docs/design.md §1), and the host's date is the first
/// region's (at each rate, so the range stays exact).</para>
/// <para><c>retired[Nd]</c> counts pages in a sliding window, which a steady rate never makes
/// grow for ever: its expected count is r × S × N / 365.25. The window is forecast from the new
/// pages alone (those already in the window are judged now): it reaches K pages after
/// K / (r × S) years when that is at most N days, and never otherwise.</para>
/// </remarks>
public static class PolicyEvaluator
{
    private const double DaysPerYear = RateFit.DaysPerYear;

    // Firmware tables count 64 KiB pages, whatever the granule a rate counts in (docs/design.md §1).
    private const double TableEntryBytes = 64 * 1024;

    /// <summary>Judges every host of <paramref name="report"/> by <paramref name="rules"/>.</summary>
    /// <param name="report">The history, with its rates and firmware-table cliffs.</param>
    /// <param name="rules">The rules, in the order given.</param>
    /// <param name="horizonYears">How far ahead to forecast, in years from each host's latest observation.</param>
    /// <exception cref="SettingException">A horizon that is not a finite number of at least 0; a rule over a hugepage
    /// size the history does not count, or over the VM fit when no VM shape is counted.</exception>
    public static PolicyResult Evaluate(HistoryReport report, IReadOnlyList<PolicyRule> rules, double horizonYears)
    {
        ArgumentNullException.ThrowIfNull(report);
        ArgumentNullException.ThrowIfNull(rules);
        if (!double.IsFinite(horizonYears) || horizonYears < 0)
        {
            throw Messages.HorizonNotValid(horizonYears).ToException();
        }

        var hugePages = report.History.Options.HugePages;
        foreach (var rule in rules)
        {
            if (rule.Figure.Kind == PolicyFigureKind.HugePages && !hugePages.Contains(rule.Figure.PageSize))
            {
                throw Messages.RuleNeedsHugePages(rule).ToException();
            }

            if (rule.Figure.Kind == PolicyFigureKind.VmFit && report.VmShape is null)
            {
                throw Messages.RuleNeedsVmShape(rule).ToException();
            }
        }

        var rates = report.Rates.ToDictionary(r => r.Host, StringComparer.Ordinal);
        var cliffs = report.Cliffs.ToLookup(c => c.Host, StringComparer.Ordinal);
        var entriesPerGranule = report.History.Options.Granule / TableEntryBytes;
        var lastSnapshot = report.History.Snapshots.Length - 1;
        var now = new List<(int Rule, PolicyBreach Breach)>();
        var forecast = new List<(int Rule, PolicyForecast Forecast)>();
        foreach (var timeline in report.History.Hosts.Where(t => t.Latest.Snapshot == lastSnapshot).OrderBy(t => t.Host, StringComparer.Ordinal))
        {
            var host = new JudgedHost(timeline, [.. cliffs[timeline.Host]], rates.GetValueOrDefault(timeline.Host), entriesPerGranule, hugePages);
            for (var r = 0; r < rules.Count; r++)
            {
                var rule = rules[r];
                if (host.Value(rule.Figure) is not { } value)
                {
                    continue;
                }

                if (rule.Operator.Holds(value, rule.Threshold))
                {
                    now.Add((r, new PolicyBreach(timeline.Host, rule, value)));
                }
                else if (host.Forecast(rule, value) is { } date && date.Expected <= Add(timeline.Latest.At, horizonYears))
                {
                    forecast.Add((r, new PolicyForecast(timeline.Host, rule, date)));
                }
            }
        }

        return new PolicyResult(
            [.. rules],
            horizonYears,
            [.. now.OrderByDescending(b => b.Breach.Rule.Severity).ThenBy(b => b.Rule).ThenBy(b => b.Breach.Host, StringComparer.Ordinal).Select(b => b.Breach)],
            [.. forecast.OrderByDescending(f => f.Forecast.Rule.Severity).ThenBy(f => f.Rule).ThenBy(f => f.Forecast.Date.Expected).ThenBy(f => f.Forecast.Host, StringComparer.Ordinal).Select(f => f.Forecast)]);
    }

    /// <summary><paramref name="at"/> plus <paramref name="years"/> (of 365.25 days), or the latest time there is when that is later.</summary>
    private static DateTimeOffset Add(DateTimeOffset at, double years) => Later(at, years) ?? DateTimeOffset.MaxValue;

    /// <summary><paramref name="at"/> plus <paramref name="years"/>, or null when that is not a finite time a date can hold.</summary>
    private static DateTimeOffset? Later(DateTimeOffset at, double years)
    {
        var ticks = years * DaysPerYear * TimeSpan.TicksPerDay;
        var room = DateTimeOffset.MaxValue.UtcTicks - at.UtcTicks;
        return double.IsFinite(ticks) && ticks >= 0 && ticks < room ? at.AddTicks((long)ticks) : null;
    }

    /// <summary>One host's figures at its latest observation, and the dates its rate brings.</summary>
    private sealed class JudgedHost(HostTimeline timeline, ImmutableArray<TableCliff> cliffs, HostRate? rate, double entriesPerGranule, ImmutableArray<ulong> hugePages)
    {
        private readonly HostObservation latest = timeline.Latest;

        private HostSummary Summary => latest.Summary;

        /// <summary>The figure at the latest observation, or null when the history has none (no firmware-table figure for the host).</summary>
        public decimal? Value(PolicyFigure figure) => figure.Kind switch
        {
            PolicyFigureKind.Retired => Summary.RetiredPages,
            PolicyFigureKind.RetiredWindow => RetiredIn(figure.Days),
            PolicyFigureKind.AtRisk => Summary.AtRiskPages,
            PolicyFigureKind.UsablePercent => Summary.SizeBytes == 0 ? 0m : (decimal)Summary.UsableBytes * 100m / Summary.SizeBytes,
            PolicyFigureKind.Usable => Summary.UsableBytes,
            PolicyFigureKind.HugePages => Summary.HugePages(hugePages.IndexOf(figure.PageSize)),
            PolicyFigureKind.VmFit => Summary.VmFit,
            PolicyFigureKind.Table => cliffs.IsEmpty ? null : cliffs.Max(c => c.Entries),
            _ => cliffs.IsEmpty ? null : cliffs.Min(c => c.Left),
        };

        /// <summary>
        /// When the host's rate makes it break <paramref name="rule"/>, whose figure is
        /// <paramref name="value"/> now and does not break it; null when it never does (or the
        /// figure does not move with retirements, or the host has no rate).
        /// </summary>
        public ForecastDate? Forecast(PolicyRule rule, decimal value)
        {
            var figure = rule.Figure;
            if (rate is null || !figure.MovesWithRetirements || rule.Operator.IsUpper() == figure.Falls)
            {
                return null;
            }

            // The whole number the figure must reach (or, falling, the entries used that leave at most that many).
            var strict = rule.Operator is PolicyOperator.Greater or PolicyOperator.Less;
            var target = figure.Falls
                ? FirmwareTableFill.Limit - rule.Threshold + (strict ? 1 : 0)
                : rule.Threshold + (strict ? 1 : 0);
            var tib = Summary.SizeBytes / (double)(1UL << 40);
            switch (figure.Kind)
            {
                case PolicyFigureKind.Retired:
                    return Dates(r => Years((double)(target - value), r * tib));
                case PolicyFigureKind.RetiredWindow:
                    var window = figure.Days / DaysPerYear;
                    return Dates(r => Years((double)target, r * tib) is { } years && years <= window ? years : null);
                default:
                    ForecastDate? first = null;
                    foreach (var cliff in cliffs)
                    {
                        var region = Summary.Regions.FirstOrDefault(g => g.Id == cliff.Region);
                        if (region is null)
                        {
                            continue;
                        }

                        var regionTiB = region.SizeBytes / (double)(1UL << 40);
                        if (Dates(r => Years((double)(target - cliff.Entries), r * regionTiB * entriesPerGranule)) is { } date)
                        {
                            first = first is { } f ? Earlier(f, date) : date;
                        }
                    }

                    return first;
            }
        }

        /// <summary>Pages retired in the last <paramref name="days"/> days: the latest count less the count at the newest observation at least that much older, else the first.</summary>
        private decimal RetiredIn(int days)
        {
            var observations = timeline.Observations;
            var window = TimeSpan.FromDays(days);
            var since = observations[0];
            for (var i = observations.Length - 2; i >= 0; i--)
            {
                if (latest.At - observations[i].At >= window)
                {
                    since = observations[i];
                    break;
                }
            }

            // A host whose count fell (a change, reported apart) has retired nothing new.
            var (then, nowCount) = (since.Summary.RetiredPages, Summary.RetiredPages);
            return nowCount > then ? nowCount - then : 0;
        }

        /// <summary>The dates at the rate's estimate, 95th and 5th percentiles; null when the estimate never gets there.</summary>
        private ForecastDate? Dates(Func<double, double?> years)
        {
            var at = latest.At;
            if (years(rate!.Rate.PerTiBYear) is not { } mean || Later(at, mean) is not { } expected)
            {
                return null;
            }

            // A faster rate is never later, a slower never earlier: the range holds the estimate.
            var earliest = years(rate.Rate.P95) is { } fast && Later(at, fast) is { } e && e < expected ? e : expected;
            var latestDate = years(rate.Rate.P5) is { } slow && Later(at, slow) is { } l ? (l > expected ? l : expected) : (DateTimeOffset?)null;
            return new ForecastDate(expected, earliest, latestDate);
        }

        private static double? Years(double pages, double perYear) =>
            pages <= 0 ? 0 : perYear > 0 && double.IsFinite(perYear) ? pages / perYear : null;

        private static ForecastDate Earlier(ForecastDate a, ForecastDate b) => new(
            a.Expected < b.Expected ? a.Expected : b.Expected,
            a.Earliest < b.Earliest ? a.Earliest : b.Earliest,
            a.Latest is null ? b.Latest : b.Latest is null ? a.Latest : a.Latest < b.Latest ? a.Latest : b.Latest);
    }
}
