using System.Buffers.Binary;

namespace EgmEcc.Formats.Binary;

/// <summary>
/// A binary input read front to back in fixed-size records through one reusable buffer, so a
/// file of any length is read in constant memory; every read knows its byte offset.
/// </summary>
internal sealed class BinaryInput
{
    private const int ChunkSize = 64 * 1024;
    private readonly Stream stream;
    private readonly byte[] buffer = new byte[ChunkSize];
    private int start;
    private int end;

    public BinaryInput(Stream stream, string file)
    {
        this.stream = stream;
        File = file;
    }

    /// <summary>The file name, for locations.</summary>
    public string File { get; }

    /// <summary>The offset of the next unread byte.</summary>
    public long Offset { get; private set; }

    /// <summary>The location of <paramref name="offset"/>.</summary>
    public SourceLocation At(long offset) => SourceLocation.AtByte(File, offset);

    /// <summary>
    /// The next <paramref name="count"/> bytes (at most the chunk size), or fewer when the file
    /// ends first; the span is valid until the next call.
    /// </summary>
    public ReadOnlySpan<byte> Take(int count)
    {
        if (end - start < count)
        {
            Fill();
        }

        var n = Math.Min(count, end - start);
        var taken = buffer.AsSpan(start, n);
        start += n;
        Offset += n;
        return taken;
    }

    /// <summary>Reads a little-endian u64 at <paramref name="at"/>.</summary>
    public static ulong U64(ReadOnlySpan<byte> bytes, int at) => BinaryPrimitives.ReadUInt64LittleEndian(bytes[at..]);

    /// <summary>Reads a little-endian u32 at <paramref name="at"/>.</summary>
    public static uint U32(ReadOnlySpan<byte> bytes, int at) => BinaryPrimitives.ReadUInt32LittleEndian(bytes[at..]);

    /// <summary>
    /// The length of the input: the loader's when it measured it, else the stream's when it can
    /// seek, else found by reading to the end (the input is not read again afterwards).
    /// </summary>
    public long Length(long? known)
    {
        if (known is { } length)
        {
            return length;
        }

        if (stream.CanSeek)
        {
            return stream.Length;
        }

        var total = Offset + (end - start);
        start = end = 0;
        int read;
        while ((read = stream.Read(buffer, 0, buffer.Length)) > 0)
        {
            total += read;
        }

        return total;
    }

    private void Fill()
    {
        var remaining = end - start;
        buffer.AsSpan(start, remaining).CopyTo(buffer);
        (start, end) = (0, remaining);
        while (end < buffer.Length)
        {
            var read = stream.Read(buffer, end, buffer.Length - end);
            if (read == 0)
            {
                break;
            }

            end += read;
        }
    }
}
