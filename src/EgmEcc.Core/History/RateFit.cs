using System.Collections.Immutable;

namespace EgmEcc.History;

/// <summary>
/// Fits every host's retirement rate from its history (docs/design.md §4.13; the model is in
/// docs/fleet.md, "Measured rates"). New pages of host h over its exposure E_h (TiB of EGM times
/// years) are Poisson with mean λ_h E_h; the rates λ_h of the fleet are a gamma distribution
/// (shape α, rate β in TiB-years), fitted by the method of moments; a host's rate is its gamma
/// posterior Gamma(α + n_h, β + E_h).
/// </summary>
public static class RateFit
{
    /// <summary>Bytes in a TiB: the unit of a rate's memory (as <c>forecast</c> counts it).</summary>
    public const double BytesPerTiB = 1UL << 40;

    /// <summary>Days in a year: the Julian year, so a rate does not depend on leap years.</summary>
    public const double DaysPerYear = 365.25;

    /// <summary>
    /// The prior's shape when the fleet says nothing of the spread of rates (no page retired, or
    /// one host): a vague prior worth half a page, so that a host's own pages soon outweigh it.
    /// </summary>
    public const double VagueShape = 0.5;

    /// <summary>The percentiles a rate is stated with.</summary>
    private const double Low = 0.05, High = 0.95;

    /// <summary>The prior and every host's rate (in host order), or null and empty when no host has an interval.</summary>
    /// <param name="history">The fleet's history.</param>
    public static (RatePrior? Prior, ImmutableArray<HostRate> Rates) Fit(FleetHistory history)
    {
        ArgumentNullException.ThrowIfNull(history);
        var evidence = ImmutableArray.CreateBuilder<RateEvidence>(history.Hosts.Length);
        foreach (var host in history.Hosts)
        {
            evidence.Add(EvidenceOf(host, history.Changes));
        }

        return Fit(evidence.MoveToImmutable());
    }

    /// <summary>The prior and every host's rate from their evidence (in its order).</summary>
    /// <param name="evidence">Every host's new pages and exposure.</param>
    public static (RatePrior? Prior, ImmutableArray<HostRate> Rates) Fit(ImmutableArray<RateEvidence> evidence)
    {
        var prior = Prior(evidence);
        if (prior is null)
        {
            return (null, []);
        }

        var rates = ImmutableArray.CreateBuilder<HostRate>(evidence.Length);
        foreach (var e in evidence)
        {
            rates.Add(new HostRate(e.Host, Posterior(prior, e.NewPages, e.ExposureTiBYears), e.NewPages, e.ExposureTiBYears, e.Intervals));
        }

        return (prior, rates.MoveToImmutable());
    }

    /// <summary>
    /// A host's evidence: the intervals between consecutive observations, except one that ends
    /// where the host's regions changed or its retired pages decreased (docs/design.md §4.13). Its
    /// size is the host's EGM at the interval's end (the same at both ends, the regions being the same).
    /// </summary>
    /// <param name="host">The host's observations.</param>
    /// <param name="changes">The fleet's changes; those of other hosts are ignored.</param>
    public static RateEvidence EvidenceOf(HostTimeline host, ImmutableArray<HistoryChange> changes)
    {
        ArgumentNullException.ThrowIfNull(host);
        var broken = new HashSet<int>();
        foreach (var change in changes.IsDefault ? [] : changes)
        {
            if (change.Kind is HistoryChangeKind.RegionsChanged or HistoryChangeKind.RetiredDecreased
                && string.Equals(change.Host, host.Host, StringComparison.Ordinal))
            {
                broken.Add(change.Snapshot);
            }
        }

        ulong pages = 0;
        double exposure = 0;
        var intervals = 0;
        for (var k = 1; k < host.Observations.Length; k++)
        {
            var before = host.Observations[k - 1];
            var after = host.Observations[k];
            var years = (after.At - before.At).TotalDays / DaysPerYear;

            // The changes say which intervals break; a decrease or a time that does not advance is
            // checked here too, so that a history built without its changes cannot make a negative count.
            if (broken.Contains(after.Snapshot) || after.Summary.RetiredPages < before.Summary.RetiredPages || !(years > 0))
            {
                continue;
            }

            pages = checked(pages + (after.Summary.RetiredPages - before.Summary.RetiredPages));
            exposure += after.Summary.SizeBytes / BytesPerTiB * years;
            intervals++;
        }

        return new RateEvidence(host.Host, pages, exposure, intervals);
    }

