namespace EgmEcc.Cli.Tests;

/// <summary>
/// <c>--max-records</c> (docs/design.md §5): past the record limit a run stops with an input error
/// at the record that passed it, on every verb that reads retired records.
/// </summary>
public class MaxRecordsTests
{
    private const string Raise = "raise the record limit with --max-records N if the memory is there (about 150 bytes a record)";

    [Fact]
    public void Plan_FourthRecordPastALimitOfThree_IsAnInputErrorAtItsLine()
    {
        var run = Cli.Run("plan", "--regions", Cli.Regions, "--retired", Cli.Retired, "--max-records", "3");

        // Two comment lines and the header come first: the fourth record is line 7.
        Cli.AssertInputError(run, $"egmecc: error: {Cli.Retired}:7: more than 3 retired records in one run; {Raise}");
    }

    [Fact]
    public void Plan_RecordsFromStandardInput_StopAtTheLimit()
    {
        var csv = "address\n" + string.Concat(Enumerable.Range(0, 5).Select(i => FormattableString.Invariant($"0x{0x20_0000_0000UL + ((ulong)i << 16):x}\n")));

        var run = Cli.RunWithInput(csv, "plan", "--regions", Cli.Regions, "--retired", "-", "--max-records", "4");

        Cli.AssertInputError(run, $"egmecc: error: -:6: more than 4 retired records in one run; {Raise}");
    }

    [Theory]
    [InlineData("validate")]
    [InlineData("report")]
    public void OtherSingleHostVerbs_PassTheLimitToTheirReaders(string verb)
    {
        var run = Cli.Run(verb, "--regions", Cli.Regions, "--retired", Cli.Retired, "--max-records", "3");

        Cli.AssertInputError(run, $"egmecc: error: {Cli.Retired}:7: more than 3 retired records in one run; {Raise}");
    }

    [Fact]
    public void Plan_UnderTheLimit_Plans()
    {
        var run = Cli.Run("plan", "--regions", Cli.Regions, "--retired", Cli.Retired, "--max-records", "1000");

        Assert.True(run.Exit == 0, run.ToString());
    }

    [Theory]
    [InlineData("0")]
    [InlineData("-5")]
    public void MaxRecords_BelowOne_IsAUsageError(string value)
    {
        Cli.AssertUsageError(
            Cli.Run("plan", "--regions", Cli.Regions, "--retired", Cli.Retired, "--max-records", value),
            $"egmecc: error: --max-records must be at least 1, not {value}");
    }

    [Fact]
    public void Fleet_HostColumnFiles_CountTheRecordsOfTheWholeRead()
    {
        var run = Cli.Run("fleet", "--regions", "data/fleet/regions.csv", "--retired", "data/fleet/retired.csv", "--max-records", "3");

        // A comment and the header, then the records: the fourth is line 6.
        Cli.AssertInputError(run, $"egmecc: error: data/fleet/retired.csv:6: more than 3 retired records in one run; {Raise}");
    }

    [Fact]
    public void Fleet_Directory_CountsEachHostOnItsOwn()
    {
        // The hosts hold 7, 0, 7 and 3 records: 17 in all, but no host more than 7.
        var fits = Cli.Run("fleet", "--dir", "data/fleet/hosts", "--max-records", "7");
        var over = Cli.Run("fleet", "--dir", "data/fleet/hosts", "--max-records", "6", "--parallel", "1");

        Assert.True(fits.Exit == 0, fits.ToString());
        Cli.AssertInputError(over, $"egmecc: error: data/fleet/hosts/gh-a01/retired.csv:8: more than 6 retired records in one run; {Raise}");
    }

    [Fact]
    public void Forecast_Directory_StopsAtTheLimit()
    {
        var run = Cli.Run("forecast", "--dir", "data/fleet/hosts", "--rate", "0", "--trials", "2", "--max-records", "6", "--parallel", "1");

        Cli.AssertInputError(run, $"egmecc: error: data/fleet/hosts/gh-a01/retired.csv:8: more than 6 retired records in one run; {Raise}");
    }
}
