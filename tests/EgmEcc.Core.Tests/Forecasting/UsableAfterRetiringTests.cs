using System.Collections.Immutable;
using EgmEcc.Forecasting;
using FsCheck;
using FsCheck.Fluent;

namespace EgmEcc.Tests.Forecasting;

public class UsableAfterRetiringTests
{
    private static readonly SourceLocation Here = SourceLocation.AtLine("test", 1);

    [Fact]
    public void Evaluate_NothingNew_GivesTodaysFigures()
    {
        var (plan, options) = Plan(0x100_0000, [0x10_0000, 0x11_0000], PlanOptions.Default);
        var region = plan.Regions[0];
        var after = new UsableAfterRetiring(region, options, options.HugePages);
        var blocks = new ulong[options.HugePages.Length];

        Assert.Equal(region.Stats.UsableBytes, after.Evaluate([], blocks));
        Assert.Equal(region.Stats.HugePageCapacity.Select(c => c.Count).ToArray(), blocks);
    }

    [Fact]
    public void Evaluate_AnyNewRecords_EqualsPlanningOldAndNewTogether()
    {
        // Small regions, granules and extents so records collide, merge, clip and make fragments.
        var gen =
            from size in Gen.Choose(1, 64).Select(n => (ulong)n * 0x1000)
            from layoutShift in Gen.Choose(12, 14)
            from minPages in Gen.Choose(1, 4)
            from old in Gen.ListOf(Gen.Choose(0, 80)).Select(l => l.Take(12).ToArray())
            from fresh in Gen.ListOf(Gen.Zip(Gen.Choose(0, 80), Gen.Choose(1, 3))).Select(l => l.Take(8).ToArray())
            select (size, layoutShift, minPages, old, fresh);
        Prop.ForAll(gen.ToArbitrary(), t =>
        {
            var granule = 1UL << t.layoutShift;
            var options = new PlanOptions(granule: 0x1000, guestPage: granule, minExtent: (ulong)t.minPages * granule, hugePages: [0x2000, 0x8000]);
            var oldOffsets = t.old.Select(o => (ulong)o * 0x800).ToArray();
            var (today, _) = Plan(t.size, oldOffsets, options);
            var fresh = t.fresh.Select(f => AddressRange.FromBaseSize((ulong)f.Item1 * 0x800, (ulong)f.Item2 * 0x1000)).Where(r => r.Start < t.size).ToList();

            var records = oldOffsets.Select(o => RetiredRecord.InRegion("r", o, 0, Here))
                .Concat(fresh.Select(r => RetiredRecord.InRegion("r", r.Start, r.Size, Here)))
                .Where(r => r.Start < t.size)
                .ToArray();
            var both = Planner.Create(RegionSet.Create([Region(t.size)]), records, options).Regions[0];

            var after = new UsableAfterRetiring(today.Regions[0], options, options.HugePages);
            var blocks = new ulong[2];
            var usable = after.Evaluate(fresh, blocks);
            return usable == both.Stats.UsableBytes && blocks.SequenceEqual(both.Stats.HugePageCapacity.Select(c => c.Count));
        }).Check(Properties.Seeded());
    }

    private static Region Region(ulong size) => new("r", 0, 0x1_0000_0000, size, Here);

    private static (Plan Plan, PlanOptions Options) Plan(ulong size, ulong[] offsets, PlanOptions options)
    {
        var records = offsets.Where(o => o < size).Select(o => RetiredRecord.InRegion("r", o, 0, Here)).ToArray();
        return (Planner.Create(RegionSet.Create([Region(size)]), records, options), options);
    }
}
