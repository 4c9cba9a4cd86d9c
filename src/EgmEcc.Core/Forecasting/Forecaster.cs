using System.Collections.Immutable;
using EgmEcc.Fleet;
using EgmEcc.Synthesis;

namespace EgmEcc.Forecasting;

/// <summary>
/// Runs the Monte Carlo forecast host by host: every trial adds a fresh draw of retirements to
/// today's plan (<see cref="UsableAfterRetiring"/>) and records the host's figures; the fleet's
/// figures per trial are the sums over hosts of that trial.
/// </summary>
/// <remarks>
/// Thread-safe: call <see cref="AddHost"/> from many threads; sums are exact integers, so the
/// fleet result does not depend on the order hosts arrive in.
/// </remarks>
public sealed class Forecaster
{
    private readonly ForecastOptions forecast;
    private readonly PlanOptions planOptions;
    private readonly VmShape? shape;
    private readonly ImmutableArray<ulong> pageSizes;
    private readonly int metrics;
    private readonly UInt128[] fleetTrials;
    private readonly UInt128[] fleetToday;
    private readonly Func<string, RatePosterior>? measured;
    private readonly object gate = new();
    private UInt128 fleetSize;

    /// <summary>Prepares a forecast.</summary>
    /// <param name="forecast">The forecast's options; its rate is every host's unless <paramref name="measured"/> is given.</param>
    /// <param name="planOptions">The options today's plans were made with.</param>
    /// <param name="shape">The VM shape to count, or null.</param>
    /// <param name="measured">Each host's rate measured from its history (docs/design.md §4.13), drawn anew for each trial; null to use the options' rate.</param>
    /// <exception cref="SettingException">The rate, over the horizon, retires more granules than a TiB holds (<see cref="ForecastOptions.Check"/>).</exception>
    public Forecaster(ForecastOptions forecast, PlanOptions planOptions, VmShape? shape, Func<string, RatePosterior>? measured = null)
    {
        ArgumentNullException.ThrowIfNull(forecast);
        ArgumentNullException.ThrowIfNull(planOptions);
        if (forecast.Check(planOptions) is { } error)
        {
            throw error.ToException();
        }

        this.forecast = forecast;
        this.planOptions = planOptions;
        this.shape = shape;
        this.measured = measured;
        pageSizes = shape is null ? planOptions.HugePages : planOptions.HugePages.Add(shape.PageSize);

        // Figures per trial: usable bytes, one per hugepage size, and the VM fit.
        metrics = 1 + planOptions.HugePages.Length + 1;
        fleetTrials = new UInt128[forecast.Trials * metrics];
        fleetToday = new UInt128[metrics];
    }

    /// <summary>The forecast of one host, given its plan today; also adds it to the fleet.</summary>
    /// <exception cref="SettingException">The host's expected work is beyond <see cref="ForecastOptions.MaxPagesPerHost"/>.</exception>
    public ForecastFigures AddHost(string host, Plan today)
    {
        ArgumentNullException.ThrowIfNull(host);
        ArgumentNullException.ThrowIfNull(today);
        RatePosterior? posterior = measured?.Invoke(host);
        var options = posterior is { } p ? forecast.WithRate(p.Mean) : forecast;
        if ((options.Check(planOptions) ?? options.CheckWork(host, today.Regions.Select(r => r.Region.Size))) is { } tooMuch)
        {
            throw tooMuch.ToException();
        }

        var regions = today.Regions.Select(r => new UsableAfterRetiring(r, planOptions, pageSizes)).ToArray();
        var hugeCount = planOptions.HugePages.Length;
        var values = new UInt128[forecast.Trials * metrics];
        var blocks = new ulong[pageSizes.Length];
        var vmBlocks = new ulong[regions.Length];
        var drawn = new List<AddressRange>();
        var hostKey = SeededRandom.Hash(host);
        UInt128 size = 0;
        foreach (var r in today.Regions)
        {
            size += r.Region.Size;
        }

        var todayValues = new UInt128[metrics];
        Measure(regions, null, options, todayValues, blocks, vmBlocks, drawn, default);

        // A drawn rate is capped where the options' check would refuse it (more granules than a TiB holds).
        var most = (double)(1UL << 40) / planOptions.Granule / Math.Max(forecast.HorizonYears, double.Epsilon);
        for (var t = 0; t < forecast.Trials; t++)
        {
            var random = SeededRandom.Derive(forecast.Seed, hostKey, (ulong)t);
            var trial = posterior is { } q ? forecast.WithRate(Math.Min(q.Draw(ref random), most)) : options;
            Measure(regions, today, trial, values.AsSpan(t * metrics, metrics), blocks, vmBlocks, drawn, random);
        }

        lock (gate)
        {
            fleetSize += size;
            for (var i = 0; i < values.Length; i++)
            {
                fleetTrials[i] += values[i];
            }

            for (var m = 0; m < metrics; m++)
            {
                fleetToday[m] += todayValues[m];
            }
        }

        return Summarise(host, size, todayValues, values, hugeCount) with { RatePerTiBYear = posterior?.Mean };
    }

    /// <summary>The fleet's forecast over every host added so far.</summary>
    public ForecastFigures Fleet()
    {
        lock (gate)
        {
            return Summarise(string.Empty, fleetSize, fleetToday, [.. fleetTrials], planOptions.HugePages.Length);
        }
    }

    /// <summary>One trial (or today, when <paramref name="today"/> is null): figures into <paramref name="into"/>.</summary>
    private void Measure(UsableAfterRetiring[] regions, Plan? today, ForecastOptions options, Span<UInt128> into, ulong[] blocks, ulong[] vmBlocks, List<AddressRange> drawn, SeededRandom random)
    {
        into.Clear();
        for (var i = 0; i < regions.Length; i++)
        {
            drawn.Clear();
            if (today is not null)
            {
                RetirementModel.Sample(ref random, today.Regions[i].Region.Size, planOptions.Granule, options, drawn);
            }

            into[0] += regions[i].Evaluate(drawn, blocks);
            for (var h = 0; h < planOptions.HugePages.Length; h++)
            {
                into[1 + h] += blocks[h];
            }

            vmBlocks[i] = shape is null ? 0 : blocks[^1];
        }

        into[metrics - 1] = shape is null ? 0 : (ulong)VmFit.Count(vmBlocks, shape);
    }

    private ForecastFigures Summarise(string name, UInt128 size, UInt128[] today, UInt128[] trials, int hugeCount)
    {
        var column = new UInt128[forecast.Trials];
        Estimate Column(int m)
        {
            for (var t = 0; t < forecast.Trials; t++)
            {
                column[t] = trials[(t * metrics) + m];
            }

            return Estimate.Of(today[m], column);
        }

        var huge = ImmutableArray.CreateBuilder<Estimate>(hugeCount);
        for (var h = 0; h < hugeCount; h++)
        {
            huge.Add(Column(1 + h));
        }

        return new ForecastFigures(name, size, Column(0), huge.MoveToImmutable(), shape is null ? null : Column(metrics - 1));
    }
}
