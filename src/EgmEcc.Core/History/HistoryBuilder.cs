using System.Collections.Immutable;
using EgmEcc.Fleet;
using EgmEcc.Wording;

namespace EgmEcc.History;

/// <summary>One host as a snapshot read it: its figures and, when it was collected, its own collection time.</summary>
/// <param name="Summary">The host's figures.</param>
/// <param name="CollectedAt">The <c>collectedAt</c> of the host's manifest (docs/design.md §3.8), or null.</param>
public readonly record struct SnapshotHost(HostSummary Summary, DateTimeOffset? CollectedAt = null);

/// <summary>One snapshot as read: its time and every host it holds.</summary>
/// <param name="Snapshot">The snapshot and its time.</param>
/// <param name="Hosts">Its hosts, each named once.</param>
public sealed record SnapshotReading(Snapshot Snapshot, ImmutableArray<SnapshotHost> Hosts);

/// <summary>
/// Builds a fleet's history from its dated snapshots (docs/design.md §4.13): every host's
/// observations in time order, and the changes that are not retirements (a host appearing,
/// vanishing, changing its regions, or losing retired pages), listed rather than mixed into its figures.
/// </summary>
public static class HistoryBuilder
{
    /// <summary>Builds the history of <paramref name="snapshots"/>, given in any order.</summary>
    /// <param name="options">The options every snapshot was planned with.</param>
    /// <param name="snapshots">The snapshots; no two of one time.</param>
    /// <param name="notes">Notes and warnings from reading them.</param>
    /// <exception cref="ArgumentException">Two snapshots of the same time, or a host twice in one snapshot
    /// (the reader's duty to refuse as input errors, where it knows the files).</exception>
    public static FleetHistory Build(PlanOptions options, IEnumerable<SnapshotReading> snapshots, IEnumerable<Diagnostic>? notes = null)
    {
        ArgumentNullException.ThrowIfNull(options);
        ArgumentNullException.ThrowIfNull(snapshots);

        // Oldest first; a stable sort, though equal times are refused just below.
        var ordered = snapshots.OrderBy(s => s.Snapshot.At).ToList();
        for (var s = 1; s < ordered.Count; s++)
        {
            if (ordered[s].Snapshot.At == ordered[s - 1].Snapshot.At)
            {
                throw new ArgumentException($"snapshots '{ordered[s - 1].Snapshot.Name}' and '{ordered[s].Snapshot.Name}' have the same time", nameof(snapshots));
            }
        }

        var byHost = new Dictionary<string, List<HostObservation>>(StringComparer.Ordinal);
        for (var s = 0; s < ordered.Count; s++)
        {
            var seen = new HashSet<string>(StringComparer.Ordinal);
            foreach (var host in ordered[s].Hosts)
            {
                var name = host.Summary.Host;
                if (!seen.Add(name))
                {
                    throw new ArgumentException($"host '{name}' is twice in snapshot '{ordered[s].Snapshot.Name}'", nameof(snapshots));
                }

                if (!byHost.TryGetValue(name, out var list))
                {
                    byHost[name] = list = [];
                }

                list.Add(new HostObservation(s, host.CollectedAt ?? ordered[s].Snapshot.At, host.Summary));
            }
        }

        var timelines = ImmutableArray.CreateBuilder<HostTimeline>(byHost.Count);
        foreach (var (host, list) in byHost.OrderBy(h => h.Key, StringComparer.Ordinal))
        {
            // Time order: a host's collection time may disagree with its snapshot's order (collected
            // late for one snapshot, early for the next); the snapshot breaks ties.
            timelines.Add(new HostTimeline(host, [.. list.OrderBy(o => o.At).ThenBy(o => o.Snapshot)]));
        }

        var hosts = timelines.MoveToImmutable();
        return new FleetHistory
        {
            Options = options,
            Snapshots = [.. ordered.Select(s => s.Snapshot)],
            Hosts = hosts,
            Changes = Changes(hosts, ordered.Count),
            Notes = notes is null ? [] : [.. notes],
        };
    }

