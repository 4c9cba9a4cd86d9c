using System.Collections.Immutable;
using EgmEcc.History;
using EgmEcc.Synthesis;
using FsCheck.Fluent;

namespace EgmEcc.Tests.History;

public class RateFitPropertyTests
{
    private const int Hosts = 2000;

    /// <summary>A fleet drawn from a known gamma of rates: its seed, shape and mean rate.</summary>
    public sealed record Fleet(ulong Seed, double Shape, double Mean);

    private static readonly FsCheck.Gen<Fleet> Fleets =
        from seed in Gen.Choose(0, int.MaxValue)
        from shape in Gen.Choose(10, 80)
        from mean in Gen.Choose(1, 200)
        select new Fleet((ulong)seed, shape / 10.0, mean);

    /// <summary>Every host's true rate, and its evidence: Poisson pages over an exposure of 0.05 to 2 TiB-years.</summary>
    private static (double[] Truth, ImmutableArray<RateEvidence> Evidence) Draw(Fleet fleet)
    {
        var random = new SeededRandom(fleet.Seed);
        var truth = new double[Hosts];
        var evidence = ImmutableArray.CreateBuilder<RateEvidence>(Hosts);
        for (var h = 0; h < Hosts; h++)
        {
            truth[h] = random.NextGamma(fleet.Shape) * fleet.Mean / fleet.Shape;
            var exposure = 0.05 + (1.95 * random.NextDouble());
            evidence.Add(new RateEvidence($"h{h}", (ulong)random.NextPoisson(truth[h] * exposure), exposure, 12));
        }

        return (truth, evidence.MoveToImmutable());
    }

    [Fact]
    public void PosteriorIntervals_CoverTheTrueRate_ForAbout90PercentOfHosts()
    {
        Properties.Check(Fleets, fleet =>
        {
            var (truth, evidence) = Draw(fleet);
            var (_, rates) = RateFit.Fit(evidence);
            var covered = rates.Select((r, h) => r.Rate.P5 <= truth[h] && truth[h] <= r.Rate.P95).Count(c => c);
            Assert.True(covered >= Hosts * 0.85, $"{fleet}: {covered} of {Hosts} covered");
            Assert.True(covered <= Hosts * 0.95, $"{fleet}: {covered} of {Hosts} covered: intervals too wide");
        }, 20);
    }

    [Fact]
    public void OnePageOnANewHost_StaysNearTheFleetsRate()
    {
        Properties.Check(Fleets, fleet =>
        {
            var (_, evidence) = Draw(fleet);

            // A day's watch of a 0.5 TiB host that retired one page: alone, 730 pages per TiB-year.
            var exposure = 0.5 / RateFit.DaysPerYear;
            var (prior, rates) = RateFit.Fit(evidence.Add(new RateEvidence("new", 1, exposure, 1)));
            var newHost = rates[^1].Rate;
            Assert.True(newHost.PerTiBYear <= prior!.Rate.PerTiBYear * (1 + (1 / prior.Shape)) * 1.001, $"{fleet}: {newHost} vs {prior}");
            Assert.True(newHost.PerTiBYear < 2.5 * prior.Rate.PerTiBYear, $"{fleet}: {newHost} vs {prior}");
            Assert.True(newHost.P95 < 2 * prior.Rate.P95, $"{fleet}: {newHost} vs {prior}");
        }, 20);
    }
}
