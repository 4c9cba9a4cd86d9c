using System.Buffers;
using EgmEcc.Formats.Inputs;

namespace EgmEcc.Formats.Csv;

/// <summary>
/// The retired CSV of one column, <c>address</c>, read without CsvHelper while its rows are plain:
/// letters and digits only, or blank. Such a file is what firmware dumps turn into, millions of
/// rows long, and CsvHelper's general machinery (quotes, trimming, field splitting) was a fifth of
/// the CPU of planning one (docs/performance.md). At the first row that is not plain (a quote, a
/// blank, a comma, a comment, a long line) the rest of the file, from that row, goes to CsvHelper
/// after a header of its own, with its line numbers carried on: every row that is not plain is read
/// exactly as before, and a plain row is one whose reading by CsvHelper is known.
/// </summary>
internal sealed class PlainAddressRows
{
    private const int BufferSize = 1 << 16;

    private static readonly SearchValues<byte> Plain = SearchValues.Create("0123456789abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ"u8);

    private readonly Stream stream;
    private readonly string file;
    private readonly ReadOptions options;
    private readonly RetiredRecordSink sink;
    private readonly Action<long, long, int> reserve;
    private readonly byte[] buffer = new byte[BufferSize];
    private int end;
    private bool ended;

    // Bytes of the stream before buffer[0].
    private long before;

    /// <summary>A reader of <paramref name="stream"/> into <paramref name="sink"/>; <paramref name="reserve"/> makes room as the table reader does, given the first row's offset, this row's and the rows so far.</summary>
    public PlainAddressRows(Stream stream, string file, ReadOptions options, RetiredRecordSink sink, Action<long, long, int> reserve)
    {
        this.stream = stream;
        this.file = file;
        this.options = options;
        this.sink = sink;
        this.reserve = reserve;
    }

    /// <summary>Where CsvHelper takes over: the rest of the input as a stream, and the lines of the file before its first.</summary>
    /// <param name="Rest">The bytes from the first row not read here, after a header line when <see cref="LineOffset"/> is not 0.</param>
    /// <param name="LineOffset">What to add to a line number of <paramref name="Rest"/> to get the file's.</param>
    /// <param name="FromStart">True when nothing was read here: the whole input, header and all.</param>
    internal sealed record Handover(Stream Rest, long LineOffset, bool FromStart);

    /// <summary>Reads the plain rows; null when that was the whole file, else where CsvHelper takes over.</summary>
    /// <exception cref="InputException">A plain row that is not a number, or one past the record limit.</exception>
    public Handover? Read()
    {
        Fill();
        var pos = 0;
        if (end >= 3 && buffer[0] == 0xEF && buffer[1] == 0xBB && buffer[2] == 0xBF)
        {
            pos = 3;
        }

        // The header must be exactly `address` on the first line; anything else is CsvHelper's.
        var newline = buffer.AsSpan(pos, end - pos).IndexOf((byte)'\n');
        var header = newline < 0 ? [] : TrimReturn(buffer.AsSpan(pos, newline));
        if (!header.SequenceEqual("address"u8))
        {
            return new Handover(Rest(0, withHeader: false), 0, FromStart: true);
        }

        pos += newline + 1;
        long line = 1;
        var rows = 0;
        long firstRow = 0;
        while (true)
        {
            // Nearly every row: 0x, 1 to 16 hex digits and a line end, taken in one pass over its
            // bytes. Any other row (and one cut by the buffer's end) is found, checked and parsed below.
            var plain = Numbers.PlainHexPrefix(buffer.AsSpan(pos, end - pos), out var address);
            var rowEnd = plain > 0 ? LineEndAt(pos + plain) : -1;
            if (rowEnd > 0)
            {
                line++;
                Take(address, null, ref rows, ref firstRow, pos, line);
                pos = rowEnd;
                continue;
            }

            newline = buffer.AsSpan(pos, end - pos).IndexOf((byte)'\n');
            if (newline < 0 && !ended)
            {
                // Keep the partial row, and read on.
                buffer.AsSpan(pos, end - pos).CopyTo(buffer);
                (before, end, pos) = (before + pos, end - pos, 0);
                Fill();
                newline = buffer.AsSpan(pos, end - pos).IndexOf((byte)'\n');
                if (newline < 0 && !ended)
                {
                    // A row longer than the buffer.
                    return new Handover(Rest(pos, withHeader: true), line - 1, FromStart: false);
                }
            }

            if (newline < 0 && pos == end)
            {
                return null;
            }

            var length = newline < 0 ? end - pos : newline;
            var row = TrimReturn(buffer.AsSpan(pos, length));
            if (row.Length > 0 && row.IndexOfAnyExcept(Plain) >= 0)
            {
                // A row CsvHelper may read otherwise: it reads it, and the rest.
                return new Handover(Rest(pos, withHeader: true), line - 1, FromStart: false);
            }

            line++;
            if (row.Length > 0)
            {
                var error = Numbers.TryParseUInt64(row, out address);
                Take(address, error, ref rows, ref firstRow, pos, line);
            }

            pos += newline < 0 ? length : length + 1;
        }
    }

