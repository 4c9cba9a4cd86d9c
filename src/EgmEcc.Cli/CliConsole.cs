namespace EgmEcc.Cli;

/// <summary>
/// The streams a run of <c>egmecc</c> talks to. The real program passes the process's; tests pass
/// string writers and run the whole command line in process.
/// </summary>
/// <param name="Out">Standard output: the requested output, when not written to a file.</param>
/// <param name="Error">Standard error: errors and warnings.</param>
/// <param name="OpenStandardInput">Opens standard input, for inputs named <c>-</c>.</param>
/// <param name="ErrorIsTerminal">True when standard error is a terminal (progress bars, colour).</param>
public sealed record CliConsole(TextWriter Out, TextWriter Error, Func<Stream> OpenStandardInput, bool ErrorIsTerminal = false)
{
    /// <summary>The process's own streams.</summary>
    public static CliConsole System => new(
        Console.Out,
        Console.Error,
        Console.OpenStandardInput,
        !Console.IsErrorRedirected)
    {
        OutIsTerminal = !Console.IsOutputRedirected,
    };

    /// <summary>True when standard output is a terminal: reports may use colour and its width.</summary>
    public bool OutIsTerminal { get; init; }

    /// <summary>The terminal's width in columns, or 80 when standard output is not a terminal.</summary>
    public int OutWidth => OutIsTerminal && TryWindowWidth() is > 0 and var width ? width : 80;

    private static int TryWindowWidth()
    {
        try
        {
            return Console.WindowWidth;
        }
        catch (Exception e) when (e is IOException or PlatformNotSupportedException)
        {
            return 0;
        }
    }
}
