using EgmEcc.Wording;

namespace EgmEcc.Forecasting;

/// <summary>
/// A Monte Carlo forecast of future retirements: <see cref="RatePerTiBYear"/> retired granules
/// (pages of the retirement granule G) per TiB of EGM per year, over <see cref="HorizonYears"/>,
/// in <see cref="Trials"/> independent trials drawn from <see cref="Seed"/>.
/// </summary>
/// <remarks>
/// Each region of size S gets a Poisson number of new pages with mean
/// <c>rate × S / 1 TiB × horizon</c> per trial. Trial t of host h draws from a stream derived from
/// (seed, hash of h's name, t) only, so results do not depend on host order or on parallelism.
/// </remarks>
public sealed record ForecastOptions
{
    /// <summary>Creates options, checking them.</summary>
    /// <exception cref="SettingException">A negative or non-finite rate or horizon, fewer than one trial or more than <see cref="MaxTrials"/>.</exception>
    /// <exception cref="ArgumentOutOfRangeException">A mean run below 1 (not a setting a user gives).</exception>
    public ForecastOptions(double ratePerTiBYear, double horizonYears, RetirementSpread spread = RetirementSpread.Uniform, int trials = 1000, ulong seed = 1, double meanRunPages = 8)
    {
        if (!double.IsFinite(ratePerTiBYear) || ratePerTiBYear < 0)
        {
            throw Messages.RateNotValid(ratePerTiBYear).ToException();
        }

        if (!double.IsFinite(horizonYears) || horizonYears < 0)
        {
            throw Messages.HorizonNotValid(horizonYears).ToException();
        }

        if (trials is < 1 or > MaxTrials)
        {
            throw Messages.TrialsOutOfRange(trials, MaxTrials).ToException();
        }
        if (!(meanRunPages >= 1))
        {
            throw new ArgumentOutOfRangeException(nameof(meanRunPages), "the mean run must be at least one page");
        }

        RatePerTiBYear = ratePerTiBYear;
        HorizonYears = horizonYears;
        Spread = spread;
        Trials = trials;
        Seed = seed;
        MeanRunPages = meanRunPages;
    }

    /// <summary>New retired granules per TiB per year.</summary>
    public double RatePerTiBYear { get; }

    /// <summary>How far ahead, in years.</summary>
    public double HorizonYears { get; }

    /// <summary>How new retirements are laid out.</summary>
    public RetirementSpread Spread { get; }

    /// <summary>
    /// The most trials a forecast runs: each host keeps every trial's figures (16 bytes per figure),
    /// so this bounds a host's memory to about 100 MB; percentiles are long stable by then.
    /// </summary>
    public const int MaxTrials = 1_000_000;

    /// <summary>The number of trials.</summary>
    public int Trials { get; }

    /// <summary>The seed every trial's stream derives from.</summary>
    public ulong Seed { get; }

    /// <summary>The mean run length, in granules, of clustered retirements.</summary>
    public double MeanRunPages { get; }

    /// <summary>
    /// Null when the forecast makes sense for plans with <paramref name="plan"/>; otherwise why not:
    /// a rate that, over the horizon, retires more granules than a TiB holds (every page would be
    /// gone, and drawing that many pages per trial would never finish).
    /// </summary>
    public SettingError? Check(PlanOptions plan)
    {
        ArgumentNullException.ThrowIfNull(plan);
        var perTiB = RatePerTiBYear * HorizonYears;
        var granules = (double)(1UL << 40) / plan.Granule;
        return perTiB <= granules
            ? null
            : Messages.MoreRetirementsThanATiBHolds(RatePerTiBYear, HorizonYears, perTiB, granules, plan.Granule);
    }

    /// <summary>
    /// The most new pages a forecast may expect to draw for one host over all its trials. Drawing
    /// and placing a page costs about 0.2–0.5 µs, so this bounds a host to well under a minute of
    /// one core; a rate of 16,777,215 on a 0.9 TiB host took 6 s a trial, 100 minutes for the
    /// default 1000 trials. Percentiles need trials, not pages: a forecast beyond this is refused
    /// with the expected work and how to lower it, rather than left to run for hours.
    /// </summary>
    public const double MaxPagesPerHost = 100_000_000;

    /// <summary>
    /// Null when a host whose regions have the given sizes can be forecast within
    /// <see cref="MaxPagesPerHost"/>; otherwise why not, with the expected work.
    /// </summary>
    public SettingError? CheckWork(string host, IEnumerable<ulong> regionSizes)
    {
        ArgumentNullException.ThrowIfNull(host);
        ArgumentNullException.ThrowIfNull(regionSizes);
        var perTrial = regionSizes.Sum(ExpectedPages);
        var total = perTrial * Trials;
        return total <= MaxPagesPerHost ? null : Messages.TooMuchForecastWork(host, perTrial, Trials, total, MaxPagesPerHost);
    }

    /// <summary>These options with another rate: a host's measured one (docs/design.md §4.13).</summary>
    /// <exception cref="SettingException">The rate is negative or not finite.</exception>
    public ForecastOptions WithRate(double ratePerTiBYear) => new(ratePerTiBYear, HorizonYears, Spread, Trials, Seed, MeanRunPages);

    /// <summary>The expected number of new pages in a region of <paramref name="sizeBytes"/> over the horizon.</summary>
    public double ExpectedPages(ulong sizeBytes) => RatePerTiBYear * (sizeBytes / (double)(1UL << 40)) * HorizonYears;
}
