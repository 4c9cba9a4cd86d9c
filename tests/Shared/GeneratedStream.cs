namespace EgmEcc.Tests;

/// <summary>
/// A pipe-like stream whose bytes are computed, never held: byte <c>i</c> is <c>byteAt(i)</c>, for
/// <c>length</c> bytes (<see cref="long.MaxValue"/> for one that never ends, like <c>/dev/zero</c>).
/// Reads once, front to back, without seeking or a length.
/// </summary>
internal sealed class GeneratedStream(long length, Func<long, byte> byteAt) : Stream
{
    private long position;

    public override bool CanRead => true;

    public override bool CanSeek => false;

    public override bool CanWrite => false;

    public override long Length => throw new NotSupportedException();

    public override long Position { get => position; set => throw new NotSupportedException(); }

    public override int Read(byte[] buffer, int offset, int count)
    {
        var n = (int)Math.Min(count, length - position);
        for (var i = 0; i < n; i++, position++)
        {
            buffer[offset + i] = byteAt(position);
        }

        return n;
    }

    public override void Flush()
    {
    }

    public override long Seek(long offset, SeekOrigin origin) => throw new NotSupportedException();

    public override void SetLength(long value) => throw new NotSupportedException();

    public override void Write(byte[] buffer, int offset, int count) => throw new NotSupportedException();
}
