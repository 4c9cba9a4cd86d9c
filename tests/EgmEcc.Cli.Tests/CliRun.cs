using System.Text;

namespace EgmEcc.Cli.Tests;

/// <summary>Runs the whole command line in process, capturing its streams.</summary>
internal sealed record CliRun(int ExitCode, string Out, string Error)
{
    public static CliRun Of(params string[] args) => With(isTerminal: false, args);

    public static CliRun With(bool isTerminal, params string[] args)
    {
        var output = new StringWriter();
        var error = new StringWriter();
        var code = EgmEccCli.Run(args, new CliConsole(output, error, () => new MemoryStream(Encoding.UTF8.GetBytes(string.Empty)), isTerminal));
        return new CliRun(code, output.ToString(), error.ToString());
    }

    public static string Root { get; } = FindRoot();

    public static string Data(params string[] parts) => Path.Combine([Root, "data", .. parts]);

    public static string TempDirectory()
    {
        var path = Path.Combine(Path.GetTempPath(), "egmecc-cli-tests", Guid.NewGuid().ToString("N"));
        Directory.CreateDirectory(path);
        return path;
    }

    private static string FindRoot()
    {
        var directory = new DirectoryInfo(AppContext.BaseDirectory);
        while (directory is not null && !File.Exists(Path.Combine(directory.FullName, "EgmEcc.sln")))
        {
            directory = directory.Parent;
        }

        return directory?.FullName ?? throw new InvalidOperationException("cannot find EgmEcc.sln");
    }
}
