namespace EgmEcc.Tests;

/// <summary>The edge cases issue 2 names, one test each.</summary>
public partial class PlannerTests
{
    [Fact]
    public void Create_RegionEndingAt2Pow64_LastPageRetired()
    {
        var region = Egm(0, TopMinus(16 * M), 16 * M);

        var plan = PlanOf([region], [At(TopMinus(K64))]);

        Assert.True(plan.Regions[0].Region.Extent.ReachesTop);
        Assert.Equal([R(0, (16 * M) - K64)], plan.Regions[0].Usable.ToArray());
        Assert.Equal([new Hole((16 * M) - K64, K64, K64, 0)], plan.Regions[0].Holes.ToArray());
        Assert.Equal(new Accounting(1, 1, 0, 0, 0), plan.Accounting);
        Assert.Equal(ulong.MaxValue - K64 + 1, plan.Regions[0].AddressOf(plan.Regions[0].Holes[0].Offset));
    }

    [Fact]
    public void Create_RegionEndingAt2Pow64_HugePagesCountedUpToTheTop()
    {
        var plan = PlanOf([Egm(0, TopMinus(2 * G), 2 * G)], [At(TopMinus(G) - K64)]);

        Assert.Equal(new HugePageCapacity(G, 1, 2), plan.Regions[0].Stats.HugePageCapacity[^1]);
        Assert.Empty(plan.Diagnostics);
    }

    [Fact]
    public void Create_RecordAtTheLastByteOfTheRegion_RetiresTheLastGranule()
    {
        var plan = PlanOf([Egm(0, G, 16 * M)], [At(G + (16 * M) - 1, 1)]);

        Assert.Equal([new Hole((16 * M) - K64, K64, K64, 0)], plan.Regions[0].Holes.ToArray());
        Assert.Equal(new Accounting(1, 1, 0, 0, 0), plan.Accounting);
    }

    [Fact]
    public void Create_DefaultSizedRecordAtTheLastByteOfTheRegion_IsClipped()
    {
        var plan = PlanOf([Egm(0, G, 16 * M)], [At(G + (16 * M) - 1)]);

        Assert.Equal([new Hole((16 * M) - K64, K64, K64, 0)], plan.Regions[0].Holes.ToArray());
        Assert.Equal(new Accounting(1, 1, 0, 1, 0), plan.Accounting);
    }

    [Theory]
    [InlineData(1UL, 0)]
    [InlineData(0UL, 1)]
    public void Create_RecordAtTheLastByteOfTheAddressSpace_RetiresTheLastGranule(ulong size, int clipped)
    {
        // A default-sized record there would end past 2^64: it is cut at the region's end.
        var plan = PlanOf([Egm(0, TopMinus(16 * M), 16 * M)], [At(ulong.MaxValue, size), In("egm0", (16 * M) - 1, size)]);

        Assert.Equal([new Hole((16 * M) - K64, K64, K64, 0)], plan.Regions[0].Holes.ToArray());
        Assert.Equal(new Accounting(2, 1, 1, 2 * clipped, 0), plan.Accounting);
    }

    [Fact]
    public void Create_RecordAtTheLastByteOfTheAddressSpaceInNoRegion_IsOutOfRegion()
    {
        var plan = PlanOf([Egm(0, G, 16 * M)], [At(ulong.MaxValue, ulong.MaxValue)]);

        Assert.Equal(new Accounting(1, 0, 0, 0, 1), plan.Accounting);
        Assert.Equal("retired record at 0xffffffffffffffff (18446744073709551615) lies in no region; counted out-of-region", Assert.Single(plan.Diagnostics).Message);
    }

    [Fact]
    public void Create_RecordStraddlingTheRegionEnd_HoleEndsAtTheRegionEnd()
    {
        var plan = PlanOf([Egm(0, G, 16 * M), Egm(1, G + (32 * M), 16 * M)], [At(G + (16 * M) - 0x8000, K64)]);

        Assert.Equal([new Hole((16 * M) - K64, K64, K64, 0)], plan.Regions[0].Holes.ToArray());
        Assert.Empty(plan.Regions[1].Holes);
        Assert.Equal(new Accounting(1, 1, 0, 1, 0), plan.Accounting);
        Assert.Single(RecordWarnings(plan));
    }

    [Fact]
    public void Create_RegionSizeNotAMultipleOfTheGranule_ShortTailJoinsTheLastHole()
    {
        // Size 1M + 12K: the last 12K is a granule fragment; beside a hole it is shorter than E = L.
        var size = M + 0x3000;

        var empty = PlanOf([Egm(0, G, size)], []);
        var plan = PlanOf([Egm(0, G, size)], [In("egm0", M - K64)]);

        Assert.Equal([R(0, size)], empty.Regions[0].Usable.ToArray());
        Assert.Equal([R(0, M - K64)], plan.Regions[0].Usable.ToArray());
        Assert.Equal([new Hole(M - K64, K64 + 0x3000, K64, 0x3000)], plan.Regions[0].Holes.ToArray());
    }

