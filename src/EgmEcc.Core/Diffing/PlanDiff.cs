using System.Collections.Immutable;

namespace EgmEcc.Diffing;

/// <summary>What happened to a region between two plans.</summary>
public enum RegionChange
{
    /// <summary>Same extent, same holes.</summary>
    Unchanged,

    /// <summary>Same extent, other holes.</summary>
    Changed,

    /// <summary>Only in the new plan.</summary>
    Added,

    /// <summary>Only in the old plan.</summary>
    Removed,

    /// <summary>In both, with another base or size (holes compared in offset space).</summary>
    Moved,
}

/// <summary>One hugepage size's capacity in the old and new plan.</summary>
/// <param name="PageSize">The hugepage size.</param>
/// <param name="Old">Blocks in the old plan.</param>
/// <param name="New">Blocks in the new plan.</param>
public readonly record struct CapacityChange(ulong PageSize, ulong Old, ulong New)
{
    /// <summary><c>New - Old</c>, exact for any two counts (a count of 1-byte pages in a region reaching 2^64 passes 2^63).</summary>
    public Int128 Delta => (Int128)New - Old;
}

/// <summary>
/// How one region (matched by host and id) differs: the offset ranges that became unusable
/// (<see cref="NewHoles"/>) or usable again (<see cref="ClearedHoles"/>), and its capacity before and after.
/// </summary>
public sealed record RegionDiff
{
    /// <summary>The host.</summary>
    public required string Host { get; init; }

    /// <summary>The region's id.</summary>
    public required string Id { get; init; }

    /// <summary>What happened.</summary>
    public required RegionChange Change { get; init; }

    /// <summary>The region in the old plan, or null when added.</summary>
    public Region? Old { get; init; }

    /// <summary>The region in the new plan, or null when removed.</summary>
    public Region? New { get; init; }

    /// <summary>Offset ranges unusable in the new plan but not in the old one, minimal and sorted.</summary>
    public required ImmutableArray<AddressRange> NewHoles { get; init; }

    /// <summary>Offset ranges unusable in the old plan but usable in the new one, minimal and sorted.</summary>
    public required ImmutableArray<AddressRange> ClearedHoles { get; init; }

    /// <summary>Usable bytes before (0 when added).</summary>
    public required ulong OldUsable { get; init; }

    /// <summary>Usable bytes after (0 when removed).</summary>
    public required ulong NewUsable { get; init; }

    /// <summary>Capacity per hugepage size both plans count.</summary>
    public required ImmutableArray<CapacityChange> HugePages { get; init; }
}

/// <summary>The change of one host's totals.</summary>
/// <param name="Host">The host.</param>
/// <param name="OldUsable">Usable bytes before.</param>
/// <param name="NewUsable">Usable bytes after.</param>
/// <param name="HugePages">Capacity per hugepage size, summed over the host's regions.</param>
/// <param name="NewHoleBytes">Bytes newly unusable.</param>
/// <param name="ClearedHoleBytes">Bytes usable again.</param>
public sealed record HostDiff(string Host, ulong OldUsable, ulong NewUsable, ImmutableArray<CapacityChange> HugePages, ulong NewHoleBytes, ulong ClearedHoleBytes)
{
    /// <summary><c>NewUsable - OldUsable</c> (an Int128: a region may hold more than 2^63 bytes).</summary>
    public Int128 UsableDelta => (Int128)NewUsable - OldUsable;
}

/// <summary>
/// The difference between two plans (one host or a fleet): per region, new and cleared
/// holes and the capacity change; per host, the totals. Only what changed is listed, so the
/// diff of a plan with itself is empty.
/// </summary>
/// <remarks>
/// Regions are matched by (host, id). Holes are compared as sets of unusable offsets, so a hole
/// that grows shows only its new part: after adding records far from other holes, the new holes
/// are exactly the added records' widened ranges.
/// </remarks>
public sealed record PlanDiff
{
    /// <summary>The regions that changed, sorted by (host, id).</summary>
    public required ImmutableArray<RegionDiff> Regions { get; init; }

    /// <summary>The hosts whose regions changed, sorted.</summary>
    public required ImmutableArray<HostDiff> Hosts { get; init; }

    /// <summary>True when the plans were made with other options (granule, page, minimum extent, hugepage sizes).</summary>
    public required bool OptionsDiffer { get; init; }

    /// <summary>
    /// Each option that differs, as <c>name OLD -> NEW</c> (<c>granule 64K -> 4K</c>); empty when
    /// the options are the same. Holes then differ because of the options too, not only because
    /// pages retired, and hugepage capacity is compared only for the sizes both plans count.
    /// </summary>
    public ImmutableArray<string> OptionChanges { get; init; } = [];

    /// <summary>The hugepage sizes both plans count, whose capacity is compared, ascending.</summary>
    public ImmutableArray<ulong> HugePageSizes { get; init; } = [];

    /// <summary>True when nothing changed.</summary>
    public bool IsEmpty => Regions.IsEmpty && !OptionsDiffer;

