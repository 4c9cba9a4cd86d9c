using System.Diagnostics;
using System.Globalization;
using System.Runtime.InteropServices;
using System.Text;
using EgmEcc.Cli.Commands;

namespace EgmEcc.Cli.Tests.Commands;

/// <summary>
/// An interrupted <c>--output</c> run leaves no temporary file: the CLI runs as a child process
/// (<c>dotnet egmecc.dll</c>) writing a plan of a million holes, and is sent a signal while the
/// temporary file grows.
/// </summary>
public class OutputTargetSignalTests
{
    [Theory]
    [InlineData(PosixSignal.SIGINT, 130)]
    [InlineData(PosixSignal.SIGTERM, 143)]
    public void ExitCodeOf_Signal_IsTheShellConvention(PosixSignal signal, int code) =>
        Assert.Equal(code, InterruptCleanup.ExitCodeOf(signal));

    // Regression: SIGTERM during '--output' left FILE.egmecc-PID.tmp behind (24-346 MB seen).
    [Theory]
    [InlineData("TERM", 143)]
    [InlineData("INT", 130)]
    public async Task Output_SignalWhileWriting_DeletesTheTemporaryAndExitsWithTheShellCode(string signal, int code)
    {
        var directory = Cli.TemporaryDirectory();
        var retired = Path.Combine(directory, "retired.csv");
        WriteManyHoles(retired, 1_000_000);
        var target = Path.Combine(directory, "plan.json");
        // Through env(1) with both signals back to their default: a test run started in the
        // background by a non-interactive shell inherits SIGINT ignored, and the runtime leaves an
        // ignored signal ignored, so the child would never see the interrupt it is sent.
        var start = new ProcessStartInfo("env") { UseShellExecute = false, RedirectStandardError = true, RedirectStandardOutput = true };
        foreach (var arg in new[] { "--default-signal=INT,TERM", "dotnet", Path.Combine(AppContext.BaseDirectory, "egmecc.dll"), "plan", "--regions", Path.Combine(Repo.Root, Cli.Regions), "--retired", retired, "--output", target })
        {
            start.ArgumentList.Add(arg);
        }

        using var child = Process.Start(start)!;
        var error = child.StandardError.ReadToEndAsync();
        try
        {
            var clock = Stopwatch.StartNew();
            // The write's own temporary, once it has bytes: the check before the work creates and
            // deletes an empty one at once, and a signal aimed at that moment tests nothing here.
            while (!Temporaries(directory).Any(t => new FileInfo(t) is { Exists: true, Length: > 0 }) && !child.HasExited && clock.Elapsed < TimeSpan.FromSeconds(120))
            {
                await Task.Delay(5);
            }

            Assert.True(Temporaries(directory).Length == 1, $"no temporary file appeared (exited: {child.HasExited})");
            using (var kill = Process.Start(new ProcessStartInfo("kill", ["-" + signal, child.Id.ToString(CultureInfo.InvariantCulture)]) { UseShellExecute = false })!)
            {
                kill.WaitForExit();
            }

            Assert.True(child.WaitForExit(TimeSpan.FromSeconds(60)), "the interrupted run did not end");
            Assert.Equal(code, child.ExitCode);
            Assert.Empty(Temporaries(directory));
            Assert.False(File.Exists(target));
            Assert.DoesNotContain("Exception", await error, StringComparison.Ordinal);
        }
        finally
        {
            if (!child.HasExited)
            {
                child.Kill();
            }
        }
    }

    private static string[] Temporaries(string directory) => Directory.GetFiles(directory, "*.egmecc-*.tmp");

    /// <summary>Records one granule apart in the first region, so the plan lists one hole each.</summary>
    private static void WriteManyHoles(string path, int count)
    {
        using var writer = new StreamWriter(path, append: false, Encoding.ASCII, 1 << 20);
        writer.Write("address\n");
        for (var i = 0; i < count; i++)
        {
            writer.Write("0x");
            writer.Write((0x20_0000_0000UL + ((ulong)i * 0x2_0000)).ToString("x", CultureInfo.InvariantCulture));
            writer.Write('\n');
        }
    }
}
