using EgmEcc.Cli.Commands;

namespace EgmEcc.Cli.Tests.Commands;

public class ProgressDisplayTests
{
    [Fact]
    public void Run_LongWorkOnATerminal_ShowsTheBarOnStandardError()
    {
        var error = new StringWriter();
        var console = new CliConsole(TextWriter.Null, error, () => Stream.Null, ErrorIsTerminal: true);

        var result = ProgressDisplay.Run(console, "planning hosts", _ =>
        {
            Thread.Sleep(900);
            return 42;
        });

        Assert.Equal(42, result);
        Assert.Contains("planning hosts", error.ToString(), StringComparison.Ordinal);
    }

    [Fact]
    public void Run_LongWorkNotATerminal_WritesNothing()
    {
        var error = new StringWriter();
        var console = new CliConsole(TextWriter.Null, error, () => Stream.Null, ErrorIsTerminal: false);

        // Longer than the grace period, so only the not-a-terminal guard keeps the bar away
        // (work that ends at once would leave the error stream empty with or without it).
        var result = ProgressDisplay.Run(console, "planning hosts", _ =>
        {
            Thread.Sleep(ProgressDisplay.Grace * 2);
            return 7;
        });

        Assert.Equal(7, result);
        Assert.Equal(string.Empty, error.ToString());
    }

    [Fact]
    public void Run_WorkFails_RethrowsItsOwnException()
    {
        var console = new CliConsole(TextWriter.Null, new StringWriter(), () => Stream.Null, ErrorIsTerminal: true);

        Assert.Throws<InputException>(() => ProgressDisplay.Run<int>(console, "planning hosts", _ =>
        {
            Thread.Sleep(700);
            throw new InputException(SourceLocation.InFile("x"), "bad");
        }));
    }
}
