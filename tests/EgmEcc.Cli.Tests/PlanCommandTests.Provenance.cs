using EgmEcc.Cli;

namespace EgmEcc.Cli.Tests;

public partial class PlanCommandTests
{
    [Theory]
    [InlineData("dts", "//", false)]
    [InlineData("qemu", "#", true)]
    [InlineData("windows", "#", false)]
    public void Plan_LayoutFormat_LeadingCommentNamesTheOptionsItWasMadeWith(string format, string comment, bool onStandardError)
    {
        // qemu's output is arguments only (a shell passes '#' lines on as arguments): its header is on standard error.
        var (code, output, error) = Run("plan", "--regions", Regions, "--retired", Retired, "--format", format, "--guest-page", "64K", "--huge-pages", "2M,1G");

        Assert.Equal(ExitCodes.Success, code);
        var lines = onStandardError
            ? error.Split('\n').Where(l => !l.StartsWith("egmecc: ", StringComparison.Ordinal)).ToArray()
            : output.Split('\n');
        Assert.StartsWith(comment + " ", lines[0], StringComparison.Ordinal);
        Assert.Equal($"{comment} made by: egmecc plan --regions {Regions} --retired {Retired} --format {format} --guest-page 64K --huge-pages 2M,1G", lines[1]);
        Assert.StartsWith($"{comment} options: granule 64K, guest page 64K, min extent 64K, huge pages 2M 1G; ", lines[2], StringComparison.Ordinal);
    }
}
