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
    /// <summary>
    /// The process's own streams and environment: the one place the program reads the console's
    /// state and <c>NO_COLOR</c>; the commands and the libraries get them from here. Standard
    /// output is written in 64 KiB pieces, bytes passed straight through (<see cref="Formats.Output.Utf8StreamOutput"/>;
    /// <see cref="Console.Out"/> wrote 256 bytes a call): whoever writes to it flushes it.
    /// </summary>
    public static CliConsole System => new(
        new Formats.Output.Utf8StreamOutput(Console.OpenStandardOutput()),
        Console.Error,
        Console.OpenStandardInput,
        !Console.IsErrorRedirected)
    {
        OutIsTerminal = !Console.IsOutputRedirected,
        OutWidth = !Console.IsOutputRedirected && TryWindowWidth() is > 0 and var width ? width : 80,
        NoColor = Environment.GetEnvironmentVariable("NO_COLOR") is { Length: > 0 },
    };

    /// <summary>True when standard output is a terminal: reports may use colour and its width.</summary>
    public bool OutIsTerminal { get; init; }

    /// <summary>The terminal's width in columns; 80 when standard output is not a terminal.</summary>
    public int OutWidth { get; init; } = 80;

    /// <summary>True when the user asked for no colour (<c>NO_COLOR</c> set and not empty, https://no-color.org).</summary>
    public bool NoColor { get; init; }

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
