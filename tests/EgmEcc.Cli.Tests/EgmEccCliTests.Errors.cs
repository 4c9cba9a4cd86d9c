using static EgmEcc.Cli.Tests.Cli;

namespace EgmEcc.Cli.Tests;

public partial class EgmEccCliTests
{
    // Regression: an empty file name or region id was an internal error (exit 70), as were an empty
    // --output, --html, --plan-json, --dir or diff argument; the parser's messages read like ours.
    [Theory]
    [InlineData("egmecc: error: unknown option '--bogus'", "plan", "--regions", Regions, "--bogus")]
    [InlineData("egmecc: error: --granule: '64Q' has an unknown size suffix (use K, M, G, T or KiB, MiB, GiB, TiB)", "plan", "--regions", Regions, "--granule", "64Q")]
    [InlineData("egmecc: error: --granule must be a power of two, not 3K", "plan", "--regions", Regions, "--granule", "3K")]
    [InlineData("egmecc: error: --guest-page must be a power of two, not 0", "plan", "--regions", Regions, "--guest-page", "0")]
    [InlineData("egmecc: error: --min-extent must be at least 1 byte", "plan", "--regions", Regions, "--min-extent", "0")]
    [InlineData("egmecc: error: --huge-pages must be a power of two, not 3M", "plan", "--regions", Regions, "--huge-pages", "2M,3M")]
    [InlineData("egmecc: error: --huge-pages: 'x' is not a number (use decimal or 0x hexadecimal)", "plan", "--regions", Regions, "--huge-pages", "2M,x")]
    [InlineData("egmecc: error: --host-page must be a power of two, not 12K", "plan", "--regions", Regions, "--host-page", "12K")]
    [InlineData("egmecc: error: only one input can be standard input ('-')", "plan", "--regions", "-", "--retired", "-")]
    [InlineData("egmecc: error: only one input can be standard input ('-')", "validate", "--regions", Regions, "--retired", "-", "--retired", "-")]
    [InlineData("egmecc: error: --regions is required", "plan", "--retired", Retired)]
    [InlineData("egmecc: error: --regions needs a file name, not ''", "plan", "--regions", "")]
    [InlineData("egmecc: error: --retired needs a file name, not ''", "validate", "--regions", Regions, "--retired", "")]
    [InlineData("egmecc: error: --region needs a region id, not ''", "plan", "--regions", Regions, "--region", "")]
    [InlineData("egmecc: error: name a command (plan, validate, report, fleet, forecast, history, diff, synth, collect, completion)")]
    [InlineData("egmecc: error: unknown verb 'plna'; did you mean 'plan'?", "plna")]
    [InlineData("egmecc: error: --output needs a file name, not ''", "plan", "--regions", Regions, "-o", "")]
    [InlineData("egmecc: error: --html needs a file name, not ''", "report", "--regions", Regions, "--html", "")]
    [InlineData("egmecc: error: --plan-json needs a file name, not ''", "fleet", "--dir", "data/fleet/hosts", "--plan-json", "")]
    [InlineData("egmecc: error: --dir needs a directory name, not ''", "fleet", "--dir", "")]
    [InlineData("egmecc: error: --regions needs a file name, not ''", "fleet", "--regions", "")]
    [InlineData("egmecc: error: OLD needs a file name, not ''", "diff", "", "x.json")]
    [InlineData("egmecc: error: unknown option '--fromat' (a file whose name starts with '-' is ./--fromat)", "diff", "--fromat", "a.json", "b.json")]
    [InlineData("egmecc: error: --hosts: 'abc' is not a whole number", "synth", "--hosts", "abc", "-o", "x")]
    [InlineData("egmecc: error: --regions needs a value", "plan", "--regions")]
    [InlineData("egmecc: error: missing NEW", "diff", "a.json")]
    [InlineData("egmecc: error: --rate is required (or --rates-from-history SNAPSHOT...)", "forecast", "--dir", "data/fleet/hosts")]
    [InlineData("egmecc: error: --rate: 'abc' is not a number", "forecast", "--dir", "data/fleet/hosts", "--rate", "abc")]
    [InlineData("egmecc: error: --spread: 'rows' is not one of uniform, clustered", "forecast", "--dir", "data/fleet/hosts", "--rate", "1", "--spread", "rows")]
    public void Run_UsageError_ExitsOneWithAnErrorLineAndNoHelpOnStdout(string firstLine, params string[] args)
    {
        AssertUsageError(Run(args), firstLine);
    }

    [Fact]
    public void Run_BadFormatName_IsAUsageError()
    {
        var result = Run("plan", "--regions", Regions, "--format", "xml");

        Assert.Equal(1, result.Exit);
        Assert.Equal("egmecc: error: --format: 'xml' is not one of json, csv, text, dts, qemu, windows", result.ErrorLines[0]);
        Assert.Equal(string.Empty, result.Out);
    }

    [Fact]
    public void Run_UsageError_PointsAtTheVerbsHelp()
    {
        Assert.Equal("egmecc: see 'egmecc plan --help'", Run("plan", "--regions", Regions, "--bogus").ErrorLines[^1]);
    }

    [Fact]
    public void Run_Help_ExitsZeroWithHelpOnStdout()
    {
        var result = Run("plan", "--help");

        Assert.Equal(0, result.Exit);
        Assert.Contains("--min-extent", result.Out, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("egmecc: error: data/nonexistent.csv: cannot open: no such file", "--regions", "data/nonexistent.csv")]
    [InlineData("egmecc: error: data/samples: cannot open: it is a directory", "--regions", "data/samples")]
    [InlineData("egmecc: error: data/samples/grace-2s.retired.csv:3: unknown column 'address'; expected a header 'id,node,base,size' (optional: host, guestSize)", "--regions", Retired)]
    [InlineData("egmecc: error: data/samples/grace-2s.regions.csv: unknown region format 'yaml'; known: csv, json, acpi, aml", "--regions", Regions, "--regions-format", "yaml")]
    [InlineData("egmecc: error: data/samples/grace-2s.regions.csv:4: unknown column 'id'; expected a header 'address' or 'region,offset' (optional: size, host, source)", "--regions", Regions, "--retired", Regions)]
    public void Plan_InputError_ExitsTwoWithOneLine(string line, params string[] args)
    {
        AssertInputError(Run(["plan", .. args]), line);
    }

    [Fact]
    public void Plan_InputErrorOnStandardInput_NamesDash()
    {
        AssertInputError(RunWithInput("address\n0x1000\n-0x2000\n", "plan", "--regions", Regions, "--retired", "-"), "egmecc: error: -:3: column 'address': '-0x2000' is negative; addresses and sizes are unsigned");
    }

    [Fact]
    public void Plan_ValueWithLineBreak_StaysOnOneLine()
    {
        var result = RunWithInput("address\n\"0x10\n00\"\n", "plan", "--regions", Regions, "--retired", "-");

        AssertInputError(result, "egmecc: error: -:2: column 'address': '0x10\\n00' is not a hexadecimal number");
    }
}
