namespace EgmEcc.Tests;

/// <summary>
/// RangeSet against a bitmap model over the tiny domain [0, 12): every set operation must give
/// exactly the maximal runs of the model's bits.
/// </summary>
public partial class RangeSetTests
{
    private const int Domain = 12;

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
    private static void AssertMatches(uint mask, RangeSet set)
    {
        AssertInvariant(set);
        var runs = Runs(mask);
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
