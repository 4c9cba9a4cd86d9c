namespace EgmEcc.Cli.Tests.Commands;

/// <summary>
/// The terminal's state and <c>NO_COLOR</c> reach the report through <see cref="CliConsole"/>
/// only: a test console that says "terminal, 120 columns, no colour" gets exactly that, whatever
/// the process running the tests has.
/// </summary>
public class ConsoleSettingsTests
{
    private static string Report(CliConsole settings)
    {
        var output = new StringWriter();
        var console = settings with { Out = output, Error = TextWriter.Null };
        var code = EgmEccCli.Run(["report", "--regions", Cli.Data("samples", "grace-2s.regions.csv"), "--retired", Cli.Data("samples", "grace-2s.retired.csv")], console);
        Assert.Equal(0, code);
        return output.ToString();
    }

    private static CliConsole Terminal => new(TextWriter.Null, TextWriter.Null, () => Stream.Null) { OutIsTerminal = true };

    [Fact]
    public void Report_TerminalConsole_ColoursUnlessNoColor()
    {
        Assert.Contains("\u001b[", Report(Terminal), StringComparison.Ordinal);
        Assert.DoesNotContain("\u001b[", Report(Terminal with { NoColor = true }), StringComparison.Ordinal);
    }

    [Fact]
    public void Report_TerminalConsole_UsesTheConsolesWidth()
    {
        var wide = Report(Terminal with { NoColor = true, OutWidth = 150 });
        var narrow = Report(Terminal with { NoColor = true, OutWidth = 60 });

        Assert.Contains(wide.Split('\n'), line => line.Length > 100);
        Assert.DoesNotContain(narrow.Split('\n'), line => line.Length > 60);
    }
}
