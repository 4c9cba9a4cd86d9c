using System.Buffers;
using System.Text;

namespace EgmEcc.Formats.Output;

/// <summary>
/// A UTF-8 output (no byte-order mark, docs/design.md §4.1) over a stream, written in 64 KiB
/// pieces: a text writer for writers that make text, and an <see cref="IBufferWriter{T}"/> for
/// those that make bytes (the JSON and CSV plans), whose bytes go straight to the stream without
/// being decoded to characters and encoded back.
/// </summary>
/// <remarks>
/// A plan of millions of rows is hundreds of megabytes: written 4 KiB at a time to a file, or
/// 256 bytes at a time to standard output through <see cref="Console.Out"/>, the system calls
/// alone cost more than the formatting. Nothing reaches the stream until 64 KiB are pending or
/// <see cref="Flush"/> is called; the owner of the stream flushes at the end.
/// </remarks>
public sealed class Utf8StreamOutput : TextWriter, IBufferWriter<byte>
{
    /// <summary>The size of every write to the stream but the last.</summary>
    public const int ChunkBytes = 64 * 1024;

    private static readonly UTF8Encoding Utf8 = new(encoderShouldEmitUTF8Identifier: false);

    private readonly Stream stream;
    private readonly bool leaveOpen;
    private readonly Encoder encoder = Utf8.GetEncoder();
    private byte[] buffer = new byte[2 * ChunkBytes];
    private int used;

    /// <summary>Writes to <paramref name="stream"/>, which is disposed with this output unless <paramref name="leaveOpen"/>.</summary>
    public Utf8StreamOutput(Stream stream, bool leaveOpen = false)
    {
        ArgumentNullException.ThrowIfNull(stream);
        this.stream = stream;
        this.leaveOpen = leaveOpen;
        NewLine = "\n";
    }

    /// <inheritdoc/>
    public override Encoding Encoding => Utf8;

    /// <inheritdoc/>
    public override void Write(char value) => Write(new ReadOnlySpan<char>(in value));

    /// <inheritdoc/>
    public override void Write(char[] buffer, int index, int count) => Write(buffer.AsSpan(index, count));

    /// <inheritdoc/>
    public override void Write(string? value) => Write(value.AsSpan());

    /// <inheritdoc/>
    public override void Write(ReadOnlySpan<char> buffer)
    {
        while (true)
        {
            if (this.buffer.Length - used < 4)
            {
                PassChunks();
            }

            encoder.Convert(buffer, this.buffer.AsSpan(used), flush: false, out var charsUsed, out var bytesUsed, out _);
            used += bytesUsed;
            buffer = buffer[charsUsed..];
            if (used >= ChunkBytes)
            {
                PassChunks();
            }

            if (buffer.IsEmpty)
            {
                return;
            }
        }
    }

    /// <inheritdoc/>
    public override void WriteLine(ReadOnlySpan<char> buffer)
    {
        Write(buffer);
        Write(CoreNewLine);
    }

    /// <inheritdoc/>
    public void Advance(int count)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(count);
        ArgumentOutOfRangeException.ThrowIfGreaterThan(count, buffer.Length - used);
        used += count;
        if (used >= ChunkBytes)
        {
            PassChunks();
        }
    }

    /// <inheritdoc/>
    public Memory<byte> GetMemory(int sizeHint = 0)
    {
        Reserve(sizeHint);
        return buffer.AsMemory(used);
    }

    /// <inheritdoc/>
    public Span<byte> GetSpan(int sizeHint = 0)
    {
        Reserve(sizeHint);
        return buffer.AsSpan(used);
    }

    /// <summary>Writes <paramref name="bytes"/>, UTF-8 text, as they are.</summary>
    public void WriteBytes(ReadOnlySpan<byte> bytes)
    {
        while (!bytes.IsEmpty)
        {
            if (used >= ChunkBytes)
            {
                PassChunks();
            }

            var n = Math.Min(bytes.Length, buffer.Length - used);
            bytes[..n].CopyTo(buffer.AsSpan(used));
            used += n;
            bytes = bytes[n..];
        }

        if (used >= ChunkBytes)
        {
            PassChunks();
        }
    }

    /// <summary>Writes every pending byte to the stream and flushes it.</summary>
    public override void Flush()
    {
        Pass();
        stream.Flush();
    }

    /// <inheritdoc/>
    protected override void Dispose(bool disposing)
    {
        if (disposing)
        {
            try
            {
                Flush();
            }
            finally
            {
                if (!leaveOpen)
                {
                    stream.Dispose();
                }
            }
        }

        base.Dispose(disposing);
    }

    private void Reserve(int sizeHint)
    {
        var need = Math.Max(sizeHint, 1);
        if (buffer.Length - used >= need)
        {
            return;
        }

        PassChunks();
        if (buffer.Length - used < need)
        {
            // A single piece larger than a chunk (a JSON token of a huge diagnostic message).
            Array.Resize(ref buffer, used + need);
        }
    }

    /// <summary>Writes the whole chunks pending and keeps the rest, so that every write but the last is one chunk.</summary>
    private void PassChunks()
    {
        var whole = used / ChunkBytes * ChunkBytes;
        for (var at = 0; at < whole; at += ChunkBytes)
        {
            stream.Write(buffer, at, ChunkBytes);
        }

        buffer.AsSpan(whole, used - whole).CopyTo(buffer);
        used -= whole;
    }

    /// <summary>Writes every pending byte, in pieces of at most <see cref="ChunkBytes"/>.</summary>
    private void Pass()
    {
        for (var at = 0; at < used; at += ChunkBytes)
        {
            stream.Write(buffer, at, Math.Min(ChunkBytes, used - at));
        }

        used = 0;
    }
}
