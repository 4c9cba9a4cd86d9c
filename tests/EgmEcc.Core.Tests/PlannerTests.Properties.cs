using FsCheck;
using FsCheck.Fluent;
using EgmEcc.Tests.Support;

namespace EgmEcc.Tests;

/// <summary>docs/design.md §2 as properties over generated small regions and records.</summary>
public partial class PlannerTests
{
    [Fact]
    public void Create_AnyInput_TilesEachRegionAndBalancesAccounting()
    {
        Properties.Check(Scenarios.Any, s =>
        {
            var plan = s.Plan();
            PlanInvariants.AssertWellFormed(plan, s.Records.Length);
        }, maxTest: 1000);
    }

    [Fact]
    public void Create_AnyInput_AgreesWithBitmapModel()
    {
        Properties.Check(Scenarios.Any, s =>
        {
            var plan = s.Plan();
            AssertAgreesWithModel(BitmapPlanner.Plan(s.Regions, s.Records, s.Options), plan);

            // One warning per out-of-region or clipped record, then nothing else but base warnings.
            var recordWarnings = plan.Diagnostics.Count(d => d.Source.File == "retired.csv");
            Assert.Equal(plan.Accounting.OutOfRegion + plan.Accounting.Clipped, recordWarnings);
        }, maxTest: 1000);
    }

    [Fact]
    public void Create_ShuffledRecords_GiveTheSamePlan()
    {
        var gen = from s in Scenarios.Any
                  from shuffled in Gen.Shuffle(s.Records)
                  select (s, shuffled);

        Properties.Check(gen, t =>
        {
            var (s, shuffled) = t;
            var a = s.Plan();
            var b = Planner.Create(s.RegionSet, shuffled, s.Options);

            // Duplicates are judged in (widened start, widened end descending, input order) in
            // each region. A retiring record split across regions is applied when any piece is,
            // so which of two equal pieces comes first in input order can change the counts;
            // for every other record it cannot (docs/design.md §2).
            var attribution = BitmapPlanner.Attribute(s.Regions, s.Records, s.Options);
            var split = attribution.Widened.SelectMany(w => w).GroupBy(w => w.Input).Any(g => g.Count() > 1);
            if (split)
            {
                Assert.Equal(a.Accounting.Applied + a.Accounting.Duplicate, b.Accounting.Applied + b.Accounting.Duplicate);
                Assert.Equal(a.Accounting with { Applied = 0, Duplicate = 0 }, b.Accounting with { Applied = 0, Duplicate = 0 });
            }
            else
            {
                Assert.Equal(a.Accounting, b.Accounting);
            }

            Assert.Equal(a.Regions.Length, b.Regions.Length);
            for (var i = 0; i < a.Regions.Length; i++)
            {
                Assert.Equal(a.Regions[i].Usable.ToArray(), b.Regions[i].Usable.ToArray());
                Assert.Equal(a.Regions[i].Holes.ToArray(), b.Regions[i].Holes.ToArray());
                Assert.Equal(a.Regions[i].AtRisk.ToArray(), b.Regions[i].AtRisk.ToArray());
                var (sa, sb) = (a.Regions[i].Stats with { HugePageCapacity = [] }, b.Regions[i].Stats with { HugePageCapacity = [] });
                Assert.Equal(split ? sa with { AppliedRecords = 0 } : sa, split ? sb with { AppliedRecords = 0 } : sb);
                Assert.Equal(a.Regions[i].Stats.HugePageCapacity.ToArray(), b.Regions[i].Stats.HugePageCapacity.ToArray());
            }

            // The same warnings, in the new input order.
            Assert.Equal(
                a.Diagnostics.Select(d => d.ToString()).Order(StringComparer.Ordinal).ToArray(),
                b.Diagnostics.Select(d => d.ToString()).Order(StringComparer.Ordinal).ToArray());
        }, maxTest: 500);
    }

