using System.Text.Json;

namespace EgmEcc.Cli.Tests;

/// <summary><c>egmecc history</c> end to end (docs/design.md §4.13): snapshots in, the history out, and every input error as one line.</summary>
public class HistoryCommandTests
{
    private const string Series = "data/history";

    [Fact]
    public void History_SampleSeries_ShowsEveryKindOfChange()
    {
        var run = Cli.Run("history", Series);

        Assert.Equal(0, run.Exit);
        Assert.StartsWith("history: 4 snapshots, 2026-01-01 to 2026-04-01, 5 hosts, 4 changes\n", run.Out, StringComparison.Ordinal);
        foreach (var kind in new[] { "  vanished  ", "  appeared  ", "  retired-decreased  ", "  regions-changed  " })
        {
            Assert.Contains(kind, run.Out, StringComparison.Ordinal);
        }

        // gh-b01's out-of-region record, once per snapshot it is in.
        Assert.Equal(4, run.ErrorLines.Count(l => l.StartsWith("egmecc: warning: data/history/", StringComparison.Ordinal) && l.Contains("gh-b01/retired.csv:4", StringComparison.Ordinal)));
    }

    [Fact]
    public void History_SnapshotsInAnyOrder_SameOutput()
    {
        var ordered = Cli.Run("history", $"{Series}/2026-01-01", $"{Series}/2026-02-01", $"{Series}/2026-03-01", $"{Series}/2026-04-01", "--format", "csv");
        var shuffled = Cli.Run("history", $"{Series}/2026-03-01", $"{Series}/2026-01-01", $"{Series}/2026-04-01", $"{Series}/2026-02-01", "--format", "csv");
        var series = Cli.Run("history", Series, "--format", "csv");

        Assert.Equal(0, ordered.Exit);
        Assert.Equal(ordered.Out, shuffled.Out);
        Assert.Equal(ordered.Out, series.Out);
    }

    [Fact]
    public void History_AnyParallelism_SameOutput()
    {
        var one = Cli.Run("history", Series, "--format", "json", "--parallel", "1");
        var three = Cli.Run("history", Series, "--format", "json", "--parallel", "3");

        Assert.Equal(0, one.Exit);
        Assert.Equal(one.Out, three.Out);
    }

    [Fact]
    public void History_FleetPlanJson_IsASnapshotLikeItsFolder()
    {
        var plan = Path.Combine(Cli.TemporaryDirectory(), "fleet-2026-05-01.json");
        Assert.Equal(0, Cli.Run("fleet", "--dir", $"{Series}/2026-04-01", "--plan-json", plan).Exit);

        var run = Cli.Run("history", Series, plan, "--format", "json");

        Assert.True(run.Exit == 0, run.ToString());
        using var json = JsonDocument.Parse(run.Out);
        var snapshots = json.RootElement.GetProperty("snapshots");
        Assert.Equal(plan, snapshots[4].GetProperty("name").GetString());
        Assert.Equal("2026-05-01T00:00:00Z", snapshots[4].GetProperty("at").GetString());
        foreach (var host in json.RootElement.GetProperty("hosts").EnumerateArray().Where(h => h.GetProperty("host").GetString() != "gh-a02"))
        {
            var last = host.GetProperty("observations").EnumerateArray().Last();
            Assert.Equal((plan, 0), (last.GetProperty("snapshot").GetString(), last.GetProperty("newRetiredPages").GetInt32()));
        }
    }

    [Fact]
    public void History_FolderWithoutDateOrCollection_IsAnInputError()
    {
        Cli.AssertInputError(
            Cli.Run("history", "data/fleet/hosts"),
            "egmecc: error: data/fleet/hosts: no time: name it by its date, such as 2026-03-01, or collect it with egmecc collect");
    }

    [Fact]
    public void History_SameSnapshotTwice_IsAnInputError()
    {
        Cli.AssertInputError(
            Cli.Run("history", $"{Series}/2026-02-01", $"{Series}/2026-01-01", $"{Series}/2026-02-01"),
            "egmecc: error: data/history/2026-02-01: the same time as data/history/2026-02-01 (2026-02-01T00:00:00Z); every snapshot needs a time of its own");
    }

    [Fact]
    public void History_MissingFolder_IsAnInputError()
    {
        Cli.AssertInputError(
            Cli.Run("history", $"{Series}/2026-01-01", $"{Series}/2026-05-01"),
            "egmecc: error: data/history/2026-05-01: no such file or directory");
    }

    [Fact]
    public void History_FolderOfNoHosts_IsAnInputError()
    {
        var empty = Directory.CreateDirectory(Path.Combine(Cli.TemporaryDirectory(), "2026-06-01")).FullName;

        Cli.AssertInputError(
            Cli.Run("history", $"{Series}/2026-01-01", empty),
            $"egmecc: error: {empty}: the directory has no host folders; expected one folder per host");
    }

    [Fact]
    public void History_StandardInput_IsAUsageError()
    {
        Cli.AssertUsageError(
            Cli.Run("history", "-"),
            "egmecc: error: a SNAPSHOT is a folder or a plan file named by its date; standard input ('-') has no name to date it by");
    }

    [Fact]
    public void History_NoSnapshot_IsAUsageError()
    {
        var run = Cli.Run("history");

        Assert.Equal(1, run.Exit);
        Assert.Equal(string.Empty, run.Out);
    }

    [Fact]
    public void History_MisspeltOption_IsAnUnknownOptionNotASnapshot()
    {
        Cli.AssertUsageError(Cli.Run("history", Series, "--fromat", "csv"), "egmecc: error: unknown option '--fromat'; did you mean '--format'?");
    }

    [Fact]
    public void History_OtherOptionsThanAPlanSnapshot_IsAnInputError()
    {
        var plan = Path.Combine(Cli.TemporaryDirectory(), "fleet-2026-05-01.json");
        Assert.Equal(0, Cli.Run("fleet", "--dir", $"{Series}/2026-04-01", "--plan-json", plan).Exit);

        var run = Cli.Run("history", Series, plan, "--granule", "4K");

        Cli.AssertInputError(run, $"egmecc: error: {plan}: the plan was made with other options than this run (granule 64K in the plan, 4K here); plan every snapshot alike, giving the plan's options");
    }
}