    /// <summary>Where the row goes on after a line end at <paramref name="at"/> (<c>\n</c> or <c>\r\n</c>), or -1 when none is there in the buffer.</summary>
    private int LineEndAt(int at)
    {
        if (at < end && buffer[at] == (byte)'\n')
        {
            return at + 1;
        }

        return at + 1 < end && buffer[at] == (byte)'\r' && buffer[at + 1] == (byte)'\n' ? at + 2 : -1;
    }

    /// <summary>
    /// The record of the row at <paramref name="pos"/> in the buffer, line <paramref name="line"/>:
    /// room made as the table reader makes it, the limit checked, then the row's parse
    /// <paramref name="error"/> (past the limit is the first problem, as for a row that parses),
    /// and into the sink.
    /// </summary>
    private void Take(ulong address, string? error, ref int rows, ref long firstRow, int pos, long line)
    {
        if (rows == 0)
        {
            firstRow = before + pos;
        }
        else if (rows == RetiredCsvReader.SampleRows || (rows > RetiredCsvReader.SampleRows && sink.Count == sink.Capacity))
        {
            reserve(firstRow, before + pos, rows);
        }

        rows++;
        var at = SourceLocation.AtLine(file, line);
        RecordLimit.Check(sink, options, at);
        if (error is not null)
        {
            throw new InputException(at, CsvTable.FieldProblem("address", error));
        }

        sink.AddRetiredAt(address, at, options.Host);
    }

    /// <summary>A row without the carriage return of a CRLF line end.</summary>
    private static Span<byte> TrimReturn(Span<byte> row) => row.Length > 0 && row[^1] == (byte)'\r' ? row[..^1] : row;

    /// <summary>Reads until the buffer is full or the stream ends.</summary>
    private void Fill()
    {
        while (end < buffer.Length && !ended)
        {
            var read = stream.Read(buffer, end, buffer.Length - end);
            if (read == 0)
            {
                ended = true;
            }

            end += read;
        }
    }

    /// <summary>The input from <paramref name="from"/> in the buffer on, after a header line of its own when asked.</summary>
    private Stream Rest(int from, bool withHeader)
    {
        var head = new List<byte>();
        if (withHeader)
        {
            head.AddRange("address\n"u8);
        }

        head.AddRange(buffer.AsSpan(from, end - from));
        return new ReplayStream([.. head], ended ? Stream.Null : stream);
    }

    /// <summary>A read-only stream of some bytes, then the rest of another stream.</summary>
    private sealed class ReplayStream(byte[] head, Stream rest) : Stream
    {
        private int at;

        public override bool CanRead => true;

        public override bool CanSeek => false;

        public override bool CanWrite => false;

        public override long Length => throw new NotSupportedException();

        public override long Position
        {
            get => throw new NotSupportedException();
            set => throw new NotSupportedException();
        }

        public override int Read(byte[] buffer, int offset, int count) => Read(buffer.AsSpan(offset, count));

        public override int Read(Span<byte> buffer)
        {
            if (at < head.Length)
            {
                var n = Math.Min(buffer.Length, head.Length - at);
                head.AsSpan(at, n).CopyTo(buffer);
                at += n;
                return n;
            }

            return rest.Read(buffer);
        }

        public override void Flush()
        {
        }

        public override long Seek(long offset, SeekOrigin origin) => throw new NotSupportedException();

        public override void SetLength(long value) => throw new NotSupportedException();

        public override void Write(byte[] buffer, int offset, int count) => throw new NotSupportedException();
    }
}
