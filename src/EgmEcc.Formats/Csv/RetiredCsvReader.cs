using EgmEcc.Formats.Inputs;

namespace EgmEcc.Formats.Csv;

/// <summary>
/// Retired records as CSV: header <c>address</c>, or <c>region,offset</c>, or both (each row fills
/// one form); optional <c>size</c>, <c>host</c> and <c>source</c> (a free-text provenance label,
/// kept out of planning).
/// </summary>
public sealed class RetiredCsvReader : IRetiredReader
{
    private const int Address = 0, RegionColumn = 1, Offset = 2, Size = 3, Host = 4;
    private static readonly string[] Columns = ["address", "region", "offset", "size", "host", "source"];
    /// <summary>The rows read before the first estimate of the file's records.</summary>
    internal const int SampleRows = 4096;
    private const string Describe = "'address' or 'region,offset' (optional: size, host, source)";

    /// <inheritdoc/>
    public string Name => "csv";

    /// <inheritdoc/>
    public int Sniff(ReadOnlySpan<byte> head, InputFile file)
    {
        var header = Sniffing.FirstTextLine(head).Replace(" ", string.Empty, StringComparison.Ordinal).Replace("\"", string.Empty, StringComparison.Ordinal).Split(',');
        if (header.Contains("address") || (header.Contains("region") && header.Contains("offset")))
        {
            return Sniffing.Certain;
        }

        return file.Extension == ".csv" ? Sniffing.Extension : Sniffing.No;
    }

    /// <inheritdoc/>
    public void Read(Stream stream, InputFile file, ReadOptions options, RetiredRecordSink sink, Action<Diagnostic> report)
    {
        ArgumentNullException.ThrowIfNull(stream);
        ArgumentNullException.ThrowIfNull(file);
        ArgumentNullException.ThrowIfNull(sink);
        var origin = stream.CanSeek ? stream.Position : -1;
        if (!PlainRows)
        {
            ReadTable(stream, file, options, sink, origin, lineOffset: 0);
            return;
        }

        var limit = options.MaxRecords;
        var plain = new PlainAddressRows(stream, file.Name, options, sink, (firstRow, current, rows) => Reserve(sink, stream, origin, firstRow, current, rows, limit));
        if (plain.Read() is { } rest)
        {
            // Reserving needs the reader's offsets in the stream, which a stream taken over mid-file has not.
            ReadTable(rest.Rest, file, options, sink, rest.FromStart ? origin : -1, rest.LineOffset, reserveFrom: rest.FromStart ? stream : null);
        }
    }

    /// <summary>
    /// True (the default) to read an <c>address</c>-only file's plain rows without CsvHelper
    /// (<see cref="PlainAddressRows"/>); false reads every row through it, as tests compare.
    /// </summary>
    internal bool PlainRows { get; init; } = true;

    /// <summary>Reads the rows of <paramref name="stream"/> through CsvHelper, header first.</summary>
    private static void ReadTable(Stream stream, InputFile file, ReadOptions options, RetiredRecordSink sink, long origin, long lineOffset, Stream? reserveFrom = null)
    {
        var measured = reserveFrom ?? stream;
        using var table = CsvTable.Open(stream, file.Name, Columns, Describe, lineOffset);
        var byAddress = table.Has(Address);
        var byOffset = table.Has(RegionColumn) && table.Has(Offset);
        if (!byAddress && !byOffset)
        {
            throw new InputException(table.HeaderLocation, $"the header names neither 'address' nor 'region' and 'offset'; expected {Describe}");
        }

        var rows = 0;
        long firstRow = 0;
        while (table.Read())
        {
            if (rows == 0)
            {
                firstRow = table.ByteOffset;
            }
            else if (rows == SampleRows || (rows > SampleRows && sink.Count == sink.Capacity))
            {
                // Each time the list is full (a check per row is cheap), re-estimate from more rows.
                Reserve(sink, measured, origin, firstRow, table.ByteOffset, rows, options.MaxRecords);
            }

            rows++;

            // The size is parsed as soon as it is fetched: one look-up, and no span kept across other fields.
            var sizeField = table.Field(Size);
            ulong size = 0;
            if (!sizeField.IsEmpty)
            {
                size = table.Parse(Size, sizeField, size: true);
                if (size == 0)
                {
                    throw new InputException(table.Location, "column 'size' is 0; a retired record covers at least one byte");
                }
            }

            var host = table.Text(Host) ?? options.Host;

            // The address is fetched once and parsed before any other field is fetched (a span
            // holds only until then), once the offset is known to be absent: a row giving both is
            // refused for that before either is parsed.
            var hasOffset = byOffset && !table.Field(Offset).IsEmpty;
            var addressField = byAddress ? table.Field(Address) : [];
            var hasAddress = !addressField.IsEmpty;
            if (hasAddress == hasOffset)
            {
                throw new InputException(table.Location, hasAddress
                    ? "the row gives both 'address' and 'offset'; give one"
                    : $"the row gives no {(byAddress ? "'address'" : "'offset'")}");
            }

            if (hasAddress)
            {
                var at = table.Location;
                RecordLimit.Check(sink, options, at);
                sink.Add(RetiredRecord.AtAddress(table.Parse(Address, addressField, size: false), size, at, host));
            }
            else
            {
                RecordLimit.Check(sink, options, table.Location);
                var region = table.Text(RegionColumn) ?? options.Region
                    ?? throw new InputException(table.Location, "column 'region' is empty; an offset needs its region");
                sink.Add(RetiredRecord.InRegion(region, table.Required(Offset, size: false), size, table.Location, host));
            }
        }
    }

