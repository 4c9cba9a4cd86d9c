using System.Collections.Immutable;
using System.Globalization;
using System.Text;

namespace EgmEcc.Benchmarks;

/// <summary>
/// Seeded, realistic benchmark inputs: the EGM regions of a few Grace hosts and the retired
/// records a fleet inventory would export for them, at any volume.
/// </summary>
/// <remarks>
/// <para>Shape (per 100 records, roughly): 62 scattered 64 KiB pages; 12 in failing-row clusters
/// (4–16 pages at a 2 MiB or 8 MiB stride); 12 in runs of 2–32 adjacent pages (one record per
/// page, or one record for the whole run); 6 as 4 KiB sub-page entries (a 64 KiB page reported by
/// a 4 KiB-page kernel); 1 duplicate of an earlier record; and 1 in 20,000 in hypervisor memory,
/// out of every region. About 60% of clusters are SPA records (firmware table, kernel log), the
/// rest region+offset records (the driver's ioctl list).</para>
/// <para>Records come grouped by host, as per-host files load, and regions of a host interleave.
/// The density (10^7 records over 8 regions is ~20% of all pages) is far above a real fleet's;
/// the shapes are what matter to the planner's sort and sweep.</para>
/// </remarks>
public sealed class FleetGenerator
{
    private const ulong Page = 64 * 1024;
    private const ulong SubPage = 4 * 1024;

    private readonly Random random;

    /// <summary>Creates a generator; equal seeds and arguments give equal inputs.</summary>
    public FleetGenerator(int seed = 20_26) => random = new Random(seed);

    /// <summary>
    /// The regions of <paramref name="hosts"/> hosts with <paramref name="socketsPerHost"/> sockets each:
    /// every host has the same SPA layout (one region per socket, 384 or 416 GiB).
    /// </summary>
    public static ImmutableArray<Region> Regions(int hosts = 4, int socketsPerHost = 2)
    {
        var regions = ImmutableArray.CreateBuilder<Region>(hosts * socketsPerHost);
        for (var h = 0; h < hosts; h++)
        {
            var host = HostName(h);
            for (var s = 0; s < socketsPerHost; s++)
            {
                var @base = ((ulong)s * 0x4000_0000_0000UL) + 0x20_0000_0000UL;
                var size = (h + s) % 2 == 0 ? 384UL << 30 : 416UL << 30;
                regions.Add(new Region(Region.DefaultId(s), s, @base, size, SourceLocation.AtLine("fleet.regions.csv", regions.Count + 2), host));
            }
        }

        return regions.MoveToImmutable();
    }

    /// <summary>The name of host number <paramref name="index"/>.</summary>
    public static string HostName(int index) => $"gb200-r{(index / 8) + 1:00}-n{(index % 8) + 1:00}";

    /// <summary>Exactly <paramref name="count"/> records over <paramref name="regions"/>, grouped by host.</summary>
    public RetiredRecord[] Records(ImmutableArray<Region> regions, int count)
    {
        var records = new RetiredRecord[count];
        var hosts = regions.Select(r => r.Host).Distinct().ToArray();
        var written = 0;
        for (var h = 0; h < hosts.Length; h++)
        {
            var host = hosts[h];
            var mine = regions.Where(r => r.Host == host).ToArray();
            var file = $"fleet/{host}.retired.csv";
            var end = (int)((long)count * (h + 1) / hosts.Length);
            var first = written;
            while (written < end)
            {
                written = AddCluster(records, written, end, first, mine, file);
            }
        }

        return records;
    }

    /// <summary>
    /// Writes a retired CSV of <paramref name="count"/> records, generated a chunk at a time so
    /// that writing a file of any size holds only one chunk in memory.
    /// </summary>
    /// <returns>The number of bytes written.</returns>
    public long WriteRetiredCsv(Stream output, ImmutableArray<Region> regions, long count, int chunk = 1 << 20)
    {
        long bytes = 0;
        for (long done = 0; done < count; done += chunk)
        {
            var records = Records(regions, (int)Math.Min(chunk, count - done));
            bytes = WriteRetiredCsv(output, records, header: done == 0);
        }

        return bytes;
    }

    /// <summary>The regions as a CSV (<c>id,node,base,size,host</c>).</summary>
    public static void WriteRegionsCsv(TextWriter output, IEnumerable<Region> regions)
    {
        output.Write("id,node,base,size,host\n");
        foreach (var r in regions)
        {
            output.Write(string.Create(CultureInfo.InvariantCulture, $"{r.Id},{r.Node},{Numbers.Hex(r.Base)},{Numbers.Hex(r.Size)},{r.Host}\n"));
        }
    }

