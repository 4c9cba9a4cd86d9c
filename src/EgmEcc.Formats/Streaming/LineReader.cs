namespace EgmEcc.Formats.Streaming;

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

    /// <summary>
    /// Skips, in bulk, whole lines that contain neither <paramref name="needle"/> (nor
    /// <paramref name="otherNeedle"/>, when given) nor a NUL byte,
    /// so a reader looking for rare lines does not pay for every other one; the next
    /// <see cref="ReadLine"/> returns the first line that may hold one. <see cref="LineNumber"/>
    /// counts the skipped lines.
    /// </summary>
    /// <param name="needle">What a line the reader wants holds.</param>
    /// <param name="otherNeedle">Another such mark, or empty.</param>
    /// <param name="visit">When given, is shown each run of skipped lines (whole lines, each ending in
    /// <c>\n</c>), for a reader that must still count something in lines it does not read one by one.</param>
    /// <returns>How many lines were skipped.</returns>
    public long SkipLinesWithout(ReadOnlySpan<byte> needle, ReadOnlySpan<byte> otherNeedle = default, Action<ReadOnlySpan<byte>>? visit = null)
    {
        long skipped = 0;
        while (!skippingRest)
        {
            var pending = buffer.AsSpan(start, end - start);
            var hit = pending.IndexOf(needle);
            var other = otherNeedle.IsEmpty ? -1 : pending.IndexOf(otherNeedle);
            if (other >= 0 && (hit < 0 || other < hit))
            {
                hit = other;
            }

            var nul = pending.IndexOf((byte)0);
            if (nul >= 0 && (hit < 0 || nul < hit))
            {
                hit = nul;
            }

            // Only whole lines before the hit are skipped: a line cut by the buffer's end is
            // looked at again once the rest of it is read.
            var scan = hit < 0 ? pending : pending[..hit];
            var lastNewline = scan.LastIndexOf((byte)'\n');
            if (lastNewline >= 0)
            {
                var lines = scan[..(lastNewline + 1)].Count((byte)'\n');
                visit?.Invoke(scan[..(lastNewline + 1)]);
                skipped += lines;
                LineNumber += lines;
                start += lastNewline + 1;
            }

            if (hit >= 0 || endOfStream || end - start == buffer.Length)
            {
                break;
            }

            Fill();
        }

        return skipped;
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
