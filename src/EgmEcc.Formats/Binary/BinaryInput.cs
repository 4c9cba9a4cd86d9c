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

    private readonly long? known;

    /// <summary>Reads <paramref name="stream"/>, whose length the loader may have measured (<paramref name="knownLength"/>).</summary>
    public BinaryInput(Stream stream, string file, long? knownLength)
    {
        this.stream = stream;
        File = file;
        known = knownLength;
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
    /// The length the loader measured, when it can be the file's: a character device (such as
    /// <c>/dev/zero</c>) measures 0 however much it gives, so a length shorter than what was
    /// already read is no length at all.
    /// </summary>
    public long? KnownLength => known >= Offset ? known : null;

    /// <summary>
    /// The length of the input, or <paramref name="limit"/> + 1 when it is longer than
    /// <paramref name="limit"/> (the most a well-formed input can be): the measured length when
    /// there is one (<see cref="KnownLength"/>), else found by reading on, but never past the
    /// limit, so an endless input (<c>/dev/zero</c>, a pipe) ends too. The input is not read
    /// again afterwards.
    /// </summary>
    public long Length(long limit)
    {
        if (KnownLength is { } length)
        {
            return Math.Min(length, limit + 1);
        }

        var total = Offset + (end - start);
        start = end = 0;
        int read;
        while (total <= limit && (read = stream.Read(buffer, 0, (int)Math.Min(buffer.Length, limit + 1 - total))) > 0)
        {
            total += read;
        }

        return Math.Min(total, limit + 1);
    }

    /// <summary><c>1 byte</c>, <c>2 bytes</c>: counts in messages read right for every length.</summary>
    public static string Count(long count, string one, string many) => $"{count} {(count == 1 ? one : many)}";

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
