using System.Globalization;
using EgmEcc.Formats.Output;

namespace EgmEcc.Formats.Tests.Layout;

public partial class LayoutWriterTests
{
    /// <summary>
    /// Runs a real, stock QEMU (no EGM patches) with EgmEcc's <c>qemu</c> options, sparse files
    /// standing in for <c>/dev/egmN</c>, and has it dump its device tree: for each guest node,
    /// EgmEcc's <c>memory</c> pieces lie inside QEMU's own node for it, with the same node id, and
    /// pieces plus holes add up to QEMU's node exactly (stock QEMU's node is the whole span).
    /// </summary>
    [ToolFact("qemu-system-aarch64", "dtc")]
    public void WriteQemu_RealQemu_AcceptsOptionsAndItsNodesEncloseEgmEccPieces()
    {
        var plan = LayoutCases.TwoNode;
        var layout = GuestLayout.Create(plan);
        using var temp = new TempDir();

        var arguments = new List<string>();
        foreach (var line in Render(new PlanQemuWriter(), new LayoutCase("two-node", plan, OutputOptions.Default)).Split('\n'))
        {
            if (line.Length == 0 || line.StartsWith('#'))
            {
                continue;
            }

            var parts = line.Split(' ', 2);
            Assert.Equal(2, parts.Length);
            arguments.Add(parts[0]);
            arguments.Add(StandInForDevices(parts[1], plan, temp.Path));
        }

        var dumped = Path.Combine(temp.Path, "qemu.dtb");
        var (exit, _, error) = ExternalTools.Run(
            "qemu-system-aarch64",
            [
                "-machine", $"virt,dumpdtb={dumped}", "-nodefaults", "-display", "none", "-cpu", "cortex-a57", "-smp", "2",
                "-m", string.Create(CultureInfo.InvariantCulture, $"{layout.TotalBytes >> 20}M"), .. arguments,
            ]);
        Assert.True(exit == 0 && File.Exists(dumped), $"qemu refused the options (exit {exit}):\n{error}");
        var qemuNodes = DeviceTree.MemoryNodes(DeviceTree.Decompile(dumped));

        DeviceTree.Compile(Render(new PlanDtsWriter(), new LayoutCase("two-node", plan, OutputOptions.Default)), temp.Path);
        var pieces = DeviceTree.MemoryNodes(DeviceTree.Decompile(Path.Combine(temp.Path, "out.dtb")));

        Assert.Equal(layout.Nodes.Length, qemuNodes.Count);
        foreach (var node in layout.Nodes)
        {
            var qemu = Assert.Single(qemuNodes, n => n.NumaNode == node.NodeId);
            var mine = pieces.Where(p => p.NumaNode == node.NodeId).ToArray();
            Assert.NotEmpty(mine);
            Assert.All(mine, p => Assert.True(qemu.Range.Encloses(p.Range), $"{p.Name} {p.Range} lies outside QEMU's {qemu.Name} {qemu.Range}"));
            Assert.Equal(qemu.Size, mine.Aggregate(0UL, (total, p) => total + p.Size) + node.ReservedBytes);
        }

        Assert.Equal(pieces.Count, layout.Nodes.Sum(n => n.Memory.Length));
    }

    /// <summary>Points each <c>mem-path=/dev/egmN</c> at a sparse file as large as the region.</summary>
    private static string StandInForDevices(string value, Plan plan, string dir)
    {
        foreach (var region in plan.Regions.Select(r => r.Region))
        {
            var device = $"mem-path={region.DevicePath},";
            if (value.Contains(device, StringComparison.Ordinal))
            {
                var file = Path.Combine(dir, Path.GetFileName(region.DevicePath));
                using (var stream = File.Create(file))
                {
                    stream.SetLength((long)region.Size); // truncate -s: sparse, no blocks written
                }

                value = value.Replace(device, $"mem-path={file},", StringComparison.Ordinal);
            }
        }

        return value;
    }
}
