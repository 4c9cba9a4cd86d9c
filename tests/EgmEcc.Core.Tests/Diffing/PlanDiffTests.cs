using EgmEcc.Diffing;
using EgmEcc.Tests.Support;
using FsCheck;
using FsCheck.Fluent;

namespace EgmEcc.Tests.Diffing;

public class PlanDiffTests
{
    private static readonly SourceLocation Here = SourceLocation.AtLine("test", 1);
    private static readonly RegionSet Regions = RegionSet.Create(
    [
        new Region("egm0", 0, 0x10_0000_0000, 4UL << 30, Here, "a"),
        new Region("egm1", 1, 0x4010_0000_0000, 4UL << 30, Here, "a"),
        new Region("egm0", 0, 0x10_0000_0000, 4UL << 30, Here, "b"),
    ]);

    private static readonly RetiredRecord[] Today =
    [
        RetiredRecord.AtAddress(0x10_0001_0000, 0, Here, "a"),
        RetiredRecord.AtAddress(0x4010_2000_0000, 0x4_0000, Here, "a"),
        RetiredRecord.AtAddress(0x10_8000_0000, 0, Here, "b"),
    ];

    [Fact]
    public void Compare_PlanWithItself_IsEmpty()
    {
        var plan = Planner.Create(Regions, Today, PlanOptions.Default);
        var diff = PlanDiff.Compare(plan, plan);
        Assert.True(diff.IsEmpty);
        Assert.Empty(diff.Regions);
        Assert.Empty(diff.Hosts);
    }

    [Fact]
    public void Compare_AfterAddingRecords_ReportsExactlyThoseHoles()
    {
        var old = Planner.Create(Regions, Today, PlanOptions.Default);
        RetiredRecord[] added =
        [
            RetiredRecord.AtAddress(0x10_4000_0000, 0, Here, "a"),
            RetiredRecord.AtAddress(0x10_4000_8000, 0x1000, Here, "a"),
            RetiredRecord.AtAddress(0x4010_6000_0000, 0x2_0000, Here, "a"),
        ];
        var @new = Planner.Create(Regions, [.. Today, .. added], PlanOptions.Default);

        var diff = PlanDiff.Compare(old, @new);

        Assert.Equal(["a/egm0", "a/egm1"], diff.Regions.Select(r => $"{r.Host}/{r.Id}").ToArray());
        Assert.All(diff.Regions, r => Assert.Equal(RegionChange.Changed, r.Change));
        Assert.Equal([AddressRange.FromBaseSize(0x4000_0000, 0x1_0000)], diff.Regions[0].NewHoles.ToArray());
        Assert.Equal([AddressRange.FromBaseSize(0x6000_0000, 0x2_0000)], diff.Regions[1].NewHoles.ToArray());
        Assert.All(diff.Regions, r => Assert.Empty(r.ClearedHoles));

        var host = Assert.Single(diff.Hosts);
        Assert.Equal("a", host.Host);
        Assert.Equal((Int128)(-0x3_0000L), host.UsableDelta);
        Assert.Equal(0x3_0000UL, host.NewHoleBytes);
        Assert.Equal((Int128)(-2), host.HugePages.Single(c => c.PageSize == 2UL << 20).Delta);
    }

    [Fact]
    public void Compare_OtherOptions_NamesEachDifferenceAndComparesCommonSizesOnly()
    {
        var old = Planner.Create(Regions, Today, PlanOptions.Default);
        var @new = Planner.Create(Regions, Today, new PlanOptions(4096, 4096, hugePages: [2UL << 20, 1UL << 30, 16UL << 30]));

        var diff = PlanDiff.Compare(old, @new);

        Assert.True(diff.OptionsDiffer);
        Assert.False(diff.IsEmpty);
        Assert.Equal(
            ["granule 64K -> 4K", "guest page 64K -> 4K", "min extent 64K -> 4K", "huge pages 2M,32M,512M,1G -> 2M,1G,16G"],
            diff.OptionChanges.ToArray());
        Assert.All(diff.Regions, r => Assert.Equal([2UL << 20, 1UL << 30], r.HugePages.Select(c => c.PageSize).ToArray()));
    }

    [Fact]
    public void Compare_SameOptions_NoOptionChanges()
    {
        var old = Planner.Create(Regions, Today, PlanOptions.Default);
        var @new = Planner.Create(Regions, [.. Today, RetiredRecord.AtAddress(0x10_4000_0000, 0, Here, "b")], PlanOptions.Default);

        var diff = PlanDiff.Compare(old, @new);

        Assert.False(diff.OptionsDiffer);
        Assert.Empty(diff.OptionChanges);
    }

