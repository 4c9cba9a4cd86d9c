using EgmEcc.Formats.Inputs;
using EgmEcc.Wording;

namespace EgmEcc.Formats.Wording;

/// <summary>
/// The user-facing text of the readers and writers that speak of settings or of other outputs, in
/// one place. They speak in domain words ("name its region explicitly", "the plan's CSV"); a
/// setting that would resolve a problem is a <see cref="SettingMention"/>, which a front end
/// renders with its own name (a command line: "with --region ID").
/// </summary>
internal static class Messages
{
    public static FormattableString CannotTellFormat(string kind, IEnumerable<string> tried, Setting setting) =>
        $"cannot tell the {kind} format; tried {string.Join(", ", tried)} (name one {Means(setting)})";

    public static FormattableString IoctlListNeedsRegion() =>
        $"an ioctl list is region-relative: keep the device's egm<N> in the file name, or name its region {Means(Setting.Region)}";

    public static FormattableString IoctlListRegionMissing(string id, int node) =>
        $"the file name says {id}, but no region has id '{id}' or PXM {node}; to name another region, rename the file without egm<N> and name its region {Means(Setting.Region)}";

    public static FormattableString IoctlListRegionAmbiguous(string id, int node, IEnumerable<Region> regions) =>
        $"the file name says {id}, and several hosts have a region of PXM {node} ({string.Join(", ", regions.Select(r => $"'{r.Id}' of '{r.Host}'"))}); rename the file without egm<N> and name its region {Means(Setting.Region)}";

    public static FormattableString TooManyRecords(long limit) =>
        $"more than {limit} retired records in one run; raise the record limit {Means(Setting.MaxRecords)} if the memory is there (about {RecordLimit.BytesPerRecord} bytes a record)";

    public static string NotAPlan(string schema, string expected) =>
        $"schema '{schema}' is not a plan; expected '{expected}' (a plan written as JSON)";

    public static string EmptyPlan => "the file is empty; expected a plan (a plan written as JSON)";

    public static string PlanOptions(SettingError error) => $"options: {error.Message}";

    public static string MoreHolesThanShown(int more) => $"... and {more} more; the plan's CSV lists them all";

    public static string MoreWarningsThanShown(int more) => $"... and {more} more; the report's JSON lists them all";

    public static string MoreHostsThanShown(long more) => $"... and {more} more host(s), each keeping a larger share; the fleet's CSV lists them all";

    public static string EarlierSnapshots(int earlier) => $"... and {earlier} earlier snapshot(s), in the chart only";

    public static string CliffNote(int shown, int candidates, bool estimated) =>
        (candidates > shown ? $"{shown} of the {candidates} tables holding entries shown. " : string.Empty)
        + (estimated ? "* estimated: no table was read for the region; its retired 64 KiB pages stand in." : string.Empty);

    public static string FanModel(double years, double pagesPerYear, string bytesPerPage, long hostsOnPrior) => string.Create(
        System.Globalization.CultureInfo.InvariantCulture,
        $"Over {years:0.##} year(s) at the measured rates ({pagesPerYear:0.#} new retired pages a year over the fleet; {hostsOnPrior} host(s) without history at the fleet prior's), each new page costing one layout granule ({bytesPerPage}) and a table overflow its region's usable bytes. Line: expected; band: p5–p95.");

    private static SettingMention Means(Setting setting) => new(setting, MentionStyle.Means);
}
