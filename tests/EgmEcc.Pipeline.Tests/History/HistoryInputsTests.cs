using EgmEcc.Formats.Output;
using EgmEcc.History;
using EgmEcc.Pipeline.History;

namespace EgmEcc.Pipeline.Tests.History;

/// <summary>Snapshot arguments into a dated history (docs/design.md §4.13): folders, series, plans, times and their errors.</summary>
public class HistoryInputsTests
{
    private static readonly string Series = Path.Combine(FleetData.Root, "data", "history");

    private static HistoryLoad Load(params string[] snapshots) => new HistoryInputs { Snapshots = snapshots }.Load(PlanOptions.Default, parallelism: 2);

    private static InputException Error(params string[] snapshots) => Assert.Throws<InputException>(() => Load(snapshots));

    private static DateTimeOffset Utc(int year, int month, int day, int hour = 0, int minute = 0) => new(year, month, day, hour, minute, 0, TimeSpan.Zero);

    /// <summary>A copy of a sample host folder (and its manifest, collected at <paramref name="collectedAt"/> when given).</summary>
    private static void CopyHost(string from, string to, DateTimeOffset? collectedAt = null)
    {
        Directory.CreateDirectory(to);
        foreach (var file in Directory.GetFiles(from).Where(f => Path.GetFileName(f) != "manifest.json"))
        {
            File.Copy(file, Path.Combine(to, Path.GetFileName(file)));
        }

        if (collectedAt is { } at)
        {
            File.WriteAllText(Path.Combine(to, "manifest.json"), $$"""
                { "schema": "egmecc.collect/1", "host": "{{Path.GetFileName(to)}}", "collectedAt": "{{at.UtcDateTime:yyyy-MM-dd'T'HH:mm:ss'Z'}}",
                  "hostPageBytes": 65536, "egmeccVersion": "test" }
                """);
        }
    }

    [Fact]
    public void Load_SeriesFolder_StandsForItsDateNamedFolders()
    {
        var history = Load(Series).History;

        Assert.Equal(["2026-01-01", "2026-02-01", "2026-03-01", "2026-04-01"], history.Snapshots.Select(s => Path.GetFileName(s.Name)));
        Assert.Equal([Utc(2026, 1, 1), Utc(2026, 2, 1), Utc(2026, 3, 1), Utc(2026, 4, 1)], history.Snapshots.Select(s => s.At));
        Assert.Equal(["gh-a01", "gh-a02", "gh-a03", "gh-b01", "gh-c01"], history.Hosts.Select(h => h.Host));
        Assert.Equal(
            [HistoryChangeKind.Vanished, HistoryChangeKind.Appeared, HistoryChangeKind.RetiredDecreased, HistoryChangeKind.RegionsChanged],
            history.Changes.Select(c => c.Kind));
    }

    [Fact]
    public void Load_CollectedHost_IsDatedByItsManifest()
    {
        var c01 = Load(Series).History.Hosts.Single(h => h.Host == "gh-c01");

        Assert.Equal([Utc(2026, 3, 2, 9, 30), Utc(2026, 4, 1, 10, 15)], c01.Observations.Select(o => o.At));
    }

    [Fact]
    public void Load_FoldersInAnyOrder_AreTakenOldestFirst()
    {
        var history = Load(Path.Combine(Series, "2026-04-01"), Path.Combine(Series, "2026-01-01")).History;

        Assert.Equal([Utc(2026, 1, 1), Utc(2026, 4, 1)], history.Snapshots.Select(s => s.At));
    }

    [Fact]
    public void Load_FolderWithoutADateInItsName_IsDatedByItsLatestCollection()
    {
        using var temp = new TempDir();
        var folder = Path.Combine(temp.Path, "fleet");
        CopyHost(Path.Combine(FleetData.SampleTree, "gh-a01"), Path.Combine(folder, "gh-a01"), Utc(2026, 5, 2, 8, 0));
        CopyHost(Path.Combine(FleetData.SampleTree, "gh-a02"), Path.Combine(folder, "gh-a02"), Utc(2026, 5, 3, 7, 0));
        CopyHost(Path.Combine(FleetData.SampleTree, "gh-b01"), Path.Combine(folder, "gh-b01"));

        var history = Load(folder).History;

        Assert.Equal(Utc(2026, 5, 3, 7, 0), Assert.Single(history.Snapshots).At);
        Assert.Equal([Utc(2026, 5, 2, 8, 0), Utc(2026, 5, 3, 7, 0), Utc(2026, 5, 3, 7, 0)], history.Hosts.Select(h => h.Latest.At));
    }

