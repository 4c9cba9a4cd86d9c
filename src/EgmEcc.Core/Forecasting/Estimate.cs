using System.Collections.Immutable;

namespace EgmEcc.Forecasting;

/// <summary>
/// One figure at the horizon, over the trials: today's value, the mean and the 5th and 95th
/// percentiles (nearest rank: the value at rank <c>ceil(p/100 · trials)</c> in ascending order).
/// </summary>
/// <param name="Today">The figure in today's plan.</param>
/// <param name="Mean">The mean over the trials, exact to 28 digits (so a rate of zero gives exactly today's value).</param>
/// <param name="P5">The 5th percentile (a pessimistic figure).</param>
/// <param name="P95">The 95th percentile.</param>
public readonly record struct Estimate(UInt128 Today, decimal Mean, UInt128 P5, UInt128 P95)
{
    /// <summary>Summarises trial values.</summary>
    public static Estimate Of(UInt128 today, Span<UInt128> trials)
    {
        if (trials.IsEmpty)
        {
            return new Estimate(today, (decimal)today, today, today);
        }

        UInt128 sum = 0;
        foreach (var v in trials)
        {
            sum += v;
        }

        trials.Sort();
        return new Estimate(today, (decimal)sum / trials.Length, trials[Rank(5, trials.Length)], trials[Rank(95, trials.Length)]);
    }

    private static int Rank(int percent, int count) => Math.Max(0, (int)Math.Ceiling(percent / 100.0 * count) - 1);
}

/// <summary>The forecast figures of one host or of the fleet.</summary>
/// <param name="Name">The host's name; empty for the fleet.</param>
/// <param name="SizeBytes">EGM bytes.</param>
/// <param name="Usable">Usable bytes.</param>
/// <param name="HugePages">Hugepage capacity per configured size.</param>
/// <param name="VmFit">VMs of the shape that fit, or null when no shape is asked for.</param>
public sealed record ForecastFigures(string Name, UInt128 SizeBytes, Estimate Usable, ImmutableArray<Estimate> HugePages, Estimate? VmFit)
{
    /// <summary>The host's mean measured rate, when rates were measured from history; null otherwise (and for the fleet).</summary>
    public double? RatePerTiBYear { get; init; }
}
