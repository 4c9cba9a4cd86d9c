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

        var qemuNodes = DeviceTree.MemoryNodes(RunQemu(plan, temp.Path, "qemu.dtb"));

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

        // With --reserved-memory, EgmEcc's memory nodes are QEMU's own, exactly.
        DeviceTree.Compile(Render(new PlanDtsWriter(), new LayoutCase("two-node", plan, new OutputOptions { ReservedMemory = true })), temp.Path);
        var whole = DeviceTree.MemoryNodes(DeviceTree.Decompile(Path.Combine(temp.Path, "out.dtb")));
        Assert.Equal(qemuNodes.Select(n => (n.Range, n.NumaNode)).OrderBy(n => n.Range.Start), whole.Select(n => (n.Range, n.NumaNode)).OrderBy(n => n.Range.Start));
    }

    /// <summary>
    /// A guest size that is not a multiple of the guest page: QEMU takes it (it rounds sizes to 8 KiB)
    /// and starts the next node between guest pages; EgmEcc's pieces stay on whole guest pages inside
    /// QEMU's nodes, and pieces plus reserved bytes (holes and the cut partial pages) still make QEMU's node.
    /// </summary>
    [ToolFact("qemu-system-aarch64", "dtc")]
    public void WriteQemu_GuestSizeNotGuestPageAligned_RealQemuNodesEncloseWholePagePieces()
    {
        var here = SourceLocation.AtLine("test", 1);
        var plan = Planner.Create(
            RegionSet.Create(
            [
                new Region("egm0", 0, 0x20_0000_0000, 32UL << 20, here, guestSize: (16UL << 20) + 0x2000),
                new Region("egm1", 1, 0x40_0000_0000, 16UL << 20, here),
            ]),
            [RetiredRecord.InRegion("egm1", 0x10_0000, 0, here)],
            PlanOptions.Default);
        var layout = GuestLayout.Create(plan);
        using var temp = new TempDir();

        var qemuNodes = DeviceTree.MemoryNodes(RunQemu(plan, temp.Path, "qemu.dtb"));
        DeviceTree.Compile(Render(new PlanDtsWriter(), new LayoutCase("unaligned", plan, OutputOptions.Default)), temp.Path);
        var pieces = DeviceTree.MemoryNodes(DeviceTree.Decompile(Path.Combine(temp.Path, "out.dtb")));

        Assert.Equal(0x4100_2000UL, Assert.Single(qemuNodes, n => n.NumaNode == 1).Range.Start);
        Assert.All(pieces, p => Assert.Equal((0UL, 0UL), (p.Range.Start % PlanOptions.Page64K, p.Size % PlanOptions.Page64K)));
        foreach (var node in layout.Nodes)
        {
            var qemu = Assert.Single(qemuNodes, n => n.NumaNode == node.NodeId);
            var mine = pieces.Where(p => p.NumaNode == node.NodeId).ToArray();
            Assert.All(mine, p => Assert.True(qemu.Range.Encloses(p.Range), $"{p.Name} {p.Range} lies outside QEMU's {qemu.Name} {qemu.Range}"));
            Assert.Equal(qemu.Size, mine.Aggregate(0UL, (total, p) => total + p.Size) + node.ReservedBytes);
        }

        // With --reserved-memory the memory nodes are QEMU's own and the holes plus the cut partial pages are no-map nodes.
        DeviceTree.Compile(Render(new PlanDtsWriter(), new LayoutCase("unaligned", plan, new OutputOptions { ReservedMemory = true })), temp.Path);
        var reserved = DeviceTree.Decompile(Path.Combine(temp.Path, "out.dtb"));
        Assert.Equal(qemuNodes.Select(n => (n.Range, n.NumaNode)).OrderBy(n => n.Range.Start), DeviceTree.MemoryNodes(reserved).Select(n => (n.Range, n.NumaNode)).OrderBy(n => n.Range.Start));
        Assert.Equal(layout.Nodes.SelectMany(n => n.Reserved), DeviceTree.ReservedNodes(reserved).Select(r => r.Range).OrderBy(r => r.Start));

        // Node 1 starts 0x2000 past a page boundary: each of its two extents loses 0xe000 at its start and 0x2000 at its end.
        Assert.Equal([0x2000UL, 0x2_0000UL], layout.Nodes.Select(n => n.TrimmedBytes).ToArray());
    }

    /// <summary>
    /// What docs/layouts.md tells stock-QEMU users: merge the <c>--reserved-memory</c> tree into
    /// QEMU's own and boot with <c>-dtb</c>; QEMU rewrites the memory nodes but keeps EgmEcc's holes.
    /// </summary>
    [ToolFact("qemu-system-aarch64", "dtc")]
    public void WriteDts_ReservedMemoryMergedIntoQemuTree_StockQemuKeepsHoles()
    {
        var plan = LayoutCases.TwoNode;
        var layout = GuestLayout.Create(plan);
        using var temp = new TempDir();
        var own = RunQemu(plan, temp.Path, "virt.dtb");
        var egm = Render(new PlanDtsWriter(), new LayoutCase("two-node", plan, new OutputOptions { ReservedMemory = true }));
        var merged = Path.Combine(temp.Path, "guest.dts");
        File.WriteAllText(merged, own + egm[egm.IndexOf("\n/ {", StringComparison.Ordinal)..]);
        var guest = Path.Combine(temp.Path, "guest.dtb");
        var (exit, _, error) = ExternalTools.Run("dtc", ["-q", "-I", "dts", "-O", "dtb", "-o", guest, merged]);
        Assert.True(exit == 0, error);

        var booted = RunQemu(plan, temp.Path, "again.dtb", "-dtb", guest);

        Assert.Equal(layout.Nodes.SelectMany(n => n.Reserved), DeviceTree.ReservedNodes(booted).Select(r => r.Range).OrderBy(r => r.Start));
        Assert.Equal(DeviceTree.MemoryNodes(own).Select(n => n.Range).OrderBy(r => r.Start), DeviceTree.MemoryNodes(booted).Select(n => n.Range).OrderBy(r => r.Start));
    }

    /// <summary>Runs stock QEMU with EgmEcc's <c>qemu</c> options for <paramref name="plan"/>; returns the device tree it dumps, decompiled.</summary>
    private static string RunQemu(Plan plan, string dir, string dumpName, params string[] extra)
    {
        var arguments = new List<string>();
        foreach (var line in Render(new PlanQemuWriter(), new LayoutCase("qemu", plan, OutputOptions.Default)).Split('\n'))
        {
            if (line.Length == 0 || line.StartsWith('#'))
            {
                continue;
            }

            var parts = line.Split(' ', 2);
            Assert.Equal(2, parts.Length);
            arguments.Add(parts[0]);
            arguments.Add(StandInForDevices(parts[1], plan, dir));
        }

        var dumped = Path.Combine(dir, dumpName);
        var (exit, _, error) = ExternalTools.Run(
            "qemu-system-aarch64",
            [
                "-machine", $"virt,dumpdtb={dumped}", "-nodefaults", "-display", "none", "-cpu", "cortex-a57", "-smp", "2",
                .. arguments, .. extra,
            ]);
        Assert.True(exit == 0 && File.Exists(dumped), $"qemu refused the options (exit {exit}):\n{error}");
        return DeviceTree.Decompile(dumped);
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
