using EgmEcc.Tests.Support;
using FsCheck;
using FsCheck.Fluent;

namespace EgmEcc.Tests;

/// <summary>
/// A swept plan tiled a chunk at a time (what the plan writers stream) gives exactly the whole
/// plan's rows, figures and at-risk ranges (docs/design.md §2.6–§2.8), in chunks a writer may
/// merge one by one.
/// </summary>
public class SweptPlanTests
{
    [Fact]
    public void Tile_AnyInputAnyChunk_GivesTheWholePlansRowsFiguresAndAtRisk()
    {
        var gen = from s in Scenarios.Any
                  from chunk in Gen.Choose(1, 5)
                  select (s, chunk);

        Properties.Check(gen, t =>
        {
            var (s, chunk) = t;
            var plan = s.Plan();
            var swept = Planner.Sweep(s.RegionSet, s.Records, s.Options);

            Assert.Empty(swept.Summary.Regions);
            Assert.Equal(plan.Accounting, swept.Summary.Accounting);
            Assert.Equal(plan.Diagnostics.Select(d => d.ToString()), swept.Summary.Diagnostics.Select(d => d.ToString()));
            Assert.Equal(plan.Regions.Length, swept.Regions.Length);
            for (var r = 0; r < plan.Regions.Length; r++)
            {
                var expected = plan.Regions[r];
                var tiler = swept.Tile(r, chunk);
                Assert.Throws<InvalidOperationException>(() => tiler.Stats);

                // Twice, as the JSON writer walks it: the second pass gives the same rows.
                for (var pass = 0; pass < 2; pass++)
                {
                    tiler.Restart();
                    var (usable, holes) = ReadAll(tiler, chunk);
                    Assert.Equal(expected.Usable.ToArray(), usable);
                    Assert.Equal(expected.Holes.ToArray(), holes);
                    AssertFigures(expected, tiler);
                }
            }
        }, maxTest: 1000);
    }

    /// <summary>
    /// A pass may ask for one kind of row (the JSON writer's extents, then its holes): it gets
    /// those rows, none of the other kind, and the same figures, whether it ends before the
    /// figures are known or after.
    /// </summary>
    [Fact]
    public void Tile_OneKindOfRowAPass_GivesThoseRowsAndTheSameFigures()
    {
        var gen = from s in Scenarios.Any
                  from chunk in Gen.Choose(1, 5)
                  from order in Gen.Elements(
                      new[] { TiledRows.Usable, TiledRows.Holes },
                      new[] { TiledRows.Holes, TiledRows.Usable },
                      new[] { TiledRows.Holes, TiledRows.Holes, TiledRows.Both })
                  select (s, chunk, order);

        Properties.Check(gen, t =>
        {
            var (s, chunk, order) = t;
            var plan = s.Plan();
            var swept = Planner.Sweep(s.RegionSet, s.Records, s.Options);
            for (var r = 0; r < plan.Regions.Length; r++)
            {
                var expected = plan.Regions[r];
                var tiler = swept.Tile(r, chunk);
                foreach (var rows in order)
                {
                    tiler.Restart(rows);
                    var (usable, holes) = ReadAll(tiler, chunk);
                    Assert.Equal(rows.HasFlag(TiledRows.Usable) ? expected.Usable.ToArray() : [], usable);
                    Assert.Equal(rows.HasFlag(TiledRows.Holes) ? expected.Holes.ToArray() : [], holes);
                    AssertFigures(expected, tiler);
                }
            }
        }, maxTest: 500);
    }

    [Fact]
    public void Restart_NoRows_IsRefused()
    {
        var s = Scenarios.Any.Sample(1, 1).Single();
        var tiler = Planner.Sweep(s.RegionSet, s.Records, s.Options).Tile(0);

        Assert.Throws<ArgumentOutOfRangeException>(() => tiler.Restart((TiledRows)0));
        Assert.Throws<ArgumentOutOfRangeException>(() => tiler.Restart((TiledRows)4));
    }

