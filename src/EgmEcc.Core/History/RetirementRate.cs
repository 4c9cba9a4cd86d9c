namespace EgmEcc.History;

/// <summary>
/// A retirement rate in retired granules per TiB of EGM per year (the unit of a forecast's rate),
/// with its uncertainty (docs/fleet.md, "Measured rates").
/// </summary>
/// <param name="PerTiBYear">The estimate: the posterior mean.</param>
/// <param name="P5">The 5th percentile of the posterior.</param>
/// <param name="P95">The 95th percentile of the posterior.</param>
public readonly record struct RetirementRate(double PerTiBYear, double P5, double P95);

/// <summary>One host's fitted retirement rate and the evidence behind it.</summary>
/// <param name="Host">The host.</param>
/// <param name="Rate">The fitted rate and its interval.</param>
/// <param name="NewPages">Granules retired over the fitted intervals.</param>
/// <param name="ExposureTiBYears">TiB of EGM times years over the fitted intervals.</param>
/// <param name="Intervals">Intervals the fit used (pairs of consecutive observations with the same regions).</param>
public sealed record HostRate(string Host, RetirementRate Rate, ulong NewPages, double ExposureTiBYears, int Intervals);

/// <summary>
/// The fleet prior: the distribution of rates across hosts that a host with little history
/// borrows from (docs/fleet.md, "Measured rates").
/// </summary>
/// <param name="Rate">The fleet's mean rate and the 5th and 95th percentiles of rates across hosts.</param>
/// <param name="Shape">The shape of the gamma distribution of rates.</param>
/// <param name="ExposureTiBYears">The prior's weight, as TiB-years of exposure (the gamma's rate parameter).</param>
public sealed record RatePrior(RetirementRate Rate, double Shape, double ExposureTiBYears);
