using System.Diagnostics;
using System.Globalization;

namespace EgmEcc.Benchmarks;

/// <summary>
/// The whole command against the plain-C reference (<c>reference/plan.c</c>), side by side in one
/// run: for each record count and format, the C program and the published <c>egmecc plan</c> read
/// the same generated CSVs (<see cref="ReferenceInputs"/>) and write their plans to files, one
/// after the other; each child's CPU time (user + sys) and peak resident set come from
/// <c>/usr/bin/time</c> (its <c>wait4</c> rusage), and the two outputs must be byte-identical.
/// </summary>
/// <remarks>
/// Not run by CI: it takes minutes and needs <c>cc</c>, <c>/usr/bin/time</c> and a published egmecc
/// (<c>dotnet publish src/EgmEcc.Cli -c Release -r linux-x64</c>). A publish folder holding
/// <c>egmecc.dll</c> is a ReadyToRun (JIT) build; one without it is Native AOT; the report says which.
/// </remarks>
internal static class EndToEnd
{
    /// <summary>Usage of the mode.</summary>
    public const string Usage = """
        --quick --only e2e [--records 1000000,10000000] [--formats csv,json] [--repeat 3] [--egmecc PATH] [--seed 13]
        """;

    /// <summary>Runs the side-by-side measurement.</summary>
    public static int Run(string[] args, Func<string, string?> option)
    {
        var counts = (option("--records") ?? "1000000,10000000").Split(',').Select(s => long.Parse(s, CultureInfo.InvariantCulture)).ToArray();
        var formats = (option("--formats") ?? "csv,json").Split(',');
        var repeat = int.Parse(option("--repeat") ?? "3", CultureInfo.InvariantCulture);
        var seed = ulong.Parse(option("--seed") ?? "13", CultureInfo.InvariantCulture);
        var root = RepositoryRoot();
        var egmecc = Path.GetFullPath(option("--egmecc") ?? Path.Combine(root, "src/EgmEcc.Cli/bin/Release/net10.0/linux-x64/publish/egmecc"));
        if (!File.Exists(egmecc))
        {
            Console.Error.WriteLine($"no published egmecc at {egmecc}: run `dotnet publish src/EgmEcc.Cli -c Release -r linux-x64` or pass --egmecc PATH");
            return 2;
        }

        var folder = Path.Combine(Path.GetTempPath(), "egmecc-bench", "e2e");
        Directory.CreateDirectory(folder);
        var reference = Path.Combine(folder, "plan-c");
        Exec("cc", ["-O2", "-o", reference, Path.Combine(root, "tests/EgmEcc.Benchmarks/reference/plan.c")]);
        var build = File.Exists(Path.Combine(Path.GetDirectoryName(egmecc)!, "egmecc.dll")) ? "ReadyToRun (JIT)" : "Native AOT";
        Console.WriteLine($"end to end: egmecc {egmecc} ({build}) against cc -O2 reference/plan.c; {Environment.ProcessorCount} cores; load average {LoadAverage()}");
        Console.WriteLine("  CPU = user + sys of the child (wait4 rusage via /usr/bin/time); best and median of the runs; peak = max RSS");
        foreach (var count in counts)
        {
            var inputs = Path.Combine(folder, $"{count}-{seed}");
            var (regions, retired) = File.Exists(Path.Combine(inputs, "retired.csv"))
                ? (Path.Combine(inputs, "regions.csv"), Path.Combine(inputs, "retired.csv"))
                : ReferenceInputs.Write(inputs, count, seed);
            foreach (var format in formats)
            {
                var cOut = Path.Combine(folder, $"c.{format}");
                var eOut = Path.Combine(folder, $"egmecc.{format}");
                var c = new List<ChildUsage>();
                var e = new List<ChildUsage>();
                for (var i = 0; i < repeat; i++)
                {
                    // Alternated, so both see the same load.
                    c.Add(Timed(reference, [regions, retired, format, cOut]));
                    e.Add(Timed(egmecc, ["plan", "--regions", regions, "--retired", retired, "--format", format, "--output", eOut]));
                }

                var same = FilesEqual(cOut, eOut);
                var output = new FileInfo(eOut).Length;
                Print($"{count:N0} records, {format} ({output / 1e6:N0} MB)", count, c, e, same);
                File.Delete(cOut);
                File.Delete(eOut);
            }
        }

        Console.WriteLine($"load average after: {LoadAverage()}");
        return 0;
    }

