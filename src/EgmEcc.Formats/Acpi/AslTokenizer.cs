namespace EgmEcc.Formats.Acpi;

/// <summary>What an ASL token is.</summary>
internal enum AslTokenKind
{
    /// <summary>A name, keyword or path (<c>Device</c>, <c>\_SB.GPU0</c>, <c>Zero</c>).</summary>
    Word,

    /// <summary>A number as written (<c>0x0000002000000000</c>, <c>16</c>).</summary>
    Number,

    /// <summary>A string literal, without its quotes.</summary>
    String,

    /// <summary>One punctuation character (<c>( ) { } ,</c> and the rest).</summary>
    Symbol,
}

/// <summary>
/// Splits ASL (as <c>iasl -d</c> writes it, or by hand) into tokens one line at a time, carrying
/// an open <c>/* */</c> comment from line to line; <c>//</c> comments end at the line's end.
/// </summary>
internal sealed class AslTokenizer
{
    private bool inBlockComment;

    /// <summary>True when the input ended inside a <c>/* */</c> comment.</summary>
    public bool InBlockComment => inBlockComment;

    /// <summary>Calls <paramref name="onToken"/> for each token of <paramref name="line"/>, in order.</summary>
    public void Tokenize(ReadOnlySpan<byte> line, TokenHandler onToken)
    {
        var i = 0;
        while (i < line.Length)
        {
            if (inBlockComment)
            {
                var close = line[i..].IndexOf("*/"u8);
                if (close < 0)
                {
                    return;
                }

                i += close + 2;
                inBlockComment = false;
                continue;
            }

            var c = line[i];
            if (c is (byte)' ' or (byte)'\t' or (byte)'\r' or (byte)'\f' or (byte)'\v')
            {
                i++;
            }
            else if (c == '/' && i + 1 < line.Length && line[i + 1] == '/')
            {
                return;
            }
            else if (c == '/' && i + 1 < line.Length && line[i + 1] == '*')
            {
                inBlockComment = true;
                i += 2;
            }
            else if (c == '"')
            {
                var j = i + 1;
                while (j < line.Length && line[j] != '"')
                {
                    j += line[j] == '\\' ? 2 : 1;
                }

                onToken(AslTokenKind.String, line[(i + 1)..Math.Min(j, line.Length)]);
                i = j + 1;
            }
            else if (IsWordStart(c))
            {
                var j = i + 1;
                while (j < line.Length && IsWordPart(line[j]))
                {
                    j++;
                }

                onToken(AslTokenKind.Word, line[i..j]);
                i = j;
            }
            else if (c is >= (byte)'0' and <= (byte)'9')
            {
                var j = i + 1;
                while (j < line.Length && IsWordPart(line[j]))
                {
                    j++;
                }

                onToken(AslTokenKind.Number, line[i..j]);
                i = j;
            }
            else
            {
                onToken(AslTokenKind.Symbol, line.Slice(i, 1));
                i++;
            }
        }
    }

    private static bool IsWordStart(byte c) => c is (>= (byte)'A' and <= (byte)'Z') or (>= (byte)'a' and <= (byte)'z') or (byte)'_' or (byte)'\\' or (byte)'^';

    private static bool IsWordPart(byte c) => IsWordStart(c) || c is (>= (byte)'0' and <= (byte)'9') or (byte)'.';
}

/// <summary>Receives one token; the span is valid only during the call.</summary>
internal delegate void TokenHandler(AslTokenKind kind, ReadOnlySpan<byte> text);
