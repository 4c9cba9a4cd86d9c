namespace EgmEcc.Tests;

/// <summary>
/// A realistic dense host, seeded: two 448 GiB EGM regions (a 480 GiB Grace socket less the
/// hypervisor's 32 GiB), the first with 279 holes scattered over all of it (64 KiB pages and short
/// runs of a failing row), the second with 40. A hole map drawn to scale is marked end to end here.
/// </summary>
internal static class DenseHost
{
    public const ulong RegionSize = 448UL << 30;

    public const int Holes = 279;

    public static Plan Plan { get; } = Create();

    /// <summary>The two regions as CSV (<c>id,node,base,size</c>).</summary>
    public static string RegionsCsv =>
        $"id,node,base,size\negm0,0,{Numbers.Hex(Base(0))},{Numbers.Hex(RegionSize)}\negm1,1,{Numbers.Hex(Base(1))},{Numbers.Hex(RegionSize)}\n";

    /// <summary>The retired pages as CSV (<c>address,size</c>).</summary>
    public static string RetiredCsv => "address,size\n" + string.Concat(Records().Select(r => $"{Numbers.Hex(r.Address)},{Numbers.Hex(r.Size)}\n"));

    private static ulong Base(int socket) => ((ulong)socket << 46) + (34UL << 30);

    private static Plan Create()
    {
        var here = SourceLocation.AtLine("dense.csv", 2);
        var regions = RegionSet.Create([new Region("egm0", 0, Base(0), RegionSize, here), new Region("egm1", 1, Base(1), RegionSize, here)]);
        var records = Records().Select(r => RetiredRecord.AtAddress(r.Address, r.Size, here)).ToArray();
        return Planner.Create(regions, records, PlanOptions.Default);
    }

    /// <summary>Holes at distinct 2 MiB-aligned places, so each record is one hole: every 8th a run of 2 to 8 pages.</summary>
    private static IEnumerable<(ulong Address, ulong Size)> Records()
    {
        var state = 0x5EED_0279UL;
        foreach (var (socket, count) in new[] { (0, Holes), (1, 40) })
        {
            var used = new HashSet<ulong>();
            while (used.Count < count)
            {
                var slot = Next(ref state) % (RegionSize >> 21);
                if (!used.Add(slot))
                {
                    continue;
                }

                var pages = used.Count % 8 == 0 ? 2 + (Next(ref state) % 7) : 1;
                yield return (Base(socket) + (slot << 21) + ((Next(ref state) % 16) << 16), pages << 16);
            }
        }
    }

    // splitmix64: fixed output for a fixed seed on every runtime.
    private static ulong Next(ref ulong state)
    {
        var z = state += 0x9E37_79B9_7F4A_7C15UL;
        z = (z ^ (z >> 30)) * 0xBF58_476D_1CE4_E5B9UL;
        z = (z ^ (z >> 27)) * 0x94D0_49BB_1331_11EBUL;
        return z ^ (z >> 31);
    }
}
