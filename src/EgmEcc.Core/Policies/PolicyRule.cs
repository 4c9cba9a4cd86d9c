using System.Globalization;

namespace EgmEcc.Policies;

/// <summary>
/// A rule an operator writes over each host's latest observation and its history
/// (docs/design.md §4.14): <c>critical rma-total: retired &gt;= 62</c>. A host breaks it when
/// <c>FIGURE OP THRESHOLD</c> holds.
/// </summary>
public sealed record PolicyRule
{
    /// <summary>Creates a rule, checking its name and threshold.</summary>
    /// <param name="severity">How serious breaking it is.</param>
    /// <param name="name">A word of ASCII letters, digits, <c>-</c> and <c>_</c>.</param>
    /// <param name="figure">What it looks at.</param>
    /// <param name="op">How it compares.</param>
    /// <param name="threshold">At least 0; a whole number for every figure but <c>usable%</c>, which takes 0 to 100.</param>
    /// <exception cref="ArgumentException">A name or threshold the grammar does not allow.</exception>
    public PolicyRule(PolicySeverity severity, string name, PolicyFigure figure, PolicyOperator op, decimal threshold)
    {
        ArgumentNullException.ThrowIfNull(name);
        ArgumentNullException.ThrowIfNull(figure);
        if (!IsName(name))
        {
            throw new ArgumentException($"'{name}' is not a rule name (letters, digits, '-' and '_')", nameof(name));
        }

        if (threshold < 0 || (figure.IsCount ? threshold != decimal.Truncate(threshold) || threshold > ulong.MaxValue : threshold > 100))
        {
            throw new ArgumentOutOfRangeException(nameof(threshold), threshold, $"not a threshold for {figure}");
        }

        Severity = severity;
        Name = name;
        Figure = figure;
        Operator = op;
        Threshold = threshold;
    }

    /// <summary>How serious breaking it is.</summary>
    public PolicySeverity Severity { get; }

    /// <summary>Its name, which outputs and failures name it by.</summary>
    public string Name { get; }

    /// <summary>What it looks at.</summary>
    public PolicyFigure Figure { get; }

    /// <summary>How it compares.</summary>
    public PolicyOperator Operator { get; }

    /// <summary>The threshold, in the figure's unit (pages, entries, bytes, VMs, hugepages or percent).</summary>
    public decimal Threshold { get; }

    /// <summary>Where the rule was read (a policy file's line), or null for a rule given on its own.</summary>
    public SourceLocation? Source { get; init; }

    /// <summary>The condition as a rule writes it: <c>retired &gt;= 62</c>, <c>usable &lt; 2T</c>.</summary>
    public string Condition => $"{Figure} {Operator.Symbol()} {ThresholdText}";

    /// <summary>The threshold as a rule writes it: sizes in their short form (<c>2T</c>), counts and percentages in decimal.</summary>
    public string ThresholdText => Figure.Kind == PolicyFigureKind.Usable
        ? new ByteSize((ulong)Threshold).ToString()
        : Threshold.ToString(CultureInfo.InvariantCulture);

    /// <summary>True when <paramref name="name"/> is a rule name: one or more ASCII letters, digits, <c>-</c> and <c>_</c>.</summary>
    public static bool IsName(ReadOnlySpan<char> name)
    {
        if (name.IsEmpty)
        {
            return false;
        }

        foreach (var c in name)
        {
            if (!char.IsAsciiLetterOrDigit(c) && c is not ('-' or '_'))
            {
                return false;
            }
        }

        return true;
    }

    /// <summary>The rule as a policy file writes it, which reads back to the same rule: <c>critical rma-total: retired &gt;= 62</c>.</summary>
    public override string ToString() => $"{Severity.Name()} {Name}: {Condition}";
}
