namespace EgmEcc.Tests;

public partial class RegionSetTests
{
    private static RegionSet TwoHosts() => RegionSet.Create([
        new Region("egm1", 1, 0x80 * G, 16 * G, Line(2), "b"),
        new Region("egm0", 0, 0x40 * G, 16 * G, Line(3), "b"),
        new Region("egm4", 4, 0x48 * G, 16 * G, Line(4), "a"),
        new Region("top", 9, ulong.MaxValue - (G - 1), G, Line(5), "b"),
        new Region("egm0", 0, 0x10 * G, 16 * G, Line(6), "a"),
    ]);

    [Fact]
    public void Regions_SortByHostOrdinalThenBase()
    {
        var set = TwoHosts();

        Assert.Equal(
            ["a/egm0", "a/egm4", "b/egm0", "b/egm1", "b/top"],
            set.Regions.Select(r => $"{r.Host}/{r.Id}").ToArray());
        Assert.Equal(["a", "b"], set.Hosts.ToArray());
        Assert.True(set.HasHost("a"));
        Assert.False(set.HasHost("c"));
        Assert.False(set.HasHost(string.Empty));
    }

    [Fact]
    public void Hosts_OrdinalOrder_UpperCaseFirst()
    {
        var set = RegionSet.Create([new Region("x", 0, 0, G, Line(2), "b"), new Region("x", 0, 0, G, Line(3), "B")]);

        Assert.Equal(["B", "b"], set.Hosts.ToArray());
    }

    [Theory]
    [InlineData("a", "egm0", 0)]
    [InlineData("a", "egm4", 1)]
    [InlineData("b", "egm0", 2)]
    [InlineData("b", "top", 4)]
    [InlineData("a", "top", -1)]
    [InlineData("c", "egm0", -1)]
    [InlineData("", "egm0", -1)]
    [InlineData("b", "EGM0", -1)]
    public void IndexOf_ByHostAndId(string host, string id, int expected)
    {
        Assert.Equal(expected, TwoHosts().IndexOf(host, id));
    }

    [Theory]
    [InlineData("a", 0x10UL, 0)]
    [InlineData("a", 0x1FUL, 0)]
    [InlineData("a", 0x20UL, -1)]
    [InlineData("a", 0x47UL, -1)]
    [InlineData("a", 0x48UL, 1)]
    [InlineData("a", 0x57UL, 1)]
    [InlineData("a", 0x58UL, -1)]
    [InlineData("a", 0x0UL, -1)]
    [InlineData("b", 0x40UL, 2)]
    [InlineData("b", 0x4FUL, 2)]
    [InlineData("b", 0x50UL, -1)]
    [InlineData("b", 0x80UL, 3)]
    [InlineData("b", 0x10UL, -1)]
    [InlineData("c", 0x40UL, -1)]
    public void IndexContaining_ByHostAndAddress(string host, ulong addressG, int expected)
    {
        var set = TwoHosts();

        Assert.Equal(expected, set.IndexContaining(host, addressG * G));
        if (expected >= 0)
        {
            // The last byte of a region belongs to it; the byte before its base does not.
            var region = set.Regions[expected];
            Assert.Equal(expected, set.IndexContaining(host, region.Extent.Last));
            Assert.NotEqual(expected, set.IndexContaining(host, region.Base - 1));
        }
    }

    [Theory]
    [InlineData(ulong.MaxValue, 4)]
    [InlineData(ulong.MaxValue - (G - 1), 4)]
    [InlineData(ulong.MaxValue - G, -1)]
    public void IndexContaining_RegionEndingAt2Pow64(ulong address, int expected)
    {
        Assert.Equal(expected, TwoHosts().IndexContaining("b", address));
    }

    [Theory]
    [InlineData(0x0UL, 0x11UL, 0)]
    [InlineData(0x20UL, 0x28UL, -1)]
    [InlineData(0x20UL, 0x29UL, 1)]
    [InlineData(0x1FUL, 0x40UL, 0)]
    public void IndexOverlapping_FirstRegionTheRangeRunsInto(ulong startG, ulong sizeG, int expected)
    {
        Assert.Equal(expected, TwoHosts().IndexOverlapping("a", AddressRange.FromBaseSize(startG * G, sizeG * G)));
    }

    [Fact]
    public void IndexOverlapping_UnknownHost_IsMinusOne()
    {
        Assert.Equal(-1, TwoHosts().IndexOverlapping("zz", AddressRange.FromBaseSize(0, ulong.MaxValue)));
    }

    [Theory]
    [InlineData(0x0UL, 0x10UL, 0, 0)] // ends just below the first region
    [InlineData(0x0UL, 0x11UL, 0, 1)]
    [InlineData(0x1FUL, 0x1UL, 0, 1)] // the last granule of the first region
    [InlineData(0x20UL, 0x28UL, 1, 0)] // the gap between them, up to the second's base
    [InlineData(0x20UL, 0x29UL, 1, 1)]
    [InlineData(0x1FUL, 0x40UL, 0, 2)] // both, from the first's last granule
    [InlineData(0x0UL, 0x100UL, 0, 2)]
    [InlineData(0x58UL, 0x10UL, 2, 0)] // above every region
    public void Overlapping_RunOfRegionsTheRangeMeets(ulong startG, ulong sizeG, int first, int count)
    {
        var set = TwoHosts();
        var (run, runCount) = set.HostRun("a");
        var start = startG * G;

        Assert.Equal((first, count), set.Overlapping(run, runCount, start, start + (sizeG * G) - 1));
    }

    [Fact]
    public void Overlapping_RangeToTheTopOfTheSpace_ReachesTheRegionEndingAt2Pow64()
    {
        var set = TwoHosts();
        var (run, count) = set.HostRun("b");

        Assert.Equal((2, 3), set.Overlapping(run, count, 0, ulong.MaxValue));
        Assert.Equal((4, 1), set.Overlapping(run, count, ulong.MaxValue, ulong.MaxValue));
        Assert.Equal(4, set.IndexOverlapping("b", AddressRange.FromBaseSize(0x90 * G, ulong.MaxValue - (0x90 * G) + 1)));
    }

    [Fact]
    public void IndexOverlapping_ManyRegions_FindsTheRegionAfterAGapWithoutScanning()
    {
        // 10^5 regions, one range per gap: a scan per look-up costs 10^10 region tests (minutes).
        const int n = 100_000;
        var set = RegionSet.Create(Enumerable.Range(0, n).Select(i => new Region($"r{i}", i, (ulong)i * 2 * G, G, Line(i + 2))));
        var clock = System.Diagnostics.Stopwatch.StartNew();
        for (var i = 0; i < n - 1; i++)
        {
            var gap = ((ulong)i * 2 * G) + G;
            Assert.Equal(-1, set.IndexOverlapping(string.Empty, AddressRange.FromBaseSize(gap, G)));
            Assert.Equal(i + 1, set.IndexOverlapping(string.Empty, AddressRange.FromBaseSize(gap, G + 1)));
        }

        // Well under a second even on a busy machine; a scan per look-up took many minutes.
        Assert.True(clock.Elapsed < TimeSpan.FromSeconds(30), $"2 x 10^5 look-ups took {clock.Elapsed}");
    }
}
