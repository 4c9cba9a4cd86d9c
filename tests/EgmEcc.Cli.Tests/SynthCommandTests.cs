namespace EgmEcc.Cli.Tests;

public class SynthCommandTests
{
    [Fact]
    public void Synth_SameSeed_SameFiles()
    {
        var a = Cli.TemporaryDirectory();
        var b = Cli.TemporaryDirectory();
        Assert.Equal(0, Cli.Run("synth", "--hosts", "5", "--records", "500", "--seed", "4", "-o", a).Exit);
        Assert.Equal(0, Cli.Run("synth", "--hosts", "5", "--records", "500", "--seed", "4", "-o", b).Exit);
        Assert.Equal(File.ReadAllBytes(Path.Combine(a, "retired.csv")), File.ReadAllBytes(Path.Combine(b, "retired.csv")));
        Assert.Equal(File.ReadAllBytes(Path.Combine(a, "regions.csv")), File.ReadAllBytes(Path.Combine(b, "regions.csv")));
    }

    [Fact]
    public void Synth_TreeAndCsv_PlanToTheSameFleet()
    {
        var csv = Cli.TemporaryDirectory();
        var tree = Cli.TemporaryDirectory();
        var made = Cli.Run("synth", "--hosts", "6", "--records", "900", "-o", csv);
        Assert.Contains("hosts=6 sockets=2 records=900 seed=1", made.Out);
        Cli.Run("synth", "--hosts", "6", "--records", "900", "-o", tree, "--layout", "tree");
        Assert.Equal(6, Directory.GetDirectories(tree).Length);

        var fromCsv = Cli.Run("fleet", "--regions", Path.Combine(csv, "regions.csv"), "--retired", Path.Combine(csv, "retired.csv"), "--format", "csv");
        var fromTree = Cli.Run("fleet", "--dir", tree, "--format", "csv");
        Assert.Equal(0, fromCsv.Exit);
        Assert.Equal(fromCsv.Out, fromTree.Out);
        Assert.Contains(",900,", fromCsv.Out.Split('\n').First(l => l.StartsWith("fleet,", StringComparison.Ordinal)));
    }

    [Fact]
    public void Synth_BadCount_IsAUsageError()
    {
        var run = Cli.Run("synth", "--hosts", "0", "-o", Cli.TemporaryDirectory());
        Assert.Equal(1, run.Exit);
        Assert.Contains("--hosts", run.Error);
    }

    [Fact]
    public void Synth_Again_ReplacesTheFleetAndLeavesNothingAside()
    {
        var parent = Cli.TemporaryDirectory();
        var tree = Path.Combine(parent, "tree");
        Assert.Equal(0, Cli.Run("synth", "--hosts", "3", "--records", "30", "-o", tree, "--layout", "tree").Exit);
        Assert.Equal(0, Cli.Run("synth", "--hosts", "3", "--records", "99", "--seed", "2", "-o", tree, "--layout", "tree", "--force").Exit);

        var fleet = Cli.Run("fleet", "--dir", tree, "--format", "csv");
        Assert.Contains(",99,", fleet.Out.Split('\n').First(l => l.StartsWith("fleet,", StringComparison.Ordinal)));
        Assert.Equal(["tree"], Directory.EnumerateFileSystemEntries(parent).Select(p => Path.GetFileName(p)!).ToArray());
    }

    // Regression: synth wrote over a folder that was not empty, and left the old fleet's other host folders in it.
    [Fact]
    public void Synth_NonEmptyDirectory_IsRefusedWithoutForce()
    {
        var tree = Path.Combine(Cli.TemporaryDirectory(), "tree");
        Assert.Equal(0, Cli.Run("synth", "--hosts", "5", "--records", "50", "-o", tree, "--layout", "tree").Exit);
        var before = Directory.EnumerateFileSystemEntries(tree, "*", SearchOption.AllDirectories).Order().ToArray();

        var run = Cli.Run("synth", "--hosts", "3", "--records", "30", "-o", tree, "--layout", "tree");

        Assert.Equal(2, run.Exit);
        Assert.Equal(string.Empty, run.Out);
        Assert.Equal($"egmecc: error: cannot write {tree}: the directory is not empty; --force replaces its contents\n", run.Error);
        Assert.Equal(before, Directory.EnumerateFileSystemEntries(tree, "*", SearchOption.AllDirectories).Order().ToArray());
    }

    [Fact]
    public void Synth_Force_LeavesOnlyTheNewFleet()
    {
        var tree = Path.Combine(Cli.TemporaryDirectory(), "tree");
        Assert.Equal(0, Cli.Run("synth", "--hosts", "5", "--records", "50", "-o", tree, "--layout", "tree").Exit);
        File.WriteAllText(Path.Combine(tree, "notes.txt"), "old");

        var run = Cli.Run("synth", "--hosts", "3", "--records", "30", "-o", tree, "--layout", "tree", "--force");

        Assert.Equal(0, run.Exit);
        Assert.Equal(["host-0001", "host-0002", "host-0003"], Directory.EnumerateFileSystemEntries(tree).Select(p => Path.GetFileName(p)!).Order().ToArray());
        Assert.Contains("fleet (3 hosts)", Cli.Run("fleet", "--dir", tree).Out, StringComparison.Ordinal);
    }

    [Fact]
    public void Synth_UnwritableDirectory_IsAnInputErrorAndWritesNothing()
    {
        var parent = Cli.TemporaryDirectory();
        var file = Path.Combine(parent, "a-file");
        File.WriteAllText(file, "x");

        var run = Cli.Run("synth", "--hosts", "2", "-o", file);

        Assert.Equal(2, run.Exit);
        Assert.Equal($"egmecc: error: cannot write {file}: it is a file, not a directory\n", run.Error);
        Assert.Equal(["a-file"], Directory.EnumerateFileSystemEntries(parent).Select(p => Path.GetFileName(p)!).ToArray());
        Assert.Equal("x", File.ReadAllText(file));
    }

    [Theory]
    [InlineData("-", "egmecc: error: --output: synth writes a directory of files, not standard output ('-')")]
    [InlineData("", "egmecc: error: --output needs a directory name, not ''")]
    public void Synth_OutputNotADirectoryName_IsAUsageError(string output, string line)
    {
        var run = Cli.Run("synth", "-o", output);

        Assert.Equal(1, run.Exit);
        Assert.Equal(line, run.Error.Split('\n')[0]);
    }
}
