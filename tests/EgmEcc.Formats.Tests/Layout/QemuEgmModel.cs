namespace EgmEcc.Formats.Tests.Layout;

/// <summary>A <c>/memory@ADDR</c> node as QEMU's EGM code would add it.</summary>
internal readonly record struct QemuMemoryNode(ulong Address, ulong Size, int NumaNode)
{
    public string Name => $"memory@{Address:x}";
}

/// <summary>
/// A faithful model of how QEMU with the nvgrace-egm patches builds the guest's <c>memory</c> nodes
/// (NVIDIA's QEMU tree, <c>hw/arm/boot.c</c>: <c>arm_load_dtb</c> → <c>fetch_retired_pages</c> →
/// <c>add_memory_regions</c>).
/// </summary>
/// <remarks>
/// For each guest NUMA node i, from the machine's RAM base, with <c>mem_len</c> the node's backend size:
/// <code>
/// qsort(list, by offset)
/// last = mem_len
/// for idx = count - 1 down to 0:
///     start = list[idx].offset + list[idx].size
///     add node (mem_base + start, last - start)   // skipped when the length is 0
///     last = list[idx].offset
/// add node (mem_base, last)                        // skipped when 0
/// mem_base += mem_len
/// </code>
/// All of it in 64-bit <c>hwaddr</c> arithmetic that wraps: nothing merges overlaps, clips an entry
/// to the node, or rejects one. A node whose ioctl fails (no list) is one node over its whole size.
/// qsort is not stable; the model sorts stably, which only matters for equal offsets.
/// </remarks>
internal static class QemuEgmModel
{
    /// <summary>One guest node: its backend size and the driver's <c>EGM_RETIRED_PAGES_LIST</c> entries (null: no list).</summary>
    public sealed record GuestNode(ulong MemLen, (ulong Offset, ulong Size)[]? Retired);

    public static List<QemuMemoryNode> MemoryNodes(ulong loaderStart, IReadOnlyList<GuestNode> nodes)
    {
        var result = new List<QemuMemoryNode>();
        var memBase = loaderStart;
        for (var i = 0; i < nodes.Count; i++)
        {
            var memLen = nodes[i].MemLen;
            var last = memLen;
            if (nodes[i].Retired is { } list)
            {
                var sorted = list.OrderBy(e => e.Offset).ToArray();
                for (var index = sorted.Length - 1; index >= 0; index--)
                {
                    var start = unchecked(sorted[index].Offset + sorted[index].Size);
                    Add(result, unchecked(start + memBase), unchecked(last - start), i);
                    last = sorted[index].Offset;
                }
            }

            Add(result, memBase, last, i);
            memBase = unchecked(memBase + memLen);
        }

        return result;
    }

    private static void Add(List<QemuMemoryNode> nodes, ulong address, ulong length, int numaNode)
    {
        if (length != 0)
        {
            nodes.Add(new QemuMemoryNode(address, length, numaNode));
        }
    }
}
