namespace EgmEcc.Tests;

public partial class AddressRangeTests
{
    private static AddressRange R(ulong start, ulong size) => AddressRange.FromBaseSize(start, size);

    [Theory]
    [InlineData(0x10UL, 0x10UL, 0x0fUL, false)]
    [InlineData(0x10UL, 0x10UL, 0x10UL, true)]
    [InlineData(0x10UL, 0x10UL, 0x1fUL, true)]
    [InlineData(0x10UL, 0x10UL, 0x20UL, false)]
    [InlineData(0x10UL, 0UL, 0x10UL, false)]
    [InlineData(Max, 1UL, Max, true)]
    [InlineData(Max, 1UL, Max - 1, false)]
    [InlineData(1UL, Max, Max, true)]
    [InlineData(1UL, Max, 0UL, false)]
    [InlineData(0UL, Max, Max, false)]
    [InlineData(0UL, Max, Max - 1, true)]
    public void Contains_Edges(ulong start, ulong size, ulong address, bool contains)
    {
        Assert.Equal(contains, R(start, size).Contains(address));
    }

    [Theory]
    // Plain nesting and edges.
    [InlineData(0x10UL, 0x10UL, 0x10UL, 0x10UL, true)]
    [InlineData(0x10UL, 0x10UL, 0x18UL, 0x8UL, true)]
    [InlineData(0x10UL, 0x10UL, 0x18UL, 0x9UL, false)]
    [InlineData(0x10UL, 0x10UL, 0x0fUL, 0x2UL, false)]
    [InlineData(0x10UL, 0x10UL, 0x00UL, 0x40UL, false)]
    // Empty ranges inside or touching are enclosed; beyond an edge they are not.
    [InlineData(0x10UL, 0x10UL, 0x10UL, 0UL, true)]
    [InlineData(0x10UL, 0x10UL, 0x20UL, 0UL, true)]
    [InlineData(0x10UL, 0x10UL, 0x21UL, 0UL, false)]
    [InlineData(0x10UL, 0x10UL, 0x0fUL, 0UL, false)]
    [InlineData(0x10UL, 0UL, 0x10UL, 0UL, true)]
    [InlineData(0x10UL, 0UL, 0x10UL, 1UL, false)]
    // The top of the space.
    [InlineData(1UL, Max, Max, 1UL, true)]
    [InlineData(1UL, Max, 1UL, Max, true)]
    [InlineData(Max, 1UL, 1UL, Max, false)]
    [InlineData(0UL, Max, 1UL, Max, false)]
    [InlineData(0UL, Max, Max, 0UL, true)]
    public void Encloses_Edges(ulong start, ulong size, ulong otherStart, ulong otherSize, bool encloses)
    {
        Assert.Equal(encloses, R(start, size).Encloses(R(otherStart, otherSize)));
    }

    [Theory]
    [InlineData(0x10UL, 0x10UL, 0x20UL, 0x10UL, false)]
    [InlineData(0x10UL, 0x10UL, 0x1fUL, 0x10UL, true)]
    [InlineData(0x10UL, 0x10UL, 0x00UL, 0x10UL, false)]
    [InlineData(0x10UL, 0x10UL, 0x00UL, 0x11UL, true)]
    [InlineData(0x10UL, 0x10UL, 0x14UL, 0x1UL, true)]
    [InlineData(0x10UL, 0x10UL, 0x00UL, 0x100UL, true)]
    [InlineData(0x10UL, 0x10UL, 0x14UL, 0UL, false)]
    [InlineData(0x10UL, 0UL, 0x00UL, 0x100UL, false)]
    [InlineData(Max, 1UL, 1UL, Max, true)]
    [InlineData(Max, 1UL, 0UL, Max, false)]
    [InlineData(1UL, Max, 0UL, 2UL, true)]
    [InlineData(1UL, Max, 0UL, 1UL, false)]
    public void Overlaps_Edges_IsSymmetric(ulong start, ulong size, ulong otherStart, ulong otherSize, bool overlaps)
    {
        var a = R(start, size);
        var b = R(otherStart, otherSize);

        Assert.Equal(overlaps, a.Overlaps(b));
        Assert.Equal(overlaps, b.Overlaps(a));
    }

    [Theory]
    [InlineData(0x10UL, 0x10UL, 0x18UL, 0x10UL, 0x18UL, 0x8UL)]
    [InlineData(0x10UL, 0x10UL, 0x00UL, 0x11UL, 0x10UL, 0x1UL)]
    [InlineData(0x10UL, 0x10UL, 0x14UL, 0x4UL, 0x14UL, 0x4UL)]
    [InlineData(0x10UL, 0x10UL, 0x20UL, 0x10UL, 0UL, 0UL)]
    [InlineData(0x10UL, 0x10UL, 0x14UL, 0UL, 0UL, 0UL)]
    [InlineData(1UL, Max, Max, 1UL, Max, 1UL)]
    [InlineData(1UL, Max, 2UL, Max - 1, 2UL, Max - 1)]
    [InlineData(0UL, Max, 1UL, Max, 1UL, Max - 1)]
    public void Intersect_Edges_IsSymmetric(ulong start, ulong size, ulong otherStart, ulong otherSize, ulong expectedStart, ulong expectedSize)
    {
        var a = R(start, size);
        var b = R(otherStart, otherSize);
        var expected = R(expectedStart, expectedSize);

        Assert.Equal(expected, a.Intersect(b));
        Assert.Equal(expected, b.Intersect(a));
    }

    [Fact]
    public void Queries_AgreeWithAddressByAddressModel_OnSmallDomain()
    {
        // Every pair of ranges in [0, 8), including empty ones, against sets of addresses.
        var ranges = new List<AddressRange>();
        for (ulong s = 0; s <= 8; s++)
        {
            for (ulong e = s; e <= 8; e++)
            {
                ranges.Add(AddressRange.FromStartEnd(s, e));
            }
        }

        foreach (var a in ranges)
        {
            var setA = Addresses(a);
            foreach (var b in ranges)
            {
                var setB = Addresses(b);
                var shared = setA.Intersect(setB).ToArray();
                Assert.Equal(shared.Length > 0, a.Overlaps(b));
                Assert.Equal(shared, Addresses(a.Intersect(b)).ToArray());
                if (!b.IsEmpty)
                {
                    Assert.Equal(setB.All(setA.Contains), a.Encloses(b));
                }
                else
                {
                    Assert.Equal(b.Start >= a.Start && b.Start <= a.End, a.Encloses(b));
                }
            }

            for (ulong x = 0; x < 10; x++)
            {
                Assert.Equal(setA.Contains(x), a.Contains(x));
            }
        }
    }

    private static HashSet<ulong> Addresses(AddressRange r)
    {
        var set = new HashSet<ulong>();
        for (var x = r.Start; x < r.End; x++)
        {
            set.Add(x);
        }

        return set;
    }
}
