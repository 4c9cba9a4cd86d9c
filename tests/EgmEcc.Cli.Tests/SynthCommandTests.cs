namespace EgmEcc.Cli.Tests;

public class SynthCommandTests
{
    [Fact]
    public void Synth_SameSeed_SameFiles()
    {
        var a = CliRun.TempDirectory();
        var b = CliRun.TempDirectory();
        Assert.Equal(0, CliRun.Of("synth", "--hosts", "5", "--records", "500", "--seed", "4", "-o", a).ExitCode);
        Assert.Equal(0, CliRun.Of("synth", "--hosts", "5", "--records", "500", "--seed", "4", "-o", b).ExitCode);
        Assert.Equal(File.ReadAllBytes(Path.Combine(a, "retired.csv")), File.ReadAllBytes(Path.Combine(b, "retired.csv")));
        Assert.Equal(File.ReadAllBytes(Path.Combine(a, "regions.csv")), File.ReadAllBytes(Path.Combine(b, "regions.csv")));
    }

    [Fact]
    public void Synth_TreeAndCsv_PlanToTheSameFleet()
    {
        var csv = CliRun.TempDirectory();
        var tree = CliRun.TempDirectory();
        var made = CliRun.Of("synth", "--hosts", "6", "--records", "900", "-o", csv);
        Assert.Contains("hosts=6 sockets=2 records=900 seed=1", made.Out);
        CliRun.Of("synth", "--hosts", "6", "--records", "900", "-o", tree, "--layout", "tree");
        Assert.Equal(6, Directory.GetDirectories(tree).Length);

        var fromCsv = CliRun.Of("fleet", "--regions", Path.Combine(csv, "regions.csv"), "--retired", Path.Combine(csv, "retired.csv"), "--format", "csv");
        var fromTree = CliRun.Of("fleet", "--dir", tree, "--format", "csv");
        Assert.Equal(0, fromCsv.ExitCode);
        Assert.Equal(fromCsv.Out, fromTree.Out);
        Assert.Contains(",900,", fromCsv.Out.Split('\n').First(l => l.StartsWith("fleet,", StringComparison.Ordinal)));
    }

    [Fact]
    public void Synth_BadCount_IsAUsageError()
    {
        var run = CliRun.Of("synth", "--hosts", "0", "-o", CliRun.TempDirectory());
        Assert.Equal(1, run.ExitCode);
        Assert.Contains("--hosts", run.Error);
    }
}
