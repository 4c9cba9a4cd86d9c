namespace EgmEcc.Formats.KernelLog;

/// <summary>
/// A record line of <c>/dev/kmsg</c> (Linux Documentation/ABI/testing/dev-kmsg; docs/design.md
/// §3.4): <c>PRI,SEQ,USEC,FLAGS[,more fields];message</c>, PRI being facility × 8 + level, SEQ
/// the 64-bit sequence number, USEC the timestamp in microseconds and FLAGS <c>-</c> (or
/// <c>c</c>, a fragment). Newer kernels may add fields before the <c>;</c>
/// (<c>caller=T123</c>), which the ABI says to ignore.
/// </summary>
internal static class KmsgRecord
{
    /// <summary>
    /// The message of <paramref name="line"/> when it opens with a record's prefix: three runs of
    /// digits, a flags word of letters or <c>-</c>, any further fields, then <c>;</c>.
    /// </summary>
    public static bool TryMessage(ReadOnlySpan<byte> line, out ReadOnlySpan<byte> message)
    {
        message = default;
        var semicolon = line.IndexOf((byte)';');
        if (semicolon < 0)
        {
            return false;
        }

        var prefix = line[..semicolon];
        for (var field = 0; field < 3; field++)
        {
            var comma = prefix.IndexOf((byte)',');
            if (comma <= 0 || prefix[..comma].IndexOfAnyExceptInRange((byte)'0', (byte)'9') >= 0)
            {
                return false;
            }

            prefix = prefix[(comma + 1)..];
        }

        var flagsEnd = prefix.IndexOf((byte)',');
        var flags = flagsEnd < 0 ? prefix : prefix[..flagsEnd];
        if (flags.IsEmpty || flags.IndexOfAnyExcept(FlagCharacters) >= 0)
        {
            return false;
        }

        message = line[(semicolon + 1)..];
        return true;
    }

    /// <summary>
    /// Undoes the escapes the kernel writes in a message, <c>\xNN</c> for a byte below 0x20, from
    /// 0x7f, or a backslash (printk.c, <c>msg_add_ext_text</c>), into <paramref name="output"/>
    /// (at least as long as <paramref name="message"/>); an escape of any other byte, or a
    /// backslash not starting one, stays as written, so no printable character (and so no
    /// marker the reader looks for) appears that the raw line does not hold.
    /// </summary>
    /// <returns>The length of the decoded message.</returns>
    public static int Unescape(ReadOnlySpan<byte> message, Span<byte> output)
    {
        var length = 0;
        for (var i = 0; i < message.Length; i++)
        {
            if (message[i] == (byte)'\\' && i + 3 < message.Length && message[i + 1] == (byte)'x'
                && HexDigit(message[i + 2]) is var high and >= 0 && HexDigit(message[i + 3]) is var low and >= 0)
            {
                var value = (byte)((high << 4) | low);
                if (value is < 0x20 or >= 0x7f or (byte)'\\')
                {
                    output[length++] = value;
                    i += 3;
                    continue;
                }
            }

            output[length++] = message[i];
        }

        return length;
    }

    /// <summary>The line ends <see cref="Unescape"/> would decode in <paramref name="line"/> (<c>\x0a</c>).</summary>
    /// <remarks>No <c>\x0a</c> overlaps another escape <see cref="Unescape"/> decodes: an escape ends in two hex digits, never a backslash.</remarks>
    public static int EscapedLineEnds(ReadOnlySpan<byte> line) => line.Count("\\x0a"u8) + line.Count("\\x0A"u8);

    private static ReadOnlySpan<byte> FlagCharacters => "-abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ"u8;

    private static int HexDigit(byte b) => b switch
    {
        >= (byte)'0' and <= (byte)'9' => b - '0',
        >= (byte)'a' and <= (byte)'f' => b - 'a' + 10,
        >= (byte)'A' and <= (byte)'F' => b - 'A' + 10,
        _ => -1,
    };
}