    // Regression: usable bytes above 2^63 overflowed the delta (an internal error for a legal region).
    [Fact]
    public void Compare_RegionLargerThan2To63_DeltaDoesNotOverflow()
    {
        var huge = RegionSet.Create([new Region("egm0", 0, 0x1_0000, ulong.MaxValue - 0xFFFF, Here, "z")]);
        var old = Planner.Create(huge, [], PlanOptions.Default);
        var @new = Planner.Create(huge, [RetiredRecord.AtAddress(0x8000_0000_0000_0000, 0, Here, "z")], PlanOptions.Default);

        var diff = PlanDiff.Compare(old, @new);

        var host = Assert.Single(diff.Hosts);
        Assert.Equal((Int128)(-0x1_0000L), host.UsableDelta);
        Assert.True(host.OldUsable > long.MaxValue);
    }

    [Fact]
    public void Compare_Reversed_ReportsClearedHoles()
    {
        var old = Planner.Create(Regions, Today, PlanOptions.Default);
        var fewer = Planner.Create(Regions, Today[1..], PlanOptions.Default);
        var diff = PlanDiff.Compare(old, fewer);
        var region = Assert.Single(diff.Regions);
        Assert.Equal([AddressRange.FromBaseSize(0x1_0000, 0x1_0000)], region.ClearedHoles.ToArray());
        Assert.Empty(region.NewHoles);
    }

    [Fact]
    public void Compare_RegionOnlyInOnePlan_IsAddedOrRemoved()
    {
        var one = RegionSet.Create([Regions.Regions[0]]);
        var old = Planner.Create(one, [], PlanOptions.Default);
        var @new = Planner.Create(Regions, [], PlanOptions.Default);
        Assert.Equal([RegionChange.Added, RegionChange.Added], PlanDiff.Compare(old, @new).Regions.Select(r => r.Change).ToArray());
        Assert.Equal([RegionChange.Removed, RegionChange.Removed], PlanDiff.Compare(@new, old).Regions.Select(r => r.Change).ToArray());
    }

    [Fact]
    public void Compare_AnyTwoRecordSets_NewAndClearedHolesMatchAnOffsetBitmap()
    {
        // Old and new plans of the same regions from two random subsets of the records; per
        // offset, a hole byte only in the new plan is new, one only in the old plan is cleared.
        var gen = from s in Scenarios.Any
                  from inOld in Gen.Elements(true, false).ArrayOf(s.Records.Length)
                  from inNew in Gen.Elements(true, false).ArrayOf(s.Records.Length)
                  select (s, inOld, inNew);
        Properties.Check(gen, t =>
        {
            var (s, inOld, inNew) = t;
            var old = Planner.Create(s.RegionSet, s.Records.Where((_, i) => inOld[i]).ToArray(), s.Options);
            var @new = Planner.Create(s.RegionSet, s.Records.Where((_, i) => inNew[i]).ToArray(), s.Options);

            var diff = PlanDiff.Compare(old, @new);

            for (var r = 0; r < old.Regions.Length; r++)
            {
                var (o, n) = (Unusable(old.Regions[r]), Unusable(@new.Regions[r]));
                var expectedNew = Runs(o.Length, x => n[x] && !o[x]);
                var expectedCleared = Runs(o.Length, x => o[x] && !n[x]);
                var region = diff.Regions.SingleOrDefault(d => d.Id == old.Regions[r].Region.Id);
                Assert.Equal(expectedNew, region?.NewHoles.ToArray() ?? []);
                Assert.Equal(expectedCleared, region?.ClearedHoles.ToArray() ?? []);
                Assert.Equal(expectedNew.Length + expectedCleared.Length > 0, region is not null);
            }
        }, maxTest: 500);
    }

    /// <summary>One flag per offset of the region: true when the offset is in a hole.</summary>
    private static bool[] Unusable(RegionPlan plan)
    {
        var unusable = new bool[plan.Region.Size];
        foreach (var hole in plan.Holes)
        {
            Array.Fill(unusable, true, (int)hole.Offset, (int)hole.Size);
        }

        return unusable;
    }

    private static AddressRange[] Runs(int length, Func<int, bool> inRun)
    {
        var runs = new List<AddressRange>();
        for (var x = 0; x < length;)
        {
            var start = x;
            while (x < length && inRun(x))
            {
                x++;
            }

            if (x > start)
            {
                runs.Add(AddressRange.FromStartEnd((ulong)start, (ulong)x));
            }
            else
            {
                x++;
            }
        }

        return [.. runs];
    }

    // Regression: Delta was '(long)New - (long)Old', which overflowed (exit 70 from diff) for counts
    // past 2^63: 1-byte hugepages of a region reaching 2^64.
    [Theory]
    [InlineData(ulong.MaxValue, ulong.MaxValue - 0x1_0000)]
    [InlineData(0UL, ulong.MaxValue)]
    [InlineData(ulong.MaxValue, 0UL)]
    public void CapacityChange_CountsPast2Pow63_DeltaIsExact(ulong old, ulong @new)
    {
        Assert.Equal((Int128)@new - (Int128)old, new CapacityChange(1, old, @new).Delta);
    }
}
