using Xunit.Abstractions;

namespace EgmEcc.Cli.Tests.Native;

/// <summary>
/// The linux-arm64 <c>egmecc</c> a Grace host runs, cross-published on this machine as the README
/// says and run under <c>qemu-aarch64-static</c>: the sample plan and report are byte for byte
/// what the linux-x64 binary gives. Needs the cross toolchain and qemu (<see cref="CrossFactAttribute"/>).
/// </summary>
[Collection(NativeCollection.Name)]
public class CrossBinaryTests(NativeBuilds builds, ITestOutputHelper output)
{
    [CrossFact]
    public void Publish_LinuxArm64_IsOneArm64ExecutableBesideItsSymbols()
    {
        var published = builds.Of("linux-arm64");
        output.WriteLine($"{published.Runtime}: published in {published.PublishTime.TotalSeconds:0} s, {new FileInfo(published.Executable).Length:N0} bytes");

        var files = Directory.EnumerateFileSystemEntries(published.PublishDirectory).Select(path => Path.GetFileName(path)!).Order(StringComparer.Ordinal).ToArray();
        Assert.Equal(["egmecc", "egmecc.dbg"], files);
        Assert.Equal(ElfMachine.Arm64, ElfMachine.Of(published.Executable));
    }

    [CrossTheory]
    [MemberData(nameof(NativeCases.CrossNames), MemberType = typeof(NativeCases))]
    public void SampleCase_Arm64UnderEmulation_SameAsX64(string name)
    {
        var arm64 = builds.Of("linux-arm64").Executable;
        var x64 = builds.Of("linux-x64").Executable;
        var sample = NativeCases.Get(name);
        using var directory = new TempDir();

        var expected = sample.Process(x64, [], directory.Path);
        var actual = sample.Process(CrossTools.Emulator, ["-L", CrossTools.TargetRoot, arm64], directory.Path);

        actual.AssertSameAs(expected, $"linux-arm64 egmecc {string.Join(' ', sample.Args)}");
    }
}

/// <summary>What cross-publishing to linux-arm64 and running the result needs (Debian's packages, as <c>.ci/run</c> installs them).</summary>
internal static class CrossTools
{
    /// <summary>The user-mode emulator.</summary>
    public const string Emulator = "qemu-aarch64-static";

    /// <summary>Where the arm64 C library lives (libc6-arm64-cross): the emulator finds the dynamic loader there.</summary>
    public const string TargetRoot = "/usr/aarch64-linux-gnu";

    /// <summary>The linker, the target's objcopy and the emulator, on PATH.</summary>
    public static readonly string[] Tools = ["clang", "ld.lld", "aarch64-linux-gnu-objcopy", Emulator];

    /// <summary>Files of the cross C library and libgcc (libc6-dev-arm64-cross, libgcc-12-dev-arm64-cross), which are not tools on PATH.</summary>
    public static readonly string[] Files = [TargetRoot + "/lib/crt1.o", TargetRoot + "/lib/libc.so.6", "/usr/lib/gcc-cross/aarch64-linux-gnu"];

    /// <summary>Why to skip, or null to run (everything present, or CI, where a missing piece must fail).</summary>
    public static string? SkipReason()
    {
        var missing = Files.Where(f => !File.Exists(f) && !Directory.Exists(f)).ToArray();
        return ExternalTools.SkipReason(Tools)
            ?? (missing.Length == 0 || ExternalTools.InCi ? null : $"needs {string.Join(", ", missing)} (when CI is set this test fails instead)");
    }
}

/// <summary>A fact that cross-publishes to linux-arm64: skipped locally without the cross toolchain or qemu, failing under CI.</summary>
public sealed class CrossFactAttribute : FactAttribute
{
    public CrossFactAttribute() => Skip = CrossTools.SkipReason();
}

/// <summary>A theory that cross-publishes to linux-arm64: skipped locally without the cross toolchain or qemu, failing under CI.</summary>
public sealed class CrossTheoryAttribute : TheoryAttribute
{
    public CrossTheoryAttribute() => Skip = CrossTools.SkipReason();
}

/// <summary>The machine an ELF executable is for (<c>e_machine</c>, bytes 18–19 of its header).</summary>
internal static class ElfMachine
{
    public const int X64 = 0x3E;
    public const int Arm64 = 0xB7;

    public static int Of(string path)
    {
        var header = new byte[20];
        using (var file = File.OpenRead(path))
        {
            file.ReadExactly(header);
        }

        Assert.True(header.AsSpan(0, 4).SequenceEqual("\u007fELF"u8), $"{path} is not an ELF file");
        return header[18] | (header[19] << 8);
    }
}
