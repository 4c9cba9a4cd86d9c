using static EgmEcc.Cli.Tests.Cli;

namespace EgmEcc.Cli.Tests;

/// <summary>A size option's error speaks the user's units (<c>65K</c>), not the hexadecimal of its bytes (<c>0x10400</c>).</summary>
public class SizeErrorTests
{
    // Regression: '--granule 65K' answered 'not 0x10400', a number the user never typed.
    [Theory]
    [InlineData("egmecc: error: --granule must be a power of two, not 65K", "plan", "--regions", Regions, "--granule", "65K")]
    [InlineData("egmecc: error: --granule must be a power of two, not 65K", "plan", "--regions", Regions, "--granule", "0x10400")]
    [InlineData("egmecc: error: --granule must be a power of two, not 100000", "validate", "--regions", Regions, "--granule", "100000")]
    [InlineData("egmecc: error: --guest-page must be a power of two, not 96K", "report", "--regions", Regions, "--guest-page", "96K")]
    [InlineData("egmecc: error: --huge-pages must be a power of two, not 3G", "plan", "--regions", Regions, "--huge-pages", "2M,3G")]
    [InlineData("egmecc: error: --host-page must be a power of two, not 12K", "plan", "--regions", Regions, "--host-page", "12K")]
    [InlineData("egmecc: error: --map-align must be a power of two, not 3M", "plan", "--regions", Regions, "--format", "windows", "--map-align", "3M")]
    [InlineData("egmecc: error: --granule must be a power of two, not 65K", "fleet", "--dir", "data/fleet/hosts", "--granule", "65K")]
    public void SizeOption_NotAPowerOfTwo_EchoesTheValueAsASize(string firstLine, params string[] args)
    {
        AssertUsageError(Run(args), firstLine);
    }
}
