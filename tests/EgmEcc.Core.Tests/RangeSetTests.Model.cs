using System.Numerics;
using EgmEcc.Tests.Support;
using FsCheck;
using FsCheck.Fluent;

namespace EgmEcc.Tests;

/// <summary>
/// RangeSet against a bitmap model over the tiny domain [0, 12): every set operation must give
/// exactly the maximal runs of the model's bits. The seeded properties run the model twice: at
/// address 0, and moved to the top of the space, <c>[2^64 - 12, 2^64)</c>, where ranges end at 2^64.
/// </summary>
public partial class RangeSetTests
{
    private const int Domain = 12;

    /// <summary>Where the model's domain starts at the top of the space: its end is 2^64.</summary>
    private const ulong TopBase = ulong.MaxValue - Domain + 1;

    private static readonly AddressRange[] NonEmpty = AllRanges(includeEmpty: false);
    private static readonly AddressRange[] WithEmpty = AllRanges(includeEmpty: true);

    [Fact]
    public void Of_EveryPairInOrderAndReversed_MatchesBitmap()
    {
        for (var i = 0; i < WithEmpty.Length; i++)
        {
            for (var j = i; j < WithEmpty.Length; j++)
            {
                var (a, b) = (WithEmpty[i], WithEmpty[j]);
                var mask = Mask(a) | Mask(b);
                var set = RangeSet.Of([a, b]);
                AssertMatches(mask, set);
                AssertMatches(mask, RangeSet.Of([b, a]));
                AssertQueriesMatch(mask, set);
                foreach (var within in WithEmpty)
                {
                    AssertMatches(~mask & Mask(within), set.Complement(within));
                }
            }
        }
    }

    [Fact]
    public void Of_EveryTriple_MatchesBitmap()
    {
        var whole = AddressRange.FromBaseSize(0, Domain);
        var inner = AddressRange.FromBaseSize(3, 6);
        for (var i = 0; i < NonEmpty.Length; i++)
        {
            for (var j = i; j < NonEmpty.Length; j++)
            {
                for (var k = j; k < NonEmpty.Length; k++)
                {
                    var (a, b, c) = (NonEmpty[i], NonEmpty[j], NonEmpty[k]);
                    var mask = Mask(a) | Mask(b) | Mask(c);
                    var set = RangeSet.Of([c, a, b]);
                    AssertMatches(mask, set);
                    AssertMatches(~mask & Mask(whole), set.Complement(whole));
                    AssertMatches(~mask & Mask(inner), set.Complement(inner));
                }
            }
        }
    }

    [Fact]
    public void Complement_OfComplement_IsTheSetWithin()
    {
        var whole = AddressRange.FromBaseSize(0, Domain);
        foreach (var a in NonEmpty)
        {
            foreach (var b in NonEmpty)
            {
                var set = RangeSet.Of([a, b]);
                Assert.Equal(set.Ranges.ToArray(), set.Complement(whole).Complement(whole).Ranges.ToArray());
            }
        }
    }

    [Fact]
    public void SetOperations_AnyTwoSets_MatchBitmap()
    {
        Properties.Check(Cases, c =>
        {
            var (a, b) = (c.Set(c.A), c.Set(c.B));
            var (ma, mb) = (c.Mask(c.A), c.Mask(c.B));
            AssertMatches(ma, a, c.Base);
            AssertMatches(ma | mb, a.Union(b), c.Base);
            AssertMatches(ma & mb, a.Intersection(b), c.Base);
            AssertMatches(ma & ~mb, a.Difference(b), c.Base);
            AssertMatches(mb & ~ma, b.Difference(a), c.Base);
            AssertMatches(~ma & Mask(c.Within), a.Complement(c.Shift(c.Within)), c.Base);

            // Whole ranges of a meeting b; and ranges of a at least MinSize long.
            uint meeting = 0, kept = 0;
            foreach (var run in Runs(ma))
            {
                meeting |= (Mask(run) & mb) != 0 ? Mask(run) : 0;
                kept |= run.Size >= c.MinSize ? Mask(run) : 0;
            }

            AssertMatches(meeting, a.RangesIntersecting(b), c.Base);
            AssertMatches(kept, a.WithoutRangesShorterThan(c.MinSize), c.Base);
        }, maxTest: 3000);
    }