    /// <summary>
    /// The fleet prior by the method of moments over the hosts with exposure, or null when none has.
    /// </summary>
    /// <remarks>
    /// <para>With exposures w_h = E_h, W = Σ w_h, host estimates r_h = n_h / E_h and the pooled mean
    /// μ = Σ n_h / W: E[Σ w_h (r_h − μ)²] = σ² (W − Σ w_h² / W) + μ (H − 1), where σ² is the variance
    /// of the rates and μ (H − 1) the Poisson noise. So σ² = (S − μ (H − 1)) / (W − Σ w_h² / W),
    /// α = μ² / σ², β = μ / σ².</para>
    /// <para>The prior never weighs more than the fleet's own exposure (β ≤ W): that is the weight of
    /// the pooled estimate, one rate shared by every host. When the spread is at or below the
    /// Poisson part (σ² ≤ μ / W, including σ² ≤ 0) the prior is that pooled estimate, Gamma(Σ n, W):
    /// a very confident prior, as the fleet is consistent with one rate.</para>
    /// <para>No page retired anywhere (μ = 0): Gamma(½, W), a prior of half a page over the fleet's
    /// exposure, so that rates are small but not proved zero. One host: Gamma(½, ½ / μ), the host's
    /// mean with the weight of half a page, as one host says nothing of the spread.</para>
    /// </remarks>
    /// <param name="evidence">Every host's new pages and exposure.</param>
    public static RatePrior? Prior(ImmutableArray<RateEvidence> evidence)
    {
        double total = 0, pages = 0, squares = 0;
        var hosts = 0;
        foreach (var e in evidence)
        {
            if (e.ExposureTiBYears > 0)
            {
                hosts++;
                total += e.ExposureTiBYears;
                squares += e.ExposureTiBYears * e.ExposureTiBYears;
                pages += e.NewPages;
            }
        }

        if (hosts == 0)
        {
            return null;
        }

        var mean = pages / total;
        if (pages == 0)
        {
            return PriorOf(VagueShape, total);
        }

        if (hosts == 1)
        {
            return PriorOf(VagueShape, VagueShape / mean);
        }

        double spread = 0;
        foreach (var e in evidence)
        {
            if (e.ExposureTiBYears > 0)
            {
                var d = (e.NewPages / e.ExposureTiBYears) - mean;
                spread += e.ExposureTiBYears * d * d;
            }
        }

        var variance = (spread - (mean * (hosts - 1))) / (total - (squares / total));
        var weight = variance > 0 ? Math.Min(mean / variance, total) : total;

        // A spread so wide that the gamma's shape falls below Jeffreys' ½ (a few far faster hosts
        // do that) would pull every interval's upper end below the host's own evidence: a shape
        // of 0.1 puts a host's 95th percentile near that of n + 0.1 pages, where a count of n
        // needs about n + 1. Below ½ the prior keeps its mean at Jeffreys' shape.
        return mean * weight < VagueShape ? PriorOf(VagueShape, VagueShape / mean) : PriorOf(mean * weight, weight);
    }

    /// <summary>A host's posterior rate: Gamma(α + n, β + E), its mean and 5th and 95th percentiles.</summary>
    /// <param name="prior">The fleet prior.</param>
    /// <param name="newPages">The host's new pages.</param>
    /// <param name="exposureTiBYears">Its exposure.</param>
    public static RetirementRate Posterior(RatePrior prior, ulong newPages, double exposureTiBYears)
    {
        ArgumentNullException.ThrowIfNull(prior);
        return RateOf(prior.Shape + newPages, prior.ExposureTiBYears + Math.Max(0, exposureTiBYears));
    }

    /// <summary>The <paramref name="p"/>-quantile of Gamma(<paramref name="shape"/>, <paramref name="rate"/>) (rate = 1/scale).</summary>
    /// <param name="shape">α, above 0.</param>
    /// <param name="rate">β, above 0.</param>
    /// <param name="p">The probability, in (0, 1).</param>
    public static double Quantile(double shape, double rate, double p)
    {
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(shape);
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(rate);
        return GammaDistribution.InverseLowerRegularized(shape, p) / rate;
    }

    private static RatePrior PriorOf(double shape, double rate) => new(RateOf(shape, rate), shape, rate);

    private static RetirementRate RateOf(double shape, double rate) =>
        new(shape / rate, Quantile(shape, rate, Low), Quantile(shape, rate, High));
}

/// <summary>One host's evidence for its rate: new pages and exposure over the intervals that count (docs/design.md §4.13).</summary>
/// <param name="Host">The host.</param>
/// <param name="NewPages">Granules retired over the intervals.</param>
/// <param name="ExposureTiBYears">TiB of EGM times years over the intervals.</param>
/// <param name="Intervals">How many intervals.</param>
public readonly record struct RateEvidence(string Host, ulong NewPages, double ExposureTiBYears, int Intervals);
