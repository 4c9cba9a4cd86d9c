using System.Globalization;
using EgmEcc.Fleet;

namespace EgmEcc.Wording;

/// <summary>The words of a fleet's history (docs/design.md §4.13): what each change says.</summary>
internal static partial class Messages
{
    public static string HostAppeared(HostSummary host) =>
        $"{Count(host.Regions.Length, "region")}: {string.Join(", ", host.Regions.Select(r => r.Id))}";

    public static string HostVanished(DateTimeOffset lastSeen) =>
        $"last seen {Time(lastSeen)}";

    public static string RegionsChanged(IEnumerable<string> differences) =>
        string.Join("; ", differences);

    public static string RegionAdded(RegionSummary region) => $"{Region(region)} added";

    public static string RegionRemoved(RegionSummary region) => $"{Region(region)} removed";

    public static string RegionMoved(RegionSummary before, RegionSummary after) =>
        $"{Region(before)} -> {Place(after)}";

    public static string RetiredDecreased(ulong before, ulong after) =>
        $"retired pages {before.ToString(CultureInfo.InvariantCulture)} -> {after.ToString(CultureInfo.InvariantCulture)}";

    /// <summary>A time as every history output writes it: UTC, to the second.</summary>
    public static string Time(DateTimeOffset at) => at.UtcDateTime.ToString("yyyy-MM-dd'T'HH:mm:ss'Z'", CultureInfo.InvariantCulture);

    private static string Region(RegionSummary region) => $"{region.Id} ({Place(region)})";

    private static string Place(RegionSummary region) =>
        $"PXM {region.Node.ToString(CultureInfo.InvariantCulture)}, base 0x{region.Base.ToString("x", CultureInfo.InvariantCulture)}, {new ByteSize(region.SizeBytes).ToHumanString()}";

    private static string Count(int n, string noun) => $"{n.ToString(CultureInfo.InvariantCulture)} {noun}{(n == 1 ? string.Empty : "s")}";
}
