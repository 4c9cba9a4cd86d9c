namespace EgmEcc.Formats.Tests.Layout;

/// <summary>
/// Golden files under the test project's <c>Golden/</c>: compared byte for byte, with a diff of the
/// first differing lines on failure; <c>EGMECC_UPDATE_GOLDEN=1</c> rewrites them in the source tree.
/// </summary>
internal static class Golden
{
    public static string Directory => Path.Combine(AppContext.BaseDirectory, "Golden");

    public static string Read(string relative) => File.ReadAllText(Path.Combine(Directory, relative));

    public static void Check(string relative, string actual)
    {
        if (Environment.GetEnvironmentVariable("EGMECC_UPDATE_GOLDEN") == "1")
        {
            var source = Path.Combine(Repo.Root, "tests", "EgmEcc.Formats.Tests", "Golden", relative);
            System.IO.Directory.CreateDirectory(Path.GetDirectoryName(source)!);
            File.WriteAllText(source, actual);
            return;
        }

        var path = Path.Combine(Directory, relative);
        Assert.True(File.Exists(path), $"golden file {relative} is missing; run with EGMECC_UPDATE_GOLDEN=1 to create it");
        var expected = File.ReadAllText(path);
        if (expected != actual)
        {
            Assert.Fail($"output differs from golden file {relative} (EGMECC_UPDATE_GOLDEN=1 rewrites it):\n{Diff(expected, actual)}");
        }
    }

    private static string Diff(string expected, string actual)
    {
        var e = expected.Split('\n');
        var a = actual.Split('\n');
        var lines = new List<string>();
        for (var i = 0; i < Math.Max(e.Length, a.Length) && lines.Count < 20; i++)
        {
            var left = i < e.Length ? e[i] : "<end of file>";
            var right = i < a.Length ? a[i] : "<end of file>";
            if (left != right)
            {
                lines.Add($"line {i + 1}:\n  - {left}\n  + {right}");
            }
        }

        return string.Join('\n', lines);
    }
}

/// <summary>A temporary directory removed when disposed.</summary>
internal sealed class TempDir : IDisposable
{
    public TempDir() => System.IO.Directory.CreateDirectory(Path);

    public string Path { get; } = System.IO.Path.Combine(System.IO.Path.GetTempPath(), "egmecc-" + Guid.NewGuid().ToString("n"));

    public void Dispose()
    {
        try
        {
            System.IO.Directory.Delete(Path, recursive: true);
        }
        catch (IOException)
        {
        }
    }
}