    [Fact]
    public void Create_LargerLayoutGranule_NeverShrinksAHole()
    {
        var gen = from s in Scenarios.Any
                  from factor in Gen.Elements(2UL, 4UL, 16UL)
                  from widenGranule in Gen.Elements(true, false)
                  select (s, factor, widenGranule);

        Properties.Check(gen, t =>
        {
            var (s, factor, widenGranule) = t;
            var o = s.Options;
            var wider = widenGranule
                ? new PlanOptions(o.Granule * factor, o.GuestPage, null, o.HugePages)
                : new PlanOptions(o.Granule, o.GuestPage * factor, null, o.HugePages);
            Assert.True(wider.LayoutGranule >= o.LayoutGranule);
            var narrow = new PlanOptions(o.Granule, o.GuestPage, null, o.HugePages);

            // With the default minimum extent (L) the whole holes grow; with E = 1 the retired ones do.
            foreach (var (small, large) in new[]
            {
                (narrow, wider),
                (new PlanOptions(narrow.Granule, narrow.GuestPage, 1, o.HugePages), new PlanOptions(wider.Granule, wider.GuestPage, 1, o.HugePages)),
            })
            {
                var a = Planner.Create(s.RegionSet, s.Records, small);
                var b = Planner.Create(s.RegionSet, s.Records, large);
                for (var i = 0; i < a.Regions.Length; i++)
                {
                    var largeHoles = RangeSet.Of(b.Regions[i].Holes.Select(h => h.Range));
                    foreach (var hole in a.Regions[i].Holes)
                    {
                        Assert.True(largeHoles.Encloses(hole.Range), $"hole {hole.Range} at L={small.LayoutGranule} is not inside the holes {largeHoles} at L={large.LayoutGranule}");
                    }

                    Assert.True(b.Regions[i].Stats.UsableBytes <= a.Regions[i].Stats.UsableBytes);
                }

                // A larger G lengthens default-sized records, which may then run into a region.
                if (!widenGranule)
                {
                    Assert.Equal(a.Accounting.OutOfRegion, b.Accounting.OutOfRegion);
                }
            }
        }, maxTest: 500);
    }

    [Fact]
    public void Create_LargeRegionsManyRecords_HolesAreTheUnionOfWidenedRecords()
    {
        // Big offsets make the planner's radix sort take several byte passes, which the small
        // scenarios never need. With E = 1 the holes are exactly the merged widened records.
        Properties.Check(Scenarios.Large, s =>
        {
            var plan = s.Plan();
            PlanInvariants.AssertWellFormed(plan, s.Records.Length);
            var attribution = BitmapPlanner.Attribute(s.Regions, s.Records, s.Options);
            var (sorted, widened) = (attribution.Sorted, attribution.Widened);

            var appliedRecords = new HashSet<int>();
            for (var r = 0; r < sorted.Length; r++)
            {
                var expected = RangeSet.Of(widened[r].Select(w => AddressRange.FromStartEnd(w.Start, w.End)));
                Assert.Equal(expected.Ranges.ToArray(), plan.Regions[r].Holes.Select(h => h.Range).ToArray());
                Assert.All(plan.Regions[r].Holes, h => Assert.Equal(0UL, h.FragmentBytes));

                // Sorted by start, a record is covered by the earlier ones exactly when it ends
                // no later than the furthest end seen so far.
                ulong furthest = 0;
                var regionApplied = 0L;
                foreach (var w in BitmapPlanner.InDuplicateOrder(widened[r]))
                {
                    if (w.End > furthest)
                    {
                        regionApplied++;
                        appliedRecords.Add(w.Input);
                    }

                    furthest = Math.Max(furthest, w.End);
                }

                Assert.Equal(regionApplied, plan.Regions[r].Stats.AppliedRecords);
            }

            var applied = appliedRecords.Count;
            Assert.Equal(new Accounting(s.Records.Length, applied, attribution.Retiring - applied, attribution.Clipped, attribution.OutOfRegion, attribution.AtRiskRecords), plan.Accounting);

            // With the default minimum extent the holes only grow.
            var folded = Planner.Create(s.RegionSet, s.Records, new PlanOptions(s.Options.Granule, s.Options.GuestPage, null, s.Options.HugePages));
            PlanInvariants.AssertWellFormed(folded, s.Records.Length);
            for (var r = 0; r < sorted.Length; r++)
            {
                var holes = RangeSet.Of(folded.Regions[r].Holes.Select(h => h.Range));
                Assert.All(plan.Regions[r].Holes, h => Assert.True(holes.Encloses(h.Range)));
                Assert.Equal(plan.Regions[r].Stats.RetiredBytes, folded.Regions[r].Stats.RetiredBytes);
            }
        }, maxTest: 100);
    }

