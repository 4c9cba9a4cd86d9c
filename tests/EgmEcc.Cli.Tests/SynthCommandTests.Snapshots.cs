namespace EgmEcc.Cli.Tests;

public class SynthSnapshotsTests
{
    private static string[] Files(string root) =>
        [.. Directory.EnumerateFiles(root, "*", SearchOption.AllDirectories).Select(f => Path.GetRelativePath(root, f)).Order(StringComparer.Ordinal)];

    [Fact]
    public void Snapshots_DatedTreesAndTrueRates_ByteIdenticalForTheSameSeed()
    {
        var a = Cli.TemporaryDirectory();
        var b = Cli.TemporaryDirectory();
        var made = Cli.Run("synth", "--hosts", "7", "--records", "70", "--snapshots", "3", "--interval", "1w", "-o", a);
        Assert.Equal(0, made.Exit);
        Assert.Contains("snapshots=3 interval=7d start=2026-01-01T00:00:00Z", made.Out);
        Assert.EndsWith("(tree)\n", made.Out);
        Assert.Equal(0, Cli.Run("synth", "--hosts", "7", "--records", "70", "--snapshots", "3", "--interval", "1w", "-o", b).Exit);

        // Every subfolder is a date (a series, docs/design.md §4.13); rates.csv is a file beside them.
        Assert.Equal(["2026-01-01", "2026-01-08", "2026-01-15"], Directory.GetDirectories(a).Select(Path.GetFileName).Order(StringComparer.Ordinal));
        Assert.Equal(Files(a), Files(b));
        Assert.Equal(1 + (3 * 7 * 2), Files(a).Length);
        Assert.All(Files(a), f => Assert.Equal(File.ReadAllBytes(Path.Combine(a, f)), File.ReadAllBytes(Path.Combine(b, f))));

        var rates = File.ReadAllLines(Path.Combine(a, "rates.csv"));
        Assert.StartsWith("# true retirement rates", rates[0]);
        Assert.Equal("host,ratePerTiBYear", rates[1]);
        Assert.Equal(9, rates.Length);
        Assert.All(rates[2..], l => Assert.Matches(@"^host-\d{4},\d+(\.\d+)?(E[-+]?\d+)?$", l));
    }

    [Fact]
    public void Snapshots_ARetiredPageStaysRetired_EachSnapshotsRecordsStartWithThePrevious()
    {
        var dir = Cli.TemporaryDirectory();
        Assert.Equal(0, Cli.Run("synth", "--hosts", "60", "--records", "600", "--snapshots", "4", "--interval", "90d", "-o", dir).Exit);
        var dates = Directory.GetDirectories(dir).Order(StringComparer.Ordinal).ToArray();
        var grew = 0;
        foreach (var host in Directory.GetDirectories(dates[0]).Select(Path.GetFileName))
        {
            for (var k = 1; k < dates.Length; k++)
            {
                var before = File.ReadAllLines(Path.Combine(dates[k - 1], host!, "retired.csv"));
                var after = File.ReadAllLines(Path.Combine(dates[k], host!, "retired.csv"));
                Assert.Equal(before, after[..before.Length]);
                Assert.Equal(File.ReadAllText(Path.Combine(dates[0], host!, "regions.csv")), File.ReadAllText(Path.Combine(dates[k], host!, "regions.csv")));
                grew += after.Length > before.Length ? 1 : 0;
            }
        }

        Assert.True(grew > 60, $"only {grew} host-intervals retired a page");
    }

    [Fact]
    public void OneSnapshot_WithoutInterval_IsTodaysTree()
    {
        var tree = Cli.TemporaryDirectory();
        var one = Cli.TemporaryDirectory();
        Assert.Equal(0, Cli.Run("synth", "--hosts", "3", "--records", "30", "--layout", "tree", "-o", tree).Exit);
        var run = Cli.Run("synth", "--hosts", "3", "--records", "30", "--layout", "tree", "--snapshots", "1", "-o", one);
        Assert.Equal("wrote hosts=3 sockets=2 records=30 seed=1 to " + one + " (tree)\n", run.Out);
        Assert.Equal(Files(tree), Files(one));
        Assert.All(Files(tree), f => Assert.Equal(File.ReadAllBytes(Path.Combine(tree, f)), File.ReadAllBytes(Path.Combine(one, f))));
    }

    [Fact]
    public void Snapshots_HoursAndAStart_NameFoldersByTime()
    {
        var dir = Cli.TemporaryDirectory();
        Assert.Equal(0, Cli.Run("synth", "--hosts", "1", "--records", "1", "--snapshots", "3", "--interval", "12h", "--start", "2026-03-01", "-o", dir).Exit);
        Assert.Equal(["2026-03-01T00:00:00Z", "2026-03-01T12:00:00Z", "2026-03-02T00:00:00Z"], Directory.GetDirectories(dir).Select(Path.GetFileName).Order(StringComparer.Ordinal));
    }

    [Theory]
    [InlineData("--snapshots 2", "egmecc: error: 2 snapshots need --interval, a positive duration such as 30d")]
    [InlineData("--snapshots 0", "egmecc: error: --snapshots must be between 1 and 10000, not 0")]
    [InlineData("--interval 5x", "egmecc: error: --interval: '5x' is not a duration; give a positive whole number and a unit, w, d or h (30d, 1w, 12h)")]
    [InlineData("--interval 0d", "egmecc: error: --interval: '0d' is not a duration; give a positive whole number and a unit, w, d or h (30d, 1w, 12h)")]
    [InlineData("--snapshots 2 --interval 1d --start 2026-02-30", "egmecc: error: --start: '2026-02-30' is not a date; give yyyy-MM-dd or yyyy-MM-ddTHH:mm:ssZ (UTC)")]
    [InlineData("--start 2026-02-01", "egmecc: error: --start: the first snapshot's date needs a history; give --snapshots N and --interval DURATION too")]
    [InlineData("--snapshots 2 --interval 1d --layout csv", "egmecc: error: --layout csv: a history (--snapshots, --interval) is written as one tree per snapshot; leave out --layout or give --layout tree")]
    [InlineData("--snapshots 3 --interval 1000000w", "egmecc: error: 3 snapshots at --interval end after 9999-12-31, the last date a snapshot can have")]
    public void Snapshots_BadOptions_AreUsageErrors(string options, string line)
    {
        var dir = Path.Combine(Cli.TemporaryDirectory(), "out");
        var run = Cli.Run(["synth", .. options.Split(' '), "-o", dir]);
        Assert.Equal(1, run.Exit);
        Assert.Equal(line, run.Error.Split('\n')[0]);
        Assert.False(Directory.Exists(dir));
    }
}
