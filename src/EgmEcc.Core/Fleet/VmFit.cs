namespace EgmEcc.Fleet;

/// <summary>
/// How many VMs of one <see cref="VmShape"/> a host can take, counting only hugepage-aligned
/// usable blocks.
/// </summary>
/// <remarks>
/// <para>Placement rules: a guest node lives wholly in one region (QEMU backs a guest NUMA node
/// with one <c>/dev/egmN</c>); it needs <see cref="VmShape.BlocksPerNode"/> PageSize-aligned blocks
/// lying wholly in that region's usable extents (any of them: a VMM maps around holes); the
/// nodes of one VM go to <b>distinct</b> regions (distinct sockets: the guest's NUMA topology
/// mirrors the host's); several nodes of different VMs may share a region while blocks last.</para>
/// <para>So region i offers <c>c_i = floor(blocks_i / BlocksPerNode)</c> node slots, and m VMs of
/// k nodes fit exactly when <c>Σ min(c_i, m) ≥ k·m</c>: each region gives any one VM at most one
/// node, and, if the inequality holds, filling VMs round-robin from the regions with most slots
/// left places them all. <see cref="Count"/> returns the largest such m.</para>
/// <code>
///   slots c = [3, 1, 1], k = 2:  m = 2 → min(3,2)+1+1 = 4 ≥ 4 ✓;  m = 3 → 3+1+1 = 5 &lt; 6 ✗  → 2 VMs
/// </code>
/// </remarks>
public static class VmFit
{
    /// <summary>The number of <paramref name="shape"/> VMs that fit in regions with <paramref name="blocksPerRegion"/> usable PageSize blocks each.</summary>
    public static long Count(ReadOnlySpan<ulong> blocksPerRegion, VmShape shape)
    {
        ArgumentNullException.ThrowIfNull(shape);
        var k = shape.Nodes;
        if (blocksPerRegion.Length < k)
        {
            return 0;
        }

        var perNode = shape.BlocksPerNode;
        ulong total = 0;
        Span<ulong> slots = blocksPerRegion.Length <= 64 ? stackalloc ulong[blocksPerRegion.Length] : new ulong[blocksPerRegion.Length];
        for (var i = 0; i < blocksPerRegion.Length; i++)
        {
            slots[i] = blocksPerRegion[i] / perNode;
            total += slots[i];
        }

        // Feasibility is monotone in m: search the largest feasible m in [0, total / k].
        ulong lo = 0, hi = total / (ulong)k;
        while (lo < hi)
        {
            var mid = lo + ((hi - lo + 1) / 2);
            if (Fits(slots, k, mid))
            {
                lo = mid;
            }
            else
            {
                hi = mid - 1;
            }
        }

        return (long)lo;
    }

    private static bool Fits(ReadOnlySpan<ulong> slots, int k, ulong m)
    {
        UInt128 offered = 0;
        foreach (var c in slots)
        {
            offered += Math.Min(c, m);
        }

        return offered >= (UInt128)m * (ulong)k;
    }
}
