namespace EgmEcc.Formats.Inputs;

/// <summary>
/// An input opened for reading, with its first bytes for format detection and the stream back at
/// its start: seekable files are rewound; standard input replays the bytes it was peeked by and
/// streams the rest, so it is never held whole in memory.
/// </summary>
public sealed class OpenedInput : IDisposable
{
    /// <summary>
    /// How far ahead a stream that cannot seek (standard input) is read before detection: enough
    /// to know the exact length of any driver dump (a full ioctl list of a 4 KiB-page host is
    /// 8 + 16 * 65536 bytes), so binary formats are detected there as from a file.
    /// </summary>
    internal const int StandardInputPeek = (1 << 20) + FormatRegistry.HeadLength;

    private readonly byte[] head;

    private OpenedInput(Stream stream, byte[] head, InputFile file)
    {
        Stream = stream;
        this.head = head;
        File = file;
    }

    /// <summary>The bytes, positioned at the start of the input.</summary>
    public Stream Stream { get; }

    /// <summary>Up to <see cref="FormatRegistry.HeadLength"/> first bytes, for detection.</summary>
    public ReadOnlySpan<byte> Head => head;

    /// <summary>
    /// The input with its <see cref="InputFile.Length"/>: known for files and for standard input
    /// shorter than the peek, null beyond (readers then find truncation by reading).
    /// </summary>
    public InputFile File { get; }

    /// <summary>Opens <paramref name="file"/> and reads its head.</summary>
    /// <exception cref="InputException">The file cannot be opened.</exception>
    public static OpenedInput Open(InputFile file)
    {
        ArgumentNullException.ThrowIfNull(file);
        var stream = file.Open();
        try
        {
            if (!stream.CanSeek)
            {
                var peeked = PeekedStream.Peek(stream, StandardInputPeek);
                return new OpenedInput(peeked, peeked.Peeked[..Math.Min(peeked.Peeked.Length, FormatRegistry.HeadLength)].ToArray(), file with { Length = peeked.KnownLength });
            }

            var buffer = new byte[FormatRegistry.HeadLength];
            var length = stream.ReadAtLeast(buffer, buffer.Length, throwOnEndOfStream: false);
            stream.Position = 0;
            return new OpenedInput(stream, buffer[..length], file with { Length = stream.Length });
        }
        catch
        {
            stream.Dispose();
            throw;
        }
    }

    /// <inheritdoc/>
    public void Dispose() => Stream.Dispose();
}
