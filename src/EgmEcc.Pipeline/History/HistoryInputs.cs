using System.Collections.Immutable;
using System.Globalization;
using System.Text.RegularExpressions;
using EgmEcc.Fleet;
using EgmEcc.Forecasting;
using EgmEcc.Formats.Inputs;
using EgmEcc.Formats.Json;
using EgmEcc.History;
using EgmEcc.Pipeline.Wording;

namespace EgmEcc.Pipeline.History;

/// <summary>A fleet's history as read, and the warnings its hosts' plans gave on the way.</summary>
/// <param name="History">The snapshots, every host's observations and the changes.</param>
/// <param name="Warnings">The warnings of every observation, for standard error.</param>
public sealed record HistoryLoad(FleetHistory History, FleetWarnings Warnings);

/// <summary>
/// The snapshots of a fleet's history (docs/design.md §4.13) and how to read them: each argument
/// is a fleet folder (host folders, as <c>fleet</c> reads them), a fleet plan JSON, or a folder of
/// date-named fleet folders (a series), which stands for those folders.
/// </summary>
/// <remarks>
/// <para>Every host of every snapshot is planned as <c>fleet</c> plans it, and only its
/// <see cref="HostSummary"/> is kept: memory holds the summaries of every host and snapshot and
/// the plans of as many hosts as are planned at once, never a snapshot's plans.</para>
/// <para>A snapshot's time is the date in its name, else the latest collection time of its hosts;
/// neither is an input error, and so are two snapshots of one time. Errors that need no planning
/// (a missing path, a bad date, two names of one date, a plan without a date) come before any work.</para>
/// </remarks>
public sealed partial record HistoryInputs
{
    /// <summary>The snapshot arguments, as given.</summary>
    public required IReadOnlyList<string> Snapshots { get; init; }

    /// <summary>The formats folders are read with.</summary>
    public FormatRegistry Formats { get; init; } = FormatRegistry.Default;

    /// <summary>How files are read (host page, record limit).</summary>
    public ReadOptions ReadOptions { get; init; } = ReadOptions.Default;

    /// <summary>A region format every region file is read in, or null to detect.</summary>
    public string? RegionsFormat { get; init; }

    /// <summary>A retired format every retired file is read in, or null to detect.</summary>
    public string? RetiredFormat { get; init; }

    /// <summary>
    /// Each host's retirement rate measured from the snapshots (docs/design.md §4.13), for a
    /// forecast: the snapshots are read and planned as <see cref="Load"/> does.
    /// </summary>
    /// <exception cref="InputException">A snapshot cannot be read or dated, or no host has an interval to measure.</exception>
    public (MeasuredRates Rates, FleetWarnings Warnings) LoadRates(PlanOptions options, FleetProgress? progress = null, int parallelism = 0)
    {
        if (Snapshots.Count == 0)
        {
            throw new ArgumentException("a rate is measured from at least one snapshot", nameof(Snapshots));
        }

        var load = Load(options, shape: null, progress, parallelism);
        var report = HistoryAnalysis.Of(load.History, shape: null);
        return report.Prior is { } prior
            ? (new MeasuredRates(prior, report.Rates), load.Warnings)
            : throw new InputException(SourceLocation.InFile(load.History.Snapshots[0].Name), Messages.NoRateIntervals);
    }

