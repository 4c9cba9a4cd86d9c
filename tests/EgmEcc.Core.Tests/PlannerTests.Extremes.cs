namespace EgmEcc.Tests;

/// <summary>
/// The extremes the property tests' small units do not reach: the largest region there can be,
/// granules and hugepages of 2^63, a layout granule larger than the region, records whose ends
/// pass 2^64 from below a region at the top.
/// </summary>
public partial class PlannerTests
{
    private const ulong Pow63 = 1UL << 63;

    [Fact]
    public void Create_LargestPossibleRegion_RecordsAtBothEndsTileExactly()
    {
        // [1, 2^64): 2^64 - 1 bytes, the most a u64 size holds; the widened last page is cut at the end.
        var size = ulong.MaxValue;
        var plan = PlanOf([Egm(0, 1, size)], [At(1), At(ulong.MaxValue), In("egm0", size - 1, 1)], Options(hugePages: [G, Pow63]));
        var region = plan.Regions[0];

        Assert.Equal([new Hole(0, K64, K64, 0), new Hole(size - (K64 - 1), K64 - 1, K64 - 1, 0)], region.Holes.ToArray());
        Assert.Equal([R(K64, size - K64 - (K64 - 1))], region.Usable.ToArray());
        Assert.Equal(new HugePageCapacity(G, (size / G) - 1, size / G), region.Stats.HugePageCapacity[0]);
        Assert.Equal(new HugePageCapacity(Pow63, 0, 1), region.Stats.HugePageCapacity[1]);
        Assert.Equal(new Accounting(3, 2, 1, 1, 0), plan.Accounting);
    }

    [Fact]
    public void Create_LayoutGranuleOf2Pow63_WidensToHalfTheSpaceWithoutOverflow()
    {
        // The top half of the space as a region, a granule of 2^63: one record retires all of it.
        var plan = PlanOf([Egm(0, Pow63, Pow63 - 1), Egm(1, 1, G)], [At(ulong.MaxValue - K64), At(2, 1)], Options(granule: Pow63, hugePages: [Pow63]));

        Assert.All(plan.Regions, r => Assert.Empty(r.Usable));
        Assert.Equal([new Hole(0, G, G, 0)], plan.Regions[0].Holes.ToArray());
        Assert.Equal([new Hole(0, Pow63 - 1, Pow63 - 1, 0)], plan.Regions[1].Holes.ToArray());
        Assert.Equal(new HugePageCapacity(Pow63, 0, 0), plan.Regions[1].Stats.HugePageCapacity[0]);
        // The first record is one 2^63 granule by default: it crosses the region's end.
        Assert.Equal(new Accounting(2, 2, 0, 1, 0), plan.Accounting);
    }

    [Fact]
    public void Create_LayoutGranuleLargerThanTheRegion_OneRecordRetiresTheWholeRegion()
    {
        // A 1 GiB guest page over a 64 MiB region at the very top: the hole is the region, no more.
        var plan = PlanOf([Egm(0, TopMinus(64 * M), 64 * M)], [At(TopMinus(32 * M), K4)], Options(guestPage: G, hugePages: [2 * M, 2 * G]));
        var region = plan.Regions[0];

        Assert.Equal([new Hole(0, 64 * M, 64 * M, 0)], region.Holes.ToArray());
        Assert.Empty(region.Usable);
        Assert.Equal([new HugePageCapacity(2 * M, 0, 32), new HugePageCapacity(2 * G, 0, 0)], region.Stats.HugePageCapacity.ToArray());
    }

    [Fact]
    public void Create_LayoutGranuleLargerThanTheRegionNoRecords_MinExtentDecidesWhetherItIsUsable()
    {
        Region[] regions = [Egm(0, TopMinus(64 * M), 64 * M)];

        var byDefault = PlanOf(regions, [], Options(guestPage: G)).Regions[0];
        var small = PlanOf(regions, [], Options(guestPage: G, minExtent: 64 * M)).Regions[0];

        Assert.Equal([new Hole(0, 64 * M, 0, 64 * M)], byDefault.Holes.ToArray());
        Assert.Equal([R(0, 64 * M)], small.Usable.ToArray());
    }

    [Fact]
    public void Create_RecordBelowTheTopRegionRunningPast2Pow64_IsClippedToTheRegion()
    {
        // Starts in the gap below the region and its end would pass 2^64: cut there, then clipped.
        var plan = PlanOf([Egm(0, TopMinus(16 * M), 16 * M), Egm(1, G, 16 * M)], [At(TopMinus(32 * M), ulong.MaxValue, line: 7)]);

        Assert.Equal([new Hole(0, 16 * M, 16 * M, 0)], plan.Regions[1].Holes.ToArray());
        Assert.Empty(plan.Regions[0].Holes);
        Assert.Equal(new Accounting(1, 1, 0, 1, 0), plan.Accounting);
        Assert.Contains("retired.csv:7", Assert.Single(RecordWarnings(plan)), StringComparison.Ordinal);
    }

    [Fact]
    public void Create_NamedRecordAtTheLastOffsetOfTheLargestRegion_SizeOverflowingIsClipped()
    {
        // Regression: offset + size saturated at 2^64 - 1, the region's size, so the clip went uncounted.
        var plan = PlanOf([Egm(0, 1, ulong.MaxValue)], [In("egm0", ulong.MaxValue - 1, ulong.MaxValue), In("egm0", ulong.MaxValue, 1)]);

        Assert.Equal([new Hole(ulong.MaxValue - (K64 - 1), K64 - 1, K64 - 1, 0)], plan.Regions[0].Holes.ToArray());
        Assert.Equal(new Accounting(2, 1, 0, 1, 1), plan.Accounting);
    }

    [Fact]
    public void Create_RecordsAtBothEndsOfTheSpaceInOneRegion_SortAndMergeAcrossTheTopBit()
    {
        // Keys that differ in every bit: the radix sort's widest case.
        var size = ulong.MaxValue;
        var records = new[] { At(ulong.MaxValue - K64), At(Pow63), At(1), At(Pow63 - K64), At(ulong.MaxValue - (2 * K64)) };

        var plan = PlanOf([Egm(0, 1, size)], records);

        Assert.Equal(
            [new Hole(0, K64, K64, 0), new Hole(Pow63 - (2 * K64), 3 * K64, 3 * K64, 0), new Hole(TopMinus(3 * K64), (3 * K64) - 1, (3 * K64) - 1, 0)],
            plan.Regions[0].Holes.ToArray());
        Assert.Equal(new Accounting(5, 5, 0, 0, 0), plan.Accounting);
    }
}
