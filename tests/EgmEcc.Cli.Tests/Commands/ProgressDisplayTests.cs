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

        Assert.Equal(7, ProgressDisplay.Run(console, "planning hosts", _ => 7));
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
