using System.Text;

namespace EgmEcc.Formats.Output.Documents;

/// <summary>
/// A plain-text table: columns padded to their widest cell, the first left-aligned, the rest
/// right-aligned; every column has a header, so header, rules and rows line up column for column.
/// </summary>
internal sealed class TextTable(params string[] headers)
{
    private readonly List<string[]> rows = [headers.All(h => h.Length > 0) ? headers : throw new ArgumentException("every column needs a header", nameof(headers))];
    private readonly HashSet<int> rules = [];

    public void Add(params string[] cells)
    {
        if (cells.Length != headers.Length)
        {
            throw new ArgumentException($"a row of {cells.Length} cells in a table of {headers.Length} columns", nameof(cells));
        }

        rows.Add(cells);
    }

    /// <summary>A horizontal rule before the next row.</summary>
    public void Rule() => rules.Add(rows.Count);

    public void Write(TextWriter output)
    {
        var widths = new int[headers.Length];
        foreach (var row in rows)
        {
            for (var c = 0; c < row.Length; c++)
            {
                widths[c] = Math.Max(widths[c], row[c].Length);
            }
        }

        var line = new StringBuilder();
        for (var r = 0; r < rows.Count; r++)
        {
            if (r == 1 || rules.Contains(r))
            {
                output.Write(string.Join("  ", widths.Select(w => new string('-', w))));
                output.Write('\n');
            }

            line.Clear();
            var row = rows[r];
            for (var c = 0; c < row.Length; c++)
            {
                if (c > 0)
                {
                    line.Append("  ");
                }

                line.Append(c == 0 ? row[c].PadRight(widths[c]) : row[c].PadLeft(widths[c]));
            }

            output.Write(line.ToString().TrimEnd());
            output.Write('\n');
        }
    }
}
