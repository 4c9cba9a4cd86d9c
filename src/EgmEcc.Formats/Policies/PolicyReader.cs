using System.Collections.Immutable;
using System.Globalization;
using System.Text;
using EgmEcc.Formats.Inputs;
using EgmEcc.Formats.Streaming;
using EgmEcc.Formats.Wording;
using EgmEcc.Policies;

namespace EgmEcc.Formats.Policies;

/// <summary>
/// Reads policy rules (docs/design.md §4.14): a policy file, one rule a line, or one rule given on
/// its own, through the same parser.
/// </summary>
/// <remarks>
/// <para>A rule is <c>SEVERITY NAME: FIGURE OP VALUE</c>: a severity (<c>info</c>,
/// <c>warning</c>, <c>critical</c>), a name of ASCII letters, digits, <c>-</c> and <c>_</c>, a
/// colon, a figure (<c>retired</c>, <c>retired[Nd]</c>, <c>at-risk</c>, <c>usable%</c>,
/// <c>usable</c>, <c>huge[SIZE]</c>, <c>vm-fit</c>, <c>table</c>, <c>table-left</c>), an operator
/// (<c>&lt;</c>, <c>&lt;=</c>, <c>&gt;</c>, <c>&gt;=</c>) and a value. Blanks between the parts
/// are free (none is needed around the colon or the operator); keywords are read in any case.
/// A value is a whole number (docs/design.md §3.1: decimal or <c>0x</c> hexadecimal), a size for
/// <c>usable</c> (<c>2T</c>), and a percentage from 0 to 100 for <c>usable%</c> (<c>99.5</c>, a
/// trailing <c>%</c> allowed).</para>
/// <para>A <c>#</c> starts a comment, to the end of the line; blank lines are skipped. Names are
/// unique in a run: the rules a caller read before are passed in, so a second file or a rule on its
/// own cannot take a name already used. A file must hold at least one rule (an empty policy would
/// silently judge nothing) and at most <see cref="MaxRules"/>.</para>
/// </remarks>
public static class PolicyReader
{
    /// <summary>The most rules one run reads.</summary>
    public const int MaxRules = 1000;

    private static readonly UTF8Encoding StrictUtf8 = new(encoderShouldEmitUTF8Identifier: false, throwOnInvalidBytes: true);

    /// <summary>Reads a policy file.</summary>
    /// <param name="file">The file.</param>
    /// <param name="earlier">The rules the run read before this file, whose names it may not take again.</param>
    /// <returns>Its rules, in file order, each with its <see cref="PolicyRule.Source"/> line.</returns>
    /// <exception cref="InputException">A line that is not a rule, a name used twice, too many rules or none, binary data.</exception>
    public static ImmutableArray<PolicyRule> Read(InputFile file, IReadOnlyCollection<PolicyRule>? earlier = null)
    {
        ArgumentNullException.ThrowIfNull(file);
        var names = Names(earlier);
        var rules = ImmutableArray.CreateBuilder<PolicyRule>();
        using var stream = file.Open();
        var lines = new LineReader(stream);
        while (lines.ReadLine(out var bytes))
        {
            var at = SourceLocation.AtLine(file.Name, lines.LineNumber);
            if (lines.LineNumber == 1 && bytes.StartsWith("\uFEFF"u8))
            {
                bytes = bytes[3..];
            }

            if (lines.Overlong)
            {
                throw new InputException(at, Messages.PolicyLineTooLong(LineReader.MaxLineBytes));
            }

            if (bytes.IndexOf((byte)0) is var nul and >= 0)
            {
                throw new InputException(at, Messages.PolicyNul(nul + 1));
            }

            string line;
            try
            {
                line = StrictUtf8.GetString(bytes);
            }
            catch (DecoderFallbackException)
            {
                throw new InputException(at, Messages.PolicyNotUtf8);
            }

            var text = WithoutComment(line);
            if (text.IsEmpty)
            {
                continue;
            }

            if (TryParse(text, out var parsed) is { } error)
            {
                throw new InputException(at, error);
            }

            var rule = parsed! with { Source = at };
            if (names.TryGetValue(rule.Name, out var first))
            {
                throw new InputException(at, Messages.RuleDefinedTwice(rule.Name, first.Source));
            }

            if (names.Count >= MaxRules)
            {
                throw new InputException(at, Messages.TooManyRules(MaxRules));
            }

            names.Add(rule.Name, rule);
            rules.Add(rule);
        }

        if (rules.Count == 0)
        {
            throw new InputException(SourceLocation.InFile(file.Name), Messages.NoRules);
        }

        return rules.ToImmutable();
    }

