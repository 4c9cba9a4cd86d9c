namespace EgmEcc.Tests;

/// <summary>The repository the tests run in, found by walking up from the test binary (shared by every test project).</summary>
internal static class Repo
{
    public static string Root { get; } = Find();

    public static string PathOf(string relative) => Path.Combine(Root, relative);

    /// <summary>The path of a file of <c>data/samples/</c>.</summary>
    public static string Sample(string name) => Path.Combine(Root, "data", "samples", name);

    private static string Find()
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
}