    /// <summary>The plan is the bitmap model's: accounting, and each region's rows, figures and at-risk ranges.</summary>
    private static void AssertAgreesWithModel(ModelPlan model, Plan plan)
    {
        Assert.Equal(model.Accounting, plan.Accounting);
        Assert.Equal(model.Regions.Count, plan.Regions.Length);
        for (var i = 0; i < model.Regions.Count; i++)
        {
            var (expected, actual) = (model.Regions[i], plan.Regions[i]);
            Assert.Equal(expected.Region.Id, actual.Region.Id);
            Assert.Equal(expected.Usable, actual.Usable.ToArray());
            Assert.Equal(expected.Holes, actual.Holes.ToArray());
            Assert.Equal(expected.RetiredBytes, actual.Stats.RetiredBytes);
            Assert.Equal(expected.FragmentBytes, actual.Stats.FragmentBytes);
            Assert.Equal(expected.AppliedRecords, actual.Stats.AppliedRecords);
            Assert.Equal(expected.HugePages, actual.Stats.HugePageCapacity.ToArray());
            Assert.Equal(expected.AtRisk, actual.AtRisk.ToArray());
            Assert.Equal(expected.AtRiskBytes, actual.Stats.AtRiskBytes);
        }
    }

    [Fact]
    public void Scenarios_Any_CoverTheCasesThePropertiesAreAbout()
    {
        // Guards the generator: properties prove little if it never makes the hard cases.
        // (Random samples; the bounds sit several standard deviations below the usual counts.)
        var plans = Scenarios.Any.Sample(300, 50).Select(s => (s, Plan: s.Plan())).ToArray();
        Assert.Equal(300, plans.Length);
        Assert.True(plans.Count(p => p.Plan.Accounting.Clipped > 0) > 20, "too few clipped records");
        Assert.True(plans.Count(p => p.Plan.Accounting.Duplicate > 0) > 20, "too few duplicates");
        Assert.True(plans.Count(p => p.Plan.Accounting.OutOfRegion > 0) > 20, "too few out-of-region records");
        Assert.True(plans.Count(p => p.s.Records.Any(r => r.IsRegionRelative)) > 20, "too few region-relative records");
        Assert.True(plans.Count(p => p.s.Regions.Any(r => r.Extent.ReachesTop)) > 20, "too few regions ending at 2^64");
        Assert.True(plans.Count(p => p.Plan.Regions.Any(r => r.Stats.FragmentBytes > 0)) > 10, "too few folded extents");
        Assert.True(plans.Count(p => p.Plan.Regions.Any(r => r.Stats.HugePageCapacity.Any(h => h.Count > 0 && h.Lost > 0))) > 20, "too few hugepage losses");
        Assert.True(plans.Count(p => p.s.Regions.Any(r => r.Size % p.s.Options.LayoutGranule != 0)) > 20, "too few sizes off the granule");
        Assert.True(plans.Count(p => p.Plan.Regions.Sum(r => r.Stats.AppliedRecords) > p.Plan.Accounting.Applied) > 10, "too few records applied in several regions");
        Assert.True(plans.Count(p => p.Plan.Accounting.AtRisk > 0) > 20, "too few at-risk records");
        Assert.True(plans.Count(p => p.Plan.Regions.Any(r => r.Stats.AtRiskBytes > 0)) > 20, "too few usable at-risk bytes");
        Assert.True(plans.Count(p => p.s.Options.RetireCorrected && p.s.Records.Any(r => r.Kind == RecordKind.AtRisk)) > 20, "too few plans retiring corrected errors");
    }
}
