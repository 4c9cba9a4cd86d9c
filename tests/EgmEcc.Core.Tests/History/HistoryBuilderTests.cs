using System.Collections.Immutable;
using EgmEcc.Fleet;
using EgmEcc.History;
using FsCheck;
using FsCheck.Fluent;

namespace EgmEcc.Tests.History;

/// <summary>A fleet's history from dated snapshots (docs/design.md §4.13): timelines, changes, new pages.</summary>
public class HistoryBuilderTests
{
    private static readonly DateTimeOffset Jan = new(2026, 1, 1, 0, 0, 0, TimeSpan.Zero);

    private static DateTimeOffset Month(int n) => Jan.AddMonths(n);

    /// <summary>A host of one 448 GiB region (or the regions given) with <paramref name="retired"/> retired pages.</summary>
    private static HostSummary Host(string name, ulong retired = 0, params RegionSummary[] regions) => new()
    {
        Host = name,
        Regions = regions.Length > 0 ? [.. regions] : [Region("egm0", retired: retired)],
        Accounting = new Accounting(0, 0, 0, 0, 0),
        Warnings = 0,
        VmFit = 0,
    };

    private static RegionSummary Region(string id, int node = 0, ulong @base = 0x22_0000_0000, ulong size = 448UL << 30, ulong retired = 0) =>
        new(id, node, size, size - (retired * 0x10000), [size >> 30], 0, RetiredPages: retired, Base: @base);

    private static SnapshotReading Snapshot(int month, params HostSummary[] hosts) =>
        new(new Snapshot($"s{month}", Month(month)), [.. hosts.Select(h => new SnapshotHost(h))]);

    private static FleetHistory Build(params SnapshotReading[] snapshots) => HistoryBuilder.Build(PlanOptions.Default, snapshots);

    [Fact]
    public void Build_SnapshotsInAnyOrder_AreTakenOldestFirst()
    {
        var history = Build(Snapshot(2, Host("a", 5)), Snapshot(0, Host("a", 1)), Snapshot(1, Host("a", 3)));

        Assert.Equal(["s0", "s1", "s2"], history.Snapshots.Select(s => s.Name));
        var a = Assert.Single(history.Hosts);
        Assert.Equal([1UL, 3UL, 5UL], a.Observations.Select(o => o.Summary.RetiredPages));
        Assert.Equal([0, 1, 2], a.Observations.Select(o => o.Snapshot));
        Assert.Empty(history.Changes);
    }

    [Fact]
    public void Build_Hosts_InOrdinalOrder()
    {
        var history = Build(Snapshot(0, Host("b"), Host("B"), Host("a"), Host("a-2")));

        Assert.Equal(["B", "a", "a-2", "b"], history.Hosts.Select(h => h.Host));
    }

    [Fact]
    public void Build_HostMissingFromASnapshot_VanishesThenAppears()
    {
        var history = Build(Snapshot(0, Host("a"), Host("b")), Snapshot(1, Host("a")), Snapshot(2, Host("a"), Host("b")), Snapshot(3, Host("a"), Host("c")));

        Assert.Equal(
            [(1, "b", HistoryChangeKind.Vanished), (2, "b", HistoryChangeKind.Appeared), (3, "b", HistoryChangeKind.Vanished), (3, "c", HistoryChangeKind.Appeared)],
            history.Changes.Select(c => (c.Snapshot, c.Host, c.Kind)));
        Assert.Equal("last seen 2026-01-01T00:00:00Z", history.Changes[0].Detail);
        Assert.Equal("1 region: egm0", history.Changes[1].Detail);
    }

