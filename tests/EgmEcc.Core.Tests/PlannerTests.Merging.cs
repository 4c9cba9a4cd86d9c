namespace EgmEcc.Tests;

public partial class PlannerTests
{
    [Fact]
    public void Create_OverlappingRecords_MergeIntoOneHole()
    {
        var plan = PlanOf([Egm(0, G, 16 * M)], [At(G + K64, 3 * K64), At(G + (2 * K64), 3 * K64)]);

        Assert.Equal([new Hole(K64, 4 * K64, 4 * K64, 0)], plan.Regions[0].Holes.ToArray());
        Assert.Equal(new Accounting(2, 2, 0, 0, 0), plan.Accounting);
    }

    [Fact]
    public void Create_TouchingRecords_MergeIntoOneHole()
    {
        var plan = PlanOf([Egm(0, G, 16 * M)], [At(G + (2 * K64)), At(G + K64)]);

        Assert.Equal([new Hole(K64, 2 * K64, 2 * K64, 0)], plan.Regions[0].Holes.ToArray());
        Assert.Equal([R(0, K64), R(3 * K64, (16 * M) - (3 * K64))], plan.Regions[0].Usable.ToArray());
        Assert.Equal(new Accounting(2, 2, 0, 0, 0), plan.Accounting);
    }

    [Fact]
    public void Create_RecordsOneGranuleApart_LeaveAnExtentOfOneGranule()
    {
        var plan = PlanOf([Egm(0, G, 16 * M)], [At(G + (3 * K64)), At(G + K64)]);

        Assert.Equal([new Hole(K64, K64, K64, 0), new Hole(3 * K64, K64, K64, 0)], plan.Regions[0].Holes.ToArray());
        Assert.Equal([R(0, K64), R(2 * K64, K64), R(4 * K64, (16 * M) - (4 * K64))], plan.Regions[0].Usable.ToArray());
        Assert.Equal(3, plan.Regions[0].Stats.Extents);
        Assert.Equal((16 * M) - (4 * K64), plan.Regions[0].Stats.LargestExtentBytes);
    }

    [Fact]
    public void Create_RecordsInAnyOrder_HolesSortedByOffset()
    {
        var plan = PlanOf([Egm(0, G, 16 * M)], [At(G + (9 * M)), At(G + (1 * M)), At(G + (5 * M)), At(G + (3 * M))]);

        Assert.Equal([1 * M, 3 * M, 5 * M, 9 * M], plan.Regions[0].Holes.Select(h => h.Offset).ToArray());
    }

    [Fact]
    public void Create_ManyRecordsAcrossRegions_KeepEachRegionApart()
    {
        var records = new List<RetiredRecord>();
        for (ulong i = 0; i < 64; i++)
        {
            records.Add(At((i % 2 == 0 ? G : 2 * G) + (i * 2 * K64)));
        }

        var plan = PlanOf([Egm(0, G, 16 * M), Egm(1, 2 * G, 16 * M)], [.. records]);

        Assert.Equal(32, plan.Regions[0].Holes.Length);
        Assert.Equal(32, plan.Regions[1].Holes.Length);
        Assert.All(plan.Regions[0].Holes, h => Assert.Equal(0UL, h.Offset % (4 * K64)));
        Assert.All(plan.Regions[1].Holes, h => Assert.Equal(2 * K64, h.Offset % (4 * K64)));
    }
}
