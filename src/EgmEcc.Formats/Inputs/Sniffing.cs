namespace EgmEcc.Formats.Inputs;

/// <summary>Confidence levels readers return from <c>Sniff</c>, so detection is comparable across formats.</summary>
public static class Sniffing
{
    /// <summary>Not this format.</summary>
    public const int No = 0;

    /// <summary>Only the extension fits.</summary>
    public const int Extension = 10;

    /// <summary>The content has this format's shape (a header, a bracket).</summary>
    public const int Shape = 50;

    /// <summary>The content carries this format's unmistakable mark (a magic, exact field names).</summary>
    public const int Certain = 100;

    /// <summary>The first non-blank byte of <paramref name="head"/>, skipping a UTF-8 byte-order mark; 0 when none.</summary>
    public static byte FirstNonBlank(ReadOnlySpan<byte> head)
    {
        if (head.StartsWith("\uFEFF"u8))
        {
            head = head[3..];
        }

        foreach (var b in head)
        {
            if (b is not ((byte)' ' or (byte)'\t' or (byte)'\r' or (byte)'\n'))
            {
                return b;
            }
        }

        return 0;
    }

    /// <summary>The first line of <paramref name="head"/> that is neither blank nor a <c>#</c> comment, lower-cased.</summary>
    public static string FirstTextLine(ReadOnlySpan<byte> head)
    {
        if (head.StartsWith("\uFEFF"u8))
        {
            head = head[3..];
        }

        while (!head.IsEmpty)
        {
            var end = head.IndexOf((byte)'\n');
            var line = end < 0 ? head : head[..end];
            head = end < 0 ? [] : head[(end + 1)..];
            var text = System.Text.Encoding.UTF8.GetString(line).Trim();
            if (text.Length > 0 && text[0] != '#')
            {
                return text.ToLowerInvariant();
            }
        }

        return string.Empty;
    }
}
