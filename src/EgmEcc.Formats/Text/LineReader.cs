namespace EgmEcc.Formats.Text;

/// <summary>
/// Reads a text input line by line through one fixed buffer, so memory stays flat whatever the
/// file's size; a line longer than the buffer is returned cut short, flagged
/// <see cref="Overlong"/>, and the rest of it skipped.
/// </summary>
/// <remarks>Lines end at <c>\n</c>; a trailing <c>\r</c> is removed. Lines count from 1.</remarks>
internal sealed class LineReader
{
    /// <summary>The longest line returned whole.</summary>
    public const int MaxLineBytes = 64 * 1024;

    private readonly Stream stream;
    private readonly byte[] buffer = new byte[MaxLineBytes];
    private int start;
    private int end;
    private bool endOfStream;
    private bool skippingRest;

    public LineReader(Stream stream) => this.stream = stream;

    /// <summary>The number of the line last returned.</summary>
    public long LineNumber { get; private set; }

    /// <summary>True when the line last returned was cut at <see cref="MaxLineBytes"/>.</summary>
    public bool Overlong { get; private set; }

    /// <summary>Reads the next line; the span is valid until the next call. False at the end.</summary>
    public bool ReadLine(out ReadOnlySpan<byte> line)
    {
        while (true)
        {
            var pending = buffer.AsSpan(start, end - start);
            var newline = pending.IndexOf((byte)'\n');
            if (newline >= 0)
            {
                start += newline + 1;
                if (skippingRest)
                {
                    skippingRest = false;
                    continue;
                }

                line = Complete(pending[..newline], overlong: false);
                return true;
            }

            if (endOfStream)
            {
                start = end;
                if (skippingRest || pending.IsEmpty)
                {
                    skippingRest = false;
                    line = default;
                    return false;
                }

                line = Complete(pending, overlong: false);
                return true;
            }

            if (pending.Length == buffer.Length)
            {
                // A full buffer and no line end: hand out what fits, drop the rest of the line.
                start = end;
                if (!skippingRest)
                {
                    skippingRest = true;
                    line = Complete(pending, overlong: true);
                    return true;
                }

                continue;
            }

            Fill();
        }
    }

    private ReadOnlySpan<byte> Complete(ReadOnlySpan<byte> line, bool overlong)
    {
        LineNumber++;
        Overlong = overlong;
        return !overlong && line.EndsWith((byte)'\r') ? line[..^1] : line;
    }

    private void Fill()
    {
        var remaining = end - start;
        buffer.AsSpan(start, remaining).CopyTo(buffer);
        (start, end) = (0, remaining);
        var read = stream.Read(buffer, end, buffer.Length - end);
        if (read == 0)
        {
            endOfStream = true;
        }

        end += read;
    }
}