    /// <summary>Compares <paramref name="old"/> with <paramref name="new"/>.</summary>
    public static PlanDiff Compare(Plan old, Plan @new)
    {
        ArgumentNullException.ThrowIfNull(old);
        ArgumentNullException.ThrowIfNull(@new);
        var sizes = old.Options.HugePages.Intersect(@new.Options.HugePages).Order().ToImmutableArray();
        var olds = old.Regions.ToDictionary(r => (r.Region.Host, r.Region.Id));
        var news = @new.Regions.ToDictionary(r => (r.Region.Host, r.Region.Id));
        var keys = olds.Keys.Union(news.Keys)
            .OrderBy(k => k.Host, StringComparer.Ordinal)
            .ThenBy(k => k.Id, StringComparer.Ordinal);
        var regions = ImmutableArray.CreateBuilder<RegionDiff>();
        foreach (var key in keys)
        {
            var diff = CompareRegion(key.Host, key.Id, olds.GetValueOrDefault(key), news.GetValueOrDefault(key), sizes);
            if (diff.Change != RegionChange.Unchanged)
            {
                regions.Add(diff);
            }
        }

        var oldByHost = old.Regions.ToLookup(r => r.Region.Host, StringComparer.Ordinal);
        var newByHost = @new.Regions.ToLookup(r => r.Region.Host, StringComparer.Ordinal);
        var hosts = regions.GroupBy(r => r.Host, StringComparer.Ordinal).Select(g => Host(g.Key, oldByHost[g.Key], newByHost[g.Key], sizes, g)).ToImmutableArray();
        var changes = OptionDifferences(old.Options, @new.Options);
        return new PlanDiff
        {
            Regions = regions.ToImmutable(),
            Hosts = hosts,
            OptionsDiffer = changes.Length > 0,
            OptionChanges = changes,
            HugePageSizes = sizes,
        };
    }

    private static ImmutableArray<string> OptionDifferences(PlanOptions o, PlanOptions n)
    {
        var changes = ImmutableArray.CreateBuilder<string>();
        void Compare(string name, ulong old, ulong @new)
        {
            if (old != @new)
            {
                changes.Add($"{name} {new ByteSize(old)} -> {new ByteSize(@new)}");
            }
        }

        Compare("granule", o.Granule, n.Granule);
        Compare("guest page", o.GuestPage, n.GuestPage);
        Compare("min extent", o.MinExtent, n.MinExtent);
        if (!o.HugePages.SequenceEqual(n.HugePages))
        {
            static string List(ImmutableArray<ulong> sizes) => sizes.IsEmpty ? "none" : string.Join(',', sizes.Select(h => new ByteSize(h).ToString()));
            changes.Add($"huge pages {List(o.HugePages)} -> {List(n.HugePages)}");
        }

        return changes.ToImmutable();
    }

    private static RegionDiff CompareRegion(string host, string id, RegionPlan? old, RegionPlan? @new, ImmutableArray<ulong> sizes)
    {
        var oldHoles = Unusable(old);
        var newHoles = Unusable(@new);
        var added = newHoles.Difference(oldHoles).Ranges;
        var cleared = oldHoles.Difference(newHoles).Ranges;
        var change = (old, @new) switch
        {
            (null, _) => RegionChange.Added,
            (_, null) => RegionChange.Removed,
            _ when old.Region.Base != @new.Region.Base || old.Region.Size != @new.Region.Size || old.Region.Node != @new.Region.Node => RegionChange.Moved,
            _ when added.Length > 0 || cleared.Length > 0 || old.Stats.UsableBytes != @new.Stats.UsableBytes => RegionChange.Changed,
            _ => RegionChange.Unchanged,
        };

        return new RegionDiff
        {
            Host = host,
            Id = id,
            Change = change,
            Old = old?.Region,
            New = @new?.Region,
            NewHoles = added,
            ClearedHoles = cleared,
            OldUsable = old?.Stats.UsableBytes ?? 0,
            NewUsable = @new?.Stats.UsableBytes ?? 0,
            HugePages = [.. sizes.Select(h => new CapacityChange(h, Capacity(old, h), Capacity(@new, h)))],
        };
    }

    private static HostDiff Host(string host, IEnumerable<RegionPlan> oldRegions, IEnumerable<RegionPlan> newRegions, ImmutableArray<ulong> sizes, IEnumerable<RegionDiff> changed)
    {
        ulong newBytes = 0, clearedBytes = 0;
        foreach (var region in changed)
        {
            newBytes += region.NewHoles.Aggregate(0UL, (sum, r) => sum + r.Size);
            clearedBytes += region.ClearedHoles.Aggregate(0UL, (sum, r) => sum + r.Size);
        }

        return new HostDiff(
            host,
            oldRegions.Aggregate(0UL, (sum, r) => sum + r.Stats.UsableBytes),
            newRegions.Aggregate(0UL, (sum, r) => sum + r.Stats.UsableBytes),
            [.. sizes.Select(h => new CapacityChange(h, oldRegions.Aggregate(0UL, (s, r) => s + Capacity(r, h)), newRegions.Aggregate(0UL, (s, r) => s + Capacity(r, h))))],
            newBytes,
            clearedBytes);
    }

    /// <summary>The region's unusable offsets, empty when the plan has no such region.</summary>
    private static RangeSet Unusable(RegionPlan? plan) =>
        plan is null ? RangeSet.Empty : RangeSet.Of(plan.Holes.Select(h => h.Range));

    private static ulong Capacity(RegionPlan? plan, ulong pageSize) =>
        plan?.Stats.HugePageCapacity.FirstOrDefault(c => c.PageSize == pageSize).Count ?? 0;
}
