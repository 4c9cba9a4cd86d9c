using System.Text;
using System.Text.Json;

namespace EgmEcc.Cli.Tests.Commands;

public partial class ReportCommandTests
{
    [Theory]
    [InlineData("LANG=C", false, true)]
    [InlineData("LANG=POSIX", false, true)]
    [InlineData("", false, true)]
    [InlineData("LANG=en_US", false, true)]
    [InlineData("LANG=en_US.ISO-8859-1", true, true)]
    [InlineData("LANG=en_US.UTF-8 LC_ALL=C", false, true)]
    [InlineData("LANG=C LC_CTYPE=C.utf8", false, false)]
    [InlineData("LANG=de_DE.utf-8@euro TERM=xterm-256color", true, false)]
    [InlineData("LANG=C.UTF-8 TERM=vt100", true, true)]
    [InlineData("LANG=C.UTF-8 TERM=vt220", true, true)]
    [InlineData("LANG=C.UTF-8 TERM=linux", true, true)]
    [InlineData("LANG=C.UTF-8 TERM=dumb", true, true)]
    [InlineData("LANG=C.UTF-8", true, true)]
    [InlineData("LANG=C.UTF-8 TERM=vt100", false, false)]
    [InlineData("LANG=C.UTF-8 TERM=vte-256color", true, false)]
    public void CannotShowUnicode_LocaleAndTerm_FollowTheDocumentedRule(string environment, bool outIsTerminal, bool ascii)
    {
        var variables = environment.Split(' ', StringSplitOptions.RemoveEmptyEntries).Select(v => v.Split('=')).ToDictionary(v => v[0], v => v[1]);

        Assert.Equal(ascii, CliConsole.CannotShowUnicode(name => variables.GetValueOrDefault(name), outIsTerminal));
    }

    private static void AssertPrintableAscii(string text) =>
        Assert.All(Encoding.UTF8.GetBytes(text), b => Assert.True(b == '\n' || (b >= 0x20 && b <= 0x7e), $"byte 0x{b:x2} is not printable ASCII"));

    [Fact]
    public void Report_Ascii_EveryByteIsPrintableAscii()
    {
        var (code, output, _) = Report("--ascii");

        Assert.Equal(ExitCodes.Success, code);
        AssertPrintableAscii(output);
        Assert.Contains("  hole map 1 GiB blocks: 376 whole, 8 broken\n", output, StringComparison.Ordinal);
    }

    [Fact]
    public void Report_ConsoleThatCannotShowUnicode_GetsAsciiWithoutAsking()
    {
        var output = new StringWriter { NewLine = "\n" };
        var console = new CliConsole(output, TextWriter.Null, () => Stream.Null) { OutIsTerminal = true, NoColor = true, OutIsAsciiOnly = true };

        var code = EgmEccCli.Run(["report", "--regions", Regions, "--retired", Retired], console);

        Assert.Equal(ExitCodes.Success, code);
        AssertPrintableAscii(output.ToString());
    }

    [Fact]
    public void Report_HostNameAndClock_AreInTheTitleAndTheJson()
    {
        var text = Report("--host-name", "gpu-node-17");
        var json = Report("--host-name", "gpu-node-17", "--format", "json");

        Assert.StartsWith("EGM memory report: host gpu-node-17, 2 region(s), 2026-11-29T12:00:00Z\n", text.Out, StringComparison.Ordinal);
        var root = JsonDocument.Parse(json.Out).RootElement;
        Assert.Equal("gpu-node-17", root.GetProperty("host").GetString());
        Assert.Equal("2026-11-29T12:00:00Z", root.GetProperty("generatedAt").GetString());
    }

    [Fact]
    public void Report_HostNameWithAControlCharacter_IsAUsageError()
    {
        Cli.AssertUsageError(Report("--host-name", "a\u001bb"), "egmecc: error: --host-name 'a\\x1bb' must be printable text, not empty");
    }

    [Fact]
    public void Report_HostMode_NamesTheCollectedHostUnlessGivenOne()
    {
        using var root = FakeHostRoot.Sample(host: "gpu-host-7");

        var collected = Cli.Run("report", "--host", "--root", root.Path);
        var given = Cli.Run("report", "--host", "--root", root.Path, "--host-name", "spare-3");

        Assert.StartsWith("EGM memory report: host gpu-host-7, ", collected.Out, StringComparison.Ordinal);
        Assert.StartsWith("EGM memory report: host spare-3, ", given.Out, StringComparison.Ordinal);
    }

    [Fact]
    public void ReportClock_SourceDateEpoch_IsTheReportTime()
    {
        var now = () => new DateTimeOffset(2030, 1, 1, 0, 0, 0, TimeSpan.Zero);

        Assert.Equal(DateTimeOffset.FromUnixTimeSeconds(1_700_000_000), CliConsole.ReportClock("1700000000", now)());
        Assert.Equal(now(), CliConsole.ReportClock(null, now)());
        Assert.Equal(now(), CliConsole.ReportClock(string.Empty, now)());
    }

    [Theory]
    [InlineData("yesterday")]
    [InlineData("-5")]
    [InlineData("99999999999999999999")]
    public void Report_MalformedSourceDateEpoch_IsAUsageError(string value)
    {
        var error = new StringWriter { NewLine = "\n" };
        var console = new CliConsole(TextWriter.Null, error, () => Stream.Null) { Clock = CliConsole.ReportClock(value, () => DateTimeOffset.UnixEpoch) };

        var code = EgmEccCli.Run(["report", "--regions", Regions, "--retired", Retired], console);

        Assert.Equal(ExitCodes.Usage, code);
        Assert.StartsWith($"egmecc: error: SOURCE_DATE_EPOCH must be a whole number of seconds since 1970-01-01 UTC, not '{value}'\n", error.ToString(), StringComparison.Ordinal);
    }
}
