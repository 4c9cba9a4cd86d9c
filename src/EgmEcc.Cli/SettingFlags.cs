using EgmEcc.Reporting;
using EgmEcc.Wording;

namespace EgmEcc.Cli;

/// <summary>
/// The command line's name for each of the library's settings: its flag. The library's messages
/// speak of settings in domain words ("the retirement granule must be a power of two"); rendered
/// through this table they name flags ("--granule must be a power of two"). The one place where
/// settings meet flags: a new <see cref="Setting"/> needs a row here (a test checks every one).
/// </summary>
internal sealed class SettingFlags : SettingNames
{
    private SettingFlags()
    {
    }

    /// <summary>The table, as a <see cref="SettingNames"/> to render library messages with.</summary>
    public static SettingFlags Names { get; } = new();

    /// <summary>The flag that gives <paramref name="setting"/>.</summary>
    public static string Of(Setting setting) => setting switch
    {
        Setting.Granule => "--granule",
        Setting.GuestPage => "--guest-page",
        Setting.MinExtent => "--min-extent",
        Setting.HugePages => "--huge-pages",
        Setting.HostPage => "--host-page",
        Setting.Region => "--region",
        Setting.RegionsFormat => "--regions-format",
        Setting.RetiredFormat => "--retired-format",
        Setting.OutputFormat => "--format",
        Setting.GuestBase => "--guest-base",
        Setting.MapAlign => "--map-align",
        Setting.Rate => "--rate",
        Setting.Horizon => "--horizon",
        Setting.Trials => "--trials",
        Setting.Hosts => "--hosts",
        Setting.Sockets => "--sockets",
        Setting.Records => "--records",
        Setting.MaxRecords => "--max-records",
        Setting.MinUsablePercent => "--fail-below-usable",
        Setting.MinHugePages => "--fail-below-huge",
        Setting.FailOnWarning => "--fail-on-warning",
        Setting.DiffConditions => "--fail-on",
        Setting.RetiredInputs => "--retired",
        Setting.RequireRetired => "--require-retired",
        Setting.VmShape => "--vm-shape",
        Setting.PolicyRule => "--rule",
        Setting.Snapshots => "--snapshots",
        Setting.Interval => "--interval",
        _ => throw new ArgumentOutOfRangeException(nameof(setting), setting, "a setting with no flag"),
    };

    /// <summary>The gate's flag as given: <c>--fail-below-huge 1G:377</c>, <c>--fail-on-warning</c>.</summary>
    public static string Of(GateResult gate)
    {
        ArgumentNullException.ThrowIfNull(gate);
        return gate.SettingValue is { } value ? $"{Of(gate.Setting)} {value}" : Of(gate.Setting);
    }

    /// <summary>
    /// A setting as a message names it: the flag as a noun (<c>--granule must be ...</c>), "with"
    /// the flag and its argument where the message says how to give it (<c>name its region with
    /// --region ID</c>), and the flag as an aside after a figure (<c>(64K, --guest-page)</c>).
    /// </summary>
    public override string Name(Setting setting, MentionStyle style) => style switch
    {
        MentionStyle.Means => $"with {Usage(setting)}",
        MentionStyle.Aside => $", {Of(setting)}",
        _ => Of(setting),
    };

    /// <summary>The flag with its argument where one helps (a region id is free text, a limit a count).</summary>
    private static string Usage(Setting setting) => setting switch
    {
        Setting.Region => $"{Of(setting)} ID",
        Setting.MaxRecords => $"{Of(setting)} N",
        Setting.RetiredInputs => $"{Of(setting)} FILE",
        Setting.VmShape => $"{Of(setting)} SHAPE",
        _ => Of(setting),
    };
}