    [Fact]
    public void Queries_AnyTwoSets_MatchBitmap()
    {
        Properties.Check(Cases, c =>
        {
            var (a, b) = (c.Set(c.A), c.Set(c.B));
            var (ma, mb) = (c.Mask(c.A), c.Mask(c.B));
            Assert.Equal((mb & ~ma) == 0, a.Encloses(b));
            Assert.Equal((Mask(c.Within) & ma) != 0, a.Intersects(c.Shift(c.Within)));
            Assert.Equal(ma == mb, a.Equals(b));
            if (ma == mb)
            {
                Assert.Equal(a.GetHashCode(), b.GetHashCode());
            }

            Assert.Equal((UInt128)uint.PopCount(ma), a.TotalSize);
            for (ulong x = 0; x < Domain; x++)
            {
                Assert.Equal((ma & (1u << (int)x)) != 0, a.Contains(c.Base + x));
            }

            if (ma == 0)
            {
                Assert.Throws<InvalidOperationException>(() => a.Span);
            }
            else
            {
                var first = (ulong)BitOperations.TrailingZeroCount(ma);
                var end = 32 - (ulong)BitOperations.LeadingZeroCount(ma);
                Assert.Equal(c.Shift(AddressRange.FromStartEnd(first, end)), a.Span);
            }
        }, maxTest: 3000);
    }

    [Fact]
    public void WholeAlignedBlocks_AnySetSizeAndOrigin_MatchBitmap()
    {
        // Sizes that are powers of two take the shift path, the others the division path.
        var gen = from c in Cases
                  from size in Gen.Elements(1UL, 2UL, 3UL, 4UL, 5UL, 7UL, 8UL, 16UL)
                  from origin in Gen.Choose(0, Domain - 1)
                  select (c, size, origin: (ulong)origin);
        Properties.Check(gen, t =>
        {
            var (c, size, origin) = t;
            var mask = c.Mask(c.A);

            // Blocks start at origin + k·size for any whole k (negative too): relative start x with x ≡ origin (mod size).
            ulong expected = 0;
            for (var x = origin % size; x + size <= Domain; x += size)
            {
                var block = Mask(AddressRange.FromBaseSize(x, size));
                expected += (mask & block) == block ? 1UL : 0;
            }

            Assert.Equal(expected, c.Set(c.A).WholeAlignedBlocks(size, c.Base + origin));
        }, maxTest: 3000);
    }

    [Fact]
    public void Widen_AnySetGranuleAndBound_MatchesBitmap()
    {
        var gen = from c in Cases
                  from granule in Gen.Elements(1UL, 2UL, 4UL, 8UL, 16UL)
                  select (c, granule);
        Properties.Check(gen, t =>
        {
            var (c, granule) = t;
            var mask = c.Mask(c.A);

            // Every granule (aligned in absolute address, so offset by the base) holding a bit of the set, clipped.
            uint expected = 0;
            for (ulong x = 0; x < Domain; x++)
            {
                if ((mask & (1u << (int)x)) != 0)
                {
                    var start = (long)x - (long)((c.Base + x) % granule);
                    for (var y = Math.Max(start, 0); y < start + (long)granule; y++)
                    {
                        expected |= y < 32 ? 1u << (int)y : 0;
                    }
                }
            }

            AssertMatches(expected & Mask(c.Within), c.Set(c.A).Widen(granule, c.Shift(c.Within)), c.Base);
        }, maxTest: 3000);
    }

