using CsvHelper;

namespace EgmEcc.Formats.Output;

/// <summary>
/// One row per usable extent and per hole, regions in plan order and rows by offset:
/// <c>host,region,node,kind,offset,address,size</c>, where <c>kind</c> is <c>usable</c> or <c>hole</c>.
/// </summary>
public sealed class PlanCsvWriter : IPlanWriter
{
    /// <inheritdoc/>
    public string Name => "csv";

    /// <inheritdoc/>
    public void Write(Plan plan, TextWriter output, OutputOptions options)
    {
        using var csv = CsvWriter.Create(output, new CsvWriterOptions { NewLine = "\n", Separator = ',' }, leaveOpen: true);
        csv.WriteHeader(["host", "region", "node", "kind", "offset", "address", "size"]);
        foreach (var region in plan.Regions)
        {
            var rows = region.Usable.Select(u => (Kind: "usable", Offset: u.Start, u.Size))
                .Concat(region.Holes.Select(h => (Kind: "hole", h.Offset, h.Size)))
                .OrderBy(row => row.Offset);
            foreach (var (kind, offset, size) in rows)
            {
                csv.WriteField(region.Region.Host);
                csv.WriteField(region.Region.Id);
                csv.WriteField(region.Region.Node.ToString(System.Globalization.CultureInfo.InvariantCulture));
                csv.WriteField(kind);
                csv.WriteField(Numbers.Hex(offset));
                csv.WriteField(Numbers.Hex(region.AddressOf(offset)));
                csv.WriteField(Numbers.Hex(size));
                csv.EndRecord();
            }
        }

        csv.Flush();
    }
}
