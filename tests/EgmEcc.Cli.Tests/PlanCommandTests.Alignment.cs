using EgmEcc.Cli;

namespace EgmEcc.Cli.Tests;

public partial class PlanCommandTests
{
    [Theory]
    [InlineData("dts")]
    [InlineData("qemu")]
    [InlineData("json")]
    public void Plan_GuestBaseNotGuestPageAligned_IsUsageError(string format)
    {
        var (code, output, error) = Run("plan", "--regions", Regions, "--retired", Retired, "--format", format, "--guest-base", "0x40001000");

        Assert.Equal(ExitCodes.Usage, code);
        Assert.Equal(string.Empty, output);
        Assert.Contains("--guest-base 0x40001000 is not a multiple of the guest page 0x10000", error, StringComparison.Ordinal);
    }

    [Fact]
    public void Plan_GuestBaseAlignedToLargerGuestPage_IsAccepted()
    {
        var (code, _, error) = Run("plan", "--regions", Regions, "--format", "dts", "--guest-page", "2M", "--guest-base", "0x40200000");

        Assert.Equal(ExitCodes.Success, code);
        Assert.DoesNotContain("--guest-base", error, StringComparison.Ordinal);
    }

    [Fact]
    public void Plan_GuestSizeNotGuestPageAligned_WarnsAndKeepsDtsPiecesOnWholePages()
    {
        var dir = Directory.CreateTempSubdirectory("egmecc-cli-").FullName;
        try
        {
            var regions = Path.Combine(dir, "regions.csv");
            File.WriteAllText(regions, "id,node,base,size,host,guestSize\negm0,0,0x2000000000,32M,,0x1001000\negm1,1,0x4000000000,16M,,\n");

            var (code, output, error) = Run("plan", "--regions", regions, "--format", "dts");

            Assert.Equal(ExitCodes.Success, code);
            Assert.Contains($"warning: {regions}:2: region 'egm0' guest size 0x1001000 is not a multiple of the guest page 0x10000", error, StringComparison.Ordinal);
            Assert.Contains("reg = <0x0 0x40000000 0x0 0x1000000>;", output, StringComparison.Ordinal);
            Assert.Contains("reg = <0x0 0x41010000 0x0 0xff0000>;", output, StringComparison.Ordinal);
            Assert.Contains("(of them 0x1000 usable bytes outside whole guest pages)", output, StringComparison.Ordinal);
        }
        finally
        {
            Directory.Delete(dir, recursive: true);
        }
    }
}
