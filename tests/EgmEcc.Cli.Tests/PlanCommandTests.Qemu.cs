using EgmEcc.Cli;
using EgmEcc.Tests;

namespace EgmEcc.Cli.Tests;

public partial class PlanCommandTests
{
    private const string SmallRegions = "id,node,base,size\negm0,0,0x2000000000,16M\negm4,4,0x4000000000,16M\n";

    /// <summary>
    /// docs/design.md §4.5: the qemu output is arguments only, <c>-m</c> first, no comment line (a
    /// shell's <c>$(...)</c> would pass <c>#</c> on to QEMU as an argument), and no prealloc unless asked.
    /// </summary>
    [Fact]
    public void Plan_FormatQemu_IsArgumentsOnlyWithMemorySizeAndNoPrealloc()
    {
        using var temp = new TempDir();
        var regions = WriteFile(temp, "regions.csv", SmallRegions);

        var (code, output, error) = Run("plan", "--regions", regions, "--format", "qemu");

        Assert.Equal(ExitCodes.Success, code);
        Assert.Equal(
            "-m 32M\n"
            + "-object memory-backend-file,id=m0,mem-path=/dev/egm0,size=16M,share=on\n-numa node,memdev=m0,nodeid=0\n"
            + "-object memory-backend-file,id=m1,mem-path=/dev/egm4,size=16M,share=on\n-numa node,memdev=m1,nodeid=1\n",
            output);
        Assert.Contains("# node 1: region egm4 (/dev/egm4, PXM 4), 16M at 0x41000000", error, StringComparison.Ordinal);
    }

    [Fact]
    public void Plan_FormatQemuPrealloc_AddsPreallocToEveryBackend()
    {
        using var temp = new TempDir();
        var regions = WriteFile(temp, "regions.csv", SmallRegions);

        var (code, output, _) = Run("plan", "--regions", regions, "--format", "qemu", "--prealloc");

        Assert.Equal(ExitCodes.Success, code);
        var backends = output.Split('\n').Where(l => l.StartsWith("-object ", StringComparison.Ordinal)).ToArray();
        Assert.Equal(2, backends.Length);
        Assert.All(backends, b => Assert.EndsWith(",share=on,prealloc=on", b, StringComparison.Ordinal));
    }

    /// <summary>
    /// The issue a new user hit: <c>qemu-system-aarch64 -machine virt ... $(egmecc plan ... --format qemu)</c>
    /// must start with no edit but the device paths (files stand in for <c>/dev/egmN</c>). The shell does
    /// the splitting, as it would for the user; QEMU dumps its device tree and exits, so nothing boots.
    /// </summary>
    [ToolFact("qemu-system-aarch64", "sh")]
    public void Plan_FormatQemu_ShellSubstitutionStartsRealQemuWithNoEdits()
    {
        using var temp = new TempDir();
        var regions = WriteFile(temp, "regions.csv", SmallRegions);
        var arguments = Path.Combine(temp.Path, "egm.qemu");
        var (code, _, error) = Run("plan", "--regions", regions, "--format", "qemu", "--output", arguments);
        Assert.True(code == ExitCodes.Success, error);
        var text = File.ReadAllText(arguments);
        foreach (var device in new[] { "egm0", "egm4" })
        {
            var file = Path.Combine(temp.Path, device);
            using (var stream = File.Create(file))
            {
                stream.SetLength(16L << 20);
            }

            text = text.Replace($"mem-path=/dev/{device},", $"mem-path={file},", StringComparison.Ordinal);
        }

        File.WriteAllText(arguments, text);
        var dumped = Path.Combine(temp.Path, "virt.dtb");

        var (exit, _, qemuError) = ExternalTools.Run(
            "sh",
            ["-c", "exec qemu-system-aarch64 -machine virt,dumpdtb=\"$1\" -nodefaults -display none -cpu cortex-a57 $(cat \"$2\")", "sh", dumped, arguments],
            TimeSpan.FromSeconds(60));

        Assert.True(exit == 0 && File.Exists(dumped), $"qemu refused the arguments (exit {exit}):\n{qemuError}");
    }

    /// <summary>docs/design.md §4.5: a hole where a QEMU -kernel boot writes makes the guest layouts warn, naming it and the area; other formats do not.</summary>
    [Theory]
    [InlineData("qemu", true)]
    [InlineData("dts", true)]
    [InlineData("json", false)]
    public void Plan_HoleInDirectBootArea_GuestLayoutsWarn(string format, bool warns)
    {
        using var temp = new TempDir();
        var regions = WriteFile(temp, "regions.csv", "id,node,base,size\negm0,0,0x2000000000,1G\n");
        var retired = WriteFile(temp, "retired.csv", "region,offset\negm0,0x400000\n");

        var (code, _, error) = Run("plan", "--regions", regions, "--retired", retired, "--format", format);

        Assert.Equal(ExitCodes.Success, code);
        var line = error.Split('\n').SingleOrDefault(l => l.Contains("direct-boot area", StringComparison.Ordinal));
        Assert.Equal(warns, line is not null);
        if (line is not null)
        {
            Assert.StartsWith($"egmecc: warning: {regions}:2: 1 guest hole(s) [0x40400000, 0x40410000) lie in the direct-boot area [0x40000000, 0x50000000)", line, StringComparison.Ordinal);
        }
    }

    private static string WriteFile(TempDir dir, string name, string text)
    {
        var file = Path.Combine(dir.Path, name);
        File.WriteAllText(file, text);
        return file;
    }
}
