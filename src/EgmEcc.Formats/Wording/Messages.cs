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

    // Policy rules (docs/design.md §4.14): each message quotes the piece of the rule at fault.

    public const string RuleShape = "SEVERITY NAME: FIGURE OP VALUE, such as 'critical rma-total: retired >= 62'";

    public static string RuleEmpty => $"the rule is empty; expected {RuleShape}";

    public static string NotASeverity(string word) => $"'{word}' is not a severity; a rule starts with info, warning or critical ({RuleShape})";

    public static string RuleNameMissing(string severity) => $"expected a rule name after '{severity}' ({RuleShape})";

    public static string RuleNameBad(string text) => $"'{text}' is not a rule name: letters, digits, '-' and '_', then ':'";

    public static string RuleColonMissing(string name) => $"expected ':' after the rule name '{name}' (a name is letters, digits, '-' and '_')";

    public static string FigureMissing(string name) => $"expected a figure after '{name}:': retired, retired[Nd], at-risk, usable%, usable, huge[SIZE], vm-fit, table or table-left";

    public static string NotAFigure(string word) => $"'{word}' is not a figure; expected retired, retired[Nd], at-risk, usable%, usable, huge[SIZE], vm-fit, table or table-left";

    public static string WindowNotDays(string word, int max) => $"'{word}': the window is a number of days from 1 to {max}, such as retired[30d]";

    public static string HugePageSize(string word, string error) => $"'{word}': {error}";

    public static string HugePageNotPowerOfTwo(string word) => $"'{word}': the hugepage size must be a power of two";

    public static string OperatorMissing(string figure, string found) =>
        found.Length == 0 ? $"expected <, <=, > or >= after '{figure}'" : $"expected <, <=, > or >= after '{figure}', not '{found}'";

    public static string ValueMissing(string condition) => $"expected a value after '{condition}'";

    public static string ValueBad(string figure, string error) => $"the value of {figure}: {error}";

    public static string PercentBad(string value) => $"usable% takes a percentage from 0 to 100, such as 99.5, not '{value}'";

    public static string RuleDefinedTwice(string name, SourceLocation? first) =>
        first is { } at ? $"rule '{name}' is already defined at {at}" : $"rule '{name}' is already defined by a rule given on its own";

    public static string TooManyRules(int max) => $"more than {max} rules; a policy is a short list an operator can read";

    public static string NoRules => $"no rule in the file; expected lines of {RuleShape}";

    public static string PolicyNul(long column) => $"a NUL byte at column {column}: this is binary data, not a policy file";

    public static string PolicyNotUtf8 => "the line is not UTF-8 text";

    public static string PolicyLineTooLong(int max) => $"the line is longer than {max} bytes: this is not a policy file";

    public static SettingError BadRule(string rule, string error) =>
        new(Setting.PolicyRule, rule, $"{new SettingMention(Setting.PolicyRule, MentionStyle.Name)} '{rule}': {error}");

    private static SettingMention Means(Setting setting) => new(setting, MentionStyle.Means);
}