    [Theory]
    [InlineData("egm1", 0, 0x22_0000_0000UL, 448UL << 30, "egm0 (PXM 0, base 0x2200000000, 448 GiB) removed; egm1 (PXM 0, base 0x2200000000, 448 GiB) added")]
    [InlineData("egm0", 1, 0x22_0000_0000UL, 448UL << 30, "egm0 (PXM 0, base 0x2200000000, 448 GiB) -> PXM 1, base 0x2200000000, 448 GiB")]
    [InlineData("egm0", 0, 0x23_0000_0000UL, 448UL << 30, "egm0 (PXM 0, base 0x2200000000, 448 GiB) -> PXM 0, base 0x2300000000, 448 GiB")]
    [InlineData("egm0", 0, 0x22_0000_0000UL, 440UL << 30, "egm0 (PXM 0, base 0x2200000000, 448 GiB) -> PXM 0, base 0x2200000000, 440 GiB")]
    public void Build_RegionIdNodeBaseOrSizeDiffers_IsARegionsChange(string id, int node, ulong @base, ulong size, string detail)
    {
        var history = Build(Snapshot(0, Host("a", 0, Region("egm0"))), Snapshot(1, Host("a", 0, Region(id, node, @base, size))));

        var change = Assert.Single(history.Changes);
        Assert.Equal((1, "a", HistoryChangeKind.RegionsChanged, detail), (change.Snapshot, change.Host, change.Kind, change.Detail));
        Assert.Null(HistoryBuilder.NewRetiredPages(history.Hosts[0], 1));
    }

    [Fact]
    public void Build_RegionAdded_IsARegionsChange()
    {
        var history = Build(Snapshot(0, Host("a", 0, Region("egm0"))), Snapshot(1, Host("a", 0, Region("egm0"), Region("egm1", 1, 0x4022_0000_0000))));

        Assert.Equal(HistoryChangeKind.RegionsChanged, Assert.Single(history.Changes).Kind);
    }

    [Fact]
    public void Build_SameRegionsMoreRetired_IsNoChangeAndCountsTheNewPages()
    {
        var history = Build(Snapshot(0, Host("a", 2)), Snapshot(1, Host("a", 2)), Snapshot(2, Host("a", 7)));

        Assert.Empty(history.Changes);
        var a = history.Hosts[0];
        Assert.Equal([null, 0UL, 5UL], Enumerable.Range(0, 3).Select(i => HistoryBuilder.NewRetiredPages(a, i)));
    }

    [Fact]
    public void Build_FewerRetiredPages_IsAChangeWithNoNewPages()
    {
        var history = Build(Snapshot(0, Host("a", 9)), Snapshot(1, Host("a", 4)));

        var change = Assert.Single(history.Changes);
        Assert.Equal((HistoryChangeKind.RetiredDecreased, "retired pages 9 -> 4"), (change.Kind, change.Detail));
        Assert.Null(HistoryBuilder.NewRetiredPages(history.Hosts[0], 1));
    }

    [Fact]
    public void Build_CollectedAt_DatesTheObservationInsteadOfTheSnapshot()
    {
        var collected = Month(0).AddDays(1).AddHours(9);
        var history = HistoryBuilder.Build(PlanOptions.Default, [new(new Snapshot("s0", Month(0)), [new SnapshotHost(Host("a"), collected), new SnapshotHost(Host("b"))])]);

        Assert.Equal([collected, Month(0)], history.Hosts.Select(h => h.Latest.At));
    }

    [Fact]
    public void Build_CollectedOutOfSnapshotOrder_ObservationsStayInTimeOrder()
    {
        // Collected late for January's snapshot, early for February's.
        var history = HistoryBuilder.Build(PlanOptions.Default, [
            new(new Snapshot("s0", Month(0)), [new SnapshotHost(Host("a", 1), Month(2))]),
            new(new Snapshot("s1", Month(1)), [new SnapshotHost(Host("a", 3), Month(1).AddDays(-20))]),
        ]);

        Assert.Equal([1, 0], history.Hosts[0].Observations.Select(o => o.Snapshot));
        Assert.Equal(HistoryChangeKind.RetiredDecreased, Assert.Single(history.Changes).Kind);
    }

    [Fact]
    public void Build_TwoSnapshotsOfOneTime_Throws()
    {
        Assert.Throws<ArgumentException>(() => Build(Snapshot(0, Host("a")), Snapshot(0, Host("b"))));
    }

    [Fact]
    public void Build_HostTwiceInOneSnapshot_Throws()
    {
        Assert.Throws<ArgumentException>(() => Build(Snapshot(0, Host("a"), Host("a", 3))));
    }