    /// <summary>
    /// Records as a retired CSV (<c>host,address,region,offset,size,source</c>), as a fleet
    /// inventory exports them: sizes given as <c>4K</c> or hex, or left empty for one granule.
    /// </summary>
    /// <returns>The stream's position after writing.</returns>
    public static long WriteRetiredCsv(Stream output, ReadOnlySpan<RetiredRecord> records, bool header = true)
    {
        using var writer = new StreamWriter(output, new UTF8Encoding(false), 1 << 20, leaveOpen: true);
        if (header)
        {
            writer.Write("host,address,region,offset,size,source\n");
        }

        Span<char> line = stackalloc char[256];
        foreach (ref readonly var r in records)
        {
            var size = r.Size switch
            {
                0 => string.Empty,
                SubPage => "4K",
                _ => Numbers.Hex(r.Size),
            };
            var source = r.Region is null ? (r.Source.Line % 3 == 0 ? "dmesg" : "fw-table") : "ioctl";
            var ok = r.Region is null
                ? line.TryWrite(CultureInfo.InvariantCulture, $"{r.Host},0x{r.Start:x},,,{size},{source}\n", out var length)
                : line.TryWrite(CultureInfo.InvariantCulture, $"{r.Host},,{r.Region},0x{r.Start:x},{size},{source}\n", out length);
            if (!ok)
            {
                throw new InvalidOperationException("a CSV row longer than 256 characters");
            }

            writer.Write(line[..length]);
        }

        writer.Flush();
        return output.Position;
    }

    private int AddCluster(RetiredRecord[] records, int next, int end, int first, Region[] regions, string file)
    {
        var region = regions[random.Next(regions.Length)];
        var pages = region.Size / Page;
        var roll = random.Next(100);
        var byOffset = random.Next(10) >= 6;

        if (roll == 0 && next > first)
        {
            // A duplicate: the same page reported again (another source, or a re-export).
            records[next] = Relocate(records[random.Next(first, next)], file, next);
            return next + 1;
        }

        if (random.Next(20_000) == 0)
        {
            // Hypervisor memory below the region: no region contains it.
            var address = region.Base - ((ulong)random.Next(1, 1 << 16) * Page);
            records[next] = RetiredRecord.AtAddress(address, 0, Line(file, next), region.Host);
            return next + 1;
        }

        var page = (ulong)random.NextInt64((long)pages);
        if (roll < 63)
        {
            return Add(records, next, region, page * Page, 0, byOffset, file);
        }

        if (roll < 75)
        {
            // A failing DRAM row: pages a fixed stride apart.
            var stride = random.Next(2) == 0 ? 2UL << 20 : 8UL << 20;
            var n = random.Next(4, 17);
            for (var k = 0; k < n && next < end; k++)
            {
                var offset = (page * Page) + ((ulong)k * stride);
                if (offset >= region.Size)
                {
                    break;
                }

                next = Add(records, next, region, offset, 0, byOffset, file);
            }

            return next;
        }

        if (roll < 87)
        {
            // A run of adjacent pages, one record each or one record for the run.
            var n = (ulong)random.Next(2, 33);
            if (random.Next(10) < 3)
            {
                return Add(records, next, region, page * Page, n * Page, byOffset, file);
            }

            for (ulong k = 0; k < n && next < end && page + k < pages; k++)
            {
                next = Add(records, next, region, (page + k) * Page, 0, byOffset, file);
            }

            return next;
        }

        // A 64 KiB page seen by a 4 KiB-page kernel: some or all of its 16 sub-pages.
        var subPages = random.Next(1, 17);
        for (var k = 0; k < subPages && next < end; k++)
        {
            next = Add(records, next, region, (page * Page) + ((ulong)k * SubPage), SubPage, byOffset, file);
        }

        return next;
    }

    private static int Add(RetiredRecord[] records, int next, Region region, ulong offset, ulong size, bool byOffset, string file)
    {
        records[next] = byOffset
            ? RetiredRecord.InRegion(region.Id, offset, size, Line(file, next), region.Host)
            : RetiredRecord.AtAddress(region.Base + offset, size, Line(file, next), region.Host);
        return next + 1;
    }

    private static RetiredRecord Relocate(in RetiredRecord r, string file, int next) => r.Region is { } id
        ? RetiredRecord.InRegion(id, r.Start, r.Size, Line(file, next), r.Host)
        : RetiredRecord.AtAddress(r.Start, r.Size, Line(file, next), r.Host);

    private static SourceLocation Line(string file, int index) => SourceLocation.AtLine(file, index + 2);
}
