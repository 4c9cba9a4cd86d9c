using EgmEcc.Tests.Support;

namespace EgmEcc.Tests;

public partial class PlannerTests
{
    private const ulong K = 1024;
    private const ulong K4 = 4 * K;
    private const ulong K64 = 64 * K;
    private const ulong M = K * K;
    private const ulong G = M * K;

    /// <summary>2^64 - x, for regions and records at the top of the space.</summary>
    private static ulong TopMinus(ulong x) => ulong.MaxValue - x + 1;

    private static SourceLocation Line(int line) => SourceLocation.AtLine("retired.csv", line);

    private static Region Egm(int node, ulong @base, ulong size, string host = "", string? id = null) =>
        new(id ?? Region.DefaultId(node), node, @base, size, SourceLocation.AtLine("regions.csv", node + 2), host);

    private static RetiredRecord At(ulong address, ulong size = 0, int line = 1, string? host = null) =>
        RetiredRecord.AtAddress(address, size, Line(line), host);

    private static RetiredRecord In(string region, ulong offset, ulong size = 0, int line = 1, string? host = null) =>
        RetiredRecord.InRegion(region, offset, size, Line(line), host);

    private static AddressRange R(ulong offset, ulong size) => AddressRange.FromBaseSize(offset, size);

    /// <summary>Plans and checks the invariants every plan must satisfy.</summary>
    private static Plan PlanOf(Region[] regions, RetiredRecord[] records, PlanOptions? options = null)
    {
        var plan = Planner.Create(RegionSet.Create(regions), records, options ?? PlanOptions.Default);
        PlanInvariants.AssertWellFormed(plan, records.Length);
        return plan;
    }

    private static PlanOptions Options(ulong granule = K64, ulong guestPage = K64, ulong? minExtent = null, params ulong[] hugePages) =>
        new(granule, guestPage, minExtent, hugePages);

    private static string[] RecordWarnings(Plan plan) =>
        [.. plan.Diagnostics.Where(d => d.Source.File == "retired.csv").Select(d => d.ToString())];
}