    /// <summary>Reads one rule given on its own (a command line's rule).</summary>
    /// <param name="text">The rule; a <c>#</c> comment after it is allowed.</param>
    /// <param name="earlier">The rules the run read before, whose names it may not take again.</param>
    /// <exception cref="SettingException">The text is not a rule, or its name is taken (<see cref="Setting.PolicyRule"/>).</exception>
    public static PolicyRule ParseRule(string text, IReadOnlyCollection<PolicyRule>? earlier = null)
    {
        ArgumentNullException.ThrowIfNull(text);
        var names = Names(earlier);
        if (TryParse(WithoutComment(text), out var rule) is { } error)
        {
            throw Messages.BadRule(text, error).ToException();
        }

        if (names.TryGetValue(rule!.Name, out var first))
        {
            throw Messages.BadRule(text, Messages.RuleDefinedTwice(rule.Name, first.Source)).ToException();
        }

        if (names.Count >= MaxRules)
        {
            throw Messages.BadRule(text, Messages.TooManyRules(MaxRules)).ToException();
        }

        return rule;
    }

    /// <summary>Parses one rule, without comment; the grammar of the type's remarks.</summary>
    /// <returns>Null on success; otherwise the error, quoting the piece at fault.</returns>
    internal static string? TryParse(ReadOnlySpan<char> text, out PolicyRule? rule)
    {
        rule = null;
        var cursor = new Cursor(text.Trim());
        if (cursor.AtEnd)
        {
            return Messages.RuleEmpty;
        }

        var severityWord = cursor.While(c => !char.IsWhiteSpace(c) && c != ':');
        if (!PolicySeverities.TryParse(severityWord, out var severity))
        {
            return Messages.NotASeverity(severityWord.ToString());
        }

        cursor.SkipBlanks();
        if (cursor.AtEnd)
        {
            return Messages.RuleNameMissing(severityWord.ToString());
        }

        var name = cursor.While(c => char.IsAsciiLetterOrDigit(c) || c is '-' or '_');
        if (name.IsEmpty)
        {
            return cursor.Rest.StartsWith(':') ? Messages.RuleNameMissing(severityWord.ToString()) : Messages.RuleNameBad(cursor.Word().ToString());
        }

        cursor.SkipBlanks();
        if (!cursor.Take(':'))
        {
            return Messages.RuleColonMissing(name.ToString());
        }

        cursor.SkipBlanks();
        var figureWord = cursor.While(c => !char.IsWhiteSpace(c) && c is not ('<' or '>' or '=' or '!'));
        if (figureWord.IsEmpty)
        {
            return Messages.FigureMissing(name.ToString());
        }

        if (ParseFigure(figureWord, out var figure) is { } figureError)
        {
            return figureError;
        }

        cursor.SkipBlanks();
        var op = cursor.Take("<=") ? PolicyOperator.LessOrEqual
            : cursor.Take(">=") ? PolicyOperator.GreaterOrEqual
            : cursor.Take('<') ? PolicyOperator.Less
            : cursor.Take('>') ? PolicyOperator.Greater
            : (PolicyOperator?)null;
        if (op is null)
        {
            return Messages.OperatorMissing(figure!.ToString(), cursor.Word().ToString());
        }

        cursor.SkipBlanks();
        var valueText = cursor.Rest.TrimEnd();
        if (valueText.IsEmpty)
        {
            return Messages.ValueMissing($"{figure} {op.Value.Symbol()}");
        }

        if (ParseValue(figure!, valueText, out var threshold) is { } valueError)
        {
            return valueError;
        }

        rule = new PolicyRule(severity, name.ToString(), figure!, op.Value, threshold);
        return null;
    }

    private static Dictionary<string, PolicyRule> Names(IReadOnlyCollection<PolicyRule>? earlier)
    {
        var names = new Dictionary<string, PolicyRule>(StringComparer.Ordinal);
        foreach (var rule in earlier ?? [])
        {
            names.TryAdd(rule.Name, rule);
        }

        return names;
    }

