using System.Globalization;
using EgmEcc.Policies;

namespace EgmEcc.Wording;

/// <summary>
/// The user-facing text of the library's settings: their names in domain words and the messages
/// of their errors, in one place. Messages mention settings as <see cref="SettingMention"/>s, never
/// by a command line's flags (a front end renders them with its own names, see <see cref="SettingNames"/>).
/// </summary>
internal static partial class Messages
{
    /// <summary>How a setting is given when a message says how to give it, in domain words.</summary>
    public const string Explicitly = "explicitly";

    /// <summary>A setting's name in domain words, as the subject of a sentence.</summary>
    public static string SettingName(Setting setting) => setting switch
    {
        Setting.Granule => "the retirement granule",
        Setting.GuestPage => "the guest page",
        Setting.MinExtent => "the minimum extent",
        Setting.HugePages => "a hugepage size",
        Setting.HostPage => "the host page size",
        Setting.Region => "the region",
        Setting.RegionsFormat => "the region format",
        Setting.RetiredFormat => "the retired format",
        Setting.OutputFormat => "the output format",
        Setting.GuestBase => "the guest base",
        Setting.MapAlign => "the map alignment",
        Setting.Rate => "the retirement rate",
        Setting.Horizon => "the horizon",
        Setting.Trials => "the number of trials",
        Setting.Hosts => "the number of hosts",
        Setting.Sockets => "the number of sockets per host",
        Setting.Records => "the number of records",
        Setting.MaxRecords => "the record limit",
        Setting.MinUsablePercent => "the minimum usable percentage",
        Setting.MinHugePages => "the minimum hugepage count",
        Setting.FailOnWarning => "the no-warning gate",
        Setting.DiffConditions => "a diff condition",
        Setting.RetiredInputs => "a retired-page input",
        Setting.RequireRetired => "the retired-input requirement",
        Setting.VmShape => "the virtual machine shape",
        Setting.PolicyRule => "the rule",
        Setting.Snapshots => "the number of snapshots",
        Setting.Interval => "the interval between snapshots",
        _ => setting.ToString(),
    };

    // Settings.

    // A size in the units people type it in (65K, not 0x10400): the same short form the flags accept.
    public static SettingError NotPowerOfTwo(Setting setting, ulong value) =>
        new(setting, value, $"{N(setting)} must be a power of two, not {new ByteSize(value)}");

    public static SettingError MinExtentZero() =>
        new(Setting.MinExtent, 0UL, $"{N(Setting.MinExtent)} must be at least 1 byte");

    public static SettingError RateNotValid(double rate) =>
        new(Setting.Rate, rate, $"{N(Setting.Rate)} must be a finite number of at least 0");

    public static SettingError HorizonNotValid(double years) =>
        new(Setting.Horizon, years, $"{N(Setting.Horizon)} must be a finite number of years of at least 0");

    public static SettingError TrialsOutOfRange(int trials, int max) =>
        new(Setting.Trials, trials, $"{N(Setting.Trials)} must be between 1 and {max}, not {trials}");

    public static SettingError MoreRetirementsThanATiBHolds(double rate, double years, double perTiB, double granules, ulong granule) =>
        new(Setting.Rate, rate, $"{N(Setting.Rate)} {rate:G6} over {N(Setting.Horizon)} {years:G6} year(s) retires {perTiB:G6} pages per TiB, more than a TiB holds ({granules:G} granules of {new ByteSize(granule)})");

    public static SettingError TooMuchForecastWork(string host, double perTrial, int trials, double total, double max) =>
        new(Setting.Trials, trials, $"host '{host}' would draw about {perTrial:G4} new pages per trial ({N(Setting.Rate)} x EGM size x {N(Setting.Horizon)}) x {trials} trials = {total:G4}, more than the {max:G4} a host may take in reasonable time; lower {N(Setting.Trials)}, {N(Setting.Rate)} or {N(Setting.Horizon)}");

    public static SettingError AtLeast(Setting setting, long min, long value) =>
        new(setting, value, $"{N(setting)} must be at least {min}, not {value}");

    public static SettingError SnapshotsOutOfRange(int snapshots, int max) =>
        new(Setting.Snapshots, snapshots, $"{N(Setting.Snapshots)} must be between 1 and {max}, not {snapshots}");

    public static SettingError IntervalNeeded(int snapshots) =>
        new(Setting.Interval, snapshots, $"{snapshots} snapshots need {N(Setting.Interval)}, a positive duration such as 30d");

    public static SettingError IntervalNotPositive(TimeSpan interval) =>
        new(Setting.Interval, interval, $"{N(Setting.Interval)} must be a positive duration such as 30d, 1w or 12h");

    public static SettingError SeriesPastTheLastDate(int snapshots, DateTimeOffset last) =>
        new(Setting.Interval, snapshots, $"{snapshots} snapshots at {N(Setting.Interval)} end after {last:yyyy-MM-dd}, the last date a snapshot can have");

