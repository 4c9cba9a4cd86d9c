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
        OutIsAsciiOnly = CannotShowUnicode(Environment.GetEnvironmentVariable, !Console.IsOutputRedirected),
        Clock = ReportClock(Environment.GetEnvironmentVariable("SOURCE_DATE_EPOCH"), static () => DateTimeOffset.UtcNow),
    };

    /// <summary>
    /// True when standard output cannot show the report's Unicode box and block characters, so
    /// the report is drawn in ASCII (docs/design.md §4.6).
    /// </summary>
    public bool OutIsAsciiOnly { get; init; }

    /// <summary>The time a report is stamped with; tests pass a fixed one.</summary>
    public Func<DateTimeOffset> Clock { get; init; } = static () => DateTimeOffset.UtcNow;

    /// <summary>
    /// The rule for <see cref="OutIsAsciiOnly"/>. Unicode is out when the locale's character set is
    /// not UTF-8 — the locale being the first of <c>LC_ALL</c>, <c>LC_CTYPE</c> and <c>LANG</c> that
    /// is set and not empty, else <c>C</c>; its character set the part after the dot, before any
    /// <c>@modifier</c> (<c>en_US.UTF-8</c>, <c>C.utf8</c>); <c>C</c>, <c>POSIX</c> and a locale with
    /// no dot have none — or when standard output is a terminal whose <c>TERM</c> is unset, empty, or
    /// (before any <c>-</c> suffix) <c>dumb</c>, <c>linux</c>, <c>ansi</c>, <c>cons25</c>, <c>sun</c> or
    /// <c>vt</c> followed by digits (<c>vt100</c>, <c>vt220</c>): the pre-boot, serial and kernel
    /// consoles, whose fonts lack those glyphs. A pipe or a file follows the locale alone.
    /// </summary>
    /// <param name="environment">Reads an environment variable (null when unset).</param>
    /// <param name="outIsTerminal">True when standard output is a terminal.</param>
    public static bool CannotShowUnicode(Func<string, string?> environment, bool outIsTerminal)
    {
        ArgumentNullException.ThrowIfNull(environment);
        var locale = new[] { "LC_ALL", "LC_CTYPE", "LANG" }.Select(environment).FirstOrDefault(v => !string.IsNullOrEmpty(v)) ?? "C";
        var dot = locale.IndexOf('.');
        var charset = dot < 0 ? string.Empty : locale[(dot + 1)..].Split('@')[0].Replace("-", string.Empty, StringComparison.Ordinal).Replace("_", string.Empty, StringComparison.Ordinal);
        if (!string.Equals(charset, "utf8", StringComparison.OrdinalIgnoreCase))
        {
            return true;
        }

        if (!outIsTerminal)
        {
            return false;
        }

        var term = (environment("TERM") ?? string.Empty).Split('-')[0].ToLowerInvariant();
        return term is "" or "dumb" or "linux" or "ansi" or "cons25" or "sun"
            || (term.Length > 2 && term.StartsWith("vt", StringComparison.Ordinal) && term[2..].All(char.IsAsciiDigit));
    }

    /// <summary>
    /// The report clock: <paramref name="sourceDateEpoch"/> (seconds since 1970-01-01 UTC, the
    /// reproducible-builds convention) when set and not empty, so that a report can be made byte
    /// for byte again; else <paramref name="now"/>.
    /// </summary>
    /// <returns>A clock that throws <see cref="UsageException"/> when the variable is not a whole number of seconds.</returns>
    public static Func<DateTimeOffset> ReportClock(string? sourceDateEpoch, Func<DateTimeOffset> now)
    {
        if (string.IsNullOrEmpty(sourceDateEpoch))
        {
            return now;
        }

        if (sourceDateEpoch.All(char.IsAsciiDigit) && long.TryParse(sourceDateEpoch, global::System.Globalization.NumberStyles.None, global::System.Globalization.CultureInfo.InvariantCulture, out var seconds)
            && seconds <= DateTimeOffset.MaxValue.ToUnixTimeSeconds())
        {
            var time = DateTimeOffset.FromUnixTimeSeconds(seconds);
            return () => time;
        }

        return () => throw new UsageException($"SOURCE_DATE_EPOCH must be a whole number of seconds since 1970-01-01 UTC, not '{sourceDateEpoch}'");
    }

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
