using System.CommandLine;

namespace EgmEcc.Cli.Commands;

/// <summary>The command line as typed, for outputs that record how they were made.</summary>
internal static class Invocation
{
    public static string Describe(ParseResult result) =>
        "egmecc " + string.Join(' ', result.Tokens.Select(t => Quote(t.Value)));

    private static string Quote(string value) =>
        value.Length > 0 && value.All(c => char.IsLetterOrDigit(c) || "-_./:=,@+".Contains(c)) ? value : $"'{value.Replace("'", "'\\''", StringComparison.Ordinal)}'";
}
