using System.Globalization;
using System.Text.Json;

namespace EgmEcc.Cli.Tests;

/// <summary>
/// The measured rates and the policies end to end, on a synthetic history whose true rates are
/// known (docs/design.md §4.10, §4.13, §4.14): synth writes it, history measures it.
/// </summary>
public class HistoryRecoveryTests
{
    private static readonly Lazy<(string Folder, Dictionary<string, double> Truth)> History = new(() =>
    {
        var folder = Path.Combine(Cli.TemporaryDirectory(), "history");
        var synth = Cli.Run("synth", "--hosts", "1000", "--records", "40000", "--snapshots", "12", "--interval", "30d", "--seed", "5", "-o", folder);
        Assert.True(synth.Exit == 0, synth.ToString());
        var truth = File.ReadLines(Path.Combine(folder, "rates.csv"))
            .Where(l => !l.StartsWith('#') && !l.StartsWith("host,", StringComparison.Ordinal))
            .Select(l => l.Split(','))
            .ToDictionary(f => f[0], f => double.Parse(f[1], CultureInfo.InvariantCulture), StringComparer.Ordinal);
        return (folder, truth);
    });

    /// <summary>
    /// The stated 5–95 % intervals hold the true rate for about 90 % of hosts: the nominal
    /// coverage, less two standard errors of a 1,000-host sample (about 1 %).
    /// </summary>
    [Fact]
    public void History_SyntheticFleet_IntervalsHoldTheTrueRates()
    {
        var (folder, truth) = History.Value;
        var run = Cli.Run("history", folder, "--format", "json");

        Assert.True(run.Exit == 0, run.ToString());
        using var json = JsonDocument.Parse(run.Out);
        var hosts = json.RootElement.GetProperty("hosts").EnumerateArray().ToArray();
        Assert.Equal(truth.Count, hosts.Length);
        var covered = hosts.Count(h =>
        {
            var rate = h.GetProperty("rate");
            var p5 = rate.GetProperty("p5").GetDouble();
            var p95 = rate.GetProperty("p95").GetDouble();
            var real = truth[h.GetProperty("host").GetString()!];
            return p5 <= real && real <= p95;
        });

        Assert.InRange(covered / (double)hosts.Length, 0.88, 0.95);
    }

    /// <summary>A rule over a time window names exactly the hosts whose own observations break it.</summary>
    [Fact]
    public void History_WindowRule_NamesExactlyTheHostsThatBreakIt()
    {
        var (folder, _) = History.Value;
        var csv = Cli.Run("history", folder, "--format", "csv");
        var policy = Cli.Run("history", folder, "--format", "json", "--rule", "critical recent: retired[60d] >= 40", "--rule", "warning total: retired >= 900");

        Assert.True(csv.Exit == 0, csv.ToString());
        Assert.Equal(3, policy.Exit);

        // By hand, from the observations: every host is in every snapshot, 30 days apart.
        var rows = csv.Out.Split('\n', StringSplitOptions.RemoveEmptyEntries).Skip(1).Select(l => l.Split(',')).ToArray();
        var byHost = rows.GroupBy(r => r[0], StringComparer.Ordinal).ToDictionary(g => g.Key, g => g.Select(r => ulong.Parse(r[7], CultureInfo.InvariantCulture)).ToArray(), StringComparer.Ordinal);
        var recent = byHost.Where(h => h.Value[^1] - h.Value[^3] >= 40).Select(h => h.Key).Order(StringComparer.Ordinal).ToArray();
        var total = byHost.Where(h => h.Value[^1] >= 900).Select(h => h.Key).Order(StringComparer.Ordinal).ToArray();

        using var json = JsonDocument.Parse(policy.Out);
        string[] Named(string rule) => [.. json.RootElement.GetProperty("policy").GetProperty("now").EnumerateArray()
            .Where(b => b.GetProperty("rule").GetString() == rule)
            .Select(b => b.GetProperty("host").GetString()!)
            .Order(StringComparer.Ordinal)];
        Assert.NotEmpty(recent);
        Assert.NotEmpty(total);
        Assert.Equal(recent, Named("recent"));
        Assert.Equal(total, Named("total"));
    }

    [Fact]
    public void Forecast_RatesFromHistory_DrawsEachHostAtItsOwnRate()
    {
        var (folder, _) = History.Value;
        var latest = Directory.GetDirectories(folder).Order(StringComparer.Ordinal).Last();

        var run = Cli.Run("forecast", "--dir", latest, "--rates-from-history", folder, "--trials", "20", "--format", "json");

        Assert.True(run.Exit == 0, run.ToString());
        using var json = JsonDocument.Parse(run.Out);
        Assert.Equal("measured", json.RootElement.GetProperty("forecast").GetProperty("rates").GetString());
        var rates = json.RootElement.GetProperty("hosts").EnumerateArray().ToDictionary(h => h.GetProperty("host").GetString()!, h => h.GetProperty("ratePerTiBYear").GetDouble(), StringComparer.Ordinal);
        using var history = JsonDocument.Parse(Cli.Run("history", folder, "--format", "json").Out);
        var measured = history.RootElement.GetProperty("hosts").EnumerateArray().ToDictionary(h => h.GetProperty("host").GetString()!, h => h.GetProperty("rate").GetProperty("perTiBYear").GetDouble(), StringComparer.Ordinal);
        Assert.Equal(1000, rates.Count);
        Assert.All(rates, r => Assert.Equal(measured[r.Key], r.Value, 0.0001));
        Assert.True(rates.Values.Distinct().Count() > 10, "hosts have rates of their own");
    }

    [Theory]
    [InlineData("egmecc: error: --rate and --rates-from-history exclude each other: give one rate, or measure each host's", "--rate", "5", "--rates-from-history", "data/history")]
    [InlineData("egmecc: error: --rate is required (or --rates-from-history SNAPSHOT...)")]
    public void Forecast_RateAndMeasuredRates_ExactlyOneIsAUsageRule(string line, params string[] extra)
    {
        var run = Cli.Run(["forecast", "--dir", "data/fleet/hosts", .. extra]);

        Assert.Equal(1, run.Exit);
        Assert.Equal(line, run.ErrorLines[0]);
    }

    [Fact]
    public void Forecast_OneSnapshotOnly_NoRateToMeasureIsAnInputError()
    {
        var run = Cli.Run("forecast", "--dir", "data/fleet/hosts", "--rates-from-history", "data/history/2026-01-01");

        Assert.Equal(2, run.Exit);
        Assert.Equal("egmecc: error: data/history/2026-01-01: no host was observed twice with the same regions, so no rate can be measured: give two or more dated snapshots of the fleet", run.ErrorLines.Last());
    }
}
