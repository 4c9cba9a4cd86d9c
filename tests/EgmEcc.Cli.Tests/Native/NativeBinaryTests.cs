using Xunit.Abstractions;

namespace EgmEcc.Cli.Tests.Native;

/// <summary>
/// The Native AOT linux-x64 <c>egmecc</c>, published as the README says, answers every sample
/// case byte for byte as the in-process CLI the other tests judge: standard output, standard
/// error, exit code and the files it writes. What only breaks under AOT (reflection, trimmed
/// members, a missing embedded resource) shows here, not on a Grace host. Needs clang (the
/// native linker): skipped without it locally, failing under CI.
/// </summary>
[Collection(NativeCollection.Name)]
public class NativeBinaryTests(NativeBuilds builds, ITestOutputHelper output)
{
    private const string Runtime = "linux-x64";

    [ToolFact("clang")]
    public void Publish_LinuxX64_IsOneSelfContainedExecutableBesideItsSymbols()
    {
        var published = builds.Of(Runtime);
        output.WriteLine($"{published.Runtime}: published in {published.PublishTime.TotalSeconds:0} s, {new FileInfo(published.Executable).Length:N0} bytes");

        var files = Directory.EnumerateFileSystemEntries(published.PublishDirectory).Select(path => Path.GetFileName(path)!).Order(StringComparer.Ordinal).ToArray();
        Assert.Equal(["egmecc", "egmecc.dbg"], files);
        Assert.Equal(ElfMachine.X64, ElfMachine.Of(published.Executable));
    }

    [ToolTheory("clang")]
    [MemberData(nameof(NativeCases.Names), MemberType = typeof(NativeCases))]
    public void SampleCase_NativeBinary_SameAsInProcess(string name)
    {
        var binary = builds.Of(Runtime).Executable;
        var sample = NativeCases.Get(name);
        using var directory = new TempDir();

        var expected = sample.InProcess(directory.Path);
        var actual = sample.Process(binary, [], directory.Path);
        if (name == "version")
        {
            // The version ends in the commit (+sha) each build was made at: the test build and the
            // binary published now differ there whenever a commit came in between.
            (expected, actual) = (expected with { Out = WithoutCommit(expected.Out) }, actual with { Out = WithoutCommit(actual.Out) });
        }

        actual.AssertSameAs(expected, $"{Runtime} egmecc {string.Join(' ', sample.Args)}");
    }

    private static string WithoutCommit(string version) => version.Split('+')[0].TrimEnd('\n') + "\n";
}
