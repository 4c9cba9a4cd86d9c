using static EgmEcc.Cli.Tests.Cli;

namespace EgmEcc.Cli.Tests;

/// <summary>
/// The library refuses settings in domain words; the command line prints the same refusals with its
/// flags, word for word as before the library stopped naming them, as usage errors.
/// </summary>
public class SettingMessagesTests
{
    private static readonly string Regions = Data("samples", "grace-2s.regions.csv");

    [Theory]
    [InlineData("egmecc: error: --guest-base 0x40001000 is not a multiple of the guest page 0x10000 (64K, --guest-page)", "plan", "--regions", "data/samples/grace-2s.regions.csv", "--format", "dts", "--guest-base", "0x40001000")]
    [InlineData("egmecc: error: --rate must be a finite number of at least 0", "forecast", "--dir", "data/fleet/hosts", "--rate", "-1")]
    [InlineData("egmecc: error: --horizon must be a finite number of years of at least 0", "forecast", "--dir", "data/fleet/hosts", "--rate", "1", "--horizon", "-2")]
    [InlineData("egmecc: error: --rate 1E+300 over --horizon 3 year(s) retires 3E+300 pages per TiB, more than a TiB holds (16777216 granules of 64K)", "forecast", "--dir", "data/fleet/hosts", "--rate", "1e300", "--horizon", "3")]
    [InlineData("egmecc: error: --hosts must be at least 1, not 0", "synth", "--hosts", "0", "-o", "unused")]
    [InlineData("egmecc: error: --sockets must be between 1 and 8", "synth", "--sockets", "9", "-o", "unused")]
    [InlineData("egmecc: error: --records must be at least 0, not -1", "synth", "--records", "-1", "-o", "unused")]
    public void RefusedSetting_IsAUsageErrorNamingItsFlag(string expected, params string[] args)
    {
        var run = Run([.. args.Select(a => a.StartsWith("data/", StringComparison.Ordinal) ? Repo.PathOf(a) : a)]);

        AssertUsageError(run, expected);
    }

    [Fact]
    public void GuestLayoutOfTwoHosts_IsAUsageErrorInTheLibrarysWords()
    {
        var dir = TemporaryDirectory();
        var regions = Path.Combine(dir, "fleet.csv");
        File.WriteAllText(regions, "id,node,base,size,host\negm0,0,0x2000000000,1G,a\negm0,0,0x2000000000,1G,b\n");

        var run = Run("plan", "--regions", regions, "--format", "qemu");

        AssertUsageError(run, "egmecc: error: a guest layout describes one host, but the plan covers 2 hosts ('a', 'b'); plan one host at a time");
    }

    [Fact]
    public void PlanJsonWithBadOptions_IsAnInputErrorInDomainWords()
    {
        var dir = TemporaryDirectory();
        var good = Path.Combine(dir, "good.json");
        Assert.Equal(0, Run("plan", "--regions", Regions, "-o", good).Exit);
        var bad = Path.Combine(dir, "bad.json");
        File.WriteAllText(bad, File.ReadAllText(good).Replace("\"granule\": 65536", "\"granule\": 3", StringComparison.Ordinal));

        var run = Run("diff", bad, good);

        AssertInputError(run, $"egmecc: error: {bad}:3: options: the retirement granule must be a power of two, not 3");
    }
}
