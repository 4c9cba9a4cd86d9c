namespace EgmEcc.Formats.Inputs;

/// <summary>
/// A stream that cannot seek (standard input, a pipe), read ahead by a bounded number of bytes
/// for format detection, then read from the start: the peeked bytes are replayed, the rest comes
/// straight from the underlying stream. Memory stays bounded whatever the input's length.
/// </summary>
internal sealed class PeekedStream : Stream
{
    private readonly Stream inner;
    private readonly byte[] peeked;
    private readonly int peekedLength;
    private int replayed;
    private long position;

    private PeekedStream(Stream inner, byte[] peeked, int peekedLength)
    {
        this.inner = inner;
        this.peeked = peeked;
        this.peekedLength = peekedLength;
    }

    /// <summary>The peeked bytes: the start of the input (all of it when <see cref="KnownLength"/> is set).</summary>
    public ReadOnlySpan<byte> Peeked => peeked.AsSpan(0, peekedLength);

    /// <summary>The input's length when it ended within the peek; null when it is longer.</summary>
    public long? KnownLength { get; private init; }

    /// <inheritdoc/>
    public override bool CanRead => true;

    /// <inheritdoc/>
    public override bool CanSeek => false;

    /// <inheritdoc/>
    public override bool CanWrite => false;

    /// <inheritdoc/>
    public override long Length => throw new NotSupportedException();

    /// <inheritdoc/>
    public override long Position
    {
        get => position;
        set => throw new NotSupportedException();
    }

    /// <summary>Reads up to <paramref name="limit"/> bytes of <paramref name="inner"/> ahead.</summary>
    public static PeekedStream Peek(Stream inner, int limit)
    {
        var buffer = new byte[limit];
        var length = inner.ReadAtLeast(buffer, limit, throwOnEndOfStream: false);
        return new PeekedStream(inner, buffer, length) { KnownLength = length < limit ? length : null };
    }

    /// <inheritdoc/>
    public override int Read(byte[] buffer, int offset, int count) => Read(buffer.AsSpan(offset, count));

    /// <inheritdoc/>
    public override int Read(Span<byte> buffer)
    {
        int read;
        if (replayed < peekedLength)
        {
            read = Math.Min(buffer.Length, peekedLength - replayed);
            peeked.AsSpan(replayed, read).CopyTo(buffer);
            replayed += read;
        }
        else
        {
            // An input that ended within the peek is not read again (a terminal would wait for a second end).
            read = KnownLength is null ? inner.Read(buffer) : 0;
        }

        position += read;
        return read;
    }

    /// <inheritdoc/>
    public override void Flush()
    {
    }

    /// <inheritdoc/>
    public override long Seek(long offset, SeekOrigin origin) => throw new NotSupportedException();

    /// <inheritdoc/>
    public override void SetLength(long value) => throw new NotSupportedException();

    /// <inheritdoc/>
    public override void Write(byte[] buffer, int offset, int count) => throw new NotSupportedException();

    /// <inheritdoc/>
    protected override void Dispose(bool disposing)
    {
        if (disposing)
        {
            inner.Dispose();
        }

        base.Dispose(disposing);
    }
}