    [Fact]
    public void Load_FolderWithNeitherDateNorCollection_IsAnInputErrorAtTheFolder()
    {
        var e = Error(FleetData.SampleTree);

        Assert.Equal(FleetData.SampleTree, e.Location.File);
        Assert.Equal("no time: name it by its date, such as 2026-03-01, or collect it with egmecc collect", e.Message);
    }

    [Fact]
    public void Load_TwoFoldersOfOneDate_IsAnInputErrorAtTheSecond()
    {
        using var temp = new TempDir();
        var other = Path.Combine(temp.Path, "fleet-2026-02-01");
        CopyHost(Path.Combine(FleetData.SampleTree, "gh-a01"), Path.Combine(other, "gh-a01"));

        // Both named by one date: refused before any planning, even of a folder planning would refuse.
        File.WriteAllText(Path.Combine(other, "gh-a01", "regions.csv"), "id,node,base,size\negm0,0,0x1000,zz\n");

        var e = Error(Path.Combine(Series, "2026-02-01"), other);

        Assert.Equal(other, e.Location.File);
        Assert.Equal($"the same time as {Path.Combine(Series, "2026-02-01")} (2026-02-01T00:00:00Z); every snapshot needs a time of its own", e.Message);
    }

    [Fact]
    public void Load_TwoFoldersCollectedAtOneTime_IsAnInputError()
    {
        using var temp = new TempDir();
        foreach (var name in new[] { "one", "two" })
        {
            CopyHost(Path.Combine(FleetData.SampleTree, "gh-a01"), Path.Combine(temp.Path, name, "gh-a01"), Utc(2026, 5, 2, 8, 0));
        }

        var e = Error(Path.Combine(temp.Path, "one"), Path.Combine(temp.Path, "two"));

        Assert.Equal(Path.Combine(temp.Path, "two"), e.Location.File);
        Assert.StartsWith("the same time as ", e.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Load_MissingPath_IsAnInputError()
    {
        var missing = Path.Combine(Series, "2026-13-99-missing");

        var e = Error(Path.Combine(Series, "2026-01-01"), missing);

        Assert.Equal((missing, "no such file or directory"), (e.Location.File, e.Message));
    }

    [Fact]
    public void Load_FolderOfNoHosts_IsAnInputError()
    {
        using var temp = new TempDir();
        var empty = Directory.CreateDirectory(Path.Combine(temp.Path, "2026-06-01")).FullName;

        var e = Error(empty);

        Assert.Equal(empty, e.Location.File);
        Assert.Contains("no host folders", e.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("2026-03-01", "2026-03-01T00:00:00Z")]
    [InlineData("2026-03-01T08:00:00Z", "2026-03-01T08:00:00Z")]
    [InlineData("fleet-2026-03-01.json", "2026-03-01T00:00:00Z")]
    [InlineData("dc1/snapshots/fleet-2026-03-01T08:00:00Z.json", "2026-03-01T08:00:00Z")]
    [InlineData("2026-03-01/", "2026-03-01T00:00:00Z")]
    [InlineData("2026-03-01/fleet", null)]
    [InlineData("fleet.json", null)]
    public void NamedTime_DateInTheLastComponent(string path, string? expected)
    {
        Assert.Equal(expected, HistoryInputs.NamedTime(path)?.UtcDateTime.ToString("yyyy-MM-dd'T'HH:mm:ss'Z'", System.Globalization.CultureInfo.InvariantCulture));
    }

    [Fact]
    public void NamedTime_ShapedAsADateButNone_IsAnInputError()
    {
        var e = Assert.Throws<InputException>(() => HistoryInputs.NamedTime("fleet-2026-02-30.json"));

        Assert.Equal("'2026-02-30' in the name is not a date; name a snapshot by its date, such as 2026-03-01 or 2026-03-01T08:00:00Z", e.Message);
    }

    [Fact]
    public void Load_FleetPlanJson_GivesTheFiguresItsFolderGives()
    {
        using var temp = new TempDir();
        var folder = Path.Combine(Series, "2026-04-01");
        var plan = WritePlan(folder, Path.Combine(temp.Path, "fleet-2026-05-01.json"), PlanOptions.Default);

        var history = Load(folder, plan).History;

        Assert.Equal([folder, plan], history.Snapshots.Select(s => s.Name));
        foreach (var host in history.Hosts)
        {
            var (fromFolder, fromPlan) = (host.Observations[0].Summary, host.Observations[1].Summary);
            Assert.Equal(fromFolder.Regions, fromPlan.Regions, (a, b) => a with { HugePages = [] } == b with { HugePages = [] } && a.HugePages.SequenceEqual(b.HugePages));
            Assert.Equal(fromFolder.TableEntries, fromPlan.TableEntries);
            Assert.Equal(0UL, HistoryBuilder.NewRetiredPages(host, 1));
        }

        Assert.Empty(history.Changes);
    }

    [Fact]
    public void Load_PlanJsonWithoutADate_IsAnInputErrorBeforeAnyPlanning()
    {
        using var temp = new TempDir();
        var plan = WritePlan(Path.Combine(Series, "2026-04-01"), Path.Combine(temp.Path, "fleet.json"), PlanOptions.Default);

        // A folder before it that planning would refuse: the plan's error comes first, as it needs no planning.
        var broken = Directory.CreateDirectory(Path.Combine(temp.Path, "2026-01-01", "h1")).FullName;
        File.WriteAllText(Path.Combine(broken, "regions.csv"), "id,node,base,size\negm0,0,0x1000,zz\n");

        var e = Error(Path.GetDirectoryName(broken)!, plan);

        Assert.Equal((plan, "no time: name it by its date, such as 2026-03-01, or collect it with egmecc collect"), (e.Location.File, e.Message));
    }

    [Fact]
    public void Load_PlanJsonOfOtherOptions_IsAnInputError()
    {
        using var temp = new TempDir();
        var plan = WritePlan(Path.Combine(Series, "2026-04-01"), Path.Combine(temp.Path, "fleet-2026-05-01.json"), new PlanOptions(granule: 4096, hugePages: [1UL << 30]));

        var e = Error(plan);

        Assert.Equal("the plan was made with other options than this run (granule 4K in the plan, 64K here, huge pages 1G in the plan, 2M,32M,512M,1G here); plan every snapshot alike, giving the plan's options", e.Message);
    }

    [Fact]
    public void Load_PlanJsonWithoutHostNames_IsAnInputError()
    {
        using var temp = new TempDir();
        var plan = Path.Combine(temp.Path, "host-2026-05-01.json");
        var single = new HostInputs
        {
            Regions = [Formats.Inputs.InputFile.FromPath(Path.Combine(FleetData.SampleTree, "gh-a01", "regions.csv"))],
            Retired = [],
        }.Plan(PlanOptions.Default);
        using (var writer = new StreamWriter(plan))
        {
            new PlanJsonWriter().Write(single, writer, new OutputOptions());
        }

        var e = Error(plan);

        Assert.Equal("the plan names no host, and a history follows hosts by name: use a fleet's plan, as egmecc fleet writes it", e.Message);
    }

    [Fact]
    public void Load_RegionMovedBetweenFolders_IsARegionsChange()
    {
        using var temp = new TempDir();
        var (before, after) = (Path.Combine(temp.Path, "2026-01-01", "h1"), Path.Combine(temp.Path, "2026-02-01", "h1"));
        Directory.CreateDirectory(before);
        Directory.CreateDirectory(after);
        File.WriteAllText(Path.Combine(before, "regions.csv"), "id,node,base,size\negm0,0,0x2200000000,448G\n");
        File.WriteAllText(Path.Combine(after, "regions.csv"), "id,node,base,size\negm0,0,0x2400000000,448G\n");

        var change = Assert.Single(Load(temp.Path).History.Changes);

        Assert.Equal(("h1", 1, HistoryChangeKind.RegionsChanged), (change.Host, change.Snapshot, change.Kind));
    }

    [Fact]
    public void Load_Warnings_CountEveryObservationAndTheHostsThatGaveThem()
    {
        var warnings = Load(Series).Warnings;

        // gh-b01's out-of-region record, in each of the four snapshots.
        Assert.Equal((4L, 1), (warnings.HostWarnings, warnings.HostsWithWarnings));
        Assert.Equal(4, warnings.First.Length);
    }

    [Fact]
    public void Load_Progress_CountsEveryHostOfEverySnapshot()
    {
        var progress = new FleetProgress();

        new HistoryInputs { Snapshots = [Series] }.Load(PlanOptions.Default, progress: progress);

        Assert.Equal((16, 16), (progress.Done, progress.Total));
    }

    private static string WritePlan(string fleet, string path, PlanOptions options)
    {
        var (_, plan) = FleetRun.ReportWithPlan(new DirectoryFleetSource(fleet), options);
        using var writer = new StreamWriter(path);
        new PlanJsonWriter().Write(plan, writer, new OutputOptions());
        return path;
    }
}
