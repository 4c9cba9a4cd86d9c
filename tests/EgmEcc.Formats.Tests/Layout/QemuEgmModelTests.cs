using FsCheck;
using FsCheck.Fluent;

namespace EgmEcc.Formats.Tests.Layout;

/// <summary>
/// EgmEcc's guest memory nodes against QEMU's own EGM logic (<see cref="QemuEgmModel"/>): equal on
/// the lists that logic handles (sorted by it, non-overlapping, in range), and right where that
/// logic emits wrong or huge nodes (overlapping, duplicated, out-of-range entries).
/// </summary>
public partial class QemuEgmModelTests
{
    private const ulong Page = 0x1_0000;
    private const ulong Base = GuestLayout.VirtRamBase;
    private static readonly SourceLocation Here = SourceLocation.AtLine("ioctl", 1);

    /// <summary>A guest region: id, PXM, size, optional guest size, and the driver's list for it.</summary>
    private sealed record Egm(string Id, int Pxm, ulong Size, (ulong Offset, ulong Size)[] List, ulong? GuestSize = null);

    /// <summary>EgmEcc's memory pieces for the regions, fed the same lists as region-relative records.</summary>
    private static List<QemuMemoryNode> EgmEccNodes(params Egm[] regions)
    {
        var set = RegionSet.Create(regions.Select((r, i) => new Region(r.Id, r.Pxm, (ulong)(i + 1) << 40, r.Size, Here, guestSize: r.GuestSize)));
        var records = regions.SelectMany(r => r.List.Select(e => RetiredRecord.InRegion(r.Id, e.Offset, e.Size, Here))).ToArray();
        var layout = GuestLayout.Create(Planner.Create(set, records, PlanOptions.Default), Base);
        return [.. layout.Nodes.SelectMany(n => n.Memory.Select(m => new QemuMemoryNode(m.Start, m.Size, n.NodeId)))];
    }

    /// <summary>QEMU's memory nodes for the same regions, in guest node (ascending PXM) order.</summary>
    private static List<QemuMemoryNode> QemuNodes(params Egm[] regions) =>
        QemuEgmModel.MemoryNodes(Base, [.. regions.OrderBy(r => r.Pxm).Select(r => new QemuEgmModel.GuestNode(r.GuestSize ?? r.Size, r.List))]);

    private static QemuMemoryNode[] Sorted(IEnumerable<QemuMemoryNode> nodes) => [.. nodes.OrderBy(n => n.Address).ThenBy(n => n.Size)];

    private static (ulong, ulong)[] Pages(params ulong[] offsets) => [.. offsets.Select(o => (o, Page))];

    /// <summary>The 4 KiB-page host's form of a list: each 64 KiB page as 16 adjacent 4 KiB entries.</summary>
    private static (ulong, ulong)[] As4K((ulong Offset, ulong Size)[] list) =>
        [.. list.SelectMany(e => Enumerable.Range(0, (int)(e.Size / 0x1000)).Select(i => (e.Offset + ((ulong)i * 0x1000), 0x1000UL)))];

    [Fact]
    public void MemoryNodes_SortedInRangeList_EqualsEgmEcc()
    {
        var egm = new Egm("egm0", 0, 64UL << 20, Pages(0x0, 0x123_0000, 0x200_0000, 0x201_0000, 0x202_0000, 0x3ff_0000));

        Assert.Equal(Sorted(QemuNodes(egm)), Sorted(EgmEccNodes(egm)));
    }

    [Fact]
    public void MemoryNodes_FourKiloBytePageHostList_EqualsEgmEcc()
    {
        var egm = new Egm("egm0", 0, 64UL << 20, As4K(Pages(0x10_0000, 0x11_0000, 0x80_0000)));

        Assert.Equal(Sorted(QemuNodes(egm)), Sorted(EgmEccNodes(egm)));
    }

    [Fact]
    public void MemoryNodes_UnsortedListsOfTwoRegions_EqualsEgmEcc()
    {
        // The driver walks a hash table, so its list comes in any order; QEMU sorts it.
        Egm[] regions =
        [
            new("egm4", 4, 16UL << 20, Pages(0xf0_0000, 0x1_0000, 0x80_0000)),
            new("egm0", 0, 32UL << 20, Pages(0x1ff_0000, 0x0)),
        ];

        Assert.Equal(Sorted(QemuNodes(regions)), Sorted(EgmEccNodes(regions)));
    }

