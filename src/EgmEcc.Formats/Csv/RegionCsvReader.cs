using EgmEcc.Formats.Inputs;

namespace EgmEcc.Formats.Csv;

/// <summary>Regions as CSV: header <c>id,node,base,size</c>, optional <c>host</c> and <c>guestSize</c>.</summary>
public sealed class RegionCsvReader : IRegionReader
{
    private const int Id = 0, Node = 1, Base = 2, Size = 3, Host = 4, GuestSize = 5;
    private static readonly string[] Columns = ["id", "node", "base", "size", "host", "guestsize"];
    private const string Describe = "'id,node,base,size' (optional: host, guestSize)";

    /// <inheritdoc/>
    public string Name => "csv";

    /// <inheritdoc/>
    public int Sniff(ReadOnlySpan<byte> head, InputFile file)
    {
        var header = Sniffing.FirstTextLine(head).Replace(" ", string.Empty, StringComparison.Ordinal).Replace("\"", string.Empty, StringComparison.Ordinal).Split(',');
        if (header.Contains("base") && header.Contains("size") && header.Contains("node"))
        {
            return Sniffing.Certain;
        }

        return file.Extension == ".csv" ? Sniffing.Extension : Sniffing.No;
    }

    /// <inheritdoc/>
    public IEnumerable<Region> Read(Stream stream, InputFile file, ReadOptions options)
    {
        using var table = CsvTable.Open(stream, file.Name, Columns, Describe);
        foreach (var required in new[] { Id, Node, Base, Size })
        {
            if (!table.Has(required))
            {
                throw new InputException(table.HeaderLocation, $"missing column '{Columns[required]}'; expected a header {Describe}");
            }
        }

        while (table.Read())
        {
            var id = table.Text(Id)?.Trim();
            if (string.IsNullOrEmpty(id))
            {
                throw new InputException(table.Location, "column 'id' is empty");
            }

            var node = table.Required(Node, size: false);
            if (node > int.MaxValue)
            {
                throw new InputException(table.Location, $"column 'node': PXM {node} is too large");
            }

            yield return new Region(
                id,
                (int)node,
                table.Required(Base, size: false),
                table.Required(Size, size: true),
                table.Location,
                table.Text(Host) ?? options.Host ?? string.Empty,
                table.Optional(GuestSize, size: true));
        }
    }
}
