using System.CommandLine;

namespace EgmEcc.Cli;

/// <summary>
/// "Did you mean": the verb or option nearest to a mistyped one, by Damerau–Levenshtein distance
/// (optimal string alignment: a swap of two neighbours, <c>plna</c>, costs one edit like a missing
/// letter, <c>pln</c>). System.CommandLine 3 has typo corrections only as a help-printing parse
/// action that writes several lines to standard output; egmecc says it in one error line.
/// </summary>
internal static class Suggestions
{
    /// <summary>The name among <paramref name="names"/> nearest to <paramref name="typed"/>, or null when none is near enough to be a typo.</summary>
    public static string? Nearest(string typed, IEnumerable<string> names)
    {
        ArgumentNullException.ThrowIfNull(typed);
        var word = typed.TrimStart('-');
        string? best = null;
        var bestDistance = int.MaxValue;
        foreach (var name in names)
        {
            var distance = Distance(word, name.TrimStart('-'));

            // At most two edits, and fewer than half the word: 'x' is no typo of 'fleet'.
            if (distance <= Math.Min(2, (word.Length - 1) / 2 + 1) && distance < bestDistance)
            {
                (best, bestDistance) = (name, distance);
            }
        }

        return best;
    }

    /// <summary>The verbs of <paramref name="root"/>.</summary>
    public static IEnumerable<string> Verbs(Command root) => root.Subcommands.Where(c => !c.Hidden).Select(c => c.Name);

    /// <summary>Every option name and alias <paramref name="command"/> accepts, its own and those it inherits (<c>--help</c>).</summary>
    public static IEnumerable<string> Options(System.CommandLine.Parsing.CommandResult command)
    {
        for (var c = command; c is not null; c = c.Parent as System.CommandLine.Parsing.CommandResult)
        {
            foreach (var option in c.Command.Options.Where(o => c == command || o.Recursive))
            {
                yield return option.Name;
                foreach (var alias in option.Aliases.Where(a => a.StartsWith("--", StringComparison.Ordinal)))
                {
                    yield return alias;
                }
            }
        }
    }

    /// <summary>Edits (insert, delete, replace, swap two neighbours) that turn <paramref name="a"/> into <paramref name="b"/>, ignoring case.</summary>
    internal static int Distance(string a, string b)
    {
        a = a.ToLowerInvariant();
        b = b.ToLowerInvariant();
        var d = new int[a.Length + 1, b.Length + 1];
        for (var i = 0; i <= a.Length; i++)
        {
            d[i, 0] = i;
        }

        for (var j = 0; j <= b.Length; j++)
        {
            d[0, j] = j;
        }

        for (var i = 1; i <= a.Length; i++)
        {
            for (var j = 1; j <= b.Length; j++)
            {
                var cost = a[i - 1] == b[j - 1] ? 0 : 1;
                d[i, j] = Math.Min(Math.Min(d[i - 1, j] + 1, d[i, j - 1] + 1), d[i - 1, j - 1] + cost);
                if (i > 1 && j > 1 && a[i - 1] == b[j - 2] && a[i - 2] == b[j - 1])
                {
                    d[i, j] = Math.Min(d[i, j], d[i - 2, j - 2] + 1);
                }
            }
        }

        return d[a.Length, b.Length];
    }
}
