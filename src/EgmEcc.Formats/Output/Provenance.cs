namespace EgmEcc.Formats.Output;

/// <summary>
/// The leading comment of layout outputs: what the file is and the command line that made it, so a
/// file says how to reproduce it.
/// </summary>
internal static class Provenance
{
    /// <summary>Writes <paramref name="what"/> and the invocation as comment lines starting with <paramref name="prefix"/>.</summary>
    public static void Write(TextWriter output, string prefix, string what, OutputOptions options)
    {
        output.WriteLine($"{prefix} {what}");
        output.WriteLine(options.Invocation is { } invocation
            ? $"{prefix} made by: {OneLine(invocation)}"
            : $"{prefix} made by: egmecc");
    }

    /// <summary>Text safe inside a one-line comment: line breaks become <c>\n</c>.</summary>
    public static string OneLine(string text) =>
        text.Replace("\r", "\\r", StringComparison.Ordinal).Replace("\n", "\\n", StringComparison.Ordinal);
}
