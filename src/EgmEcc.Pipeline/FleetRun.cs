using System.Runtime.ExceptionServices;
using EgmEcc.Fleet;
using EgmEcc.Forecasting;

namespace EgmEcc.Pipeline;

/// <summary>
/// Plans every host of a fleet, spread over the cores, and keeps the results in host order
/// whatever order the work finishes in.
/// </summary>
/// <remarks>
/// Each host is loaded, planned with <see cref="LoadedHost.Plan"/> and reduced to what the caller
/// keeps (a <see cref="HostSummary"/>, a forecast) before the next is taken, so memory holds the
/// fleet's summaries and only as many full plans as there are cores. When hosts fail, the error of
/// the first failing host (in host order) is thrown, so errors are reproducible too.
/// </remarks>
public static class FleetRun
{
    /// <summary>Plans each host and maps its name and plan to a result; results are in <see cref="FleetSource.Hosts"/> order.</summary>
    public static T[] Map<T>(FleetSource source, PlanOptions options, Func<string, Plan, T> map, FleetProgress? progress = null, int parallelism = 0)
    {
        ArgumentNullException.ThrowIfNull(map);
        return Map(source, options, (host, _, plan) => map(host, plan), progress, parallelism);
    }

    /// <summary>As <see cref="Map{T}(FleetSource, PlanOptions, Func{string, Plan, T}, FleetProgress?, int)"/>, the map also seeing the host's inputs as loaded (its collection time).</summary>
    public static T[] Map<T>(FleetSource source, PlanOptions options, Func<string, LoadedHost, Plan, T> map, FleetProgress? progress = null, int parallelism = 0)
    {
        ArgumentNullException.ThrowIfNull(source);
        ArgumentNullException.ThrowIfNull(options);
        ArgumentNullException.ThrowIfNull(map);
        var count = source.Hosts.Count;
        progress?.Start(count);
        var results = new T[count];
        var errors = new Exception?[count];
        var failed = 0;
        Parallel.For(
            0,
            count,
            new ParallelOptions { MaxDegreeOfParallelism = parallelism > 0 ? parallelism : Environment.ProcessorCount },
            (i, state) =>
            {
                try
                {
                    var loaded = source.Load(i);
                    results[i] = map(source.Hosts[i], loaded, loaded.Plan(options));
                }
                catch (Exception e)
                {
                    // Every failure is kept and the first (in host order) rethrown as itself: an
                    // exception escaping the loop would reach the caller wrapped in an AggregateException.
                    errors[i] = e;
                    Interlocked.Exchange(ref failed, 1);
                }

                progress?.Advance();
            });

        if (failed != 0)
        {
            ExceptionDispatchInfo.Throw(errors.First(e => e is not null)!);
        }

        return results;
    }

    /// <summary>The fleet report: every host summarised, optionally fitting a VM shape.</summary>
    public static FleetReport Report(FleetSource source, PlanOptions options, VmShape? shape = null, double? minUsablePercent = null, FleetProgress? progress = null, int parallelism = 0)
    {
        var hosts = Map(source, options, (host, plan) => HostSummary.FromPlan(host, plan, shape), progress, parallelism);
        return FleetReportOf(hosts, source, options, shape, minUsablePercent);
    }

    /// <summary>
    /// The fleet report and, with it, every host's full plan joined into one (the input of
    /// <c>egmecc diff</c>); this holds every host's extents, so it costs memory in proportion to the holes.
    /// </summary>
    public static (FleetReport Report, Plan Plan) ReportWithPlan(FleetSource source, PlanOptions options, VmShape? shape = null, double? minUsablePercent = null, FleetProgress? progress = null, int parallelism = 0)
    {
        var results = Map(source, options, (host, plan) => (Summary: HostSummary.FromPlan(host, plan, shape), Plan: plan), progress, parallelism);
        var report = FleetReportOf(results.Select(r => r.Summary), source, options, shape, minUsablePercent);
        return (report, CombinedPlan.Of([.. results.Select(r => r.Plan)], options));
    }

    private static FleetReport FleetReportOf(IEnumerable<HostSummary> hosts, FleetSource source, PlanOptions options, VmShape? shape, double? minUsablePercent) => new()
    {
        Options = options,
        VmShape = shape,
        MinUsablePercent = minUsablePercent,
        Hosts = [.. hosts],
        Notes = [.. source.Notes],
    };

    /// <summary>The forecast of every host and of the fleet.</summary>
    public static FleetForecast Forecast(FleetSource source, PlanOptions options, ForecastOptions forecast, VmShape? shape = null, FleetProgress? progress = null, int parallelism = 0) =>
        Forecast(source, options, forecast, measured: null, shape, progress, parallelism);

    /// <summary>
    /// Forecasts every host with its rate measured from history (docs/design.md §4.13): a host
    /// the history does not know draws from the fleet prior; null <paramref name="measured"/> is
    /// the options' one rate.
    /// </summary>
    public static FleetForecast Forecast(FleetSource source, PlanOptions options, ForecastOptions forecast, MeasuredRates? measured, VmShape? shape = null, FleetProgress? progress = null, int parallelism = 0)
    {
        var forecaster = new Forecaster(forecast, options, shape, measured is null ? null : measured.PosteriorOf);
        var hosts = Map(
            source,
            options,
            (host, plan) => (Figures: forecaster.AddHost(host, plan), Warnings: (long)plan.Diagnostics.Length, First: plan.Diagnostics.Take(HostSummary.KeptDiagnostics).ToArray()),
            progress,
            parallelism);
        return new FleetForecast(options, forecast, shape, [.. hosts.Select(h => h.Figures)], forecaster.Fleet())
        {
            MeasuredPrior = measured?.Prior,
            Warnings = FleetWarnings.Of(source.Notes, hosts.Select(h => (h.Warnings, (IEnumerable<Diagnostic>)h.First))),
        };
    }
}
