using CsvHelper;

namespace EgmEcc.Formats.Csv;

/// <summary>
/// A CSV file read row by row through CsvHelper's UTF-8 reader, with the header checked against
/// the columns a format knows and every field error placed at <c>FILE:LINE</c>.
/// </summary>
/// <remarks>
/// Blank lines and lines starting with <c>#</c> are skipped; fields are trimmed; header names are
/// matched case-insensitively. A column the format does not know is an error (a typo such as
/// <c>adress</c> must not silently drop data).
/// </remarks>
internal sealed class CsvTable : IDisposable
{
    private readonly CsvReader reader;
    private readonly string file;
    private readonly string[] columns;
    private readonly int[] indexOf;
    private readonly int headerCount;
    private readonly (byte[] Bytes, string Text)?[] lastText;

    // Lines of the file before the first the reader reads (a reader that takes over mid-file).
    private readonly long lineOffset;

    private CsvTable(CsvReader reader, string file, string[] columns, int[] indexOf, long lineOffset)
    {
        headerCount = indexOf.Count(i => i >= 0);
        this.lineOffset = lineOffset;
        HeaderLocation = SourceLocation.AtLine(file, reader.LineNumber + lineOffset);
        this.reader = reader;
        this.file = file;
        this.columns = columns;
        this.indexOf = indexOf;
        lastText = new (byte[], string)?[columns.Length];
    }

    /// <summary>The location of the header (after any leading comments and blank lines), for errors about columns.</summary>
    public SourceLocation HeaderLocation { get; }

    /// <summary>The location of the current row.</summary>
    public SourceLocation Location => SourceLocation.AtLine(file, reader.LineNumber + lineOffset);

    /// <summary>Where the current row starts, in bytes of UTF-8 from the start of the input.</summary>
    public long ByteOffset => reader.ByteOffset;

    /// <summary>Opens the table and reads its header.</summary>
    /// <param name="stream">The file's bytes.</param>
    /// <param name="file">The name for diagnostics.</param>
    /// <param name="known">Every column the format accepts, lower-case; index into it with <see cref="Has"/> and <see cref="Field"/>.</param>
    /// <param name="describe">What the header should look like, for the error when it does not.</param>
    /// <param name="lineOffset">Lines of the file before the stream's first (0 unless the stream takes over mid-file, after a header of its own).</param>
    public static CsvTable Open(Stream stream, string file, string[] known, string describe, long lineOffset = 0)
    {
        var options = new CsvReaderOptions
        {
            HasHeader = true,
            SkipEmptyLines = true,
            CommentPrefix = '#',
            TrimWhitespace = true,
            TrackLineNumbers = true,
            PoolStrings = true,
            Separator = ',',
            FieldCountMismatch = CsvFieldCountHandling.Allow,
            MissingField = CsvMissingFieldHandling.ReturnEmpty,
            MalformedData = CsvMalformedDataHandling.Throw,
        };

        var reader = CsvReader.Create(stream, options, leaveOpen: true);
        try
        {
            Guard(file, 1, () => reader.ReadHeader());
            var headers = reader.Headers;
            if (headers.Count == 0 || (headers.Count == 1 && headers[0].Length == 0))
            {
                throw new InputException(SourceLocation.AtLine(file, 1), $"the file is empty; expected a header {describe}");
            }

            var indexOf = Enumerable.Repeat(-1, known.Length).ToArray();
            for (var i = 0; i < headers.Count; i++)
            {
                var name = headers[i].Trim().ToLowerInvariant();
                var k = Array.IndexOf(known, name);
                if (k < 0)
                {
                    throw new InputException(SourceLocation.AtLine(file, reader.LineNumber), $"unknown column '{headers[i]}'; expected a header {describe}");
                }

                if (indexOf[k] >= 0)
                {
                    throw new InputException(SourceLocation.AtLine(file, reader.LineNumber), $"column '{headers[i]}' appears twice in the header");
                }

                indexOf[k] = i;
            }

            return new CsvTable(reader, file, known, indexOf, lineOffset);
        }
        catch
        {
            reader.Dispose();
            throw;
        }
    }

    /// <summary>True when the header has column <paramref name="column"/> (an index into the known columns).</summary>
    public bool Has(int column) => indexOf[column] >= 0;

    /// <summary>Moves to the next row; false at the end.</summary>
    public bool Read()
    {
        // Not through Guard: a delegate per row is an allocation per row.
        var line = reader.LineNumber + 1;
        bool more;
        try
        {
            more = reader.Read();
        }
        catch (CsvFormatException e)
        {
            throw Malformed(file, line, e, lineOffset);
        }

        if (more && reader.FieldCount > headerCount)
        {
            throw new InputException(Location, $"the row has {reader.FieldCount} fields but the header has {headerCount}");
        }

        return more;
    }