    /// <summary>
    /// True when <paramref name="before"/> and <paramref name="after"/> have the same regions: the
    /// same ids, nodes, bases and sizes (docs/design.md §4.13). Only between two such observations
    /// are new retired pages counted.
    /// </summary>
    public static bool SameRegions(HostSummary before, HostSummary after)
    {
        ArgumentNullException.ThrowIfNull(before);
        ArgumentNullException.ThrowIfNull(after);
        if (before.Regions.Length != after.Regions.Length)
        {
            return false;
        }

        var others = after.Regions.ToDictionary(r => r.Id, StringComparer.Ordinal);
        return before.Regions.All(r => others.TryGetValue(r.Id, out var o) && SamePlace(r, o));
    }

    /// <summary>
    /// The pages the host retired since its previous observation (<c>newRetiredPages</c>,
    /// docs/design.md §4.13): null on its first observation, and after a change of regions or a
    /// decrease, where no count compares with the one before.
    /// </summary>
    /// <param name="timeline">The host's observations.</param>
    /// <param name="index">An index into <see cref="HostTimeline.Observations"/>.</param>
    public static ulong? NewRetiredPages(HostTimeline timeline, int index)
    {
        ArgumentNullException.ThrowIfNull(timeline);
        if (index == 0)
        {
            return null;
        }

        var before = timeline.Observations[index - 1].Summary;
        var after = timeline.Observations[index].Summary;
        return SameRegions(before, after) && after.RetiredPages >= before.RetiredPages ? after.RetiredPages - before.RetiredPages : null;
    }

    private static bool SamePlace(RegionSummary a, RegionSummary b) => a.Node == b.Node && a.Base == b.Base && a.SizeBytes == b.SizeBytes;

    private static ImmutableArray<HistoryChange> Changes(ImmutableArray<HostTimeline> hosts, int snapshotCount)
    {
        var changes = new List<HistoryChange>();
        foreach (var timeline in hosts)
        {
            var present = new HostObservation?[snapshotCount];
            foreach (var o in timeline.Observations)
            {
                present[o.Snapshot] = o;
            }

            // Membership follows the snapshots' order: absent from one the host was in before is vanished.
            HostObservation? last = null;
            for (var s = 0; s < snapshotCount; s++)
            {
                if (s > 0 && present[s] is { } now && present[s - 1] is null)
                {
                    changes.Add(new HistoryChange(timeline.Host, s, HistoryChangeKind.Appeared, Messages.HostAppeared(now.Summary)));
                }
                else if (s > 0 && present[s] is null && present[s - 1] is not null)
                {
                    changes.Add(new HistoryChange(timeline.Host, s, HistoryChangeKind.Vanished, Messages.HostVanished(last!.At)));
                }

                last = present[s] ?? last;
            }

            // Figures follow time: each observation against the one before it.
            for (var i = 1; i < timeline.Observations.Length; i++)
            {
                var before = timeline.Observations[i - 1];
                var after = timeline.Observations[i];
                if (!SameRegions(before.Summary, after.Summary))
                {
                    changes.Add(new HistoryChange(timeline.Host, after.Snapshot, HistoryChangeKind.RegionsChanged, Messages.RegionsChanged(Differences(before.Summary, after.Summary))));
                }

                if (after.Summary.RetiredPages < before.Summary.RetiredPages)
                {
                    changes.Add(new HistoryChange(timeline.Host, after.Snapshot, HistoryChangeKind.RetiredDecreased, Messages.RetiredDecreased(before.Summary.RetiredPages, after.Summary.RetiredPages)));
                }
            }
        }

        return [.. changes.OrderBy(c => c.Snapshot).ThenBy(c => c.Host, StringComparer.Ordinal).ThenBy(c => c.Kind)];
    }

    /// <summary>Each region removed, added or moved, in id order.</summary>
    private static IEnumerable<string> Differences(HostSummary before, HostSummary after)
    {
        var olds = before.Regions.ToDictionary(r => r.Id, StringComparer.Ordinal);
        var news = after.Regions.ToDictionary(r => r.Id, StringComparer.Ordinal);
        foreach (var id in olds.Keys.Union(news.Keys).Order(StringComparer.Ordinal))
        {
            var (old, @new) = (olds.GetValueOrDefault(id), news.GetValueOrDefault(id));
            if (old is null)
            {
                yield return Messages.RegionAdded(@new!);
            }
            else if (@new is null)
            {
                yield return Messages.RegionRemoved(old);
            }
            else if (!SamePlace(old, @new))
            {
                yield return Messages.RegionMoved(old, @new);
            }
        }
    }
}
