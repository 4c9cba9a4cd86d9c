using System.Collections.Immutable;
using System.Runtime.CompilerServices;

namespace EgmEcc;

/// <summary>
/// The validated regions of one or many hosts, sorted by (host, base), with the look-ups the
/// planner needs to attribute retired records.
/// </summary>
/// <remarks>
/// A region defined twice with the same extents (firmware repeats the properties for every GPU
/// of a socket) is kept once. Within a host it is an input error for two regions to share an id
/// or a PXM with different extents, or to overlap in SPA.
/// </remarks>
public sealed class RegionSet
{
    // Up to this many regions of a host are searched by a scan rather than by halving.
    private const int ScanUpTo = 16;

    private readonly Dictionary<(string Host, string Id), int> byId;
    private readonly Dictionary<string, (int First, int Count)> byHost;

    // Bases and sizes as plain arrays: the planner searches them once per record.
    private readonly ulong[] bases;
    private readonly ulong[] sizes;

    private RegionSet(ImmutableArray<Region> regions)
    {
        Regions = regions;
        byId = new Dictionary<(string, string), int>(regions.Length);
        byHost = new Dictionary<string, (int, int)>(StringComparer.Ordinal);
        bases = new ulong[regions.Length];
        sizes = new ulong[regions.Length];
        for (var i = 0; i < regions.Length; i++)
        {
            var r = regions[i];
            (bases[i], sizes[i]) = (r.Base, r.Size);
            byId[(r.Host, r.Id)] = i;
            byHost[r.Host] = byHost.TryGetValue(r.Host, out var span) ? (span.First, span.Count + 1) : (i, 1);
        }

        Hosts = [.. byHost.Keys.Order(StringComparer.Ordinal)];
    }

    /// <summary>The regions, sorted by host (ordinal) and then base.</summary>
    public ImmutableArray<Region> Regions { get; }

    /// <summary>The distinct hosts, sorted; a single-host input has one host, usually empty.</summary>
    public ImmutableArray<string> Hosts { get; }

    /// <summary>Checks the regions against each other, drops exact repeats and sorts them.</summary>
    /// <exception cref="InputException">Two regions of a host share an id or PXM with other extents, or overlap.</exception>
    public static RegionSet Create(IEnumerable<Region> regions)
    {
        ArgumentNullException.ThrowIfNull(regions);
        // Each kept region with its input position, so an overlap is blamed on the later one.
        var kept = new List<(Region Region, int Order)>();
        var ids = new Dictionary<(string Host, string Id), Region>();
        var nodes = new Dictionary<(string Host, int Node), Region>();
        foreach (var region in regions)
        {
            if (ids.TryGetValue((region.Host, region.Id), out var sameId))
            {
                if (sameId.SameExtentAs(region))
                {
                    continue;
                }

                throw new InputException(region.Source, $"region '{region.Id}'{OnHost(region)} is defined again with other extents: {Describe(region)} here, {Describe(sameId)} at {sameId.Source}");
            }

            if (nodes.TryGetValue((region.Host, region.Node), out var sameNode))
            {
                throw new InputException(region.Source, $"PXM {region.Node}{OnHost(region)} is defined again as region '{region.Id}' {Describe(region)}; it is already region '{sameNode.Id}' {Describe(sameNode)} at {sameNode.Source}");
            }

            ids.Add((region.Host, region.Id), region);
            nodes.Add((region.Host, region.Node), region);
            kept.Add((region, kept.Count));
        }

        kept.Sort(static (a, b) =>
        {
            var byHostName = string.CompareOrdinal(a.Region.Host, b.Region.Host);
            return byHostName != 0 ? byHostName : a.Region.Base.CompareTo(b.Region.Base);
        });

        for (var i = 1; i < kept.Count; i++)
        {
            var (previous, current) = (kept[i - 1], kept[i]);
            if (previous.Region.Host == current.Region.Host && previous.Region.Extent.Overlaps(current.Region.Extent))
            {
                var (first, second) = previous.Order < current.Order ? (previous.Region, current.Region) : (current.Region, previous.Region);
                throw new InputException(second.Source, $"region '{second.Id}' {Describe(second)} overlaps region '{first.Id}' {Describe(first)} at {first.Source}");
            }
        }

        return new RegionSet([.. kept.Select(k => k.Region)]);
    }

