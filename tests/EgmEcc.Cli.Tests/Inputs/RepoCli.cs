namespace EgmEcc.Cli.Tests;

/// <summary>Runs <c>egmecc</c> in process from the repository root, so paths read as in the docs.</summary>
internal static class RepoCli
{
    static RepoCli()
    {
        RepoRoot = FindRoot();
        Directory.SetCurrentDirectory(RepoRoot);
    }

    /// <summary>The repository root (the folder holding EgmEcc.sln), also the current directory.</summary>
    public static string RepoRoot { get; }

    /// <summary>Runs one command line; returns the exit code and both outputs.</summary>
    public static (int Code, string Out, string Error) Egmecc(params string[] args)
    {
        var output = new StringWriter { NewLine = "\n" };
        var error = new StringWriter { NewLine = "\n" };
        var code = EgmEccCli.Run(args, new CliConsole(output, error, () => Stream.Null));
        return (code, output.ToString(), error.ToString());
    }

    private static string FindRoot()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            if (File.Exists(Path.Combine(dir.FullName, "EgmEcc.sln")))
            {
                return dir.FullName;
            }
        }

        throw new InvalidOperationException("cannot find the repository root (EgmEcc.sln) above " + AppContext.BaseDirectory);
    }
}