    /// <summary>
    /// Over random fleets (hosts present or not in each snapshot, regions that move, retired pages
    /// that go up and down): every (host, snapshot) pair is an observation exactly when replaying
    /// the appeared/vanished changes from the first snapshot says the host is there; observations
    /// are in time order; and every pair of consecutive observations with other regions or fewer
    /// pages is a change, and no other.
    /// </summary>
    [Fact]
    public void Build_AnyFleet_ChangesAccountForEveryHostAndSnapshot()
    {
        var cell = from present in Gen.Frequency((3, Gen.Constant(true)), (1, Gen.Constant(false)))
                   from moved in Gen.Frequency((5, Gen.Constant(0UL)), (1, Gen.Constant(0x1_0000_0000UL)))
                   from retired in Gen.Choose(0, 6)
                   from late in Gen.Elements(-1, 0, 3, 40)
                   select (present, moved, retired: (ulong)retired, late);
        var fleet = from hosts in Gen.Choose(1, 5)
                    from snapshots in Gen.Choose(1, 6)
                    from cells in cell.ArrayOf(hosts * snapshots)
                    select (hosts, snapshots, cells);

        Properties.Check(fleet, f =>
        {
            var readings = Enumerable.Range(0, f.snapshots).Select(s => new SnapshotReading(
                new Snapshot($"s{s}", Month(s)),
                [.. Enumerable.Range(0, f.hosts)
                    .Select(h => (h, c: f.cells[(s * f.hosts) + h]))
                    .Where(x => x.c.present)
                    .Select(x => new SnapshotHost(
                        Host($"h{x.h}", 0, Region("egm0", @base: 0x22_0000_0000 + x.c.moved, retired: x.c.retired)),
                        x.c.late < 0 ? null : Month(s).AddDays(x.c.late)))]))
                .Reverse()
                .ToList();

            var history = HistoryBuilder.Build(PlanOptions.Default, readings);

            foreach (var timeline in history.Hosts)
            {
                var observed = new bool[f.snapshots];
                foreach (var o in timeline.Observations)
                {
                    Assert.False(observed[o.Snapshot], "one observation per snapshot");
                    observed[o.Snapshot] = true;
                }

                var there = observed[0];
                for (var s = 1; s < f.snapshots; s++)
                {
                    var kinds = history.Changes.Where(c => c.Host == timeline.Host && c.Snapshot == s).Select(c => c.Kind).ToList();
                    if (kinds.Contains(HistoryChangeKind.Appeared))
                    {
                        Assert.False(there);
                        there = true;
                    }

                    if (kinds.Contains(HistoryChangeKind.Vanished))
                    {
                        Assert.True(there);
                        there = false;
                    }

                    Assert.Equal(observed[s], there);
                }

                var times = timeline.Observations.Select(o => o.At).ToList();
                Assert.Equal(times.Order(), times);

                var expected = new List<(int, HistoryChangeKind)>();
                for (var i = 1; i < timeline.Observations.Length; i++)
                {
                    var (before, after) = (timeline.Observations[i - 1], timeline.Observations[i]);
                    if (before.Summary.Regions[0].Base != after.Summary.Regions[0].Base)
                    {
                        expected.Add((after.Snapshot, HistoryChangeKind.RegionsChanged));
                    }

                    if (after.Summary.RetiredPages < before.Summary.RetiredPages)
                    {
                        expected.Add((after.Snapshot, HistoryChangeKind.RetiredDecreased));
                    }
                }

                var listed = history.Changes.Where(c => c.Host == timeline.Host && c.Kind is HistoryChangeKind.RegionsChanged or HistoryChangeKind.RetiredDecreased).Select(c => (c.Snapshot, c.Kind));
                Assert.Equal(expected.Order(), listed.Order());
            }

            // Changes come in snapshot, then host order.
            Assert.Equal(history.Changes.OrderBy(c => c.Snapshot).ThenBy(c => c.Host, StringComparer.Ordinal), history.Changes);
        }, maxTest: 500);
    }
}