    /// <summary>The index of the region a host calls <paramref name="id"/>, or -1.</summary>
    public int IndexOf(string host, string id) => byId.TryGetValue((host, id), out var index) ? index : -1;

    /// <summary>The index of the host's region containing <paramref name="address"/>, or -1.</summary>
    public int IndexContaining(string host, ulong address)
    {
        var (first, count) = HostRun(host);
        return IndexContaining(first, count, address);
    }

    /// <summary>Where <paramref name="host"/>'s regions lie in <see cref="Regions"/>: first index and count (0 when none).</summary>
    internal (int First, int Count) HostRun(string host) => byHost.TryGetValue(host, out var run) ? run : (0, 0);

    /// <summary>The index of the region in <c>[first, first + count)</c> (one host's run) containing <paramref name="address"/>, or -1.</summary>
    internal int IndexContaining(int first, int count, ulong address)
    {
        // Regions of a host are sorted by base and disjoint: find the last base <= address.
        var found = LastBasedAtOrBelow(first, count, address);
        return found >= 0 && address - bases[found] < sizes[found] ? found : -1;
    }

    /// <summary>The base of the region at <paramref name="index"/>, without touching the <see cref="Region"/>.</summary>
    internal ulong BaseAt(int index) => bases[index];

    /// <summary>The size of the region at <paramref name="index"/>, without touching the <see cref="Region"/>.</summary>
    internal ulong SizeAt(int index) => sizes[index];

    /// <summary>
    /// The index of the host's first region that <paramref name="range"/> overlaps, or -1;
    /// used for a record that begins outside every region but runs into one.
    /// </summary>
    public int IndexOverlapping(string host, AddressRange range)
    {
        if (range.IsEmpty || !byHost.TryGetValue(host, out var run))
        {
            return -1;
        }

        var (first, count) = Overlapping(run.First, run.Count, range.Start, range.Last);
        return count > 0 ? first : -1;
    }

    /// <summary>
    /// The regions of one host's run <c>[first, first + count)</c> that overlap the bytes
    /// <c>[start, last]</c> (inclusive, so a range may end at 2^64): the first such index and how
    /// many follow it. Two binary searches, whatever the number of regions: records that miss
    /// every region must not cost a scan each.
    /// </summary>
    internal (int First, int Count) Overlapping(int first, int count, ulong start, ulong last)
    {
        // The first region ending after start: the one containing start, else the one after the
        // last region based at or below start (regions of a host are sorted and disjoint).
        var below = LastBasedAtOrBelow(first, count, start);
        var from = below >= 0 && start - bases[below] < sizes[below] ? below : (below >= 0 ? below + 1 : first);

        // The last region that begins at or below last.
        var to = LastBasedAtOrBelow(first, count, last);
        return to >= from ? (from, to - from + 1) : (from, 0);
    }

    /// <summary>The last index in <c>[first, first + count)</c> whose base is at most <paramref name="address"/>, or -1.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)] // on the planner's per-record path
    private int LastBasedAtOrBelow(int first, int count, ulong address)
    {
        if (count <= ScanUpTo)
        {
            // A host's few regions: count the bases at or below, each comparison on its own. The
            // halving below is a chain of dependent loads, which cost a record at random addresses
            // over 8 regions more than parsing it did.
            var below = 0;
            foreach (var b in bases.AsSpan(first, count))
            {
                below += b <= address ? 1 : 0;
            }

            return below == 0 ? -1 : first + below - 1;
        }

        // [at, at + n) holds the answer whenever one exists. Halved without a branch on the
        // comparison (a conditional move): records at random addresses would mispredict half.
        int at = first, n = count;
        while (n > 1)
        {
            var half = n >> 1;
            at = bases[at + half] <= address ? at + half : at;
            n -= half;
        }

        return bases[at] <= address ? at : -1;
    }

    /// <summary>True when <paramref name="host"/> has at least one region.</summary>
    public bool HasHost(string host) => byHost.ContainsKey(host);

    private static string OnHost(Region region) => region.Host.Length == 0 ? string.Empty : $" of host '{region.Host}'";

    private static string Describe(Region region) => $"(node {region.Node}, {region.Extent})";
}
