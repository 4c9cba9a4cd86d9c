using System.Reflection;
using System.Text;

namespace EgmEcc.Tests;

/// <summary>
/// Byte-for-byte comparison with the files in the test project's <c>Golden/</c> (copied next to
/// the test binary). On a difference the failure shows a line diff. <c>EGMECC_UPDATE_GOLDEN=1</c>
/// rewrites the files in the source tree instead (review the change with <c>git diff</c> before
/// committing it). One copy, shared by every test project.
/// </summary>
internal static class Golden
{
    private const string Folder = "Golden";

    /// <summary>True when the run rewrites golden files instead of comparing.</summary>
    public static bool Updating => Environment.GetEnvironmentVariable("EGMECC_UPDATE_GOLDEN") == "1";

    /// <summary>The golden files beside the test binary.</summary>
    public static string Directory => Path.Combine(AppContext.BaseDirectory, Folder);

    // The test project this copy is compiled into: tests/<assembly>/Golden is where updates go.
    private static string SourceDirectory => Path.Combine(Repo.Root, "tests", Assembly.GetExecutingAssembly().GetName().Name!, Folder);

    /// <summary>An input kept beside the golden outputs.</summary>
    public static byte[] Input(string relative) => File.ReadAllBytes(Path.Combine(Directory, relative));

    /// <summary>A golden file's text.</summary>
    public static string Read(string relative) => File.ReadAllText(Path.Combine(Directory, relative));

    /// <summary>True when the golden file exists (in the source tree, so a new one counts before a rebuild copies it).</summary>
    public static bool Exists(string relative) => File.Exists(Path.Combine(SourceDirectory, relative));

    /// <summary>Fails unless <paramref name="actual"/> (as UTF-8 without a BOM) is the golden file byte for byte.</summary>
    public static void Check(string relative, string actual)
    {
        var actualBytes = new UTF8Encoding(encoderShouldEmitUTF8Identifier: false).GetBytes(actual);
        if (Updating)
        {
            var source = Path.Combine(SourceDirectory, relative);
            System.IO.Directory.CreateDirectory(Path.GetDirectoryName(source)!);
            File.WriteAllBytes(source, actualBytes);
            return;
        }

        var path = Path.Combine(Directory, relative);
        if (!File.Exists(path))
        {
            Assert.Fail($"golden file {Folder}/{relative} is missing; create it with EGMECC_UPDATE_GOLDEN=1 dotnet test and review git diff");
        }

        var expectedBytes = File.ReadAllBytes(path);
        if (!expectedBytes.AsSpan().SequenceEqual(actualBytes))
        {
            Assert.Fail($"output differs from {Folder}/{relative} (- golden, + actual); if the change is intended, rerun with EGMECC_UPDATE_GOLDEN=1 and review git diff\n"
                + Diff(Encoding.UTF8.GetString(expectedBytes), actual));
        }
    }

    /// <summary>A unified-style line diff (longest common subsequence), with two lines of context.</summary>
    public static string Diff(string expected, string actual)
    {
        string[] a = Lines(expected), b = Lines(actual);
        if ((long)a.Length * b.Length > 4_000_000)
        {
            var first = Enumerable.Range(0, Math.Min(a.Length, b.Length)).FirstOrDefault(i => a[i] != b[i], Math.Min(a.Length, b.Length));
            return $"first difference at line {first + 1}:\n- {a.ElementAtOrDefault(first)}\n+ {b.ElementAtOrDefault(first)}";
        }

        var lcs = new int[a.Length + 1, b.Length + 1];
        for (var i = a.Length - 1; i >= 0; i--)
        {
            for (var j = b.Length - 1; j >= 0; j--)
            {
                lcs[i, j] = a[i] == b[j] ? lcs[i + 1, j + 1] + 1 : Math.Max(lcs[i + 1, j], lcs[i, j + 1]);
            }
        }

        var ops = new List<(char Op, string Line, int LineA)>();
        int x = 0, y = 0;
        while (x < a.Length || y < b.Length)
        {
            if (x < a.Length && y < b.Length && a[x] == b[y])
            {
                ops.Add((' ', a[x], x + 1));
                x++;
                y++;
            }
            else if (x < a.Length && (y == b.Length || lcs[x + 1, y] >= lcs[x, y + 1]))
            {
                ops.Add(('-', a[x], x + 1));
                x++;
            }
            else
            {
                ops.Add(('+', b[y++], x + 1));
            }
        }

        // Show every change with two lines of context around it; "@@" marks skipped lines.
        var show = new bool[ops.Count];
        for (var k = 0; k < ops.Count; k++)
        {
            if (ops[k].Op != ' ')
            {
                for (var m = Math.Max(0, k - 2); m <= Math.Min(ops.Count - 1, k + 2); m++)
                {
                    show[m] = true;
                }
            }
        }

        var text = new StringBuilder();
        for (var k = 0; k < ops.Count; k++)
        {
            if (!show[k])
            {
                continue;
            }

            if (k == 0 || !show[k - 1])
            {
                text.Append("@@ golden line ").Append(ops[k].LineA).Append(" @@\n");
            }

            text.Append(ops[k].Op).Append(' ').Append(ops[k].Line).Append('\n');
        }

        return text.ToString();
    }

    // Line ends are made visible so a CRLF or a missing final newline shows in the diff.
    private static string[] Lines(string text)
    {
        var lines = text.Replace("\r", "\\r", StringComparison.Ordinal).Split('\n');
        if (lines[^1].Length == 0)
        {
            return lines[..^1];
        }

        lines[^1] += " (no newline at end)";
        return lines;
    }
}
