using System.Collections.Immutable;
using EgmEcc.Wording;

namespace EgmEcc;

/// <summary>
/// The guest physical memory map QEMU's arm <c>virt</c> machine builds from EGM regions, one guest
/// NUMA node per region (docs/design.md §1).
/// </summary>
/// <remarks>
/// <para>Guest RAM starts at <see cref="Base"/> (0x40000000 on <c>virt</c>). Regions become guest
/// nodes in ascending PXM order (then base), numbered from 0, each following the previous one with
/// no gap; a node is as long as the region's guest size, or the whole region. Example: regions of
/// 1 GiB (PXM 4) and 2 GiB (PXM 0) at base 0x40000000 give node 0 = PXM 0 at
/// <c>[0x40000000, 0xc0000000)</c> and node 1 = PXM 4 at <c>[0xc0000000, 0x100000000)</c>.</para>
/// <para>One layout describes one guest, so its regions must belong to one host.</para>
/// <para>The guest can only use whole guest pages (P, <see cref="PlanOptions.GuestPage"/>), aligned in
/// guest physical address, in runs of at least the minimum extent (E): the base must be a multiple
/// of P, and a node's usable pieces are cut to P-aligned runs of at least E. The cut matters when a
/// guest size is not a multiple of P (the node's tail, and every later node's start, fall between
/// guest pages) or when the guest size ends an extent short of E; the bytes it leaves out join the
/// node's reserved pieces and are counted in <see cref="GuestNode.TrimmedBytes"/>. QEMU accepts such
/// sizes and lays nodes end to end exactly so, which is why the span keeps the guest size.</para>
/// </remarks>
public sealed class GuestLayout
{
    /// <summary>QEMU's arm <c>virt</c> machine's RAM base.</summary>
    public const ulong VirtRamBase = 0x4000_0000;

    private GuestLayout(ulong @base, ImmutableArray<GuestNode> nodes)
    {
        Base = @base;
        Nodes = nodes;
    }

    /// <summary>Where guest RAM starts.</summary>
    public ulong Base { get; }

    /// <summary>The guest nodes, by node id.</summary>
    public ImmutableArray<GuestNode> Nodes { get; }

    /// <summary>The host the layout's regions belong to (empty for single-host input).</summary>
    public string Host => Nodes.IsEmpty ? string.Empty : Nodes[0].Region.Region.Host;

    /// <summary>The guest's total RAM: the sum of the node spans (what QEMU's <c>-m</c> must be).</summary>
    public UInt128 TotalBytes => Nodes.IsEmpty ? 0 : Nodes[^1].Span.End - Base;

    /// <summary>Why <paramref name="guestBase"/> cannot start guest RAM (it is not a multiple of the guest page), or null when it can.</summary>
    public static SettingError? CheckBase(ulong guestBase, ulong guestPage) =>
        guestPage != 0 && guestBase % guestPage != 0
            ? Messages.GuestBaseNotAligned(guestBase, guestPage)
            : null;

    /// <summary>Lays out the regions of <paramref name="plan"/> as one guest's memory, in its guest page and minimum extent.</summary>
    /// <exception cref="SettingException">The plan covers more than one host, <paramref name="guestBase"/> is not guest-page aligned, or the guest memory would end beyond 2^64.</exception>
    public static GuestLayout Create(Plan plan, ulong guestBase = VirtRamBase)
    {
        ArgumentNullException.ThrowIfNull(plan);
        return Create(plan.Regions, plan.Options, guestBase);
    }

    /// <summary>Lays out <paramref name="regions"/> as one guest's memory, with the guest page and minimum extent of <paramref name="options"/>.</summary>
    /// <exception cref="SettingException">The regions belong to more than one host, <paramref name="guestBase"/> is not guest-page aligned, or the guest memory would end beyond 2^64.</exception>
    public static GuestLayout Create(IEnumerable<RegionPlan> regions, PlanOptions options, ulong guestBase = VirtRamBase)
    {
        ArgumentNullException.ThrowIfNull(regions);
        ArgumentNullException.ThrowIfNull(options);
        if (CheckBase(guestBase, options.GuestPage) is { } problem)
        {
            throw problem.ToException();
        }

        var ordered = regions.OrderBy(r => r.Region.Node).ThenBy(r => r.Region.Base).ToArray();
        var hosts = ordered.Select(r => r.Region.Host).Distinct(StringComparer.Ordinal).ToArray();
        if (hosts.Length > 1)
        {
            throw Messages.GuestLayoutOfSeveralHosts(hosts).ToException();
        }

        var nodes = ImmutableArray.CreateBuilder<GuestNode>(ordered.Length);
        UInt128 next = guestBase;
        foreach (var region in ordered)
        {
            var size = region.Region.GuestSize ?? region.Region.Size;
            if (next + size > (UInt128)ulong.MaxValue + 1)
            {
                throw Messages.GuestMemoryBeyond64Bits(guestBase, region.Region.Id, size).ToException();
            }

            nodes.Add(Lay(nodes.Count, region, (ulong)next, size, options));
            next += size;
        }

        return new GuestLayout(guestBase, nodes.MoveToImmutable());
    }

    private static GuestNode Lay(int nodeId, RegionPlan region, ulong start, ulong size, PlanOptions options)
    {
        var inGuest = AddressRange.FromBaseSize(0, size);
        var memory = ImmutableArray.CreateBuilder<AddressRange>();
        ulong trimmed = 0;
        var mask = ~((UInt128)options.GuestPage - 1);
        foreach (var extent in region.Usable)
        {
            var piece = extent.Intersect(inGuest);
            if (piece.IsEmpty)
            {
                continue;
            }

            // Whole guest pages in guest address, in 128 bits: the last node may end at 2^64.
            UInt128 first = (UInt128)start + piece.Start;
            var end = first + piece.Size;
            var alignedStart = (first + options.GuestPage - 1) & mask;
            var alignedEnd = end & mask;
            if (alignedEnd > alignedStart && alignedEnd - alignedStart >= options.MinExtent)
            {
                memory.Add(AddressRange.FromStartEnd((ulong)alignedStart, alignedEnd));
                trimmed += piece.Size - (ulong)(alignedEnd - alignedStart);
            }
            else
            {
                trimmed += piece.Size;
            }
        }

        var span = AddressRange.FromBaseSize(start, size);
        var reserved = RangeSet.Of(memory).Complement(span).Ranges;
        return new GuestNode
        {
            NodeId = nodeId,
            Region = region,
            Span = span,
            Memory = memory.ToImmutable(),
            Reserved = reserved,
            TrimmedBytes = trimmed,
        };
    }
}