    private static ReadOnlySpan<char> WithoutComment(ReadOnlySpan<char> line)
    {
        var hash = line.IndexOf('#');
        return (hash >= 0 ? line[..hash] : line).Trim();
    }

    private static string? ParseFigure(ReadOnlySpan<char> word, out PolicyFigure? figure)
    {
        figure = null;
        var open = word.IndexOf('[');
        if (open >= 0)
        {
            var head = word[..open];
            if (!word.EndsWith(']') || (!head.Equals("retired", StringComparison.OrdinalIgnoreCase) && !head.Equals("huge", StringComparison.OrdinalIgnoreCase)))
            {
                return Messages.NotAFigure(word.ToString());
            }

            var inner = word[(open + 1)..^1];
            if (head.Equals("retired", StringComparison.OrdinalIgnoreCase))
            {
                if (inner.Length < 2 || (inner[^1] is not ('d' or 'D'))
                    || !int.TryParse(inner[..^1], NumberStyles.None, CultureInfo.InvariantCulture, out var days)
                    || days is < 1 or > PolicyFigure.MaxDays)
                {
                    return Messages.WindowNotDays(word.ToString(), PolicyFigure.MaxDays);
                }

                figure = PolicyFigure.RetiredIn(days);
                return null;
            }

            if (Numbers.TryParseSize(inner, out var size) is { } sizeError)
            {
                return Messages.HugePageSize(word.ToString(), sizeError);
            }

            if (!Numbers.IsPowerOfTwo(size))
            {
                return Messages.HugePageNotPowerOfTwo(word.ToString());
            }

            figure = PolicyFigure.HugePagesOf(size);
            return null;
        }

        PolicyFigureKind? kind = word.ToString().ToLowerInvariant() switch
        {
            "retired" => PolicyFigureKind.Retired,
            "at-risk" => PolicyFigureKind.AtRisk,
            "usable%" => PolicyFigureKind.UsablePercent,
            "usable" => PolicyFigureKind.Usable,
            "vm-fit" => PolicyFigureKind.VmFit,
            "table" => PolicyFigureKind.Table,
            "table-left" => PolicyFigureKind.TableLeft,
            _ => null,
        };
        if (kind is null)
        {
            return Messages.NotAFigure(word.ToString());
        }

        figure = PolicyFigure.Of(kind.Value);
        return null;
    }

    private static string? ParseValue(PolicyFigure figure, ReadOnlySpan<char> text, out decimal threshold)
    {
        threshold = 0;
        switch (figure.Kind)
        {
            case PolicyFigureKind.UsablePercent:
                var digits = text.EndsWith('%') ? text[..^1].TrimEnd() : text;
                if (!decimal.TryParse(digits, NumberStyles.AllowDecimalPoint, CultureInfo.InvariantCulture, out threshold) || threshold > 100)
                {
                    return Messages.PercentBad(text.ToString());
                }

                return null;
            case PolicyFigureKind.Usable:
                if (Numbers.TryParseSize(text, out var bytes) is { } sizeError)
                {
                    return Messages.ValueBad(figure.ToString(), sizeError);
                }

                threshold = bytes;
                return null;
            default:
                if (Numbers.TryParseUInt64(text, out var count) is { } countError)
                {
                    return Messages.ValueBad(figure.ToString(), countError);
                }

                threshold = count;
                return null;
        }
    }

    /// <summary>A position in the rule being read.</summary>
    private ref struct Cursor(ReadOnlySpan<char> text)
    {
        private readonly ReadOnlySpan<char> text = text;
        private int position;

        public readonly bool AtEnd => position >= text.Length;

        public readonly ReadOnlySpan<char> Rest => text[position..];

        public void SkipBlanks() => While(char.IsWhiteSpace);

        /// <summary>Takes the characters up to the next blank.</summary>
        public ReadOnlySpan<char> Word() => While(c => !char.IsWhiteSpace(c));

        public ReadOnlySpan<char> While(Func<char, bool> accept)
        {
            var start = position;
            while (position < text.Length && accept(text[position]))
            {
                position++;
            }

            return text[start..position];
        }

        public bool Take(char c)
        {
            if (position < text.Length && text[position] == c)
            {
                position++;
                return true;
            }

            return false;
        }

        public bool Take(ReadOnlySpan<char> s)
        {
            if (Rest.StartsWith(s, StringComparison.Ordinal))
            {
                position += s.Length;
                return true;
            }

            return false;
        }
    }
}
