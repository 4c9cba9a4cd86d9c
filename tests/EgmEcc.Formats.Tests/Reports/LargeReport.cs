namespace EgmEcc.Formats.Tests.Reports;

/// <summary>
/// A host that stresses the report's layout: a long host name and long region ids, thirteen
/// regions, one with 20,000 holes (a page retired every 4 MiB over its first 78 GiB), and one
/// reaching the top of the 64-bit space with its first and last pages retired.
/// </summary>
internal static class LargeReport
{
    public const string Host = "rack-17-chassis-b-node-042.gpu-cluster.example-datacenter.internal";

    public const int DenseHoles = 20_000;

    public static Plan Plan { get; } = Create();

    private static Plan Create()
    {
        var here = SourceLocation.AtLine("large.csv", 2);
        var regions = new List<Region>();
        for (var i = 0; i < 12; i++)
        {
            regions.Add(new Region($"egm-region-with-a-very-long-identifier-{i:D2}", i, 0x20_0000_0000UL + ((ulong)i * 0x100_0000_0000), 384UL << 30, here, Host));
        }

        regions.Add(new Region("egm-top", 99, ulong.MaxValue - (256UL << 30) + 1, 256UL << 30, here, Host));
        var records = new List<RetiredRecord>();
        for (var k = 0; k < DenseHoles; k++)
        {
            records.Add(RetiredRecord.AtAddress(0x20_0000_0000UL + ((ulong)k << 22), 0, here, Host));
        }

        records.Add(RetiredRecord.AtAddress(ulong.MaxValue - (256UL << 30) + 1, 0, here, Host));
        records.Add(RetiredRecord.AtAddress(ulong.MaxValue - 0xffff, 0, here, Host));
        return Planner.Create(RegionSet.Create(regions), records.ToArray(), PlanOptions.Default);
    }
}