    /// <summary>Reads and plans every snapshot.</summary>
    /// <param name="options">The options every host is planned with (a plan JSON must have been made with them).</param>
    /// <param name="shape">The VM shape to fit, or null.</param>
    /// <param name="progress">Counts the hosts planned over all snapshots.</param>
    /// <param name="parallelism">Hosts planned at once; 0 for the number of cores.</param>
    /// <exception cref="InputException">A snapshot that cannot be read, has no time, or has another's time.</exception>
    public HistoryLoad Load(PlanOptions options, VmShape? shape = null, FleetProgress? progress = null, int parallelism = 0)
    {
        ArgumentNullException.ThrowIfNull(options);
        var sources = Resolve();
        CheckNamedTimes(sources);
        progress?.Start(sources.Sum(s => s.Fleet?.Hosts.Count ?? 0));

        var readings = new List<SnapshotReading>(sources.Count);
        var warnings = new List<(long Count, IEnumerable<Diagnostic> First, string Host)>();
        var notes = new List<Diagnostic>();
        var times = new Dictionary<DateTimeOffset, string>();
        foreach (var source in sources)
        {
            SnapshotHost[] hosts;
            if (source.Fleet is { } fleet)
            {
                hosts = FleetRun.Map(
                    fleet,
                    options,
                    (host, loaded, plan) =>
                    {
                        var summary = HostSummary.FromPlan(host, plan, shape);
                        progress?.Advance();
                        return new SnapshotHost(summary, loaded.CollectedAt);
                    },
                    progress: null,
                    parallelism);
                notes.AddRange(fleet.Notes);
            }
            else
            {
                hosts = ReadPlan(source, options, shape);
            }

            var at = source.NamedAt ?? hosts.Max(h => h.CollectedAt) ?? throw new InputException(SourceLocation.InFile(source.Name), Messages.SnapshotWithoutTime);
            if (times.TryGetValue(at, out var other))
            {
                throw new InputException(SourceLocation.InFile(source.Name), Messages.SameTime(other, Time(at)));
            }

            times[at] = source.Name;
            readings.Add(new SnapshotReading(new Snapshot(source.Name, at), [.. hosts]));
        }

        var history = HistoryBuilder.Build(options, readings, notes);

        // Standard error hears of every observation's warnings, oldest snapshot first, and of how many hosts had some.
        var observations = readings.OrderBy(r => r.Snapshot.At)
            .SelectMany(r => r.Hosts)
            .Select(h => ((long)h.Summary.Warnings, (IEnumerable<Diagnostic>)h.Summary.FirstDiagnostics))
            .ToList();
        var hostsWithWarnings = readings.SelectMany(r => r.Hosts).Where(h => h.Summary.Warnings > 0).Select(h => h.Summary.Host).Distinct(StringComparer.Ordinal).Count();
        return new HistoryLoad(history, FleetWarnings.Of(notes, observations) with { HostsWithWarnings = hostsWithWarnings });
    }

    /// <summary>A snapshot to read: a fleet folder (with its hosts listed) or a plan JSON.</summary>
    private sealed record Source(string Name, DateTimeOffset? NamedAt, FleetSource? Fleet);

    /// <summary>The snapshots the arguments name, series expanded, each fleet folder listed.</summary>
    private List<Source> Resolve()
    {
        var sources = new List<Source>();
        foreach (var path in Snapshots)
        {
            ArgumentException.ThrowIfNullOrEmpty(path);
            if (File.Exists(path))
            {
                sources.Add(new Source(path, NamedTime(path), null));
            }
            else if (Directory.Exists(path))
            {
                var series = SeriesFolders(path);
                foreach (var folder in series.Count > 0 ? series : [path])
                {
                    sources.Add(new Source(folder, NamedTime(folder), new DirectoryFleetSource(folder, Formats, ReadOptions, RegionsFormat, RetiredFormat)));
                }
            }
            else
            {
                throw new InputException(SourceLocation.InFile(path), Messages.NoSuchSnapshot);
            }
        }

        return sources;
    }

    /// <summary>The date-named sub-folders of <paramref name="folder"/> in name order, when every sub-folder is named by a date (a series); else none.</summary>
    private static List<string> SeriesFolders(string folder)
    {
        List<string> subfolders;
        try
        {
            subfolders = [.. Directory.EnumerateDirectories(folder).Where(p => !Path.GetFileName(p).StartsWith('.')).Order(StringComparer.Ordinal)];
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            throw new InputException(SourceLocation.InFile(folder), $"cannot read the folder: {IoFailure.Reason(e)}");
        }

        return subfolders.Count > 0 && subfolders.All(p => DateInName().IsMatch(NameOf(p))) ? subfolders : [];
    }

    /// <summary>Two snapshots whose names give one time: an error before any planning.</summary>
    private static void CheckNamedTimes(List<Source> sources)
    {
        var named = new Dictionary<DateTimeOffset, string>();
        foreach (var source in sources)
        {
            if (source.NamedAt is { } at)
            {
                if (named.TryGetValue(at, out var other))
                {
                    throw new InputException(SourceLocation.InFile(source.Name), Messages.SameTime(other, Time(at)));
                }

                named[at] = source.Name;
            }
            else if (source.Fleet is null)
            {
                // A plan keeps no collection time: only its name can date it.
                throw new InputException(SourceLocation.InFile(source.Name), Messages.SnapshotWithoutTime);
            }
        }
    }

