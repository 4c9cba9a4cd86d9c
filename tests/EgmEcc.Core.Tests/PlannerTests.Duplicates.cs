namespace EgmEcc.Tests;

public partial class PlannerTests
{
    [Fact]
    public void Create_IdenticalRecords_OneAppliedRestDuplicate()
    {
        var plan = PlanOf([Egm(0, G, 16 * M)], [At(G + M), At(G + M), In("egm0", M)]);

        Assert.Equal(new Accounting(3, 1, 2, 0, 0), plan.Accounting);
        Assert.Equal(1, plan.Regions[0].Stats.AppliedRecords);
    }

    [Fact]
    public void Create_TwoRecordsInOneGranule_SecondIsADuplicate()
    {
        var plan = PlanOf([Egm(0, G, 16 * M)], [At(G + M + 0x100, 0x100), At(G + M + 0x8000, 0x100)]);

        Assert.Equal(new Accounting(2, 1, 1, 0, 0), plan.Accounting);
        Assert.Equal([new Hole(M, K64, K64, 0)], plan.Regions[0].Holes.ToArray());
    }

    [Theory]
    [InlineData(false)]
    [InlineData(true)]
    public void Create_ShortAndLongRecordAtOneStart_LongIsAppliedInEitherOrder(bool longFirst)
    {
        // (start, end descending, input): the long one comes first, so the short one is covered.
        RetiredRecord[] records = [At(G + M, K64, line: 1), At(G + M, 2 * K64, line: 2)];
        var plan = PlanOf([Egm(0, G, 16 * M)], longFirst ? [records[1], records[0]] : records);

        Assert.Equal(new Accounting(2, 1, 1, 0, 0), plan.Accounting);
    }

    [Theory]
    [InlineData(0, 1, 2)]
    [InlineData(2, 1, 0)]
    [InlineData(1, 2, 0)]
    public void Create_RecordCoveredByTheUnionOfOthers_IsADuplicateInAnyOrder(int first, int second, int third)
    {
        // A = [0, 64K), B = [64K, 128K), C = [0, 128K): C sorts first and covers both.
        RetiredRecord[] all = [At(G, K64), At(G + K64, K64), At(G, 2 * K64)];
        var plan = PlanOf([Egm(0, G, 16 * M)], [all[first], all[second], all[third]]);

        Assert.Equal(new Accounting(3, 1, 2, 0, 0), plan.Accounting);
        Assert.Equal([new Hole(0, 2 * K64, 2 * K64, 0)], plan.Regions[0].Holes.ToArray());
    }

    [Fact]
    public void Create_RecordCoveredByTwoTouchingEarlierRecords_IsADuplicate()
    {
        // A = [0, 128K), B = [64K, 192K), C = [128K, 192K): C is inside A ∪ B.
        var plan = PlanOf([Egm(0, G, 16 * M)], [At(G + (2 * K64), K64), At(G + K64, 2 * K64), At(G, 2 * K64)]);

        Assert.Equal(new Accounting(3, 2, 1, 0, 0), plan.Accounting);
    }

    [Fact]
    public void Create_RecordExtendingAHole_IsApplied()
    {
        var plan = PlanOf([Egm(0, G, 16 * M)], [At(G, 2 * K64), At(G + K64, 2 * K64)]);

        Assert.Equal(new Accounting(2, 2, 0, 0, 0), plan.Accounting);
    }

    [Fact]
    public void Create_DuplicatesAcrossRegions_CountPerRegion()
    {
        var plan = PlanOf(
            [Egm(0, G, 16 * M), Egm(1, 2 * G, 16 * M)],
            [At(G), In("egm0", 0), At(2 * G), At(2 * G), In("egm1", 0x100, 0x100)]);

        Assert.Equal(new Accounting(5, 2, 3, 0, 0), plan.Accounting);
        Assert.Equal([1L, 1L], plan.Regions.Select(r => r.Stats.AppliedRecords).ToArray());
    }

    [Fact]
    public void Create_ClippedDuplicate_CountsAsClippedAndDuplicate()
    {
        var plan = PlanOf([Egm(0, G, 16 * M)], [At(G + (16 * M) - K64), At(G + (16 * M) - K64, 2 * K64)]);

        Assert.Equal(new Accounting(2, 1, 1, 1, 0), plan.Accounting);
    }
}
