using System.Collections.Immutable;
using System.Globalization;
using EgmEcc.Wording;

namespace EgmEcc.Reporting;

/// <summary>A hugepage gate: every region must hold at least <paramref name="MinCount"/> pages of <paramref name="PageSize"/>.</summary>
/// <param name="PageSize">The hugepage size, a power of two.</param>
/// <param name="MinCount">The fewest pages a region may hold.</param>
public readonly record struct HugePageGate(ulong PageSize, ulong MinCount)
{
    /// <summary>Parses <c>SIZE:COUNT</c> (<c>1G:300</c>, <c>2M:150000</c>).</summary>
    /// <returns>Null on success; otherwise the error text, quoting <paramref name="text"/>.</returns>
    public static string? TryParse(string text, out HugePageGate gate)
    {
        ArgumentNullException.ThrowIfNull(text);
        gate = default;
        var colon = text.LastIndexOf(':');
        if (colon < 0)
        {
            return $"'{text}' is not SIZE:COUNT (e.g. 1G:300)";
        }

        if (Numbers.TryParseSize(text.AsSpan(0, colon), out var size) is { } sizeError)
        {
            return $"'{text}': {sizeError}";
        }

        if (!Numbers.IsPowerOfTwo(size))
        {
            return $"'{text}': the hugepage size must be a power of two";
        }

        if (Numbers.TryParseUInt64(text.AsSpan(colon + 1), out var count) is { } countError)
        {
            return $"'{text}': {countError}";
        }

        gate = new HugePageGate(size, count);
        return null;
    }

    /// <summary><c>SIZE:COUNT</c>, as typed on the command line.</summary>
    public override string ToString() => string.Create(CultureInfo.InvariantCulture, $"{new ByteSize(PageSize)}:{MinCount}");
}

/// <summary>
/// The checks a boot pipeline makes of a host before it runs its VMs. A run fails when any region
/// fails any gate; with no gates set, nothing can fail.
/// </summary>
public sealed record ReportGates
{
    /// <summary>No gates.</summary>
    public static ReportGates None { get; } = new();

    /// <summary>Every region must keep at least this percentage of its bytes usable (<c>--fail-below-usable</c>).</summary>
    public double? MinUsablePercent { get; init; }

    /// <summary>Every region must hold at least so many hugepages of each size (<c>--fail-below-huge</c>).</summary>
    public ImmutableArray<HugePageGate> MinHugePages { get; init; } = [];

    /// <summary>The run must have no warnings (<c>--fail-on-warning</c>).</summary>
    public bool FailOnWarning { get; init; }

    /// <summary>True when any gate is set.</summary>
    public bool Any => MinUsablePercent is not null || !MinHugePages.IsDefaultOrEmpty || FailOnWarning;

    /// <summary>Checks every region (and the run's warnings) against the gates, in region order, gates in the order above.</summary>
    public ImmutableArray<GateResult> Evaluate(IEnumerable<RegionReport> regions, IReadOnlyCollection<Diagnostic> diagnostics)
    {
        ArgumentNullException.ThrowIfNull(regions);
        ArgumentNullException.ThrowIfNull(diagnostics);
        var results = ImmutableArray.CreateBuilder<GateResult>();
        foreach (var region in regions)
        {
            if (MinUsablePercent is { } min)
            {
                var actual = region.UsablePercent;
                results.Add(new GateResult(region.Region.Host, region.Region.Id, GateResult.UsablePercentGate, min, actual, actual >= min));
            }

            foreach (var huge in MinHugePages.IsDefault ? [] : MinHugePages)
            {
                var count = region.CapacityAt(huge.PageSize).Count;
                results.Add(new GateResult(region.Region.Host, region.Region.Id, GateResult.HugePagesGate(huge.PageSize), huge.MinCount, count, count >= huge.MinCount)
                {
                    // A count beyond 2^53 has no exact double: the text keeps it as given.
                    ThresholdText = huge.MinCount.ToString(CultureInfo.InvariantCulture),
                });
            }
        }

        if (FailOnWarning)
        {
            var warnings = diagnostics.Count(d => d.Severity == Severity.Warning);
            results.Add(new GateResult(null, null, GateResult.WarningsGate, 0, warnings, warnings == 0));
        }

        return results.ToImmutable();
    }
}

