namespace EgmEcc.Tests;

public partial class PlannerTests
{
    [Theory]
    [InlineData(64 * 1024, 1)]
    [InlineData(4 * 1024, 2)]
    [InlineData(2 * 1024 * 1024, 3)]
    public void Create_RecordsAcrossAllOffsetBits_HolesAreTheSortedUnion(ulong granule, int seed)
    {
        // A region reaching 2^64, so record offsets differ in every bit above the granule and the
        // radix sort needs all its passes; records in random order, with duplicates and runs.
        var region = new Region("egm0", 0, 1UL << 32, ulong.MaxValue - (1UL << 32) + 1, Here);
        var regions = RegionSet.Create([region]);
        var random = new Random(seed);
        var records = new RetiredRecord[5_000];
        for (var i = 0; i < records.Length; i++)
        {
            var offset = random.Next(4) switch
            {
                0 => (ulong)random.NextInt64() << 1,
                1 => (ulong)random.Next(0, 1 << 20) * granule,
                2 => region.Size - ((ulong)random.Next(1, 64) * granule),
                _ => i > 0 ? records[random.Next(i)].Start - region.Base : 0,
            };
            var size = random.Next(3) == 0 ? (ulong)random.Next(1, 5) * granule : 0;
            records[i] = RetiredRecord.AtAddress(region.Base + Math.Min(offset, region.Size - 1), size, Here);
        }

        var plan = Planner.Create(regions, records, new PlanOptions(granule, granule));

        var expected = ReferenceHoles(records, region, granule);
        var retired = plan.Regions[0].Holes.Select(h => (h.Offset, h.Offset + h.Size)).ToArray();
        Assert.Equal(expected, retired);
        Assert.True(plan.Accounting.IsBalanced);
        Assert.Equal(records.Length, plan.Accounting.Applied + plan.Accounting.Duplicate);
    }

    // Widen, sort, merge where touching: the definition, with LINQ and no cleverness.
    private static (ulong Start, ulong End)[] ReferenceHoles(RetiredRecord[] records, Region region, ulong granule)
    {
        var widened = records
            .Select(r =>
            {
                var start = r.Start - region.Base;
                var size = r.SizeOr(granule);
                var end = size > region.Size - start ? region.Size : start + size;
                var down = start / granule * granule;
                var up = end % granule == 0 ? end : (end / granule * granule) + granule;
                return (Start: down, End: Math.Min(up, region.Size));
            })
            .OrderBy(w => w.Start)
            .ToList();
        var merged = new List<(ulong Start, ulong End)>();
        foreach (var w in widened)
        {
            if (merged.Count > 0 && merged[^1].End >= w.Start)
            {
                merged[^1] = (merged[^1].Start, Math.Max(merged[^1].End, w.End));
            }
            else
            {
                merged.Add(w);
            }
        }

        return [.. merged];
    }
}
