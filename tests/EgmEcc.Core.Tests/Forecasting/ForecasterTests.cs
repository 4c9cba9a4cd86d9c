using EgmEcc.Fleet;
using EgmEcc.Forecasting;
using EgmEcc.Synthesis;

namespace EgmEcc.Tests.Forecasting;

public class ForecasterTests
{
    private static readonly VmShape Shape = new(2, 100UL << 30, 512UL << 20);

    [Theory]
    [InlineData(RetirementSpread.Uniform)]
    [InlineData(RetirementSpread.Clustered)]
    public void AddHost_RateZero_ReproducesTodaysPlanExactly(RetirementSpread spread)
    {
        var forecaster = new Forecaster(new ForecastOptions(0, 5, spread, trials: 50), PlanOptions.Default, Shape);
        foreach (var (host, plan) in Hosts(4))
        {
            var figures = forecaster.AddHost(host, plan);
            var today = HostSummary.FromPlan(host, plan, Shape);
            AssertExactly(today.UsableBytes, figures.Usable);
            for (var h = 0; h < PlanOptions.Default.HugePages.Length; h++)
            {
                AssertExactly(today.HugePages(h), figures.HugePages[h]);
            }

            AssertExactly((ulong)today.VmFit, figures.VmFit!.Value);
        }

        var totals = FleetTotals.Of(Hosts(4).Select(h => HostSummary.FromPlan(h.Host, h.Plan, Shape)), 4);
        Assert.Equal(totals.UsableBytes, forecaster.Fleet().Usable.P5);
        Assert.Equal((decimal)totals.UsableBytes, forecaster.Fleet().Usable.Mean);
    }

    /// <summary>Expected pages per trial x trials is bounded per host: exactly at the budget runs, beyond it is refused.</summary>
    [Fact]
    public void CheckWork_ExpectedPagesTimesTrialsBeyondTheBudget_IsATrialsSettingError()
    {
        var options = new ForecastOptions(100_000, 1, trials: 1000);

        Assert.Null(options.CheckWork("h", [1UL << 40]));
        var error = new ForecastOptions(100_001, 1, trials: 1000).CheckWork("h", [1UL << 39, 1UL << 39]);

        Assert.NotNull(error);
        Assert.Equal(Setting.Trials, error.Setting);
        Assert.Contains("host 'h' would draw about 1E+05 new pages per trial", error.Message, StringComparison.Ordinal);
        var e = Assert.Throws<SettingException>(() => new Forecaster(new ForecastOptions(16_000_000, 1, trials: 1000), PlanOptions.Default, null).AddHost("h", Hosts(1)[0].Plan));
        Assert.Equal(Setting.Trials, e.Setting);
    }

    [Fact]
    public void AddHost_FixedSeed_IdenticalWhateverTheOrder()
    {
        var options = new ForecastOptions(200, 3, RetirementSpread.Clustered, trials: 40, seed: 9);
        var hosts = Hosts(5);
        var forward = new Forecaster(options, PlanOptions.Default, Shape);
        var a = hosts.Select(h => forward.AddHost(h.Host, h.Plan)).ToArray();
        var backward = new Forecaster(options, PlanOptions.Default, Shape);
        var b = hosts.AsEnumerable().Reverse().Select(h => backward.AddHost(h.Host, h.Plan)).Reverse().ToArray();

        Assert.Equal(a.Select(Describe), b.Select(Describe));
        Assert.Equal(Describe(forward.Fleet()), Describe(backward.Fleet()));
    }

    [Fact]
    public void AddHost_OtherSeed_OtherOutcome()
    {
        var (host, plan) = Hosts(1)[0];
        var one = new Forecaster(new ForecastOptions(500, 3, trials: 20, seed: 1), PlanOptions.Default, null).AddHost(host, plan);
        var two = new Forecaster(new ForecastOptions(500, 3, trials: 20, seed: 2), PlanOptions.Default, null).AddHost(host, plan);
        Assert.NotEqual(one.Usable.Mean, two.Usable.Mean);
    }

    [Theory]
    [InlineData(RetirementSpread.Uniform)]
    [InlineData(RetirementSpread.Clustered)]
    public void AddHost_LargerRate_NeverMoreCapacityOnAverage(RetirementSpread spread)
    {
        var (host, plan) = Hosts(1)[0];
        ForecastFigures? previous = null;
        foreach (var rate in new[] { 0.0, 10, 100, 1000, 10_000 })
        {
            var figures = new Forecaster(new ForecastOptions(rate, 2, spread, trials: 60, seed: 4), PlanOptions.Default, Shape).AddHost(host, plan);
            if (previous is not null)
            {
                Assert.True(figures.Usable.Mean <= previous.Usable.Mean, $"rate {rate}: usable mean grew");
                for (var h = 0; h < figures.HugePages.Length; h++)
                {
                    Assert.True(figures.HugePages[h].Mean <= previous.HugePages[h].Mean, $"rate {rate}: hugepages grew");
                }

                Assert.True(figures.VmFit!.Value.Mean <= previous.VmFit!.Value.Mean);
            }

            Assert.True(figures.Usable.P5 <= figures.Usable.P95);
            Assert.True(figures.Usable.P95 <= figures.Usable.Today);
            previous = figures;
        }

        Assert.True(previous!.Usable.Mean < (decimal)previous.Usable.Today);
    }

    [Fact]
    public void Estimate_NearestRankPercentiles()
    {
        UInt128[] values = [.. Enumerable.Range(1, 100).Select(i => (UInt128)i).Reverse()];
        var e = Estimate.Of(7, values);
        Assert.Equal((UInt128)5, e.P5);
        Assert.Equal((UInt128)95, e.P95);
        Assert.Equal(50.5m, e.Mean);
    }

    private static void AssertExactly(ulong today, Estimate e)
    {
        Assert.Equal((UInt128)today, e.Today);
        Assert.Equal((decimal)today, e.Mean);
        Assert.Equal((UInt128)today, e.P5);
        Assert.Equal((UInt128)today, e.P95);
    }

    private static string Describe(ForecastFigures f) =>
        $"{f.Name} {f.Usable} {string.Join(",", f.HugePages)} {f.VmFit}";

    private static (string Host, Plan Plan)[] Hosts(int count)
    {
        var fleet = new FleetSynthesizer(new SynthOptions { Hosts = count, Records = 400 * count, Seed = 3 });
        return [.. Enumerable.Range(0, count).Select(h =>
        {
            var records = new List<RetiredRecord>();
            fleet.Records(h, records);
            return (fleet.HostName(h), Planner.Create(RegionSet.Create(fleet.Regions(h)), [.. records], PlanOptions.Default));
        })];
    }
}
