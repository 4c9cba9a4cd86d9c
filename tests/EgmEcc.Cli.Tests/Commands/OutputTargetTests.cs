using EgmEcc.Cli.Commands;

namespace EgmEcc.Cli.Tests.Commands;

public class OutputTargetTests
{
    // Regression: '-o /dev/null' moved a regular file over the device node.
    [Theory]
    [InlineData("/dev/null", true)]
    [InlineData("/dev/stdout", true)]
    [InlineData("/proc/self/fd/1", true)]
    [InlineData("/tmp/plan.json", false)]
    [InlineData("plan.json", false)]
    [InlineData("/devices/plan.json", false)]
    public void WritesInPlace_DevicesAndProcessFiles(string path, bool inPlace) =>
        Assert.Equal(inPlace, OutputTarget.WritesInPlace(path));

    [Fact]
    public void Write_ThroughASymbolicLink_ReplacesTheFileItNamesAndKeepsTheLink()
    {
        var directory = Cli.TemporaryDirectory();
        var real = Path.Combine(directory, "real.json");
        var link = Path.Combine(directory, "link.json");
        File.WriteAllText(real, "old");
        File.CreateSymbolicLink(link, real);

        OutputTarget.Write(link, new CliConsole(TextWriter.Null, TextWriter.Null, () => Stream.Null), w => w.Write("new"));

        Assert.NotNull(new FileInfo(link).LinkTarget);
        Assert.Equal("new", File.ReadAllText(real));
        Assert.Equal(["link.json", "real.json"], Directory.GetFileSystemEntries(directory).Select(p => Path.GetFileName(p)!).Order(StringComparer.Ordinal).ToArray());
    }

    [Fact]
    public void Write_Fails_LeavesTheOldFileAndNoTemporary()
    {
        var directory = Cli.TemporaryDirectory();
        var path = Path.Combine(directory, "plan.json");
        File.WriteAllText(path, "old");

        Assert.Throws<InvalidOperationException>(() => OutputTarget.Write(path, new CliConsole(TextWriter.Null, TextWriter.Null, () => Stream.Null), w =>
        {
            w.Write("half");
            throw new InvalidOperationException("writer failed");
        }));

        Assert.Equal("old", File.ReadAllText(path));
        Assert.Equal(["plan.json"], Directory.GetFileSystemEntries(directory).Select(p => Path.GetFileName(p)!).ToArray());
    }
}
