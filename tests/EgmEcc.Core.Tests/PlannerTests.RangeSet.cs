using EgmEcc.Fleet;
using EgmEcc.Reporting;
using EgmEcc.Tests.Support;
using FsCheck;
using FsCheck.Fluent;

namespace EgmEcc.Tests;

/// <summary>
/// The planner keeps its own one-pass loops (its hot path); these properties pin them to the
/// range algebra everything else counts with, so the two can never drift apart.
/// </summary>
public partial class PlannerTests
{
    [Fact]
    public void Create_AnyInput_CapacityAndHolesAgreeWithRangeSet()
    {
        Properties.Check(Scenarios.Any, s =>
        {
            var plan = s.Plan();
            foreach (var region in plan.Regions)
            {
                var usable = RangeSet.Of(region.Usable);
                foreach (var capacity in region.Stats.HugePageCapacity)
                {
                    Assert.Equal(usable.WholeAlignedBlocks(capacity.PageSize), capacity.Count);
                }

                var whole = AddressRange.FromBaseSize(0, region.Region.Size);
                var holes = RangeSet.Of(region.Holes.Select(h => h.Range));
                Assert.Equal(usable.Complement(whole), holes);
                Assert.Equal(usable.Ranges.ToArray(), region.Usable.ToArray());
                Assert.Equal(holes.Ranges.ToArray(), region.Holes.Select(h => h.Range).ToArray());
                Assert.Equal((UInt128)region.Stats.UsableBytes, usable.TotalSize);
                Assert.Equal(usable, usable.WithoutRangesShorterThan(s.Options.MinExtent));
            }
        }, maxTest: 1000);
    }

    [Fact]
    public void CapacityCountedOutsideThePlanner_AnySize_EqualsThePlannersCount()
    {
        // The report's gates and the fleet's VM blocks count sizes the plan may not have counted.
        var gen = from s in Scenarios.Any
                  from size in Gen.Elements(Scenarios.Unit, 2 * Scenarios.Unit, 8 * Scenarios.Unit, 64 * Scenarios.Unit)
                  select (s, size);
        Properties.Check(gen, t =>
        {
            var (s, size) = t;
            var o = s.Options;
            var without = Planner.Create(s.RegionSet, s.Records, new PlanOptions(o.Granule, o.GuestPage, o.MinExtent, o.HugePages.Remove(size)));
            var with = Planner.Create(s.RegionSet, s.Records, new PlanOptions(o.Granule, o.GuestPage, o.MinExtent, [.. o.HugePages.Remove(size), size]));
            var summary = HostSummary.FromPlan("h", without, new VmShape(1, size, size));
            for (var i = 0; i < with.Regions.Length; i++)
            {
                var expected = with.Regions[i].Stats.HugePageCapacity.Single(c => c.PageSize == size).Count;
                Assert.Equal(expected, RegionReport.Create(without.Regions[i]).CapacityAt(size).Count);
                Assert.Equal(expected, summary.Regions[i].VmBlocks);
            }
        }, maxTest: 500);
    }
}
