namespace EgmEcc.Tests;

public partial class PlannerTests
{
    [Theory]
    [InlineData(4 * K, 64 * K)]
    [InlineData(64 * K, 4 * K)]
    [InlineData(64 * K, 64 * K)]
    public void Create_LayoutGranuleIsMaxOfGranuleAndGuestPage(ulong granule, ulong guestPage)
    {
        var options = Options(granule, guestPage);

        var plan = PlanOf([Egm(0, G, 16 * M)], [At(G + 0x1_3000, K4)], options);

        Assert.Equal(K64, options.LayoutGranule);
        Assert.Equal([new Hole(0x1_0000, K64, K64, 0)], plan.Regions[0].Holes.ToArray());
    }

    [Fact]
    public void Create_DefaultSizedRecord_IsOneGranuleWidenedToTheGuestPage()
    {
        // G = 4K, P = 64K: a record without a size covers 4K and costs the whole 64K guest page.
        var plan = PlanOf([Egm(0, G, 16 * M)], [At(G + 0x1_3000)], Options(4 * K, 64 * K));

        Assert.Equal([new Hole(0x1_0000, K64, K64, 0)], plan.Regions[0].Holes.ToArray());
    }

    [Fact]
    public void Create_LargerGuestPage_WidensTheHole()
    {
        var plan = PlanOf([Egm(0, G, 16 * M)], [At(G + (3 * M) + K64)], Options(K64, 2 * M));

        Assert.Equal([new Hole(2 * M, 2 * M, 2 * M, 0)], plan.Regions[0].Holes.ToArray());
    }

    [Fact]
    public void Create_UnalignedRecordAcrossAGranuleBoundary_CostsBothGranules()
    {
        var plan = PlanOf([Egm(0, G, 16 * M)], [At(G + 0xF000, 0x2000)]);

        Assert.Equal([new Hole(0, 2 * K64, 2 * K64, 0)], plan.Regions[0].Holes.ToArray());
    }

    [Fact]
    public void Create_BaseNotAlignedToL_WidensInRegionOffsetSpace()
    {
        // docs/design.md §2: [alignDown(start - base, L), alignUp(end - base, L)), not aligned in SPA.
        var @base = G + 0x8000;
        var plan = PlanOf([Egm(0, @base, 16 * M)], [At(@base + 0x1_8000, K4)], Options(hugePages: []));

        var hole = Assert.Single(plan.Regions[0].Holes);
        Assert.Equal(new Hole(0x1_0000, K64, K64, 0), hole);
        Assert.Equal(@base + 0x1_0000, plan.Regions[0].AddressOf(hole.Offset));
    }

    [Fact]
    public void Create_RegionSizeNotAMultipleOfL_WideningStopsAtTheRegionEnd()
    {
        var plan = PlanOf([Egm(0, G, M + 0x3000)], [In("egm0", M + 0x1000, 0x1000)], Options(minExtent: 1));

        Assert.Equal([R(0, M)], plan.Regions[0].Usable.ToArray());
        Assert.Equal([new Hole(M, 0x3000, 0x3000, 0)], plan.Regions[0].Holes.ToArray());
    }
}
