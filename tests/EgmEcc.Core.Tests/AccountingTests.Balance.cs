namespace EgmEcc.Tests;

public partial class AccountingTests
{
    [Theory]
    [InlineData(0, 0, 0, 0, 0, true)]
    [InlineData(10, 6, 3, 2, 1, true)]
    [InlineData(10, 6, 3, 9, 1, true)]
    [InlineData(10, 6, 3, 10, 1, false)]
    [InlineData(10, 6, 3, 0, 2, false)]
    public void IsBalanced_ConservationAndClippedBound(long records, long applied, long duplicate, long clipped, long outOfRegion, bool balanced)
    {
        Assert.Equal(balanced, new Accounting(records, applied, duplicate, clipped, outOfRegion).IsBalanced);
    }

    [Fact]
    public void Add_SumsEveryCount()
    {
        var sum = new Accounting(10, 6, 3, 2, 1) + new Accounting(5, 4, 1, 0, 0);

        Assert.Equal(new Accounting(15, 10, 4, 2, 1), sum);
        Assert.True(sum.IsBalanced);
    }

    [Theory]
    [InlineData(10, 4, 3, 0, 1, 2, true)]
    [InlineData(10, 4, 3, 9, 1, 2, true)]
    [InlineData(10, 4, 3, 10, 1, 2, false)]
    [InlineData(10, 6, 3, 0, 1, 2, false)]
    [InlineData(10, 4, 3, 0, 1, 0, false)]
    public void IsBalanced_AtRiskRecordsCountInConservationAndMayBeClipped(long records, long applied, long duplicate, long clipped, long outOfRegion, long atRisk, bool balanced)
    {
        // records = applied + atRisk + duplicate + outOfRegion; clipped <= applied + atRisk + duplicate.
        Assert.Equal(balanced, new Accounting(records, applied, duplicate, clipped, outOfRegion, atRisk).IsBalanced);
    }

    [Fact]
    public void Add_SumsAtRisk()
    {
        var sum = new Accounting(10, 4, 3, 2, 1, AtRisk: 2) + new Accounting(5, 4, 0, 0, 0, AtRisk: 1);

        Assert.Equal(new Accounting(15, 8, 3, 2, 1, AtRisk: 3), sum);
        Assert.True(sum.IsBalanced);
    }
}
