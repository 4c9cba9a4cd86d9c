using EgmEcc.Tests.Support;
using FsCheck;
using FsCheck.Fluent;

namespace EgmEcc.Tests;

public partial class PlannerTests
{
    /// <summary>
    /// Widened ranges are grouped by region in place, which does not keep their input order, then
    /// sorted by start with scratch the size of the largest region. Among ranges of one start the
    /// duplicate order of docs/design.md §2.9 decides which record is applied; on inputs where
    /// many ranges share a start (every record again, with other sizes, shuffled, split ones
    /// among them), the plan is the one the stable grouping gave: accounting, applied records per
    /// region, rows, figures and diagnostics.
    /// </summary>
    [Fact]
    public void Sweep_GroupedInPlace_GivesTheStablyGroupedPlan_WhenManyRangesShareAStart()
    {
        var gen = from s in Scenarios.Any
                  from sizes in Gen.Elements(0UL, Scenarios.Unit, 2 * Scenarios.Unit, 5 * Scenarios.Unit, 40 * Scenarios.Unit).ArrayOf(s.Records.Length)
                  from copies in Gen.Choose(1, 3)
                  let again = s.Records.Select((r, i) => r.Region is null
                      ? RetiredRecord.AtAddress(r.Start, sizes[i], r.Source, r.Host, r.Kind)
                      : RetiredRecord.InRegion(r.Region, r.Start, sizes[i], r.Source, r.Host, r.Kind))
                  from shuffled in Gen.Shuffle(Enumerable.Repeat(s.Records, copies).SelectMany(r => r).Concat(again).ToArray())
                  select s with { Records = shuffled };

        Properties.Check(gen, s =>
        {
            var stable = Planner.Sweep(s.RegionSet, s.Records, s.Options, stableGrouping: true).ToPlan();
            var inPlace = Planner.Sweep(s.RegionSet, s.Records, s.Options, stableGrouping: false).ToPlan();

            Assert.Equal(stable.Accounting, inPlace.Accounting);
            Assert.Equal(stable.Diagnostics.Select(d => d.ToString()), inPlace.Diagnostics.Select(d => d.ToString()));
            Assert.Equal(stable.Regions.Length, inPlace.Regions.Length);
            for (var r = 0; r < stable.Regions.Length; r++)
            {
                var (expected, actual) = (stable.Regions[r], inPlace.Regions[r]);
                Assert.Equal(expected.Usable.ToArray(), actual.Usable.ToArray());
                Assert.Equal(expected.Holes.ToArray(), actual.Holes.ToArray());
                Assert.Equal(expected.AtRisk.ToArray(), actual.AtRisk.ToArray());
                Assert.Equal(expected.Stats with { HugePageCapacity = [] }, actual.Stats with { HugePageCapacity = [] });
                Assert.Equal(expected.Stats.HugePageCapacity.ToArray(), actual.Stats.HugePageCapacity.ToArray());
            }
        }, maxTest: 1000);
    }
}
