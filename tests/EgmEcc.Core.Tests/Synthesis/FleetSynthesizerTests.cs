using EgmEcc.Synthesis;

namespace EgmEcc.Tests.Synthesis;

public class FleetSynthesizerTests
{
    [Fact]
    public void Records_TotalIsExactlyAsAsked()
    {
        var fleet = new FleetSynthesizer(new SynthOptions { Hosts = 37, Records = 12_345, Seed = 5 });
        long total = 0;
        var list = new List<RetiredRecord>();
        for (var h = 0; h < fleet.Hosts; h++)
        {
            list.Clear();
            fleet.Records(h, list);
            Assert.Equal(fleet.RecordCount(h), list.Count);
            total += list.Count;
        }

        Assert.Equal(12_345, total);
    }

    [Fact]
    public void Records_SameSeed_SameFleet_OtherSeed_OtherFleet()
    {
        static ulong[] Addresses(ulong seed)
        {
            var fleet = new FleetSynthesizer(new SynthOptions { Hosts = 3, Records = 300, Seed = seed });
            var list = new List<RetiredRecord>();
            fleet.Records(1, list);
            return [.. list.Select(r => r.Start)];
        }

        Assert.Equal(Addresses(9), Addresses(9));
        Assert.NotEqual(Addresses(9), Addresses(10));
    }

    [Fact]
    public void Regions_AreValidGraceSocketsOfOneHost()
    {
        var fleet = new FleetSynthesizer(new SynthOptions { Hosts = 50, Sockets = 4 });
        for (var h = 0; h < fleet.Hosts; h++)
        {
            var set = RegionSet.Create(fleet.Regions(h));
            Assert.Equal(4, set.Regions.Length);
            Assert.All(set.Regions, r => Assert.Contains(r.Size >> 30, new ulong[] { 104, 176, 208, 416, 448 }));
            Assert.All(set.Regions, r => Assert.Equal(fleet.HostName(h), r.Host));
        }
    }

    [Fact]
    public void Records_PlanWithClusteredRunsDuplicatesAndOutOfRegion()
    {
        var fleet = new FleetSynthesizer(new SynthOptions { Hosts = 1, Records = 5000, Seed = 11 });
        var list = new List<RetiredRecord>();
        fleet.Records(0, list);
        var plan = Planner.Create(RegionSet.Create(fleet.Regions(0)), [.. list], PlanOptions.Default);

        Assert.True(plan.Accounting.IsBalanced);
        Assert.True(plan.Accounting.Duplicate > 0);
        Assert.True(plan.Accounting.OutOfRegion > 0);

        // Runs of adjacent pages merge: far fewer holes than applied records.
        Assert.True(plan.Regions.Sum(r => r.Stats.Holes) < plan.Accounting.Applied * 3 / 4);
    }

    [Fact]
    public void HostName_IsZeroPaddedFromOne() =>
        Assert.Equal("host-00001", new FleetSynthesizer(new SynthOptions { Hosts = 10_000, Records = 0 }).HostName(0));
}
