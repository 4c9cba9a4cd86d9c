namespace EgmEcc.Tests;

public partial class PlannerTests
{
    [Fact]
    public void Create_GapShorterThanMinExtent_JoinsTheHolesAsFragmentBytes()
    {
        var plan = PlanOf([Egm(0, G, 16 * M)], [At(G + M), At(G + M + (2 * K64))], Options(minExtent: 2 * K64));

        Assert.Equal([new Hole(M, 3 * K64, 2 * K64, K64)], plan.Regions[0].Holes.ToArray());
        Assert.Equal([R(0, M), R(M + (3 * K64), (15 * M) - (3 * K64))], plan.Regions[0].Usable.ToArray());
        Assert.Equal(2 * K64, plan.Regions[0].Stats.RetiredBytes);
        Assert.Equal(K64, plan.Regions[0].Stats.FragmentBytes);
    }

    [Fact]
    public void Create_GapExactlyMinExtent_StaysUsable()
    {
        var plan = PlanOf([Egm(0, G, 16 * M)], [At(G + M), At(G + M + (3 * K64))], Options(minExtent: 2 * K64));

        Assert.Equal(2, plan.Regions[0].Holes.Length);
        Assert.Contains(R(M + K64, 2 * K64), plan.Regions[0].Usable);
        Assert.Equal(0UL, plan.Regions[0].Stats.FragmentBytes);
    }

    [Fact]
    public void Create_ShortLeadingExtent_JoinsTheFirstHoleFromOffsetZero()
    {
        var plan = PlanOf([Egm(0, G, 16 * M)], [At(G + K64)], Options(minExtent: 2 * K64));

        Assert.Equal([new Hole(0, 2 * K64, K64, K64)], plan.Regions[0].Holes.ToArray());
    }

    [Fact]
    public void Create_ShortTrailingExtent_JoinsTheLastHoleToTheRegionEnd()
    {
        var plan = PlanOf([Egm(0, G, 16 * M)], [At(G + (16 * M) - (2 * K64))], Options(minExtent: 2 * K64));

        Assert.Equal([new Hole((16 * M) - (2 * K64), 2 * K64, K64, K64)], plan.Regions[0].Holes.ToArray());
        Assert.Equal([R(0, (16 * M) - (2 * K64))], plan.Regions[0].Usable.ToArray());
    }

    [Theory]
    [InlineData(3 * K64, 3 * K64, false)]
    [InlineData(3 * K64, 2 * K64, true)]
    [InlineData(0x2_8000, 2 * K64, true)]
    [InlineData(0x2_8000, 3 * K64, false)]
    public void Create_MinExtentNotAPowerOfTwo_ComparesLengths(ulong minExtent, ulong gap, bool folded)
    {
        var plan = PlanOf([Egm(0, G, 16 * M)], [At(G + M), At(G + M + K64 + gap)], Options(minExtent: minExtent));

        Assert.Equal(folded ? 1 : 2, plan.Regions[0].Holes.Length);
        Assert.Equal(folded ? gap : 0, plan.Regions[0].Stats.FragmentBytes);
    }

    [Fact]
    public void Create_ShortExtentsAroundSeveralHoles_MakeOneHole()
    {
        // |##|-|##|-|##|------| with E = 2 granules: one hole of retired and fragment bytes.
        var plan = PlanOf([Egm(0, G, 16 * M)], [At(G), At(G + (2 * K64)), At(G + (4 * K64))], Options(minExtent: 2 * K64));

        Assert.Equal([new Hole(0, 5 * K64, 3 * K64, 2 * K64)], plan.Regions[0].Holes.ToArray());
        Assert.Equal(1, plan.Regions[0].Stats.Holes);
    }
}