/// <summary>
/// The outcome of one gate for one region (or for the whole run, when <see cref="Region"/> is null).
/// A gate passes when <see cref="Actual"/> is at least <see cref="Threshold"/>, except
/// <see cref="WarningsGate"/>, which passes when there are none (<see cref="Actual"/> ≤ <see cref="Threshold"/> = 0).
/// </summary>
/// <param name="Host">The region's host; null for a run-wide gate.</param>
/// <param name="Region">The region's id; null for a run-wide gate.</param>
/// <param name="Gate">The gate: <c>usable-percent</c>, <c>hugepages-SIZE</c> (<c>hugepages-1G</c>) or <c>warnings</c>.</param>
/// <param name="Threshold">The limit the gate was given.</param>
/// <param name="Actual">The region's (or run's) figure.</param>
/// <param name="Passed">True when the figure is within the limit.</param>
public sealed record GateResult(string? Host, string? Region, string Gate, double Threshold, double Actual, bool Passed)
{
    /// <summary>The gate on each region's usable percentage (<see cref="Setting.MinUsablePercent"/>).</summary>
    public const string UsablePercentGate = "usable-percent";

    /// <summary>The gate that fails a run with any warning (<see cref="Setting.FailOnWarning"/>).</summary>
    public const string WarningsGate = "warnings";

    /// <summary>The gate on each region's count of hugepages of <paramref name="pageSize"/> (<see cref="Setting.MinHugePages"/>).</summary>
    public static string HugePagesGate(ulong pageSize) => $"hugepages-{new ByteSize(pageSize)}";

    /// <summary>
    /// <see cref="Threshold"/> as messages print it: exactly as it was set (a count as an integer,
    /// never in exponent notation); by default the double in fixed-point notation.
    /// </summary>
    public string ThresholdText
    {
        get => thresholdText ?? Threshold.ToString("0.#################", CultureInfo.InvariantCulture);
        init => thresholdText = value;
    }

    private readonly string? thresholdText;

    /// <summary>The setting that set this gate.</summary>
    public Setting Setting => Gate switch
    {
        UsablePercentGate => Setting.MinUsablePercent,
        WarningsGate => Setting.FailOnWarning,
        _ => Setting.MinHugePages,
    };

    /// <summary>
    /// The gate's setting as given: the percentage (<c>99.9998</c>), <c>SIZE:COUNT</c>
    /// (<c>1G:377</c>) for a hugepage gate, null for the warnings gate (it takes no value).
    /// </summary>
    public string? SettingValue => Gate switch
    {
        UsablePercentGate => ThresholdText,
        WarningsGate => null,
        _ => $"{HugePageSize}:{ThresholdText}",
    };

    /// <summary>
    /// One line saying what failed or passed: <c>host 'h' region egm0: usable 99.9997% is below 99.9998%</c>.
    /// Percentages are rounded down to 4 decimals, so a failing figure never prints as the threshold.
    /// </summary>
    public string Describe()
    {
        var where = Region is null ? Messages.GateRun : Messages.GateRegion(Host, Region);
        return Gate switch
        {
            UsablePercentGate => Messages.UsableGate(where, Floor4(Actual), Passed, ThresholdText),
            WarningsGate => Messages.WarningsGate(where, Actual),
            _ => Messages.HugePagesGate(where, Actual, HugePageSize, Passed, ThresholdText),
        };
    }

    /// <summary>
    /// The gate in a few words, for a verdict line: <c>egm0 hugepages-1G</c>, <c>host h egm0
    /// usable-percent</c>, <c>warnings</c> for the run-wide gate.
    /// </summary>
    public string ShortName => Region is null ? Gate : $"{(string.IsNullOrEmpty(Host) ? string.Empty : $"host {Host} ")}{Region} {Gate}";

    private string HugePageSize => Gate["hugepages-".Length..];

    private static string Floor4(double percent) => (Math.Floor(percent * 10000) / 10000).ToString("0.0###", CultureInfo.InvariantCulture);
}
