using FsCheck;
using FsCheck.Fluent;
using EgmEcc.Tests.Support;

namespace EgmEcc.Tests;

public partial class RegionSetTests
{
    // One host's regions, 0 to 40 of them (a scan finds up to 16, halving more), apart or
    // touching, anywhere up to the top of the space.
    private static readonly Gen<ulong[]> RegionGaps =
        from count in Gen.Choose(0, 40)
        from gaps in Gen.ArrayOf(Gen.Choose(0, 3), count)
        select gaps.Select(g => (ulong)g).ToArray();

    /// <summary>
    /// The region found for an address, and the run a range overlaps, are those a scan of every
    /// region finds, at each region's first and last byte and just outside them, whether the
    /// host's regions are few enough to be counted or many enough to be halved.
    /// </summary>
    [Fact]
    public void Search_AnyRegionCount_FindsWhatAScanFinds()
    {
        Properties.Check(RegionGaps.Select(gaps => (Gaps: gaps, Top: gaps.Length % 2 == 0)), t =>
        {
            var set = Spaced(t.Gaps, t.Top);
            var (first, count) = set.HostRun("h");
            var probes = set.Regions.SelectMany(r => new[] { r.Base, r.Base - 1, r.Extent.Last, r.Extent.Last + 1, r.Base + (r.Size / 2) })
                .Append(0UL).Append(ulong.MaxValue).ToArray();
            foreach (var address in probes)
            {
                var scanned = set.Regions.ToList().FindIndex(r => r.Extent.Contains(address));
                Assert.Equal(scanned, set.IndexContaining("h", address));
                foreach (var last in probes.Where(p => p >= address))
                {
                    var overlapped = Enumerable.Range(0, set.Regions.Length).Where(i => set.Regions[i].Base <= last && set.Regions[i].Extent.Last >= address).ToArray();
                    var (from, n) = set.Overlapping(first, count, address, last);
                    Assert.Equal(overlapped.Length, n);
                    if (n > 0)
                    {
                        Assert.Equal(overlapped[0], from);
                    }
                }
            }
        }, 100);
    }

    /// <summary>Regions of 2 GiB, each after a gap of the given GiB; with <paramref name="top"/>, the last ends at 2^64.</summary>
    private static RegionSet Spaced(ulong[] gaps, bool top)
    {
        var regions = new List<Region>();
        var total = (gaps.Aggregate(0UL, (sum, g) => sum + g) + (2 * (ulong)gaps.Length)) * G;
        var at = top ? unchecked(0UL - total) : 0x10 * G;
        for (var i = 0; i < gaps.Length; i++)
        {
            at += gaps[i] * G;
            regions.Add(new Region($"r{i}", i, at, 2 * G, Line(i + 2), "h"));
            at = unchecked(at + (2 * G));
        }

        return RegionSet.Create(regions);
    }
}
