using System.CommandLine.Parsing;
using System.Text.RegularExpressions;

namespace EgmEcc.Cli;

/// <summary>
/// Rewrites the parser's own error messages in egmecc's voice, like every other error: lower
/// case, no closing full stop, the choices of an option on one line, and no .NET type names
/// (<c>--hosts: 'abc' is not a whole number</c>, not <c>... as expected type 'System.Int32'.</c>).
/// </summary>
internal static partial class UsageMessages
{
    public static string Of(ParseError error)
    {
        var message = error.Message.Trim();
        if (CannotParse().Match(message) is { Success: true } parse)
        {
            return $"{parse.Groups["option"].Value}: '{parse.Groups["value"].Value}' is not {Kind(parse.Groups["type"].Value)}";
        }

        if (NotOneOf().Match(message) is { Success: true } choice)
        {
            var choices = Choice().Matches(choice.Groups["choices"].Value).Select(m => m.Groups[1].Value);
            var option = error.SymbolResult switch
            {
                OptionResult o => o.Option.Name + ": ",
                ArgumentResult { Parent: OptionResult o } => o.Option.Name + ": ",
                _ => string.Empty,
            };
            return $"{option}'{choice.Groups["value"].Value}' is not one of {string.Join(", ", choices)}";
        }

        if (Unrecognized().Match(message) is { Success: true } unknown)
        {
            var token = unknown.Groups["token"].Value;
            return token.StartsWith('-') && token.Length > 1 ? $"unknown option '{token}'" : $"unexpected argument '{token}'";
        }

        if (Required().Match(message) is { Success: true } required)
        {
            return $"{required.Groups["option"].Value} is required";
        }

        if (MissingValue().Match(message) is { Success: true } missing)
        {
            return $"{missing.Groups["option"].Value} needs a value";
        }

        if (MissingArgument().Match(message) is { Success: true } argument)
        {
            return $"missing {argument.Groups["argument"].Value}";
        }

        if (message == "Required command was not provided.")
        {
            // Every verb, as the help lists them: a list written out here missed verbs as they came.
            var verbs = error.SymbolResult is CommandResult command ? command.Command.Subcommands.Select(c => c.Name) : [];
            return $"name a command ({string.Join(", ", verbs)})";
        }

        // Anything else: the parser's words, in the same shape as ours.
        message = message.TrimEnd('.');
        return message.Length > 1 && char.IsUpper(message[0]) && !char.IsUpper(message[1])
            ? char.ToLowerInvariant(message[0]) + message[1..]
            : message;
    }

    private static string Kind(string type) => type switch
    {
        _ when type.Contains("Int", StringComparison.Ordinal) => type.Contains("UInt", StringComparison.Ordinal) ? "a whole number of at least 0" : "a whole number",
        _ when type.Contains("Double", StringComparison.Ordinal) || type.Contains("Single", StringComparison.Ordinal) => "a number",
        _ when type.Contains("Boolean", StringComparison.Ordinal) => "true or false",
        _ => "a valid value",
    };

    [GeneratedRegex(@"^Cannot parse argument '(?<value>.*)' for option '(?<option>[^']+)' as expected type '(?<type>[^']+)'\.?$", RegexOptions.Singleline)]
    private static partial Regex CannotParse();

    [GeneratedRegex(@"^Argument '(?<value>.*)' not recognized\. Must be one of:(?<choices>.*)$", RegexOptions.Singleline)]
    private static partial Regex NotOneOf();

    [GeneratedRegex(@"'([^']*)'")]
    private static partial Regex Choice();

    [GeneratedRegex(@"^Unrecognized command or argument '(?<token>.*)'\.?$", RegexOptions.Singleline)]
    private static partial Regex Unrecognized();

    [GeneratedRegex(@"^Required argument missing for option: '(?<option>[^']+)'\.?$")]
    private static partial Regex MissingValue();

    [GeneratedRegex(@"^Required argument '(?<argument>[^']+)' missing for command: '[^']*'\.?$")]
    private static partial Regex MissingArgument();

    [GeneratedRegex(@"^Option '(?<option>[^']+)' is required\.?$")]
    private static partial Regex Required();
}
