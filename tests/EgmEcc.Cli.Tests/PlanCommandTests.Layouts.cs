using EgmEcc.Cli;
using EgmEcc.Formats.Inputs;
using EgmEcc.Formats.Output;
using EgmEcc.Pipeline;

namespace EgmEcc.Cli.Tests;

public partial class PlanCommandTests
{
    private static readonly string Regions = Sample("grace-2s.regions.csv");
    private static readonly string Retired = Sample("grace-2s.retired.csv");

    [Fact]
    public void Plan_FormatDts_RecordsInvocationAndWritesLibraryLayout()
    {
        var (code, output, _) = Run("plan", "--regions", Regions, "--retired", Retired, "--format", "dts");

        Assert.Equal(ExitCodes.Success, code);
        var invocation = $"egmecc plan --regions {Regions} --retired {Retired} --format dts";
        Assert.Equal($"// made by: {invocation}", output.Split('\n')[1]);
        Assert.Equal(Write(new PlanDtsWriter(), new OutputOptions { Invocation = invocation }), output);
    }

    [Fact]
    public void Plan_GuestBase_MovesFirstMemoryNode()
    {
        var (code, output, _) = Run("plan", "--regions", Regions, "--retired", Retired, "--format", "dts", "--guest-base", "0x80000000");

        Assert.Equal(ExitCodes.Success, code);
        Assert.Contains("\tmemory@80000000 {\n", output, StringComparison.Ordinal);
        Assert.DoesNotContain("memory@40000000", output, StringComparison.Ordinal);
    }

    [Fact]
    public void Plan_ReservedMemory_WritesOneNodePerGuestNodeAndNoMapHoles()
    {
        var (code, output, _) = Run("plan", "--regions", Regions, "--retired", Retired, "--format", "dts", "--reserved-memory");

        Assert.Equal(ExitCodes.Success, code);
        Assert.Equal(2, output.Split("device_type = \"memory\"").Length - 1);
        Assert.Contains("\treserved-memory {\n", output, StringComparison.Ordinal);
        Assert.Contains("\t\t\tno-map;\n", output, StringComparison.Ordinal);
    }

    [Fact]
    public void Plan_FormatQemu_WritesBackendAndNodePerRegion()
    {
        var (code, output, _) = Run("plan", "--regions", Regions, "--retired", Retired, "--format", "qemu");

        Assert.Equal(ExitCodes.Success, code);
        Assert.Contains("\n-object memory-backend-file,id=m1,mem-path=/dev/egm1,size=384G,share=on\n-numa node,memdev=m1,nodeid=1\n", output, StringComparison.Ordinal);
    }

    [Fact]
    public void Plan_MapAlign_AlignsEveryWindow()
    {
        var (code, output, _) = Run("plan", "--regions", Regions, "--retired", Retired, "--format", "windows", "--map-align", "2M");

        Assert.Equal(ExitCodes.Success, code);
        var windows = output.Split('\n').Where(l => l.StartsWith("/dev/egm", StringComparison.Ordinal)).ToArray();
        Assert.NotEmpty(windows);
        Assert.All(windows, line =>
        {
            var fields = line.Split(' ');
            Assert.Equal(0UL, Convert.ToUInt64(fields[1], 16) % (2UL << 20));
            Assert.Equal(0UL, Convert.ToUInt64(fields[2], 16) % (2UL << 20));
        });
    }

    // Regression: the windows comment gave sizes in hex only ('unmapped 0x1ffee0000 bytes').
    [Fact]
    public void Plan_Windows_CommentGivesReadableSizesBesideTheExactOnes()
    {
        var (code, output, _) = Run("plan", "--regions", Regions, "--retired", Retired, "--format", "windows", "--map-align", "1G");

        Assert.Equal(ExitCodes.Success, code);
        var comments = output.Split('\n').Where(l => l.StartsWith("# /dev/egm", StringComparison.Ordinal)).ToArray();
        Assert.Equal(2, comments.Length);
        Assert.All(comments, line =>
        {
            var figures = System.Text.RegularExpressions.Regex.Matches(line, @"(usable|mapped|unmapped) (0x[0-9a-f]+) bytes \(([^)]+)\)");
            Assert.Equal(["usable", "mapped", "unmapped"], figures.Select(m => m.Groups[1].Value).ToArray());
            Assert.All(figures, m => Assert.Equal(new ByteSize(Convert.ToUInt64(m.Groups[2].Value, 16)).ToHumanString(), m.Groups[3].Value));
        });
    }

    [Fact]
    public void Plan_MapAlignNotPowerOfTwo_IsUsageError()
    {
        var (code, _, error) = Run("plan", "--regions", Regions, "--format", "windows", "--map-align", "3M");

        Assert.Equal(ExitCodes.Usage, code);
        Assert.Contains("--map-align must be a power of two", error, StringComparison.Ordinal);
    }

    [Fact]
    public void Plan_Help_StatesDefaultMapAlignRuleAndLayoutFormats()
    {
        var (_, output, _) = Run("plan", "--help");

        Assert.Contains("90%", output, StringComparison.Ordinal);
        Assert.Contains("--guest-base", output, StringComparison.Ordinal);
        Assert.Contains("--reserved-memory", output, StringComparison.Ordinal);
        Assert.Contains("windows", output, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("dts")]
    [InlineData("qemu")]
    public void Plan_GuestFormatWithTwoHosts_IsUsageErrorAndLeavesNoFile(string format)
    {
        var dir = Directory.CreateTempSubdirectory("egmecc-cli-").FullName;
        try
        {
            var regions = Path.Combine(dir, "fleet.csv");
            File.WriteAllText(regions, "id,node,base,size,host\negm0,0,0x2000000000,1G,a\negm0,0,0x2000000000,1G,b\n");
            var target = Path.Combine(dir, "out." + format);

            var (code, _, error) = Run("plan", "--regions", regions, "--format", format, "--output", target);

            Assert.Equal(ExitCodes.Usage, code);
            Assert.Contains("2 hosts ('a', 'b'); plan one host at a time", error, StringComparison.Ordinal);
            Assert.Equal([regions], Directory.GetFiles(dir));
        }
        finally
        {
            Directory.Delete(dir, recursive: true);
        }
    }

    [Fact]
    public void Plan_WindowsWithTwoHosts_PrefixesDevicesWithHost()
    {
        var dir = Directory.CreateTempSubdirectory("egmecc-cli-").FullName;
        try
        {
            var regions = Path.Combine(dir, "fleet.csv");
            File.WriteAllText(regions, "id,node,base,size,host\negm0,0,0x2000000000,1G,a\negm0,0,0x2000000000,1G,b\n");

            var (code, output, _) = Run("plan", "--regions", regions, "--format", "windows");

            Assert.Equal(ExitCodes.Success, code);
            Assert.Contains("\na:/dev/egm0 0x0 0x40000000\n", output, StringComparison.Ordinal);
            Assert.Contains("\nb:/dev/egm0 0x0 0x40000000\n", output, StringComparison.Ordinal);
        }
        finally
        {
            Directory.Delete(dir, recursive: true);
        }
    }

    private static string Write(IPlanWriter writer, OutputOptions options)
    {
        var plan = new HostInputs { Regions = [InputFile.FromPath(Regions)], Retired = [InputFile.FromPath(Retired)] }.Plan(PlanOptions.Default);
        using var output = new StringWriter();
        writer.Write(plan, output, options);
        return output.ToString();
    }

    private static CliResult Run(params string[] args) => Cli.Run(args);

    private static string Sample(string name) => Cli.Data("samples", name);
}