    public static SettingError SocketsOutOfRange(int sockets, int max) =>
        new(Setting.Sockets, sockets, $"{N(Setting.Sockets)} must be between 1 and {max}");

    public static SettingError GuestBaseNotAligned(ulong guestBase, ulong guestPage) =>
        new(Setting.GuestBase, guestBase, $"{N(Setting.GuestBase)} {Numbers.Hex(guestBase)} is not a multiple of the guest page {Numbers.Hex(guestPage)} ({new ByteSize(guestPage)}{Aside(Setting.GuestPage)})");

    public static SettingError GuestMemoryBeyond64Bits(ulong guestBase, string region, ulong size) =>
        new(Setting.GuestBase, guestBase, $"guest memory starting at {Numbers.Hex(guestBase)} would end beyond 2^64 at region '{region}' ({Numbers.Hex(size)} bytes)");

    public static string HolesInDirectBootArea(IReadOnlyList<AddressRange> holes, AddressRange area)
    {
        const int Named = 8;
        var named = string.Join(", ", holes.Take(Named).Select(h => h.ToString()));
        var more = holes.Count > Named ? $" and {holes.Count - Named} more" : string.Empty;
        return $"{holes.Count} guest hole(s) {named}{more} lie in the direct-boot area {area} where QEMU's -kernel boot writes the kernel, initrd and device tree whatever the layout says; "
            + "a guest booted that way may use those pages. Boot through firmware or a loader that honours the memory nodes (not -kernel), or use a layout that leaves the area usable";
    }

    public static SettingError GuestLayoutOfSeveralHosts(IReadOnlyCollection<string> hosts) =>
        new(Setting.OutputFormat, null, $"a guest layout describes one host, but the plan covers {hosts.Count} hosts ({string.Join(", ", hosts.Select(h => $"'{h}'"))}); plan one host at a time");

    // Gates: what each found, with its threshold; a front end may add the setting that set it.

    public static string UsableGate(string where, string actual, bool passed, string threshold) =>
        Invariant($"{where}: usable {actual}% {Relation(passed)} {threshold}%");

    public static string HugePagesGate(string where, double actual, string size, bool passed, string threshold) =>
        Invariant($"{where}: {actual} {size} hugepages {Relation(passed)} {threshold}");

    public static string WarningsGate(string where, double actual) =>
        Invariant($"{where}: {actual} warning(s)");

    public static string GateRun => "run";

    public static string GateRegion(string? host, string region) =>
        (string.IsNullOrEmpty(host) ? string.Empty : $"host '{host}' ") + $"region {region}";

    // Diff conditions: what a failed one found, naming the hosts or regions that failed it.

    public static string NotADiffCondition(string text) =>
        $"'{text}' is not a diff condition; expected new-holes, usable-loss:SIZE or huge-loss:SIZE:COUNT (e.g. usable-loss:1G)";

    public static string DiffConditionValue(string text, string error) => $"'{text}': {error}";

    public static string DiffConditionNotPowerOfTwo(string text) => $"'{text}': the hugepage size must be a power of two";

    public static SettingError HugePagesNotCompared(string condition, ulong pageSize) =>
        new(Setting.DiffConditions, condition, $"{N(Setting.DiffConditions)} {condition} asks about {new ByteSize(pageSize)} hugepages, which the two plans do not both count");

    // Policies: a rule that asks for a figure the run does not count, named with where it was read.

    public static SettingError RuleNeedsHugePages(PolicyRule rule) =>
        new(Setting.PolicyRule, rule.ToString(), $"{RuleName(rule)}: {rule.Figure} needs {new ByteSize(rule.Figure.PageSize)} hugepages counted; count them {Means(Setting.HugePages)}");

    public static SettingError RuleNeedsVmShape(PolicyRule rule) =>
        new(Setting.PolicyRule, rule.ToString(), $"{RuleName(rule)}: {rule.Figure} needs a VM shape; give one {Means(Setting.VmShape)}");

    public static string NewHolesFound(int holes, int regions, string where) =>
        Invariant($"{holes} new hole(s) in {regions} region(s): {where}");

    public static string UsableLost(string where, string limit) => $"usable bytes fell by more than {limit}: {where}";

    public static string HugePagesLost(string where, string size, ulong limit) =>
        Invariant($"{size} hugepages fell by more than {limit}: {where}");

    public static string AndMore(int count) => Invariant($", and {count} more");

    private static string Relation(bool passed) => passed ? "is at least" : "is below";

    private static SettingMention N(Setting setting) => new(setting, MentionStyle.Name);

    private static SettingMention Means(Setting setting) => new(setting, MentionStyle.Means);

    private static string RuleName(PolicyRule rule) => rule.Source is { } source ? $"rule '{rule.Name}' ({source})" : $"rule '{rule.Name}'";

    private static SettingMention Aside(Setting setting) => new(setting, MentionStyle.Aside);

    private static string Invariant(FormattableString s) => s.ToString(CultureInfo.InvariantCulture);
}
