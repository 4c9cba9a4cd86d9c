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
}