    /// <summary>
    /// Regions tiled first (as a writer streams them, each swept when tiled and let go) and the
    /// summary asked for after the last give the whole plan's rows and accounting; a region so
    /// tiled cannot be tiled again, nor the whole plan made.
    /// </summary>
    [Fact]
    public void Tile_BeforeTheSummary_SweepsEachRegionOnceAndCountsTheSame()
    {
        Properties.Check(Scenarios.Any, s =>
        {
            var plan = s.Plan();
            var swept = Planner.Sweep(s.RegionSet, s.Records, s.Options);
            Assert.Equal(plan.Diagnostics.Select(d => d.ToString()), swept.Diagnostics.Select(d => d.ToString()));
            for (var r = 0; r < plan.Regions.Length; r++)
            {
                var (usable, holes) = ReadAll(swept.Tile(r, SweptPlan.DefaultChunkRows), SweptPlan.DefaultChunkRows);
                Assert.Equal(plan.Regions[r].Usable.ToArray(), usable);
                Assert.Equal(plan.Regions[r].Holes.ToArray(), holes);
                Assert.Throws<InvalidOperationException>(() => swept.Tile(r));
            }

            Assert.Equal(plan.Accounting, swept.Summary.Accounting);
            if (plan.Regions.Length > 0)
            {
                Assert.Throws<InvalidOperationException>(() => swept.ToPlan());
            }
        }, maxTest: 300);
    }

    /// <summary>Regions streamed share their sort and hole buffers: a tiler of an earlier region refuses to read once the next is tiled.</summary>
    [Fact]
    public void Tile_NextRegion_EndsTheEarlierTilersLoan()
    {
        var here = SourceLocation.InFile("retired.csv");
        var regions = RegionSet.Create(
        [
            new Region("egm0", 0, 0x1_0000_0000, 0x1000_0000, here),
            new Region("egm1", 1, 0x2_0000_0000, 0x1000_0000, here),
        ]);
        RetiredRecord[] records = [RetiredRecord.AtAddress(0x1_0001_0000, 0, here), RetiredRecord.AtAddress(0x2_0002_0000, 0, here)];
        var swept = Planner.Sweep(regions, records, PlanOptions.Default);

        var first = swept.Tile(0);
        Assert.True(first.Read(out _, out var holes));
        Assert.Equal(0x1_0000UL, holes[0].Offset);
        first.Restart();

        var second = swept.Tile(1);
        Assert.Throws<InvalidOperationException>(() => first.Read(out _, out _));
        Assert.True(second.Read(out _, out holes));
        Assert.Equal(0x2_0000UL, holes[0].Offset);
    }

    /// <summary>Every row of a chunk, of either kind, lies before every row of the next chunk, and no chunk holds more than asked.</summary>
    /// <summary>The tiler's at-risk ranges and figures, known after a pass, are the whole plan's region's.</summary>
    private static void AssertFigures(RegionPlan expected, RegionTiler tiler)
    {
        Assert.Equal(expected.AtRisk.ToArray(), tiler.AtRisk.ToArray());
        Assert.Equal(expected.Stats with { HugePageCapacity = [] }, tiler.Stats with { HugePageCapacity = [] });
        Assert.Equal(expected.Stats.HugePageCapacity.ToArray(), tiler.Stats.HugePageCapacity.ToArray());
    }

    private static (AddressRange[] Usable, Hole[] Holes) ReadAll(RegionTiler tiler, int chunk)
    {
        var usable = new List<AddressRange>();
        var holes = new List<Hole>();
        ulong? lastEnd = null;
        while (tiler.Read(out var u, out var h))
        {
            Assert.InRange(u.Length, 0, chunk);
            Assert.InRange(h.Length, 0, chunk);
            Assert.True(u.Length + h.Length > 0);
            var starts = u.ToArray().Select(x => x.Start).Concat(h.ToArray().Select(x => x.Offset)).ToArray();
            var ends = u.ToArray().Select(x => x.Start + x.Size).Concat(h.ToArray().Select(x => x.Offset + x.Size)).ToArray();
            if (lastEnd is { } end)
            {
                Assert.True(starts.Min() >= end, "a chunk's row lies before a row handed out earlier");
            }

            lastEnd = ends.Max();
            usable.AddRange(u.ToArray());
            holes.AddRange(h.ToArray());
        }

        Assert.True(tiler.Done);
        return ([.. usable], [.. holes]);
    }
}
