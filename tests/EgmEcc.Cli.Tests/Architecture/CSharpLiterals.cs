using System.Text;

namespace EgmEcc.Cli.Tests.Architecture;

/// <summary>
/// The string literals of C# source, without its comments: regular, verbatim, raw and interpolated
/// strings (the text between holes; literals inside holes count as literals of their own). Enough
/// of a lexer for source checks, not a compiler: it need not reject what the compiler would.
/// </summary>
internal sealed class CSharpLiterals
{
    private readonly string source;
    private readonly List<(int Line, string Text)> found = [];
    private int pos;

    private CSharpLiterals(string source) => this.source = source;

    /// <summary>Every string literal of <paramref name="source"/>, with the line it starts on.</summary>
    public static IReadOnlyList<(int Line, string Text)> Of(string source)
    {
        var lexer = new CSharpLiterals(source);
        lexer.Code(untilClosingBrace: false);
        return lexer.found;
    }

    private char At(int i) => i < source.Length ? source[i] : '\0';

    private int Line(int at) => 1 + source.AsSpan(0, Math.Min(at, source.Length)).Count('\n');

    private void Code(bool untilClosingBrace)
    {
        var depth = 0;
        while (pos < source.Length)
        {
            var c = source[pos];
            if (c == '/' && At(pos + 1) == '/')
            {
                var end = source.IndexOf('\n', pos);
                pos = end < 0 ? source.Length : end + 1;
            }
            else if (c == '/' && At(pos + 1) == '*')
            {
                var end = source.IndexOf("*/", pos + 2, StringComparison.Ordinal);
                pos = end < 0 ? source.Length : end + 2;
            }
            else if (c == '\'')
            {
                CharLiteral();
            }
            else if (c is '"' or '$' or '@' && StringStart() is { } start)
            {
                StringLiteral(start);
            }
            else if (c == '{')
            {
                depth++;
                pos++;
            }
            else if (c == '}')
            {
                if (depth == 0 && untilClosingBrace)
                {
                    return;
                }

                depth--;
                pos++;
            }
            else
            {
                pos++;
            }
        }
    }

    private void CharLiteral()
    {
        pos++;
        while (pos < source.Length && source[pos] != '\'' && source[pos] != '\n')
        {
            pos += source[pos] == '\\' ? 2 : 1;
        }

        pos++;
    }

    /// <summary>The prefix of a string literal at <see cref="pos"/> (dollars, verbatim, opening quotes), or null for none.</summary>
    private (int Dollars, bool Verbatim, int Quotes)? StringStart()
    {
        var i = pos;
        var dollars = 0;
        var verbatim = false;
        while (At(i) is '$' or '@')
        {
            dollars += At(i) == '$' ? 1 : 0;
            verbatim |= At(i) == '@';
            i++;
        }

        var quotes = 0;
        while (At(i + quotes) == '"')
        {
            quotes++;
        }

        return quotes == 0 ? null : (dollars, verbatim, quotes);
    }

    private void StringLiteral((int Dollars, bool Verbatim, int Quotes) start)
    {
        var line = Line(pos);
        while (source[pos] != '"')
        {
            pos++;
        }

        var text = new StringBuilder();
        if (start.Quotes == 2)
        {
            pos += 2; // ""
        }
        else if (start.Quotes >= 3)
        {
            pos += start.Quotes;
            Raw(start.Quotes, start.Dollars, text);
        }
        else
        {
            pos++;
            Quoted(start.Verbatim, start.Dollars > 0, text);
        }

        found.Add((line, text.ToString()));
    }

    private void Quoted(bool verbatim, bool interpolated, StringBuilder text)
    {
        while (pos < source.Length)
        {
            var c = source[pos];
            if (c == '"' && verbatim && At(pos + 1) == '"')
            {
                text.Append('"');
                pos += 2;
            }
            else if (c == '"')
            {
                pos++;
                return;
            }
            else if (c == '\\' && !verbatim)
            {
                text.Append(c).Append(At(pos + 1));
                pos += 2;
            }
            else if (interpolated && c is '{' or '}' && At(pos + 1) == c)
            {
                text.Append(c);
                pos += 2;
            }
            else if (interpolated && c == '{')
            {
                Hole(text);
            }
            else
            {
                text.Append(c);
                pos++;
            }
        }
    }

    private void Raw(int quotes, int dollars, StringBuilder text)
    {
        var close = new string('"', quotes);
        var open = new string('{', Math.Max(dollars, 1));
        while (pos < source.Length)
        {
            if (string.CompareOrdinal(source, pos, close, 0, quotes) == 0)
            {
                pos += quotes;
                return;
            }

            if (dollars > 0 && string.CompareOrdinal(source, pos, open, 0, dollars) == 0)
            {
                pos += dollars - 1;
                Hole(text);
                pos += dollars - 1; // the hole closes with as many braces as it opened with
                continue;
            }

            text.Append(source[pos]);
            pos++;
        }
    }

    /// <summary>An interpolation hole at <see cref="pos"/> (its opening brace): code up to the matching brace.</summary>
    private void Hole(StringBuilder text)
    {
        pos++;
        Code(untilClosingBrace: true);
        pos++;
        text.Append("{…}");
    }
}
