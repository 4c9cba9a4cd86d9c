using System.Globalization;
using System.Text;

namespace EgmEcc.Cli;

/// <summary>
/// Keeps every error and warning on one line of standard error: the user's values quoted in a
/// message (a header name, a field from a quoted CSV cell) may hold line breaks or other control
/// characters, which are shown escaped (<c>\n</c>, <c>\r</c>, <c>\t</c>, <c>\x1b</c>) instead.
/// </summary>
internal static class OneLine
{
    public static string Of(string text)
    {
        if (!text.Any(char.IsControl))
        {
            return text;
        }

        var line = new StringBuilder(text.Length + 8);
        foreach (var c in text)
        {
            line.Append(c switch
            {
                '\n' => "\\n",
                '\r' => "\\r",
                '\t' => "\\t",
                _ when char.IsControl(c) => "\\x" + ((int)c).ToString("x2", CultureInfo.InvariantCulture),
                _ => c.ToString(),
            });
        }

        return line.ToString();
    }
}
