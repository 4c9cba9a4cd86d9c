using EgmEcc.Tests.Support;
using FsCheck;
using FsCheck.Fluent;

namespace EgmEcc.Tests;

public partial class PlannerTests
{
    /// <summary>
    /// Records are attributed as they arrive and kept by region, untagged ones as 8-byte keys, until
    /// the first record split across regions; from it on every piece carries its record. Among
    /// ranges of one start the duplicate order of docs/design.md §2.9 decides which record is
    /// applied; on inputs where many ranges share a start (every record again, with other sizes,
    /// shuffled, split ones among them), the plan is the bitmap model's: accounting, and each
    /// region's rows, figures and at-risk ranges.
    /// </summary>
    [Fact]
    public void Sweep_ManyRangesShareAStart_AgreesWithBitmapModel()
    {
        var gen = from s in Scenarios.Any
                  from sizes in Gen.Elements(0UL, Scenarios.Unit, 2 * Scenarios.Unit, 5 * Scenarios.Unit, 40 * Scenarios.Unit).ArrayOf(s.Records.Length)
                  from copies in Gen.Choose(1, 3)
                  let again = s.Records.Select((r, i) => r.Region is null
                      ? RetiredRecord.AtAddress(r.Start, sizes[i], r.Source, r.Host, r.Kind)
                      : RetiredRecord.InRegion(r.Region, r.Start, sizes[i], r.Source, r.Host, r.Kind))
                  from shuffled in Gen.Shuffle(Enumerable.Repeat(s.Records, copies).SelectMany(r => r).Concat(again).ToArray())
                  select s with { Records = shuffled };

        Properties.Check(gen, s => AssertAgreesWithModel(BitmapPlanner.Plan(s.Regions, s.Records, s.Options), s.Plan()), maxTest: 1000);
    }

    /// <summary>
    /// A plain address row handed over without a record (<see cref="RetiredRecordSink.AddRetiredAt"/>)
    /// is planned as the record would be: every SPA record of one granule goes in that way, every
    /// other one as a record, and the plan is the bitmap model's, diagnostics and all.
    /// </summary>
    [Fact]
    public void AddRetiredAt_IsAddOfTheRecord_AgreesWithBitmapModel()
    {
        Properties.Check(Scenarios.Any, s =>
        {
            var attribution = new RecordAttribution(s.RegionSet, s.Options);
            foreach (var record in s.Records)
            {
                if (record.Region is null && record.Size == 0 && record.Kind == RecordKind.Retired)
                {
                    attribution.AddRetiredAt(record.Start, record.Source, record.Host);
                }
                else
                {
                    attribution.Add(record);
                }
            }

            var plan = attribution.Sweep().ToPlan();
            AssertAgreesWithModel(BitmapPlanner.Plan(s.Regions, s.Records, s.Options), plan);
            Assert.Equal(s.Plan().Diagnostics.Select(d => d.ToString()), plan.Diagnostics.Select(d => d.ToString()));
        }, maxTest: 1000);
    }

    /// <summary>A plain address row of a host no region input defines is refused at its line, as its record is.</summary>
    [Fact]
    public void AddRetiredAt_UnknownHost_IsRefusedAtItsLine()
    {
        var regions = RegionSet.Create([new Region("egm0", 0, 1UL << 30, 1UL << 30, SourceLocation.AtLine("regions.csv", 2), "a")]);
        var attribution = new RecordAttribution(regions, PlanOptions.Default);
        attribution.AddRetiredAt(1UL << 30, SourceLocation.AtLine("retired.csv", 2), "a");

        var error = Assert.Throws<InputException>(() => attribution.AddRetiredAt(1UL << 30, SourceLocation.AtLine("retired.csv", 3), "b"));

        Assert.Equal("retired.csv:3", error.Location.ToString());
        Assert.Contains("host 'b'", error.Message, StringComparison.Ordinal);
        Assert.Equal(1, attribution.Count);
    }

    /// <summary>
    /// A region of 2^32 layout granules or more keeps its ranges as 16-byte pairs instead of 8-byte
    /// keys; both sweep any ranges (widened, so starts on the granule and ends on it or at the
    /// region's end) into the same holes and applied counts.
    /// </summary>
    [Fact]
    public void SweepRegion_KeysAndPairs_GiveTheSameHoles()
    {
        const int Shift = 4;
        var gen = from size in Gen.Choose(1, 4000).Select(n => (ulong)n)
                  from ranges in (from start in Gen.Choose(0, 3999)
                                  from length in Gen.Choose(1, 300)
                                  select (Start: (ulong)start, Length: (ulong)length)).ListOf()
                  select (size, ranges);

        Properties.Check(gen, t =>
        {
            var (size, ranges) = t;
            var narrow = new RegionPieces(size, Shift, narrow: true);
            var wide = new RegionPieces(size, Shift, narrow: false);
            Assert.True(narrow.IsNarrow);
            Assert.False(wide.IsNarrow);
            foreach (var (start, length) in ranges)
            {
                if (start < size)
                {
                    var from = Numbers.AlignDown(start, 1UL << Shift);
                    var to = Math.Min(Numbers.AlignUpSaturating(start + length, 1UL << Shift), size);
                    narrow.Add(from, to);
                    wide.Add(from, to);
                }
            }

            var a = Planner.SweepRegion(narrow, size, null);
            var b = Planner.SweepRegion(wide, size, null);
            Assert.Equal(b.Holes.AsSpan(0, b.Count).ToArray(), a.Holes.AsSpan(0, a.Count).ToArray());
            Assert.Equal(b.Applied, a.Applied);
            Assert.Equal(b.UntaggedApplied, a.UntaggedApplied);
        }, maxTest: 500);
    }

    /// <summary>The size of a region decides how its ranges are kept: keys below 2^32 - 1 granules whose end fits 64 bits.</summary>
    [Theory]
    [InlineData(0x10000UL, 16, true)]
    [InlineData(0xFFFF_FFFEUL << 16, 16, true)]
    [InlineData(0xFFFF_FFFFUL << 16, 16, false)]
    [InlineData(ulong.MaxValue, 32, false)]
    [InlineData(ulong.MaxValue - 0xFFFF, 33, false)]
    [InlineData(ulong.MaxValue << 33, 33, true)]
    public void RegionPieces_KeysOnlyWhereGranulesFit(ulong size, int shift, bool narrow) =>
        Assert.Equal(narrow, new RegionPieces(size, shift).IsNarrow);
}
