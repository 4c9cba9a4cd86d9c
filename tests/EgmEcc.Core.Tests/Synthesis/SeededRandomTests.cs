using EgmEcc.Synthesis;

namespace EgmEcc.Tests.Synthesis;

public class SeededRandomTests
{
    [Fact]
    public void NextUInt64_SameSeed_SameSequence()
    {
        var a = new SeededRandom(42);
        var b = new SeededRandom(42);
        for (var i = 0; i < 100; i++)
        {
            Assert.Equal(a.NextUInt64(), b.NextUInt64());
        }
    }

    [Fact]
    public void NextUInt64_FixedSeed_IsPinned()
    {
        // Pinned so synthetic fleets and forecasts never change silently between versions.
        var random = new SeededRandom(1);
        Assert.Equal(0xb3f2af6d0fc710c5UL, random.NextUInt64());
    }

    [Fact]
    public void NextBelow_StaysInRange()
    {
        var random = new SeededRandom(7);
        for (var i = 0; i < 10_000; i++)
        {
            Assert.InRange(random.NextBelow(10), 0UL, 9UL);
        }
    }

    [Theory]
    [InlineData(0.5)]
    [InlineData(20)]
    [InlineData(1000)]
    public void NextPoisson_MeanIsClose(double mean)
    {
        var random = new SeededRandom(3);
        double sum = 0;
        const int n = 20_000;
        for (var i = 0; i < n; i++)
        {
            sum += random.NextPoisson(mean);
        }

        Assert.InRange(sum / n, mean * 0.95, (mean * 1.05) + 0.05);
    }

    [Theory]
    [InlineData(0.3)]
    [InlineData(1)]
    [InlineData(2)]
    [InlineData(9.5)]
    public void NextGamma_MeanAndVarianceAreTheShape(double shape)
    {
        var random = new SeededRandom(5);
        double sum = 0, squares = 0;
        const int n = 40_000;
        for (var i = 0; i < n; i++)
        {
            var x = random.NextGamma(shape);
            Assert.True(x >= 0);
            sum += x;
            squares += x * x;
        }

        var mean = sum / n;
        Assert.InRange(mean, shape * 0.97, shape * 1.03);
        Assert.InRange((squares / n) - (mean * mean), shape * 0.92, shape * 1.08);
    }

    [Fact]
    public void Derive_DependsOnEveryPart()
    {
        var values = new HashSet<ulong>();
        for (ulong a = 0; a < 10; a++)
        {
            for (ulong b = 0; b < 10; b++)
            {
                var random = SeededRandom.Derive(1, a, b);
                values.Add(random.NextUInt64());
            }
        }

        Assert.Equal(100, values.Count);
    }
}
