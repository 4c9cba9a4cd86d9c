using System.Collections.Immutable;

namespace EgmEcc;

/// <summary>
/// The figures of one planned region. Conservation holds exactly:
/// <c>UsableBytes + HoleBytes = SizeBytes</c> and <c>RetiredBytes + FragmentBytes = HoleBytes</c>;
/// at-risk bytes are usable bytes, so <c>AtRiskBytes &lt;= UsableBytes</c>.
/// </summary>
public sealed record RegionStats
{
    /// <summary>The region's size.</summary>
    public required ulong SizeBytes { get; init; }

    /// <summary>Bytes in usable extents.</summary>
    public required ulong UsableBytes { get; init; }

    /// <summary>Bytes in holes.</summary>
    public required ulong HoleBytes { get; init; }

    /// <summary>Hole bytes covered by widened retired records.</summary>
    public required ulong RetiredBytes { get; init; }

    /// <summary>Hole bytes from extents shorter than the minimum extent.</summary>
    public required ulong FragmentBytes { get; init; }

    /// <summary>The longest usable extent (0 when none).</summary>
    public required ulong LargestExtentBytes { get; init; }

    /// <summary>The number of usable extents.</summary>
    public required int Extents { get; init; }

    /// <summary>The number of holes.</summary>
    public required int Holes { get; init; }

    /// <summary>Usable bytes at risk: the sum of <see cref="RegionPlan.AtRisk"/>.</summary>
    public ulong AtRiskBytes { get; init; }

    /// <summary>At-risk retirement granules: <see cref="AtRiskBytes"/> / G.</summary>
    public ulong AtRiskPages { get; init; }

    /// <summary>Retired records applied to this region (not duplicates); a record split across regions counts in each region where it applied.</summary>
    public required long AppliedRecords { get; init; }

    /// <summary>Hugepage capacity for each configured size, ascending by size.</summary>
    public required ImmutableArray<HugePageCapacity> HugePageCapacity { get; init; }

    /// <summary>Usable bytes as a percentage of the region, in [0, 100].</summary>
    public double UsablePercent => SizeBytes == 0 ? 0 : 100.0 * UsableBytes / SizeBytes;
}
