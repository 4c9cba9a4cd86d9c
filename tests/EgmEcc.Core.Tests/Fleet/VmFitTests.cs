using EgmEcc.Fleet;
using FsCheck;
using FsCheck.Fluent;

namespace EgmEcc.Tests.Fleet;

public class VmFitTests
{
    private const ulong G = 1UL << 30;
    private const ulong M512 = 512UL << 20;
    private static readonly SourceLocation Here = SourceLocation.AtLine("test", 1);

    [Fact]
    public void Count_ExactFit_CountsTheVm()
    {
        // Two regions of exactly 200 GiB = 400 blocks of 512 MiB each: one 2x200G VM, no more.
        var shape = new VmShape(2, 200 * G, M512);
        Assert.Equal(1, VmFit.Count([400, 400], shape));
        Assert.Equal(0, VmFit.Count([399, 400], shape));
    }

    [Fact]
    public void Count_OneRetiredPage_CostsAWholeBlockAndTheVm()
    {
        var regions = RegionSet.Create(
        [
            new Region("egm0", 0, 0x10_0000_0000, 200 * G, Here),
            new Region("egm1", 1, 0x4010_0000_0000, 200 * G, Here),
        ]);
        var shape = new VmShape(2, 200 * G, M512);
        var clean = Planner.Create(regions, [], PlanOptions.Default);
        Assert.Equal(1, HostSummary.FromPlan("h", clean, shape).VmFit);

        // One 64 KiB page in the middle of egm1 makes its 512 MiB block unusable: 399 blocks left.
        var plan = Planner.Create(regions, [RetiredRecord.AtAddress(0x4010_0000_0000 + (100 * G) + 0x1_0000, 0, Here)], PlanOptions.Default);
        var summary = HostSummary.FromPlan("h", plan, shape);
        Assert.Equal([400UL, 399UL], summary.Regions.Select(r => r.VmBlocks).ToArray());
        Assert.Equal(0, summary.VmFit);
    }

    [Fact]
    public void Count_NodeLargerThanAnyRegion_FitsNone()
    {
        var shape = new VmShape(1, 500 * G, G);
        Assert.Equal(0, VmFit.Count([480, 480, 480], shape));
    }

    [Fact]
    public void Count_MoreNodesThanRegions_FitsNone() =>
        Assert.Equal(0, VmFit.Count([1000, 1000], new VmShape(3, G, G)));

    [Fact]
    public void Count_NodesOfOneVm_GoToDistinctRegions()
    {
        // One big region cannot host both nodes of a VM: slots [3, 1, 1] for k = 2 give 2 VMs, not 2.5.
        var shape = new VmShape(2, G, G);
        Assert.Equal(2, VmFit.Count([3, 1, 1], shape));
        Assert.Equal(0, VmFit.Count([10, 0], shape));
        Assert.Equal(10, VmFit.Count([10], new VmShape(1, G, G)));
    }

    [Fact]
    public void Count_ManyVmsShareRegions_PacksGreedily() =>
        // Slots [3, 3, 3] (two blocks a node), k = 2: nine slots make four VMs, each on two distinct regions.
        Assert.Equal(4, VmFit.Count([6, 6, 6], new VmShape(2, 2 * G, G)));

    [Fact]
    public void Count_AnySlots_EqualsGreedyPlacement()
    {
        var gen =
            from k in Gen.Choose(1, 4)
            from slots in Gen.ListOf(Gen.Choose(0, 12)).Select(l => l.Take(6).ToArray())
            select (k, slots);
        Prop.ForAll(gen.ToArbitrary(), t =>
        {
            var blocks = t.slots.Select(s => (ulong)s).ToArray();
            return VmFit.Count(blocks, new VmShape(t.k, G, G)) == Greedy(t.slots, t.k);
        }).Check(Properties.Seeded());
    }

    /// <summary>The placement rule as a person would run it: each VM takes the k regions with most slots left.</summary>
    private static long Greedy(int[] slots, int k)
    {
        var left = slots.ToArray();
        long vms = 0;
        while (true)
        {
            var chosen = Enumerable.Range(0, left.Length).OrderByDescending(i => left[i]).Take(k).ToArray();
            if (chosen.Length < k || chosen.Any(i => left[i] == 0))
            {
                return vms;
            }

            foreach (var i in chosen)
            {
                left[i]--;
            }

            vms++;
        }
    }
}
