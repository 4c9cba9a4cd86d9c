using System.Collections.Immutable;
using EgmEcc.History;
using EgmEcc.Synthesis;

namespace EgmEcc.Tests.Synthesis;

public class FleetSynthesizerHistoryTests
{
    private static FleetSynthesizer Series(int hosts, int snapshots = 12, int days = 30, ulong seed = 3) =>
        new(new SynthOptions { Hosts = hosts, Records = hosts * 10L, Seed = seed, Snapshots = snapshots, Interval = TimeSpan.FromDays(days) });

    [Fact]
    public void SnapshotTimes_AreStartPlusIntervals()
    {
        var fleet = Series(1, 3, 7);
        Assert.Equal(SynthOptions.DefaultStart, fleet.SnapshotTime(0));
        Assert.Equal(new DateTimeOffset(2026, 1, 15, 0, 0, 0, TimeSpan.Zero), fleet.SnapshotTime(2));
    }

    [Fact]
    public void TrueRates_AreAGammaOfTheMean_WithOneHostIn50BadAt30Times()
    {
        var fleet = Series(5000);
        var bad = Enumerable.Range(0, fleet.Hosts).Where(fleet.IsBad).ToArray();
        Assert.InRange(bad.Length, 70, 130);

        var ordinary = Enumerable.Range(0, fleet.Hosts).Where(h => !fleet.IsBad(h)).Select(fleet.TrueRate).ToArray();
        Assert.InRange(ordinary.Average(), 47, 53);
        Assert.InRange(bad.Select(fleet.TrueRate).Average(), 30 * 40, 30 * 60);

        // Seeded: the same options give the same rates and the same bad hosts.
        Assert.Equal(bad, Enumerable.Range(0, fleet.Hosts).Where(Series(5000).IsBad));
        Assert.Equal(fleet.TrueRate(17), Series(5000).TrueRate(17));
    }

    [Fact]
    public void NewRecords_ArePagesInTheHostsRegions_SameEachTime()
    {
        var fleet = Series(40);
        for (var h = 0; h < fleet.Hosts; h++)
        {
            var regions = RegionSet.Create(fleet.Regions(h));
            var a = new List<RetiredRecord>();
            var b = new List<RetiredRecord>();
            fleet.NewRecords(h, 3, a);
            fleet.NewRecords(h, 3, b);
            Assert.Equal(a.Select(r => r.Start), b.Select(r => r.Start));
            Assert.All(a, r => Assert.True(regions.IndexContaining(fleet.HostName(h), r.Start) >= 0));
            Assert.All(a, r => Assert.Equal(0UL, r.Start % FleetSynthesizer.Page));
        }
    }

    [Fact]
    public void Validate_RefusesNoSnapshotsNoIntervalAndDatesPast9999()
    {
        Assert.Throws<SettingException>(() => new FleetSynthesizer(new SynthOptions { Snapshots = 0 }));
        Assert.Throws<SettingException>(() => new FleetSynthesizer(new SynthOptions { Snapshots = 2 }));
        Assert.Throws<SettingException>(() => new FleetSynthesizer(new SynthOptions { Snapshots = 2, Interval = TimeSpan.FromDays(-1) }));
        Assert.Throws<SettingException>(() => new FleetSynthesizer(new SynthOptions { Snapshots = 3, Interval = TimeSpan.FromDays(3_000_000) }));
        Assert.Equal(1, new FleetSynthesizer(new SynthOptions()).Snapshots);
    }

    /// <summary>
    /// The synthesizer's per-host counts, run through the fit, recover the true rates: the
    /// 5–95 % interval holds the truth for about 90 % of hosts, and the bad hosts stand out.
    /// </summary>
    [Fact]
    public void Recovery_FittedIntervalsHoldTheTrueRates()
    {
        var fleet = Series(2000, 12, 30);
        var years = 30 / RateFit.DaysPerYear;
        var evidence = ImmutableArray.CreateBuilder<RateEvidence>(fleet.Hosts);
        var records = new List<RetiredRecord>();
        for (var h = 0; h < fleet.Hosts; h++)
        {
            records.Clear();
            for (var k = 1; k < fleet.Snapshots; k++)
            {
                fleet.NewRecords(h, k, records);
            }

            evidence.Add(new RateEvidence(fleet.HostName(h), (ulong)records.Count, fleet.SizeTiB(h) * years * (fleet.Snapshots - 1), fleet.Snapshots - 1));
        }

        var (prior, rates) = RateFit.Fit(evidence.MoveToImmutable());
        var covered = rates.Select((r, h) => r.Rate.P5 <= fleet.TrueRate(h) && fleet.TrueRate(h) <= r.Rate.P95).Count(c => c);
        Assert.InRange(covered, 1700, 1900);

        // Every bad host's interval lies above the fleet's mean rate.
        var bad = Enumerable.Range(0, fleet.Hosts).Where(fleet.IsBad).ToArray();
        Assert.NotEmpty(bad);
        Assert.All(bad, h => Assert.True(rates[h].Rate.P5 > prior!.Rate.PerTiBYear, $"{fleet.HostName(h)}: {rates[h].Rate}"));
    }
}
