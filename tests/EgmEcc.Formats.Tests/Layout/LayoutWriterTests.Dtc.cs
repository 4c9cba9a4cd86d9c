namespace EgmEcc.Formats.Tests.Layout;

public partial class LayoutWriterTests
{
    [ToolTheory("dtc")]
    [MemberData(nameof(DtsCases))]
    public void CompileDts_GoldenFile_CompilesCleanAndMemoryNodesMatchPlan(string name)
    {
        var c = LayoutCases.Named(LayoutCases.Dts, name);
        using var temp = new TempDir();
        DeviceTree.Compile(Golden.Read($"dts/{name}.dts"), temp.Path);
        var decompiled = DeviceTree.Decompile(Path.Combine(temp.Path, "out.dtb"));
        var memory = DeviceTree.MemoryNodes(decompiled);
        var reserved = DeviceTree.ReservedNodes(decompiled);

        var expected = Expected(c.Plan, c.Options.GuestBase);
        if (c.Options.ReservedMemory)
        {
            Assert.Equal(expected.Select(n => (n.Span, (int?)n.Node)), memory.Select(m => (m.Range, m.NumaNode)).OrderBy(m => m.Range.Start));
            Assert.Equal(expected.SelectMany(n => n.Holes), reserved.Select(r => r.Range).OrderBy(r => r.Start));
            Assert.All(reserved, r => Assert.True(r.NoMap, $"{r.Name} lacks no-map"));
        }
        else
        {
            Assert.Equal(expected.SelectMany(n => n.Pieces.Select(p => (p, (int?)n.Node))), memory.Select(m => (m.Range, m.NumaNode)).OrderBy(m => m.Range.Start));
            Assert.Empty(reserved);
        }

        Assert.All(expected, n => Assert.Equal(n.Span.Size, Sum(n.Pieces) + Sum(n.Holes)));
    }

    [Fact]
    public void GoldenDts_EveryFile_IsCheckedByACase()
    {
        var files = Directory.GetFiles(Path.Combine(Golden.Directory, "dts"), "*.dts").Select(Path.GetFileNameWithoutExtension).Order();

        Assert.Equal(LayoutCases.Dts.Select(c => c.Name).Order(), files);
    }

    private static ulong Sum(IEnumerable<AddressRange> ranges) => ranges.Aggregate(0UL, (total, r) => total + r.Size);

    /// <summary>
    /// What the guest must see, computed from the plan directly (not through GuestLayout): regions in
    /// ascending PXM order from the guest base, each as long as its guest size, its extents and holes
    /// clipped to that and moved to guest addresses.
    /// </summary>
    private static List<(int Node, AddressRange Span, List<AddressRange> Pieces, List<AddressRange> Holes)> Expected(Plan plan, ulong guestBase)
    {
        var nodes = new List<(int, AddressRange, List<AddressRange>, List<AddressRange>)>();
        var next = guestBase;
        foreach (var region in plan.Regions.OrderBy(r => r.Region.Node))
        {
            var size = region.Region.GuestSize ?? region.Region.Size;
            var span = AddressRange.FromBaseSize(0, size);
            List<AddressRange> Move(IEnumerable<AddressRange> ranges) =>
                [.. ranges.Select(r => r.Intersect(span)).Where(r => !r.IsEmpty).Select(r => AddressRange.FromBaseSize(next + r.Start, r.Size))];
            nodes.Add((nodes.Count, AddressRange.FromBaseSize(next, size), Move(region.Usable), Move(region.Holes.Select(h => h.Range))));
            next += size;
        }

        return nodes;
    }
}
