using System.Text;
using EgmEcc.Formats.Output;

namespace EgmEcc.Formats.Tests.Output;

/// <summary>
/// The CSV plan's rows (docs/design.md §4.3) formatted into the output a batch at a time, their
/// hex digits by table: a plan of tens of thousands of rows, across many batches and 64 KiB
/// chunks, reads row for row as <see cref="Numbers.Hex"/> writes each value.
/// </summary>
public class PlanCsvWriterRowsTests
{
    [Fact]
    public void Write_RowsAcrossManyBatches_AreEachExtentAndHoleInOrder()
    {
        var random = new Random(11);
        var here = SourceLocation.InFile("r.csv");
        Region[] regions =
        [
            new("egm0", 0, 0x20_0000_0000UL, 1UL << 34, here, "host-a"),
            new("top", 1, ulong.MaxValue - (1UL << 34) + 1, 1UL << 34, here, "host-a"),
        ];
        var records = Enumerable.Range(0, 30_000).Select(i =>
        {
            var region = regions[i % 2];
            var offset = (ulong)random.NextInt64(1L << 34) & ~0xFFFFUL;
            return RetiredRecord.AtAddress(region.Base + offset, 0, SourceLocation.AtLine("r.csv", i + 2));
        }).ToArray();
        var plan = Planner.Create(RegionSet.Create(regions), records, new PlanOptions(minExtent: 1UL << 17));

        var expected = new StringBuilder("host,region,node,kind,offset,address,size\n");
        foreach (var region in plan.Regions)
        {
            var rows = region.Usable.Select(u => (u.Start, Kind: "usable", u.Size))
                .Concat(region.Holes.Select(h => (Start: h.Offset, Kind: "hole", h.Size)))
                .OrderBy(row => row.Start);
            foreach (var (start, kind, size) in rows)
            {
                expected.Append($"{region.Region.Host},{region.Region.Id},{region.Region.Node},{kind},{Numbers.Hex(start)},{Numbers.Hex(region.AddressOf(start))},{Numbers.Hex(size)}\n");
            }
        }

        using var stream = new MemoryStream();
        using (var output = new Utf8StreamOutput(stream, leaveOpen: true))
        {
            new PlanCsvWriter().Write(plan, output, OutputOptions.Default);
        }

        Assert.True(stream.Length > 16 * Utf8StreamOutput.ChunkBytes);
        Assert.Equal(expected.ToString(), Encoding.UTF8.GetString(stream.ToArray()));
    }
}
