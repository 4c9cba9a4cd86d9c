namespace EgmEcc.Pipeline.Wording;

/// <summary>The input errors of reading a fleet's snapshots (docs/design.md §4.13).</summary>
internal static partial class Messages
{
    public const string NoSuchSnapshot = "no such file or directory";

    public const string SnapshotWithoutTime = "no time: name it by its date, such as 2026-03-01, or collect it with egmecc collect";

    public const string PlanWithoutHosts = "the plan has no region, so no host: a snapshot holds at least one host";

    public const string PlanWithoutHostNames = "the plan names no host, and a history follows hosts by name: use a fleet's plan, as egmecc fleet writes it";

    public const string NoRateIntervals = "no host was observed twice with the same regions, so no rate can be measured: give two or more dated snapshots of the fleet";

    public static string NotADate(string text) =>
        $"'{text}' in the name is not a date; name a snapshot by its date, such as 2026-03-01 or 2026-03-01T08:00:00Z";

    public static string SameTime(string other, string at) =>
        $"the same time as {other} ({at}); every snapshot needs a time of its own";

    public static string PlanOptionsDiffer(string changes) =>
        $"the plan was made with other options than this run ({changes}); plan every snapshot alike, giving the plan's options";
}