    [Fact]
    public void Create_RegionSizeNotAMultipleOfTheGranule_RecordInTheTailRetiresOnlyTheTail()
    {
        var plan = PlanOf([Egm(0, G, M + 0x3000)], [In("egm0", M + 0x2000, 0x1000)]);

        Assert.Equal([R(0, M)], plan.Regions[0].Usable.ToArray());
        Assert.Equal([new Hole(M, 0x3000, 0x3000, 0)], plan.Regions[0].Holes.ToArray());
        Assert.Equal(new Accounting(1, 1, 0, 0, 0), plan.Accounting);
    }

    [Theory]
    [InlineData(false)]
    [InlineData(true)]
    public void Create_Sixteen4KEntries_FoldIntoOne64KHole(bool reversed)
    {
        // The ioctl on a 4K-page host reports one retired 64K page as 16 adjacent 4K entries.
        var records = Enumerable.Range(0, 16).Select(i => In("egm0", (2 * M) + ((ulong)i * K4), K4, line: i + 1)).ToArray();
        if (reversed)
        {
            Array.Reverse(records);
        }

        var plan = PlanOf([Egm(0, G, 16 * M)], records);

        Assert.Equal([new Hole(2 * M, K64, K64, 0)], plan.Regions[0].Holes.ToArray());
        Assert.Equal(new Accounting(16, 1, 15, 0, 0), plan.Accounting);
    }

    [Fact]
    public void Create_Sixteen4KEntriesWith4KGranule_FoldIntoOne64KGuestPage()
    {
        var records = Enumerable.Range(0, 16).Select(i => At(G + (2 * M) + ((ulong)i * K4), line: i + 1)).ToArray();

        var plan = PlanOf([Egm(0, G, 16 * M)], records, Options(granule: K4, guestPage: K64));

        Assert.Equal([new Hole(2 * M, K64, K64, 0)], plan.Regions[0].Holes.ToArray());
        Assert.Equal(new Accounting(16, 1, 15, 0, 0), plan.Accounting);
    }

    [Fact]
    public void Create_EmptyRetiredList_WholeRegionIsOneExtent()
    {
        var plan = PlanOf([Egm(0, G, 16 * M), Egm(1, 2 * G, 16 * M)], []);

        Assert.Equal(new Accounting(0, 0, 0, 0, 0), plan.Accounting);
        Assert.Empty(plan.Diagnostics);
        Assert.All(plan.Regions, r =>
        {
            Assert.Equal([R(0, 16 * M)], r.Usable.ToArray());
            Assert.Empty(r.Holes);
            Assert.Equal(16 * M, r.Stats.UsableBytes);
            Assert.Equal(16 * M, r.Stats.LargestExtentBytes);
            Assert.Equal(100.0, r.Stats.UsablePercent);
            Assert.All(r.Stats.HugePageCapacity, h => Assert.Equal(h.Ideal, h.Count));
        });
    }

    [Fact]
    public void Create_MinExtentSwallowingEveryExtent_WholeRegionIsOneHole()
    {
        var plan = PlanOf([Egm(0, G, 16 * M)], [At(G + (4 * M)), At(G + (12 * M))], Options(minExtent: 16 * M, hugePages: [2 * M]));

        var region = plan.Regions[0];
        Assert.Empty(region.Usable);
        Assert.Equal([new Hole(0, 16 * M, 2 * K64, (16 * M) - (2 * K64))], region.Holes.ToArray());
        Assert.Equal(0UL, region.Stats.UsableBytes);
        Assert.Equal(0UL, region.Stats.LargestExtentBytes);
        Assert.Equal(0, region.Stats.Extents);
        Assert.Equal(0.0, region.Stats.UsablePercent);
        Assert.Equal(new HugePageCapacity(2 * M, 0, 8), Assert.Single(region.Stats.HugePageCapacity));
        Assert.Equal(new Accounting(2, 2, 0, 0, 0), plan.Accounting);
    }

    [Fact]
    public void Create_RegionSmallerThanMinExtentWithNoRecords_IsOneFragmentHole()
    {
        // Nothing retired, but no extent of E bytes fits: the region is unusable, all fragment.
        var plan = PlanOf([Egm(0, G, K64)], [], Options(minExtent: 2 * K64));

        Assert.Empty(plan.Regions[0].Usable);
        Assert.Equal([new Hole(0, K64, 0, K64)], plan.Regions[0].Holes.ToArray());
    }
}