    /// <summary>
    /// Makes room in <paramref name="sink"/>, when it grows by copying (a list; an attribution keeps
    /// no records), for the rest of a file's records, estimated from the
    /// bytes of the rows read so far (plus 5%), so that a large file's list grows a few times
    /// instead of doubling its way there: each doubling copies every record, and the arrays it
    /// leaves behind cost full collections. Only for UTF-8 input, where the reader's offsets are
    /// the stream's bytes.
    /// </summary>
    /// <remarks>
    /// The rows read say how long a row is, not that the rest of the file is rows: a few short
    /// rows and then a gigabyte of comments would estimate half a billion records and abort the
    /// process reserving them. So it reserves at most <see cref="MaxGrowth"/> times what the list
    /// holds (and never past <see cref="Array.MaxLength"/> or the record limit), and is called again each time the
    /// list is full: a real file of a hundred million rows still gets there in a handful of steps.
    /// </remarks>
    /// <param name="sink">The list to reserve in.</param>
    /// <param name="stream">The input, whose reading began at <paramref name="origin"/> (-1 when not seekable).</param>
    /// <param name="origin">Where the reader started in the stream.</param>
    /// <param name="firstRow">The reader's offset of the first row.</param>
    /// <param name="current">The reader's offset of the current row.</param>
    /// <param name="rows">The rows from the first to the current one.</param>
    /// <param name="limit">The record limit: room past it would never be used, as the read stops there.</param>
    private static void Reserve(RetiredRecordSink sink, Stream stream, long origin, long firstRow, long current, int rows, long limit)
    {
        if (origin < 0 || current <= firstRow || sink.Capacity == long.MaxValue || !IsUtf8(stream, origin))
        {
            return;
        }

        var bytesPerRow = (double)(current - firstRow) / rows;
        var remaining = Math.Max(0, stream.Length - origin - current) / bytesPerRow;
        var estimate = sink.Count + (remaining * 1.05) + 1;
        var target = Math.Min(Math.Min(estimate, limit), Math.Min(((double)sink.Count * MaxGrowth) + SampleRows, Array.MaxLength));
        if (target > sink.Capacity)
        {
            // At least double, as EnsureCapacity does, but never past the record limit (which it would pass).
            sink.Reserve((long)Math.Max(target, Math.Min(2.0 * sink.Capacity, Math.Min(limit, Array.MaxLength))));
        }
    }

    /// <summary>How many times over the list's size one reservation may grow it.</summary>
    internal const int MaxGrowth = 8;

    /// <summary>False when the stream starts with a UTF-16 or UTF-32 byte-order mark, which makes the reader transcode.</summary>
    private static bool IsUtf8(Stream stream, long origin)
    {
        var position = stream.Position;
        Span<byte> head = stackalloc byte[2];
        stream.Position = origin;
        var read = stream.ReadAtLeast(head, 2, throwOnEndOfStream: false);
        stream.Position = position;
        return read < 2 || !((head[0] == 0xFF && head[1] == 0xFE) || (head[0] == 0xFE && head[1] == 0xFF) || (head[0] == 0 && head[1] == 0));
    }
}
