using System.Text;

namespace EgmEcc.Formats.Tests.Reports;

/// <summary>
/// Byte-for-byte comparison with files under <c>Golden/</c>. Set <c>EGMECC_UPDATE_GOLDEN=1</c> to
/// rewrite them (in the source tree) deliberately; a mismatch shows the first differing lines.
/// </summary>
internal static class Golden
{
    public static void AssertMatches(string name, string actual)
    {
        if (Environment.GetEnvironmentVariable("EGMECC_UPDATE_GOLDEN") == "1")
        {
            File.WriteAllText(Path.Combine(Repo.Root, "tests/EgmEcc.Formats.Tests/Golden", name), actual, new UTF8Encoding(false));
            return;
        }

        var path = Path.Combine(AppContext.BaseDirectory, "Golden", name);
        Assert.True(File.Exists(path), $"golden file {name} is missing; run with EGMECC_UPDATE_GOLDEN=1 to create it");
        var expected = File.ReadAllText(path);
        if (expected == actual)
        {
            return;
        }

        var e = expected.Split('\n');
        var a = actual.Split('\n');
        var line = 0;
        while (line < e.Length && line < a.Length && e[line] == a[line])
        {
            line++;
        }

        var diff = new StringBuilder($"{name} differs from its golden file at line {line + 1} (EGMECC_UPDATE_GOLDEN=1 to accept):\n");
        for (var i = Math.Max(0, line - 2); i < Math.Min(Math.Max(e.Length, a.Length), line + 4); i++)
        {
            if (i < e.Length && (i >= a.Length || e[i] != a[i]))
            {
                diff.Append("- ").Append(e[i]).Append('\n');
            }

            if (i < a.Length && (i >= e.Length || e[i] != a[i]))
            {
                diff.Append("+ ").Append(a[i]).Append('\n');
            }

            if (i < e.Length && i < a.Length && e[i] == a[i])
            {
                diff.Append("  ").Append(e[i]).Append('\n');
            }
        }

        Assert.Fail(diff.ToString());
    }
}
