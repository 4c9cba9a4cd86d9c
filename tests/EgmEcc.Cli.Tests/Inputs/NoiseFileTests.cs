using System.Diagnostics;

namespace EgmEcc.Cli.Tests;

/// <summary>
/// A 100 MB file of seeded noise, generated per test run (never committed): every reader refuses
/// it with exit 2 within a second, in flat memory, because they stream through fixed buffers.
/// </summary>
public sealed class NoiseFileTests : IClassFixture<NoiseFileTests.NoiseFiles>
{
    private const long NoiseBytes = 100L * 1000 * 1000;
    private const long FlatBytes = 16L << 20;
    private readonly NoiseFiles files;

    public NoiseFileTests(NoiseFiles files) => this.files = files;

    [Theory]
    [InlineData(null)]
    [InlineData("fwtable")]
    [InlineData("ioctl")]
    [InlineData("kmsg")]
    [InlineData("csv")]
    [InlineData("json")]
    public void Plan_BinaryNoiseAsRetired_ExitsTwoFastInFlatMemory(string? format)
    {
        string[] args = ["plan", "--regions", "data/samples/grace-2s.regions.csv", "--retired", files.Binary, "--region", "egm0"];
        Check(format is null ? args : [.. args, "--retired-format", format]);
    }

    [Theory]
    [InlineData(null)]
    [InlineData("acpi")]
    [InlineData("aml")]
    [InlineData("json")]
    public void Plan_BinaryNoiseAsRegions_ExitsTwoFastInFlatMemory(string? format)
    {
        string[] args = ["plan", "--regions", files.Binary];
        Check(format is null ? args : [.. args, "--regions-format", format]);
    }

    /// <summary>Standard input is peeked for detection, then streamed: never copied whole into memory.</summary>
    [Theory]
    [InlineData(null)]
    [InlineData("csv")]
    [InlineData("json")]
    [InlineData("kmsg")]
    [InlineData("ioctl")]
    public void Plan_BinaryNoiseOnStandardInput_ExitsTwoFastInFlatMemory(string? format)
    {
        string[] args = ["plan", "--regions", "data/samples/grace-2s.regions.csv", "--retired", "-", "--region", "egm0"];
        Check(format is null ? args : [.. args, "--retired-format", format], () => new NonSeekableStream(File.OpenRead(files.Binary)));
    }

    [Fact]
    public void Plan_TextNoiseOnStandardInputAsKernelLog_StreamsToTheBadLastLine()
    {
        var (_, error) = Check(
            ["plan", "--regions", "data/samples/grace-2s.regions.csv", "--retired", "-", "--retired-format", "kmsg"],
            () => new NonSeekableStream(File.OpenRead(files.Text)));

        Assert.StartsWith("egmecc: error: -:", error, StringComparison.Ordinal);
        Assert.EndsWith("'Memory failure:' is followed by '0xnoise', which is not a 64-bit hexadecimal number", error.TrimEnd('\n'), StringComparison.Ordinal);
    }

    [Fact]
    public void Plan_TextNoiseAsKernelLog_StreamsToTheBadLastLine()
    {
        var (_, error) = Check(["plan", "--regions", "data/samples/grace-2s.regions.csv", "--retired", files.Text, "--retired-format", "kmsg"]);

        Assert.EndsWith("'Memory failure:' is followed by '0xnoise', which is not a 64-bit hexadecimal number", error.TrimEnd('\n'), StringComparison.Ordinal);
    }

    private static (int Code, string Error) Check(string[] args, Func<Stream>? standardInput = null)
    {
        Cli.Run(["plan", "--regions", "data/samples/grace-2s.regions.csv"]);
        var before = GC.GetAllocatedBytesForCurrentThread();
        var watch = Stopwatch.StartNew();
        var (code, _, error) = Cli.RunWith(standardInput ?? (() => Stream.Null), errorIsTerminal: false, args);
        watch.Stop();
        var allocated = GC.GetAllocatedBytesForCurrentThread() - before;

        Assert.True(code == 2, $"exit {code}: {error}");
        Assert.StartsWith("egmecc: error: ", error, StringComparison.Ordinal);
        // A guard against a hang or quadratic work, not a speed figure (the benchmarks measure speed):
        // 100 MB streams in well under a second on a quiet machine, but a shared CI core can be slow.
        Assert.True(watch.Elapsed < TimeSpan.FromSeconds(10), $"took {watch.Elapsed}");
        Assert.True(allocated < FlatBytes, $"allocated {allocated:N0} bytes reading {NoiseBytes:N0}");
        return (code, error);
    }

    /// <summary>The two noise files, written once for the class into a temporary folder.</summary>
    public sealed class NoiseFiles : IDisposable
    {
        private readonly string folder = Directory.CreateTempSubdirectory("egmecc-noise-").FullName;

        public NoiseFiles()
        {
            Binary = Path.Combine(folder, "noise.bin");
            Text = Path.Combine(folder, "noise.log");
            var random = new Random(20261121);
            var chunk = new byte[1 << 20];
            using (var binary = File.Create(Binary))
            {
                for (long written = 0; written < NoiseBytes; written += chunk.Length)
                {
                    random.NextBytes(chunk);
                    binary.Write(chunk, 0, (int)Math.Min(chunk.Length, NoiseBytes - written));
                }
            }

            // Printable lines of random length: a kernel log of nothing, with one bad line at the very end.
            using var text = File.Create(Text);
            for (long written = 0; written < NoiseBytes; written += chunk.Length)
            {
                random.NextBytes(chunk);
                for (var i = 0; i < chunk.Length; i++)
                {
                    chunk[i] = chunk[i] < 3 ? (byte)'\n' : (byte)(' ' + (chunk[i] % 95));
                }

                text.Write(chunk);
            }

            text.Write("\nMemory failure: 0xnoise: recovery action for free buddy page: Recovered\n"u8);
        }

        public string Binary { get; }

        public string Text { get; }

        public void Dispose() => Directory.Delete(folder, recursive: true);
    }
}
