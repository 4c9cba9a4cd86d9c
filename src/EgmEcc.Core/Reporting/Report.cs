using System.Collections.Immutable;

namespace EgmEcc.Reporting;

/// <summary>
/// The pre-boot memory report of one or many hosts: per region its figures, hugepage losses
/// and hole map, the run's warnings by kind, and the gates' verdicts. Writers (terminal, HTML,
/// JSON) only render it; every figure they show is computed here or in the plan.
/// </summary>
public sealed record Report
{
    /// <summary>The plan reported on.</summary>
    public required Plan Plan { get; init; }

    /// <summary>One report per region, in the plan's (host, base) order.</summary>
    public required ImmutableArray<RegionReport> Regions { get; init; }

    /// <summary>The distinct hosts, in order; one empty host for a single unnamed host.</summary>
    public required ImmutableArray<string> Hosts { get; init; }

    /// <summary>The warnings, counted by kind.</summary>
    public required WarningSummary Warnings { get; init; }

    /// <summary>The gates asked for and their verdicts; empty when none were asked for.</summary>
    public required ImmutableArray<GateResult> Gates { get; init; }

    /// <summary>
    /// The host's name, shown in the report's title; null when no input or setting names it. A
    /// single-host report has no host in its regions, so the name comes from outside the plan (a
    /// setting, or the manifest of a collected host, docs/design.md §3.8).
    /// </summary>
    public string? HostName { get; init; }

    /// <summary>When the report was made, shown in its title; null to leave it out (so that golden outputs stay fixed).</summary>
    public DateTimeOffset? GeneratedAt { get; init; }

    /// <summary>True when every gate passed (or none was set).</summary>
    public bool Passed => Gates.All(g => g.Passed);

    /// <summary>The gates that failed, in order.</summary>
    public IEnumerable<GateResult> FailedGates => Gates.Where(g => !g.Passed);

    /// <summary>Builds the report of <paramref name="plan"/> and checks it against <paramref name="gates"/>.</summary>
    public static Report Create(Plan plan, ReportGates? gates = null)
    {
        ArgumentNullException.ThrowIfNull(plan);
        var regions = plan.Regions.Select(r => RegionReport.Create(r) with { TableEntries = plan.TableEntries(r.Region) }).ToImmutableArray();
        return new Report
        {
            Plan = plan,
            Regions = regions,
            Hosts = [.. plan.Regions.Select(r => r.Region.Host).Distinct()],
            Warnings = WarningSummary.Create(plan.Diagnostics),
            Gates = (gates ?? ReportGates.None).Evaluate(regions, plan.Diagnostics),
        };
    }

    /// <summary><see cref="GeneratedAt"/> as ISO 8601 in UTC to the second (<c>2026-11-29T23:30:00Z</c>); null when not set.</summary>
    public string? GeneratedAtText => GeneratedAt?.ToUniversalTime().ToString("yyyy-MM-dd'T'HH:mm:ss'Z'", System.Globalization.CultureInfo.InvariantCulture);

    /// <summary>The regions of <paramref name="host"/>, in base order.</summary>
    public IEnumerable<RegionReport> RegionsOf(string host) => Regions.Where(r => r.Region.Host == host);
}
