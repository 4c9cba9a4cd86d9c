using System.Globalization;
using System.Text.RegularExpressions;

namespace EgmEcc.Formats.Tests.Layout;

/// <summary>A <c>memory</c> or <c>/reserved-memory</c> node read back from a device tree.</summary>
internal sealed record DtMemory(string Name, ulong Address, ulong Size, int? NumaNode, bool NoMap)
{
    public AddressRange Range => AddressRange.FromBaseSize(Address, Size);
}

/// <summary>
/// Compiles device-tree source with the real <c>dtc</c>, decompiles blobs, and reads back the memory
/// nodes from what <c>dtc -O dts</c> prints (two address and two size cells, as on arm <c>virt</c>).
/// </summary>
internal static partial class DeviceTree
{
    /// <summary>Compiles <paramref name="dts"/> to a blob; fails on any error or warning.</summary>
    public static byte[] Compile(string dts, string tempDir)
    {
        var source = Path.Combine(tempDir, "in.dts");
        var blob = Path.Combine(tempDir, "out.dtb");
        File.WriteAllText(source, dts);
        var (exit, _, error) = ExternalTools.Run("dtc", ["-I", "dts", "-O", "dtb", "-o", blob, source]);
        Assert.True(exit == 0 && error.Length == 0, $"dtc failed or warned (exit {exit}):\n{error}");
        return File.ReadAllBytes(blob);
    }

    /// <summary>Decompiles a blob file to source with <c>dtc</c>.</summary>
    public static string Decompile(string blobPath)
    {
        var (exit, output, error) = ExternalTools.Run("dtc", ["-I", "dtb", "-O", "dts", blobPath]);
        Assert.True(exit == 0, $"dtc could not decompile {blobPath}:\n{error}");
        return output;
    }

    /// <summary>The root's <c>memory@</c> nodes.</summary>
    public static IReadOnlyList<DtMemory> MemoryNodes(string decompiled) =>
        [.. Nodes(decompiled, "memory").Where(n => n.Depth == 1).Select(n => n.Node)];

    /// <summary>The children of <c>/reserved-memory</c>.</summary>
    public static IReadOnlyList<DtMemory> ReservedNodes(string decompiled) =>
        [.. Nodes(decompiled, "hole").Where(n => n.Depth == 2).Select(n => n.Node)];

    private static IEnumerable<(int Depth, DtMemory Node)> Nodes(string text, string name)
    {
        foreach (Match m in NodePattern().Matches(text))
        {
            if (m.Groups["name"].Value != name)
            {
                continue;
            }

            var body = m.Groups["body"].Value;
            var reg = RegPattern().Match(body);
            Assert.True(reg.Success, $"node {m.Groups["name"].Value}@{m.Groups["unit"].Value} has no reg with 4 cells");
            var cells = Enumerable.Range(1, 4).Select(i => Cell(reg.Groups[i].Value)).ToArray();
            var address = ((ulong)cells[0] << 32) | cells[1];
            var size = ((ulong)cells[2] << 32) | cells[3];
            var numa = NumaPattern().Match(body);
            var node = new DtMemory(
                $"{name}@{m.Groups["unit"].Value}",
                address,
                size,
                numa.Success ? (int)Cell(numa.Groups[1].Value) : null,
                body.Contains("no-map;", StringComparison.Ordinal));
            Assert.Equal(address.ToString("x", CultureInfo.InvariantCulture), m.Groups["unit"].Value);
            yield return (m.Groups["indent"].Value.Length, node);
        }
    }

    private static uint Cell(string text) =>
        text.StartsWith("0x", StringComparison.Ordinal)
            ? uint.Parse(text.AsSpan(2), NumberStyles.HexNumber, CultureInfo.InvariantCulture)
            : uint.Parse(text, CultureInfo.InvariantCulture);

    // A leaf node: indentation (tabs = depth), name@unit, and a body without nested braces.
    [GeneratedRegex(@"^(?<indent>\t*)(?<name>[a-z-]+)@(?<unit>[0-9a-f]+) \{(?<body>[^{}]*)\};", RegexOptions.Multiline)]
    private static partial Regex NodePattern();

    [GeneratedRegex(@"\breg = <(\S+) (\S+) (\S+) (\S+)>;")]
    private static partial Regex RegPattern();

    [GeneratedRegex(@"\bnuma-node-id = <(\S+)>;")]
    private static partial Regex NumaPattern();
}