    private static void Print(string name, long count, List<ChildUsage> c, List<ChildUsage> e, bool same)
    {
        static ChildUsage Best(List<ChildUsage> runs) => runs.OrderBy(r => r.Cpu).First();
        static double Median(List<ChildUsage> runs, Func<ChildUsage, double> of) => runs.Select(of).Order().ElementAt(runs.Count / 2);
        var (cb, eb) = (Best(c), Best(e));
        var cPeak = c.Max(r => r.PeakKiB);
        var ePeak = e.Max(r => r.PeakKiB);
        Console.WriteLine($"{name}: output {(same ? "byte-identical" : "DIFFERENT")}");
        Console.WriteLine($"  CPU    best  C {cb.Cpu:N2} s, egmecc {eb.Cpu:N2} s: {eb.Cpu / cb.Cpu:N2}x   (median C {Median(c, r => r.Cpu):N2} s, egmecc {Median(e, r => r.Cpu):N2} s: {Median(e, r => r.Cpu) / Median(c, r => r.Cpu):N2}x)");
        Console.WriteLine($"  wall   best  C {c.Min(r => r.Wall):N2} s, egmecc {e.Min(r => r.Wall):N2} s");
        Console.WriteLine($"  peak   C {cPeak / 1024.0:N1} MiB ({cPeak * 1024.0 / count:N1} B/record), egmecc {ePeak / 1024.0:N1} MiB ({ePeak * 1024.0 / count:N1} B/record): {(double)ePeak / cPeak:N2}x");
    }

    private static ChildUsage Timed(string program, string[] arguments)
    {
        var report = Path.Combine(Path.GetTempPath(), $"egmecc-bench-time-{Environment.ProcessId}.txt");
        Exec("/usr/bin/time", ["-f", "%U %S %e %M", "-o", report, program, .. arguments]);
        var fields = File.ReadAllText(report).Trim().Split('\n')[^1].Split(' ');
        File.Delete(report);
        var user = double.Parse(fields[0], CultureInfo.InvariantCulture);
        var sys = double.Parse(fields[1], CultureInfo.InvariantCulture);
        return new ChildUsage(user + sys, double.Parse(fields[2], CultureInfo.InvariantCulture), long.Parse(fields[3], CultureInfo.InvariantCulture));
    }

    private static void Exec(string program, string[] arguments)
    {
        var start = new ProcessStartInfo(program) { UseShellExecute = false, RedirectStandardError = true };
        foreach (var argument in arguments)
        {
            start.ArgumentList.Add(argument);
        }

        using var process = Process.Start(start)!;
        var error = process.StandardError.ReadToEnd();
        process.WaitForExit();
        if (process.ExitCode != 0)
        {
            throw new InvalidOperationException($"{program} {string.Join(' ', arguments)} exited {process.ExitCode}: {error}");
        }
    }

    private static bool FilesEqual(string a, string b)
    {
        using var x = new FileStream(a, FileMode.Open, FileAccess.Read, FileShare.Read, 1 << 16);
        using var y = new FileStream(b, FileMode.Open, FileAccess.Read, FileShare.Read, 1 << 16);
        if (x.Length != y.Length)
        {
            return false;
        }

        var bx = new byte[1 << 16];
        var by = new byte[1 << 16];
        int n;
        while ((n = x.Read(bx)) > 0)
        {
            y.ReadExactly(by, 0, n);
            if (!bx.AsSpan(0, n).SequenceEqual(by.AsSpan(0, n)))
            {
                return false;
            }
        }

        return true;
    }

    private static string LoadAverage() =>
        File.Exists("/proc/loadavg") ? string.Join(' ', File.ReadAllText("/proc/loadavg").Split(' ').Take(3)) : "unknown";

    private static string RepositoryRoot()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            if (File.Exists(Path.Combine(dir.FullName, "EgmEcc.sln")))
            {
                return dir.FullName;
            }
        }

        throw new InvalidOperationException($"no EgmEcc.sln above {AppContext.BaseDirectory}");
    }

    private readonly record struct ChildUsage(double Cpu, double Wall, long PeakKiB);
}