    [Fact]
    public void BinaryOperations_ManyRanges_MatchBoolModel()
    {
        // Sets of dozens of ranges over [0, 400): long runs of one set between ranges of the
        // other, which the galloping search of RangesIntersecting must jump over.
        const int Wide = 400;
        var ranges = from start in Gen.Choose(0, Wide - 1)
                     from length in Gen.Frequency((4, Gen.Choose(1, 4)), (1, Gen.Choose(1, 60)))
                     select AddressRange.FromStartEnd((ulong)start, (ulong)Math.Min(start + length, Wide));
        var gen = from a in Gen.Choose(0, 80).SelectMany(n => ranges.ArrayOf(n))
                  from b in Gen.Choose(0, 80).SelectMany(n => ranges.ArrayOf(n))
                  select (a, b);
        Properties.Check(gen, t =>
        {
            var (a, b) = (RangeSet.Of(t.a), RangeSet.Of(t.b));
            var (ma, mb) = (Bools(t.a, Wide), Bools(t.b, Wide));
            Assert.Equal(RunsOf(Wide, x => ma[x] || mb[x]), a.Union(b).Ranges.ToArray());
            Assert.Equal(RunsOf(Wide, x => ma[x] && mb[x]), a.Intersection(b).Ranges.ToArray());
            Assert.Equal(RunsOf(Wide, x => ma[x] && !mb[x]), a.Difference(b).Ranges.ToArray());
            Assert.Equal(Enumerable.Range(0, Wide).All(x => !mb[x] || ma[x]), a.Encloses(b));
            var meeting = a.Ranges.Where(r => Enumerable.Range((int)r.Start, (int)r.Size).Any(x => mb[x])).ToArray();
            Assert.Equal(meeting, a.RangesIntersecting(b).Ranges.ToArray());
        }, maxTest: 1000);
    }

    private static bool[] Bools(AddressRange[] ranges, int length)
    {
        var bits = new bool[length];
        foreach (var r in ranges)
        {
            Array.Fill(bits, true, (int)r.Start, (int)r.Size);
        }

        return bits;
    }

    private static AddressRange[] RunsOf(int length, Func<int, bool> bit)
    {
        var runs = new List<AddressRange>();
        for (var x = 0; x < length; x++)
        {
            if (bit(x) && (x == 0 || !bit(x - 1)))
            {
                var end = x;
                while (end < length && bit(end))
                {
                    end++;
                }

                runs.Add(AddressRange.FromStartEnd((ulong)x, (ulong)end));
            }
        }

        return [.. runs];
    }

    [Fact]
    public void Widen_GranuleNotAPowerOfTwo_Throws()
    {
        Assert.Throws<ArgumentOutOfRangeException>(() => RangeSet.Empty.Widen(3, AddressRange.FromBaseSize(0, 8)));
        Assert.Throws<ArgumentOutOfRangeException>(() => RangeSet.Empty.Widen(0, AddressRange.FromBaseSize(0, 8)));
        Assert.Throws<ArgumentOutOfRangeException>(() => RangeSet.Empty.WholeAlignedBlocks(0));
    }

    /// <summary>
    /// Two sets, each the union of up to five ranges of the domain (empty, overlapping, touching,
    /// in any order), a bound, a minimum size, and where the domain sits.
    /// </summary>
    private static Gen<ModelCase> Cases =>
        from a in Gen.Choose(0, 5).SelectMany(n => Gen.Elements(WithEmpty).ArrayOf(n))
        from b in Gen.Choose(0, 5).SelectMany(n => Gen.Elements(WithEmpty).ArrayOf(n))
        from within in Gen.Elements(WithEmpty)
        from minSize in Gen.Choose(0, 6)
        from top in Gen.Elements(false, true)
        select new ModelCase(a, b, within, (ulong)minSize, top ? TopBase : 0);

