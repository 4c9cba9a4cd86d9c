namespace EgmEcc.Policies;

/// <summary>How a rule compares its figure with its threshold: the rule is broken when the comparison holds.</summary>
public enum PolicyOperator
{
    /// <summary><c>&lt;</c></summary>
    Less,

    /// <summary><c>&lt;=</c></summary>
    LessOrEqual,

    /// <summary><c>&gt;</c></summary>
    Greater,

    /// <summary><c>&gt;=</c></summary>
    GreaterOrEqual,
}

/// <summary>The symbols and the meaning of <see cref="PolicyOperator"/>s.</summary>
public static class PolicyOperators
{
    /// <summary><c>&lt;</c>, <c>&lt;=</c>, <c>&gt;</c> or <c>&gt;=</c>.</summary>
    public static string Symbol(this PolicyOperator op) => op switch
    {
        PolicyOperator.Less => "<",
        PolicyOperator.LessOrEqual => "<=",
        PolicyOperator.Greater => ">",
        PolicyOperator.GreaterOrEqual => ">=",
        _ => throw new ArgumentOutOfRangeException(nameof(op), op, null),
    };

    /// <summary>True when <paramref name="value"/> <paramref name="op"/> <paramref name="threshold"/> holds.</summary>
    public static bool Holds(this PolicyOperator op, decimal value, decimal threshold) => op switch
    {
        PolicyOperator.Less => value < threshold,
        PolicyOperator.LessOrEqual => value <= threshold,
        PolicyOperator.Greater => value > threshold,
        PolicyOperator.GreaterOrEqual => value >= threshold,
        _ => throw new ArgumentOutOfRangeException(nameof(op), op, null),
    };

    /// <summary>True for <c>&gt;</c> and <c>&gt;=</c>: a figure that grows comes to break the rule.</summary>
    public static bool IsUpper(this PolicyOperator op) => op is PolicyOperator.Greater or PolicyOperator.GreaterOrEqual;
}