    [Fact]
    public void MemoryNodes_AnyWellFormedList_EqualsEgmEcc()
    {
        var lists =
            from pages in Gen.Choose(1, 256)
            from retired in Gen.SubListOf(Enumerable.Range(0, 256).ToArray())
            from fourK in Gen.Elements(false, true)
            from seed in Gen.Choose(0, int.MaxValue)
            select (Size: (ulong)pages * Page, Retired: retired.Where(p => p < pages).Select(p => (ulong)p * Page).ToArray(), FourK: fourK, Seed: seed);

        Prop.ForAll(lists.ToArbitrary(), c =>
        {
            var list = c.FourK ? As4K(Pages(c.Retired)) : Pages(c.Retired);
            var random = new Random(c.Seed);
            var shuffled = list.OrderBy(_ => random.Next()).ToArray();
            var egm = new Egm("egm0", 0, c.Size, shuffled);
            Assert.Equal(Sorted(QemuNodes(egm)), Sorted(EgmEccNodes(egm)));
        }).Check(Properties.Seeded(200));
    }

    [Fact]
    public void MemoryNodes_OverlappingEntries_QemuGivesHugeNodeAndRetiredBytes_EgmEccStaysRight()
    {
        // [0x10000, 0x40000) and [0x20000, 0x30000): the second lies inside the first.
        var egm = new Egm("egm0", 0, 16UL << 20, [(0x1_0000, 0x3_0000), (0x2_0000, 0x1_0000)]);

        var qemu = QemuNodes(egm);

        Assert.Contains(qemu, n => n.Size > egm.Size); // 0x20000 - 0x40000 wraps to almost 2^64
        Assert.Contains(qemu, n => n.Address == Base + 0x3_0000); // [0x30000, 0x40000) is retired yet given to the guest
        AssertRight(egm, [(0x1_0000, 0x3_0000)]);
    }

    [Fact]
    public void MemoryNodes_DuplicatedEntry_QemuGivesHugeNodeUnderRepeatedName_EgmEccStaysRight()
    {
        var egm = new Egm("egm0", 0, 16UL << 20, Pages(0x5_0000, 0x5_0000));

        var qemu = QemuNodes(egm);

        Assert.Contains(qemu, n => n.Size > egm.Size); // 0x50000 - 0x60000 wraps
        Assert.True(qemu.Select(n => n.Name).Distinct().Count() < qemu.Count, "the huge node repeats a memory@ name, which QEMU's FDT code cannot add");
        AssertRight(egm, Pages(0x5_0000));
    }

    [Fact]
    public void MemoryNodes_EntryBeyondRegion_QemuGivesHugeNode_EgmEccStaysRight()
    {
        var egm = new Egm("egm0", 0, 16UL << 20, Pages(0x2_0000, 0x200_0000));

        var qemu = QemuNodes(egm);

        Assert.Contains(qemu, n => n.Size > egm.Size); // mem_len - (0x2000000 + 0x10000) wraps
        AssertRight(egm, Pages(0x2_0000));
    }

    [Fact]
    public void MemoryNodes_EntryCrossingRegionEnd_QemuGivesHugeNode_EgmEccStaysRight()
    {
        var egm = new Egm("egm0", 0, 16UL << 20, [(0xff_0000, 0x2_0000)]);

        var qemu = QemuNodes(egm);

        Assert.Contains(qemu, n => n.Size > egm.Size);
        AssertRight(egm, Pages(0xff_0000));
    }

    [Fact]
    public void MemoryNodes_EntryBeyondGuestSize_QemuGivesHugeNode_EgmEccStaysRight()
    {
        // The driver reports the whole region; the guest maps only its first 8 MiB.
        var egm = new Egm("egm0", 0, 16UL << 20, Pages(0x1_0000, 0xc0_0000), GuestSize: 8UL << 20);

        var qemu = QemuNodes(egm);

        Assert.Contains(qemu, n => n.Size > egm.GuestSize);
        AssertRight(egm, Pages(0x1_0000));
    }

    /// <summary>
    /// EgmEcc's pieces of a one-region guest are exactly its span minus the retired pages that lie in
    /// it: inside the span, clear of every retired byte, nothing usable left out.
    /// </summary>
    private static void AssertRight(Egm egm, (ulong Offset, ulong Size)[] retiredInSpan)
    {
        var span = AddressRange.FromBaseSize(Base, egm.GuestSize ?? egm.Size);
        var retired = RangeSet.Of(retiredInSpan.Select(r => AddressRange.FromBaseSize(Base + r.Offset, r.Size)));
        var expected = retired.Complement(span).Ranges.Select(r => new QemuMemoryNode(r.Start, r.Size, 0));

        Assert.Equal(Sorted(expected), Sorted(EgmEccNodes(egm)));
    }
}
