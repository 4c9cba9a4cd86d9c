using static EgmEcc.Cli.Tests.Cli;

namespace EgmEcc.Cli.Tests;

public partial class EgmEccCliTests
{
    [Theory]
    [InlineData("--output")]
    [InlineData("-o")]
    public void Plan_Output_WritesTheFileAndNothingToStdout(string flag)
    {
        var dir = TemporaryDirectory();
        try
        {
            var path = Path.Combine(dir, "plan.txt");

            var result = Run("plan", "--regions", Regions, "--retired", Retired, "--format", "text", flag, path);

            Assert.Equal(0, result.Exit);
            Assert.Equal(string.Empty, result.Out);
            Assert.Equal(SampleWarning + "\n", result.Error);
            Assert.Equal(Run("plan", "--regions", Regions, "--retired", Retired, "--format", "text").Out, File.ReadAllText(path));
            Assert.Equal(["plan.txt"], Directory.GetFiles(dir).Select(p => Path.GetFileName(p)).ToArray());
        }
        finally
        {
            Directory.Delete(dir, recursive: true);
        }
    }

    [Fact]
    public void Plan_OutputAndBadInput_LeavesNoFile()
    {
        var dir = TemporaryDirectory();
        try
        {
            var path = Path.Combine(dir, "plan.json");

            var result = Run("plan", "--regions", Regions, "--retired", "data/bad/retired-bad-hex.csv", "--output", path);

            Assert.Equal(2, result.Exit);
            Assert.Empty(Directory.GetFiles(dir));
        }
        finally
        {
            Directory.Delete(dir, recursive: true);
        }
    }

    [Fact]
    public void Plan_OutputAndBadInput_LeavesAnOldFileAsItWas()
    {
        var dir = TemporaryDirectory();
        try
        {
            var path = Path.Combine(dir, "plan.json");
            File.WriteAllText(path, "yesterday's plan");

            var result = Run("plan", "--regions", Regions, "--retired", "data/bad/retired-bad-hex.csv", "--output", path);

            Assert.Equal(2, result.Exit);
            Assert.Equal("yesterday's plan", File.ReadAllText(path));
            Assert.Equal(["plan.json"], Directory.GetFiles(dir).Select(p => Path.GetFileName(p)).ToArray());
        }
        finally
        {
            Directory.Delete(dir, recursive: true);
        }
    }

    [Fact]
    public void Plan_OutputInMissingDirectory_IsAnErrorWithoutStackTrace()
    {
        var path = Path.Combine(Path.GetTempPath(), "egmecc-no-such-dir-" + Guid.NewGuid().ToString("n"), "plan.json");

        var result = Run("plan", "--regions", Regions, "--output", path);

        AssertInputError(result, $"egmecc: error: cannot write {path}: no such directory");
    }

    [Fact]
    public void Plan_OutputIsADirectory_IsAnErrorAndWritesNothingThere()
    {
        var dir = TemporaryDirectory();
        try
        {
            var result = Run("plan", "--regions", Regions, "--output", dir);

            AssertInputError(result, $"egmecc: error: cannot write {dir}: it is a directory");
            Assert.Empty(Directory.GetFileSystemEntries(dir));
        }
        finally
        {
            Directory.Delete(dir, recursive: true);
        }
    }
}