    /// <summary>The model's sets as domain-relative ranges, and the address the domain starts at.</summary>
    private sealed record ModelCase(AddressRange[] A, AddressRange[] B, AddressRange Within, ulong MinSize, ulong Base)
    {
        /// <summary>The range moved to the base; an empty range stays at the base (at the top, 2^64 is no start).</summary>
        public AddressRange Shift(AddressRange r) =>
            r.IsEmpty ? AddressRange.FromBaseSize(Base, 0) : AddressRange.FromStartEnd(Base + r.Start, Base + r.End);

        public RangeSet Set(AddressRange[] ranges) => RangeSet.Of(ranges.Select(Shift));

        public uint Mask(AddressRange[] ranges) => ranges.Aggregate(0u, (m, r) => m | RangeSetTests.Mask(r));

        public override string ToString() =>
            $"A {{{string.Join(", ", A)}}}, B {{{string.Join(", ", B)}}}, within {Within}, min {MinSize}, base 0x{Base:x}";
    }

    private static void AssertQueriesMatch(uint mask, RangeSet set)
    {
        // Plain comparisons with Assert.Fail on a mismatch: millions of Assert.Equal calls are slow.
        for (ulong x = 0; x <= Domain + 1; x++)
        {
            if (((mask & (1u << (int)x)) != 0) != set.Contains(x))
            {
                Assert.Fail($"{set}.Contains({x}) disagrees with the bitmap");
            }
        }

        foreach (var r in WithEmpty)
        {
            if (((Mask(r) & ~mask) == 0) != set.Encloses(r))
            {
                Assert.Fail($"{set}.Encloses({r}) disagrees with the bitmap");
            }
        }

        Assert.Equal((UInt128)uint.PopCount(mask), set.TotalSize);
        Assert.Equal(mask == 0, set.IsEmpty);
    }

    /// <summary>The set holds exactly the bits of <paramref name="mask"/>, as its maximal runs (which implies the invariant).</summary>
    private static void AssertMatches(uint mask, RangeSet set, ulong @base = 0)
    {
        AssertInvariant(set);
        var runs = Runs(mask).Select(r => AddressRange.FromStartEnd(@base + r.Start, @base + r.End)).ToArray();
        if (!runs.AsSpan().SequenceEqual(set.Ranges.AsSpan()))
        {
            Assert.Fail($"expected {{{string.Join(", ", runs)}}}, got {set}");
        }
    }

    internal static void AssertInvariant(RangeSet set)
    {
        var ranges = set.Ranges;
        for (var i = 0; i < ranges.Length; i++)
        {
            if (ranges[i].IsEmpty)
            {
                Assert.Fail($"empty range in {set}");
            }

            // Sorted, disjoint and not touching: a gap of at least one address.
            if (i > 0 && ranges[i - 1].End >= ranges[i].Start)
            {
                Assert.Fail($"ranges {ranges[i - 1]} and {ranges[i]} of {set} are not separated");
            }
        }
    }

    private static AddressRange[] Runs(uint mask)
    {
        var runs = new List<AddressRange>();
        var x = 0;
        while (x < 32)
        {
            if ((mask & (1u << x)) == 0)
            {
                x++;
                continue;
            }

            var start = x;
            while (x < 32 && (mask & (1u << x)) != 0)
            {
                x++;
            }

            runs.Add(AddressRange.FromStartEnd((ulong)start, (ulong)x));
        }

        return [.. runs];
    }

    private static uint Mask(AddressRange r)
    {
        uint mask = 0;
        for (var x = r.Start; x < r.End; x++)
        {
            mask |= 1u << (int)x;
        }

        return mask;
    }

    private static AddressRange[] AllRanges(bool includeEmpty)
    {
        var all = new List<AddressRange>();
        for (ulong s = 0; s <= Domain; s++)
        {
            for (var e = includeEmpty ? s : s + 1; e <= Domain; e++)
            {
                all.Add(AddressRange.FromStartEnd(s, e));
            }
        }

        return [.. all];
    }
}
