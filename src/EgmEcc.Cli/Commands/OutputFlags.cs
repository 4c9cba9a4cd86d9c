using System.CommandLine;

namespace EgmEcc.Cli.Commands;

/// <summary>The <c>--format</c> and <c>--output</c> options every writing verb shares.</summary>
internal static class OutputFlags
{
    /// <summary><c>--format</c>, accepting only <paramref name="names"/> and listing them in the help.</summary>
    public static Option<string> Format(IEnumerable<string> names, string defaultName)
    {
        string[] choices = [.. names];
        var format = new Option<string>("--format")
        {
            Description = $"Output format: {string.Join(", ", choices)}.",
            HelpName = "FORMAT",
            DefaultValueFactory = _ => defaultName,
        };
        format.AcceptOnlyFromAmong(choices);
        return format;
    }

    /// <summary><c>--output</c> / <c>-o</c>: a file instead of standard output.</summary>
    public static Option<string?> Output(string what = "the output") => FileNames.Required(new Option<string?>("--output", "-o")
    {
        Description = $"Write {what} to FILE instead of standard output.",
        HelpName = "FILE",
    });
}