    /// <summary>The UTF-8 bytes of a column in the current row; empty when the column is absent or the row is short.</summary>
    public ReadOnlySpan<byte> Field(int column)
    {
        var i = indexOf[column];
        return i < 0 || i >= reader.FieldCount ? [] : reader.GetSpan(i);
    }

    /// <summary>A column of the current row as a shared string (equal values share one instance); null when empty.</summary>
    /// <remarks>
    /// CsvHelper's own pool is a small cache that misses when many values interleave (a host column
    /// of a fleet): millions of copies of a few thousand names. So the table keeps its own pool,
    /// looked up by the field's characters without allocating, up to <see cref="PoolLimit"/> values.
    /// </remarks>
    public string? Text(int column)
    {
        var i = indexOf[column];
        if (i < 0 || i >= reader.FieldCount || reader.IsEmpty(i))
        {
            return null;
        }

        // Consecutive rows mostly repeat a value (one host, one region): compare the bytes with
        // the column's previous value before decoding them and looking them up in the pool.
        var bytes = reader.GetSpan(i);
        var last = lastText[column];
        if (last is not null && bytes.SequenceEqual(last.Value.Bytes))
        {
            return last.Value.Text;
        }

        if (bytes.Length > 256)
        {
            return Checked(column, reader.GetString(i));
        }

        Span<char> chars = stackalloc char[bytes.Length];
        var length = System.Text.Encoding.UTF8.GetChars(bytes, chars);
        var lookup = pool.GetAlternateLookup<ReadOnlySpan<char>>();
        if (!lookup.TryGetValue(chars[..length], out var text))
        {
            // Checked once per distinct value: pooled and repeated values were checked when first seen.
            text = Checked(column, new string(chars[..length]));
            if (pool.Count < PoolLimit)
            {
                pool.Add(text, text);
            }
        }

        lastText[column] = (bytes.ToArray(), text);
        return text;
    }

    /// <summary>
    /// <paramref name="text"/>, when it can be a name: text columns (ids, hosts, regions) reach
    /// outputs and error lines, where a control character (ESC, a line end) must never go.
    /// </summary>
    private string Checked(int column, string text) =>
        Region.NameProblem(text) is { } problem ? throw new InputException(Location, $"column '{columns[column]}': {problem}") : text;

    /// <summary>How many distinct values <see cref="Text"/> shares.</summary>
    private const int PoolLimit = 1 << 20;

    private readonly Dictionary<string, string> pool = new(StringComparer.Ordinal);

    /// <summary>Parses a required number column, or throws naming the column.</summary>
    public ulong Required(int column, bool size)
    {
        var field = Field(column);
        if (field.IsEmpty)
        {
            throw new InputException(Location, $"column '{columns[column]}' is empty or missing");
        }

        return Parse(column, field, size);
    }

    /// <summary>Parses an optional number column; null when empty.</summary>
    public ulong? Optional(int column, bool size)
    {
        var field = Field(column);
        return field.IsEmpty ? null : Parse(column, field, size);
    }

    /// <inheritdoc/>
    public void Dispose() => reader.Dispose();

    /// <summary>Parses a number column's field already fetched with <see cref="Field"/>, or throws naming the column.</summary>
    public ulong Parse(int column, ReadOnlySpan<byte> field, bool size)
    {
        var error = size ? Numbers.TryParseSize(field, out var value) : Numbers.TryParseUInt64(field, out value);
        return error is null ? value : throw new InputException(Location, FieldProblem(columns[column], error));
    }

    /// <summary>The message of a field's problem: the column named, then the problem (shared with the readers that skip the table).</summary>
    internal static string FieldProblem(string column, string problem) => $"column '{column}': {problem}";

    private static T Guard<T>(string file, long line, Func<T> read)
    {
        try
        {
            return read();
        }
        catch (CsvFormatException e)
        {
            throw Malformed(file, line, e);
        }
    }

    private static InputException Malformed(string file, long line, CsvFormatException e, long lineOffset = 0) =>
        new(SourceLocation.AtLine(file, (e.LineNumber > 0 ? e.LineNumber : line) + lineOffset), $"malformed CSV: {Reason(e.Message)}");

    /// <summary>
    /// The reason in CsvHelper's "Malformed CSV in record N (line L): REASON (byte offset B)."
    /// without the position, which the location already gives.
    /// </summary>
    private static string Reason(string message)
    {
        var start = message.IndexOf("): ", StringComparison.Ordinal);
        var text = message.StartsWith("Malformed CSV", StringComparison.Ordinal) && start > 0 ? message[(start + 3)..] : message;
        var end = text.LastIndexOf(" (byte offset", StringComparison.Ordinal);
        return (end > 0 ? text[..end] : text).TrimEnd('.');
    }

    private static void Guard(string file, long line, Action read) => Guard(file, line, () =>
    {
        read();
        return true;
    });
}
