using EgmEcc.Cli;

namespace EgmEcc.Cli.Tests;

public partial class PlanCommandTests
{
    [Theory]
    [InlineData("dts", "//")]
    [InlineData("qemu", "#")]
    [InlineData("windows", "#")]
    public void Plan_LayoutFormat_LeadingCommentNamesTheOptionsItWasMadeWith(string format, string comment)
    {
        var (code, output, _) = Run("plan", "--regions", Regions, "--retired", Retired, "--format", format, "--guest-page", "64K", "--huge-pages", "2M,1G");

        Assert.Equal(ExitCodes.Success, code);
        var lines = output.Split('\n');
        Assert.StartsWith(comment + " ", lines[0], StringComparison.Ordinal);
        Assert.Equal($"{comment} made by: egmecc plan --regions {Regions} --retired {Retired} --format {format} --guest-page 64K --huge-pages 2M,1G", lines[1]);
        Assert.StartsWith($"{comment} options: granule 64K, guest page 64K, min extent 64K, huge pages 2M 1G; ", lines[2], StringComparison.Ordinal);
    }
}
