using System.Buffers;
using System.Text;

namespace EgmEcc.Formats.Output;

/// <summary>
/// An <see cref="IBufferWriter{T}"/> of UTF-8 bytes that passes them on to a <see cref="TextWriter"/>
/// a chunk at a time, so that a <see cref="System.Text.Json.Utf8JsonWriter"/> can write a document of
/// any size in bounded memory (a whole-document buffer stops at 2 GiB, a string at 2^30 characters).
/// </summary>
/// <remarks>A stateful decoder carries a character split across two chunks. Call <see cref="Flush"/> at the end.</remarks>
internal sealed class TextWriterBufferWriter(TextWriter output) : IBufferWriter<byte>
{
    private const int ChunkBytes = 64 * 1024;

    private readonly Decoder decoder = new UTF8Encoding(encoderShouldEmitUTF8Identifier: false).GetDecoder();
    private byte[] bytes = new byte[2 * ChunkBytes];
    private char[] chars = new char[2 * ChunkBytes];
    private int written;

    /// <inheritdoc/>
    public void Advance(int count)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(count);
        ArgumentOutOfRangeException.ThrowIfGreaterThan(count, bytes.Length - written);
        written += count;
        if (written >= ChunkBytes)
        {
            Pass(flush: false);
        }
    }

    /// <inheritdoc/>
    public Memory<byte> GetMemory(int sizeHint = 0)
    {
        Reserve(sizeHint);
        return bytes.AsMemory(written);
    }

    /// <inheritdoc/>
    public Span<byte> GetSpan(int sizeHint = 0)
    {
        Reserve(sizeHint);
        return bytes.AsSpan(written);
    }

    /// <summary>Writes every byte advanced so far to the text writer.</summary>
    public void Flush() => Pass(flush: true);

    private void Reserve(int sizeHint)
    {
        var need = Math.Max(sizeHint, 1);
        if (bytes.Length - written >= need)
        {
            return;
        }

        Pass(flush: false);
        if (bytes.Length - written < need)
        {
            Array.Resize(ref bytes, written + need);
        }
    }

    private void Pass(bool flush)
    {
        var needed = decoder.GetCharCount(bytes, 0, written, flush);
        if (chars.Length < needed)
        {
            chars = new char[needed];
        }

        var count = decoder.GetChars(bytes, 0, written, chars, 0, flush);
        output.Write(chars, 0, count);
        written = 0;
    }
}
