using System.Diagnostics;
using System.Text;

namespace EgmEcc.Cli.Tests.Native;

/// <summary>
/// The Native AOT <c>egmecc</c> of each runtime identifier, published once per test run (on first
/// use) with the README's command into a temporary folder, and removed after the run.
/// </summary>
/// <remarks>
/// The publish gets its own artifacts path (obj, bin and the restore's assets file), so it never
/// writes where the Debug build these tests run from lives. Publishes are serialised: each uses
/// every core for a minute or so. No MSBuild node or compiler server outlives a publish, so none
/// holds this process's pipes or the folder.
/// </remarks>
public sealed class NativeBuilds : IDisposable
{
    private static readonly TimeSpan PublishTimeout = TimeSpan.FromMinutes(15);

    private readonly TempDir root = new();
    private readonly Lock gate = new();
    private readonly Lock publishing = new();
    private readonly Dictionary<string, Lazy<Published>> published = new(StringComparer.Ordinal);

    /// <summary>The published executable of <paramref name="runtime"/> (<c>linux-x64</c>, <c>linux-arm64</c>), publishing it on first use.</summary>
    public Published Of(string runtime)
    {
        Lazy<Published> build;
        lock (gate)
        {
            if (!published.TryGetValue(runtime, out build!))
            {
                build = new Lazy<Published>(() => Publish(runtime), LazyThreadSafetyMode.ExecutionAndPublication);
                published.Add(runtime, build);
            }
        }

        return build.Value;
    }

    public void Dispose() => root.Dispose();

    private Published Publish(string runtime)
    {
        // One publish at a time, whichever runtime asks first.
        lock (publishing)
        {
            var output = Path.Combine(root.Path, runtime);
            var dotnet = ExternalTools.Find("dotnet") ?? throw new Xunit.Sdk.XunitException("dotnet is not on PATH");
            string[] arguments =
            [
                "publish", Repo.PathOf("src/EgmEcc.Cli/EgmEcc.Cli.csproj"), "-r", runtime,
                "--artifacts-path", Path.Combine(root.Path, "artifacts"), "-o", output,
                "-nodeReuse:false", "-p:UseSharedCompilation=false",
            ];
            var clock = Stopwatch.StartNew();
            var run = Start(dotnet, arguments, Repo.Root, input: [], PublishTimeout, environment =>
            {
                // The test host may carry the outer build's MSBuild settings; the publish is a build of its own.
                foreach (var name in environment.Keys.Where(k => k.StartsWith("MSBUILD", StringComparison.OrdinalIgnoreCase)).ToArray())
                {
                    environment.Remove(name);
                }

                environment["MSBUILDDISABLENODEREUSE"] = "1";
                environment["DOTNET_CLI_TELEMETRY_OPTOUT"] = "1";
                environment["DOTNET_NOLOGO"] = "1";
            });
            var executable = Path.Combine(output, "egmecc");
            if (run.Exit != 0 || !File.Exists(executable))
            {
                throw new Xunit.Sdk.XunitException($"dotnet {string.Join(' ', arguments)} failed (exit {run.Exit}):\n{Tail(run.Out)}{Tail(run.Error)}");
            }

            // Runs use a copy of the executable alone in a folder: nothing published beside it is needed.
            var alone = Path.Combine(root.Path, "alone-" + runtime);
            Directory.CreateDirectory(alone);
            var copy = Path.Combine(alone, "egmecc");
            File.Copy(executable, copy);
            return new Published(runtime, output, copy, clock.Elapsed);
        }
    }

    /// <summary>Runs <paramref name="program"/> to completion with <paramref name="input"/> on standard input.</summary>
    internal static CliResult Start(string program, IEnumerable<string> arguments, string workDir, byte[] input, TimeSpan timeout, Action<IDictionary<string, string?>>? environment = null)
    {
        var start = new ProcessStartInfo(program)
        {
            RedirectStandardInput = true,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            StandardOutputEncoding = new UTF8Encoding(false),
            StandardErrorEncoding = new UTF8Encoding(false),
            UseShellExecute = false,
            WorkingDirectory = workDir,
        };
        foreach (var argument in arguments)
        {
            start.ArgumentList.Add(argument);
        }

        environment?.Invoke(start.Environment);
        var clock = Stopwatch.StartNew();
        using var process = Process.Start(start)!;
        var stdout = process.StandardOutput.ReadToEndAsync();
        var stderr = process.StandardError.ReadToEndAsync();
        try
        {
            process.StandardInput.BaseStream.Write(input);
            process.StandardInput.Close();
        }
        catch (IOException)
        {
            // The program exited without reading all its input (an error at the first line): what it wrote is what counts.
        }

        if (!process.WaitForExit(timeout))
        {
            process.Kill(entireProcessTree: true);
            throw new Xunit.Sdk.XunitException($"{program} {string.Join(' ', start.ArgumentList)} did not finish in {timeout}");
        }

        process.WaitForExit();
        return new CliResult(process.ExitCode, stdout.Result, stderr.Result, clock.Elapsed);
    }

    private static string Tail(string text) => text.Length <= 6000 ? text : "...\n" + text[^6000..];
}

/// <summary>One published native <c>egmecc</c>.</summary>
/// <param name="Runtime">Its runtime identifier.</param>
/// <param name="PublishDirectory">The folder <c>dotnet publish -o</c> wrote.</param>
/// <param name="Executable">A copy of the executable, alone in a folder of its own.</param>
/// <param name="PublishTime">How long the publish took (shown by the tests, to keep an eye on CI time).</param>
public sealed record Published(string Runtime, string PublishDirectory, string Executable, TimeSpan PublishTime);

/// <summary>The tests of published binaries share one <see cref="NativeBuilds"/> and run one class at a time.</summary>
[CollectionDefinition(Name)]
public sealed class NativeCollection : ICollectionFixture<NativeBuilds>
{
    public const string Name = "native binaries";
}
