using System.CommandLine;

namespace EgmEcc.Cli.Commands;

/// <summary>
/// Options and arguments that name files or directories refuse an empty name when the command
/// line is parsed, a usage error like any other, rather than failing later deep in the file API.
/// </summary>
internal static class FileNames
{
    /// <summary>Adds the check to <paramref name="option"/>; <paramref name="what"/> is what it names ("a file name").</summary>
    public static T Required<T>(T option, string what = "a file name")
        where T : Option
    {
        option.Validators.Add(result =>
        {
            if (result.Tokens.Any(t => t.Value.Length == 0))
            {
                result.AddError($"{option.Name} needs {what}, not ''");
            }
        });
        return option;
    }

    /// <summary>
    /// Adds the check to <paramref name="argument"/>, and refuses what looks like an option there
    /// (the parser would take a misspelt <c>--fromat</c> for the file name).
    /// </summary>
    public static Argument<string> Required(Argument<string> argument)
    {
        argument.Validators.Add(result =>
        {
            foreach (var token in result.Tokens)
            {
                if (token.Value.Length == 0)
                {
                    result.AddError($"{argument.Name} needs a file name, not ''");
                }
                else if (token.Value.Length > 1 && token.Value[0] == '-')
                {
                    result.AddError($"unknown option '{token.Value}' (a file whose name starts with '-' is ./{token.Value})");
                }
            }
        });
        return argument;
    }
}
