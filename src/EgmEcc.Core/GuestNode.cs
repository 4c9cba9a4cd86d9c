using System.Collections.Immutable;

namespace EgmEcc;

/// <summary>
/// One guest NUMA node backed by one EGM region: the node's span of guest physical addresses, the
/// usable pieces a guest may use as RAM, and the unusable pieces between them.
/// </summary>
/// <remarks>
/// Offset X in the region is guest address <c>Span.Start + X</c> (the mapping is linear). The span
/// is the region's guest size, or its whole size when it has none. <see cref="Memory"/> and
/// <see cref="Reserved"/> are sorted, disjoint, non-empty guest-address ranges that together tile
/// <see cref="Span"/> exactly: <c>MemoryBytes + ReservedBytes = Span.Size</c>.
/// </remarks>
public sealed record GuestNode
{
    /// <summary>The guest NUMA node id (<c>numa-node-id</c>, QEMU's <c>nodeid</c>): 0, 1, ... in ascending PXM order.</summary>
    public required int NodeId { get; init; }

    /// <summary>The planned region behind the node.</summary>
    public required RegionPlan Region { get; init; }

    /// <summary>The node's guest physical addresses, <c>[base, base + guest size)</c>.</summary>
    public required AddressRange Span { get; init; }

    /// <summary>The usable pieces, in guest physical addresses: the region's usable extents within the span, cut to guest-page-aligned runs of at least the minimum extent.</summary>
    public required ImmutableArray<AddressRange> Memory { get; init; }

    /// <summary>The unusable pieces (holes) within the span, in guest physical addresses.</summary>
    public required ImmutableArray<AddressRange> Reserved { get; init; }

    /// <summary>
    /// Usable bytes of the region, within the span, that <see cref="Memory"/> leaves out because
    /// they do not fill whole guest-page-aligned pages or a run of the minimum extent (a guest size
    /// that is not a multiple of the guest page); they are part of <see cref="Reserved"/>.
    /// </summary>
    public ulong TrimmedBytes { get; init; }

    /// <summary>Bytes of <see cref="Memory"/>.</summary>
    public ulong MemoryBytes => Sum(Memory);

    /// <summary>Bytes of <see cref="Reserved"/>.</summary>
    public ulong ReservedBytes => Sum(Reserved);

    private static ulong Sum(ImmutableArray<AddressRange> ranges)
    {
        ulong total = 0;
        foreach (var r in ranges)
        {
            total += r.Size;
        }

        return total;
    }
}
