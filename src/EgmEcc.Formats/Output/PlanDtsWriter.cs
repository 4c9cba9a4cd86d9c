using System.Globalization;

namespace EgmEcc.Formats.Output;

/// <summary>
/// <c>dts</c>: a complete device-tree source with the <c>/memory</c> nodes QEMU's arm <c>virt</c>
/// machine gives a guest whose NUMA nodes are the EGM regions, laid out by <see cref="GuestLayout"/>.
/// </summary>
/// <remarks>
/// <para>By default each usable piece of each guest node is one <c>memory@ADDR</c> node with
/// <c>device_type = "memory"</c>, <c>reg = &lt;hi lo hi lo&gt;</c> (two address and two size cells)
/// and <c>numa-node-id</c>; holes get no node. With <see cref="OutputOptions.ReservedMemory"/>, each
/// guest node is one <c>memory</c> node over its whole span and every hole is a
/// <c>/reserved-memory/hole@ADDR</c> node with <c>no-map</c>.</para>
/// <para>The file compiles with <c>dtc -I dts -O dtb</c> without warnings. It describes one
/// guest: a plan covering several hosts is refused (<see cref="ArgumentException"/>).</para>
/// </remarks>
public sealed class PlanDtsWriter : IPlanWriter
{
    /// <inheritdoc/>
    public string Name => "dts";

    /// <inheritdoc/>
    public void Write(Plan plan, TextWriter output, OutputOptions options)
    {
        ArgumentNullException.ThrowIfNull(plan);
        ArgumentNullException.ThrowIfNull(output);
        ArgumentNullException.ThrowIfNull(options);
        var layout = GuestLayout.Create(plan, options.GuestBase);

        Provenance.Write(
            output,
            "//",
            "EGM guest memory for QEMU's arm virt machine; compile with: dtc -I dts -O dtb",
            options,
            plan.Options,
            $"guest base {Numbers.Hex(options.GuestBase)}, {(options.ReservedMemory ? "reserved-memory (one memory node per guest node, holes no-map)" : "memory nodes around holes")}");
        output.WriteLine(options.ReservedMemory ? ReservedMemoryConsumers : MemoryNodeConsumers);
        foreach (var node in layout.Nodes)
        {
            output.WriteLine($"// {Describe(node)}");
        }

        output.WriteLine("/dts-v1/;");
        output.WriteLine();
        output.WriteLine("/ {");
        output.WriteLine("\t#address-cells = <2>;");
        output.WriteLine("\t#size-cells = <2>;");
        foreach (var node in layout.Nodes)
        {
            foreach (var piece in options.ReservedMemory ? [node.Span] : node.Memory)
            {
                output.WriteLine();
                output.WriteLine($"\tmemory@{piece.Start:x} {{");
                output.WriteLine("\t\tdevice_type = \"memory\";");
                output.WriteLine($"\t\treg = {Cells(piece)};");
                output.WriteLine(string.Create(CultureInfo.InvariantCulture, $"\t\tnuma-node-id = <{node.NodeId}>;"));
                output.WriteLine("\t};");
            }
        }

        if (options.ReservedMemory && layout.Nodes.Any(n => !n.Reserved.IsEmpty))
        {
            output.WriteLine();
            output.WriteLine("\treserved-memory {");
            output.WriteLine("\t\t#address-cells = <2>;");
            output.WriteLine("\t\t#size-cells = <2>;");
            output.WriteLine("\t\tranges;");
            foreach (var hole in layout.Nodes.SelectMany(n => n.Reserved))
            {
                output.WriteLine();
                output.WriteLine($"\t\thole@{hole.Start:x} {{");
                output.WriteLine($"\t\t\treg = {Cells(hole)};");
                output.WriteLine("\t\t\tno-map;");
                output.WriteLine("\t\t};");
            }

            output.WriteLine("\t};");
        }

        output.WriteLine("};");
    }

    // Who honours which form (docs/layouts.md): a QEMU direct kernel boot rewrites every memory node
    // of a -dtb to its own whole-node ranges but keeps /reserved-memory.
    private const string MemoryNodeConsumers =
        "// memory nodes around holes: honoured by firmware or a boot loader that passes this tree on as is (NVIDIA's EGM-aware QEMU builds the same nodes itself); a stock QEMU -kernel boot replaces them, so use the reserved-memory form there";

    private const string ReservedMemoryConsumers =
        "// reserved-memory form: survives a stock QEMU -kernel boot merged into QEMU's own tree, except for holes in its direct-boot area (the kernel, initrd and tree are loaded there first)";

    /// <summary>One line about a guest node: which region, where, how much is usable.</summary>
    internal static string Describe(GuestNode node)
    {
        var r = node.Region.Region;
        var host = r.Host.Length == 0 ? string.Empty : $"host {r.Host}, ";
        return Provenance.OneLine(string.Create(
            CultureInfo.InvariantCulture,
            $"node {node.NodeId}: {host}region {r.Id} ({r.DevicePath}, PXM {r.Node}), {new ByteSize(node.Span.Size)} at {Numbers.Hex(node.Span.Start)}: {node.Memory.Length} usable piece(s) of {Numbers.Hex(node.MemoryBytes)} bytes, {node.Reserved.Length} hole(s) of {Numbers.Hex(node.ReservedBytes)} bytes{Trimmed(node)}"));
    }

    private static string Trimmed(GuestNode node) =>
        node.TrimmedBytes == 0 ? string.Empty : $" (of them {Numbers.Hex(node.TrimmedBytes)} usable bytes outside whole guest pages)";

    private static string Cells(AddressRange range) =>
        string.Create(CultureInfo.InvariantCulture, $"<0x{range.Start >> 32:x} 0x{range.Start & 0xffff_ffff:x} 0x{range.Size >> 32:x} 0x{range.Size & 0xffff_ffff:x}>");
}
