namespace EgmEcc.Formats.Tests.Output;

/// <summary>Random regions and records for the plan writers' properties: what the written rows are made of.</summary>
internal static class RandomPlanInputs
{
    /// <summary>
    /// <paramref name="regionCount"/> regions of 1 to 63 times 2^<paramref name="sizeShift"/> bytes,
    /// 1 TiB apart, of host <paramref name="host"/>, each with the guest size
    /// <paramref name="guestSize"/> gives for its size; and <paramref name="recordCount"/> records of
    /// 64 KiB pages in them: a quarter larger, a fifth at risk, half of them 4 KiB off the page, and
    /// one in fifty in no region.
    /// </summary>
    public static (RegionSet Regions, RetiredRecord[] Records) Create(Random random, int regionCount, int recordCount, int sizeShift, string host, Func<ulong, ulong?> guestSize)
    {
        var here = SourceLocation.InFile("r.csv");
        var regions = new List<Region>();
        for (var i = 0; i < regionCount; i++)
        {
            var size = (ulong)random.Next(1, 64) << sizeShift;
            regions.Add(new Region($"egm{i}", i, 0x20_0000_0000UL + ((ulong)i << 40), size, here, host, guestSize(size)));
        }

        var records = new List<RetiredRecord>();
        for (var r = 0; r < recordCount; r++)
        {
            var region = regions[random.Next(regions.Count)];
            var page = (ulong)random.NextInt64((long)(region.Size >> 16)) << 16;
            var size = random.Next(4) == 0 ? (ulong)random.Next(1, 40) << 16 : 0;
            var kind = random.Next(5) == 0 ? RecordKind.AtRisk : RecordKind.Retired;
            var at = SourceLocation.AtLine("r.csv", r + 2);
            records.Add(random.Next(50) == 0
                ? RetiredRecord.AtAddress(0x10_0000UL + page, 0, at)
                : RetiredRecord.AtAddress(region.Base + page + ((ulong)random.Next(0, 2) * 0x1000), Math.Min(size, region.Size - page), at, kind: kind));
        }

        return (RegionSet.Create(regions), [.. records]);
    }
}