    /// <summary>
    /// The time in the last component of <paramref name="path"/> without its extension
    /// (<c>2026-03-01</c>, 00:00 UTC, or <c>2026-03-01T08:00:00Z</c>, alone or in a longer name), or null.
    /// </summary>
    /// <exception cref="InputException">The name holds something shaped as a date that is none (<c>2026-02-30</c>).</exception>
    internal static DateTimeOffset? NamedTime(string path)
    {
        var match = DateInName().Match(NameOf(path));
        if (!match.Success)
        {
            return null;
        }

        const DateTimeStyles Utc = DateTimeStyles.AssumeUniversal | DateTimeStyles.AdjustToUniversal;
        var format = match.Groups["time"].Success ? "yyyy-MM-dd'T'HH:mm:ss'Z'" : "yyyy-MM-dd";
        return DateTimeOffset.TryParseExact(match.Value, format, CultureInfo.InvariantCulture, Utc, out var at)
            ? at
            : throw new InputException(SourceLocation.InFile(path), Messages.NotADate(match.Value));
    }

    private static string NameOf(string path) => Path.GetFileNameWithoutExtension(Path.TrimEndingDirectorySeparator(path));

    private static string Time(DateTimeOffset at) => at.UtcDateTime.ToString("yyyy-MM-dd'T'HH:mm:ss'Z'", CultureInfo.InvariantCulture);

    /// <summary>Every host of a fleet plan JSON, summarised from its own regions of the plan.</summary>
    private static SnapshotHost[] ReadPlan(Source source, PlanOptions options, VmShape? shape)
    {
        var plan = PlanJsonReader.Read(InputFile.FromPath(source.Name));
        var where = SourceLocation.InFile(source.Name);
        if (OptionDifferences(plan.Options, options) is { Length: > 0 } differences)
        {
            throw new InputException(where, Messages.PlanOptionsDiffer(differences));
        }

        if (plan.Regions.IsEmpty)
        {
            throw new InputException(where, Messages.PlanWithoutHosts);
        }

        if (plan.Regions.Any(r => r.Region.Host.Length == 0))
        {
            throw new InputException(where, Messages.PlanWithoutHostNames);
        }

        // The document sums every host's accounting and keeps diagnostics without their host:
        // neither can be split, and neither is a figure of the history (docs/design.md §4.13).
        var none = new Accounting(0, 0, 0, 0, 0);
        return [.. plan.Regions.GroupBy(r => r.Region.Host, StringComparer.Ordinal)
            .OrderBy(g => g.Key, StringComparer.Ordinal)
            .Select(g => new SnapshotHost(HostSummary.FromPlan(g.Key, new Plan
            {
                Options = plan.Options,
                Regions = [.. g],
                Accounting = none,
                Diagnostics = [],
                FirmwareTables = [.. plan.FirmwareTables.Where(f => f.Host == g.Key)],
            }, shape)))];
    }

    /// <summary>The options a plan was made with that differ from this run's, in words; empty when none.</summary>
    private static string OptionDifferences(PlanOptions plan, PlanOptions run)
    {
        var changes = new List<string>();
        void Compare(string name, ulong planned, ulong now)
        {
            if (planned != now)
            {
                changes.Add($"{name} {new ByteSize(planned)} in the plan, {new ByteSize(now)} here");
            }
        }

        Compare("granule", plan.Granule, run.Granule);
        Compare("guest page", plan.GuestPage, run.GuestPage);
        Compare("min extent", plan.MinExtent, run.MinExtent);
        if (!plan.HugePages.SequenceEqual(run.HugePages))
        {
            static string List(ImmutableArray<ulong> sizes) => sizes.IsEmpty ? "none" : string.Join(',', sizes.Select(h => new ByteSize(h).ToString()));
            changes.Add($"huge pages {List(plan.HugePages)} in the plan, {List(run.HugePages)} here");
        }

        return string.Join(", ", changes);
    }

    [GeneratedRegex(@"[0-9]{4}-[0-9]{2}-[0-9]{2}(?<time>T[0-9]{2}:[0-9]{2}:[0-9]{2}Z)?", RegexOptions.CultureInvariant)]
    private static partial Regex DateInName();
}
