using System.Buffers.Binary;
using System.Globalization;
using System.Text;
using EgmEcc.Formats.Output;
using EgmEcc.Tests;

namespace EgmEcc.Cli.Tests.Guest;

/// <summary>
/// A real arm64 Linux guest (TCG, no KVM) booted on EgmEcc's layouts (docs/design.md §4.5) with
/// file-backed memory: every hole page holds a canary before the boot, the guest has the kernel
/// zero all its free memory (the whole 2 MiB hugetlb pool, with Debian's <c>init_on_alloc</c>), and
/// after power-off the host reads the files. The guest's top-level <c>System RAM</c> must be the
/// plan's usable pieces, its NUMA nodes the plan's, every canary intact and nearly every sampled
/// usable page overwritten. A node widened over a hole by hand must fail the same check.
/// </summary>
/// <remarks>
/// The memory-node layout is booted with QEMU's generic loader (Image, initrd, device tree and a
/// six-instruction boot stub), since <c>-kernel</c> replaces every memory node; the
/// <c>--reserved-memory</c> layout is booted as docs/layouts.md tells stock QEMU users, merged into
/// QEMU's own tree with <c>-kernel</c>. Regions are 512 MiB each to keep a boot near 10 s on two cores.
/// The EFI boots (EDK2 from qemu-efi-aarch64 as <c>-bios</c>) pin what docs/layouts.md records under
/// "UEFI guests": which holes survive and who writes the others.
/// </remarks>
public class RealGuestTests
{
    private const ulong Page = 0x1_0000;
    private const ulong Mib = 1UL << 20;
    private const string Canary = "EGMHOLE!";
    private const byte Fill = 0x5a;
    private static readonly SourceLocation Here = SourceLocation.AtLine("guest.csv", 1);

    private const string Init = """
        #!/bin/busybox sh
        B=/bin/busybox
        $B mount -t proc proc /proc
        $B mount -t sysfs sys /sys
        echo @@IOMEM
        $B cat /proc/iomem
        echo @@END
        for n in /sys/devices/system/node/node[0-9]*; do echo "@@NODE ${n##*node}"; done
        echo 1000000 > /proc/sys/vm/nr_hugepages
        echo "@@HUGE $($B cat /proc/sys/vm/nr_hugepages)"
        $B poweroff -f

        """;

    /// <summary>Two 512 MiB regions: holes at node 0's last page, node 1's first page, a run of five pages and a 4 KiB record.</summary>
    private static Plan HostA() => Plan(
        [("egm0", 512 * Mib - Page, Page), ("egm1", 0, Page), ("egm1", 200 * Mib, 5 * Page), ("egm1", (300 * Mib) + 0x3000, 0x1000)]);

    /// <summary>A hole at guest 0x40400000, inside the direct-boot area.</summary>
    private static Plan HostB() => Plan([("egm0", 4 * Mib, Page)]);

    [ToolFact("qemu-system-aarch64", "dtc", "apt-get", "apt-cache", "dpkg-deb")]
    public void MemoryNodeLayout_RealGuestKeepsOffEveryHole()
    {
        var layout = GuestLayout.Create(HostA());
        Assert.Empty(Check(layout, BootMemoryNodes(HostA(), Dts(HostA(), reserved: false))));
    }

    [ToolFact("qemu-system-aarch64", "dtc", "apt-get", "apt-cache", "dpkg-deb")]
    public void MemoryNodeLayout_HoleInDirectBootArea_LoaderBootKeepsOffIt()
    {
        var layout = GuestLayout.Create(HostB());
        Assert.NotNull(DirectBootArea.Warning(layout));
        Assert.Empty(Check(layout, BootMemoryNodes(HostB(), Dts(HostB(), reserved: false))));
    }

    [ToolFact("qemu-system-aarch64", "dtc", "apt-get", "apt-cache", "dpkg-deb")]
    public void ReservedMemoryLayout_KernelBootKeepsOffEveryHole()
    {
        var layout = GuestLayout.Create(HostA());
        Assert.Empty(Check(layout, BootReservedMemory(HostA(), Dts(HostA(), reserved: true))));
    }

    /// <summary>The negative control: node 1's first piece widened by hand over the hole before it; the guest writes the hole.</summary>
    [ToolFact("qemu-system-aarch64", "dtc", "apt-get", "apt-cache", "dpkg-deb")]
    public void NegativeControl_NodeWidenedOverHole_FailsTheCheck()
    {
        var layout = GuestLayout.Create(HostA());
        var node = layout.Nodes[1];
        var piece = node.Memory[0];
        var widened = AddressRange.FromStartEnd(node.Span.Start, piece.End);
        var dts = Dts(HostA(), reserved: false).Replace($"memory@{piece.Start:x} {{", $"memory@{widened.Start:x} {{", StringComparison.Ordinal).Replace(Cells(piece), Cells(widened), StringComparison.Ordinal);

        var failures = Check(layout, BootMemoryNodes(HostA(), dts));

        Assert.Contains(failures, f => f.StartsWith("canary", StringComparison.Ordinal));
    }

    /// <summary>
    /// EFI boot of the <c>--reserved-memory</c> tree (docs/layouts.md, "UEFI guests"): the kernel keeps every
    /// hole out of System RAM, but EDK2 does not read <c>/reserved-memory</c> and its DXE core keeps its own
    /// memory-map records ("mmap") at the top of the first memory node, which is node 0's last page here: that
    /// hole page is written before the kernel runs. The EFI stub drops the memory nodes, so DT NUMA is lost.
    /// </summary>
    [EfiFact]
    public void EfiBoot_ReservedMemoryLayout_KernelKeepsOffHoles_FirmwareWritesTopOfNode0()
    {
        var layout = GuestLayout.Create(HostA());
        var holes = layout.Nodes.SelectMany(n => n.Reserved).ToList();
        var top = layout.Nodes[0].Reserved.Single(h => h.End == layout.Nodes[0].Span.End);

        var found = Findings(layout, BootEfi(HostA(), Dts(HostA(), reserved: true)));

        Assert.DoesNotContain(found.Ram, r => holes.Any(h => r.Start < h.End && h.Start < r.End));
        Assert.NotEmpty(found.Written);
        Assert.All(found.Written, a => Assert.True(a >= top.Start && a < top.End, $"hole page 0x{a:x} written, outside node 0's top hole {top}"));
        Assert.Equal(1, found.Nodes);
    }

    /// <summary>EFI boot of the <c>--reserved-memory</c> tree with a hole at 0x40400000, away from where EDK2 keeps its data: every canary survives.</summary>
    [EfiFact]
    public void EfiBoot_ReservedMemoryLayout_HoleAwayFromFirmware_KeepsEveryCanary()
    {
        var layout = GuestLayout.Create(HostB());
        var holes = layout.Nodes.SelectMany(n => n.Reserved).ToList();

        var found = Findings(layout, BootEfi(HostB(), Dts(HostB(), reserved: true)));

        Assert.DoesNotContain(found.Ram, r => holes.Any(h => r.Start < h.End && h.Start < r.End));
        Assert.Empty(found.Written);
    }

    /// <summary>
    /// EFI boot of the <c>--reserved-memory</c> tree with a hole at 0x59000000, where the EFI stub (no EFI RNG
    /// here, so no random placement) puts the kernel Image on this 1 GiB guest: the stub allocates from
    /// EDK2's map, which does not know the hole, so kernel text lands on it, the kernel fails to reserve it,
    /// and the hole becomes System RAM. The EFI counterpart of the direct-boot area.
    /// </summary>
    [EfiFact]
    public void EfiBoot_ReservedMemoryLayout_HoleUnderTheStubsKernel_IsWrittenAndBecomesRam()
    {
        var plan = Plan([("egm0", 0x1900_0000, Page)]);
        var layout = GuestLayout.Create(plan);
        var hole = layout.Nodes[0].Reserved.Single();

        var found = Findings(layout, BootEfi(plan, Dts(plan, reserved: true)));

        Assert.Contains(found.Ram, r => r.Start <= hole.Start && hole.End <= r.End);
        Assert.Equal((long)(hole.Size / 4096), found.Written.Count);
    }

    /// <summary>EFI boot of the memory-node tree through stock QEMU: QEMU rewrites the memory nodes as whole nodes, as with <c>-kernel</c>, so EDK2 and the kernel see the holes as RAM and every hole page is written.</summary>
    [EfiFact]
    public void EfiBoot_MemoryNodeLayout_StockQemuReplacesNodes_EveryHoleWritten()
    {
        var layout = GuestLayout.Create(HostA());
        var pages = layout.Nodes.SelectMany(n => n.Reserved).Sum(h => (long)(h.Size / 4096));

        var found = Findings(layout, BootEfi(HostA(), Dts(HostA(), reserved: false)));

        Assert.Equal(pages, found.Written.Count);
    }

    private static Plan Plan((string Region, ulong Offset, ulong Size)[] holes) =>
        Planner.Create(
            RegionSet.Create([new Region("egm0", 0, 0x20_0000_0000, 512 * Mib, Here), new Region("egm1", 1, 0x40_0000_0000, 512 * Mib, Here)]),
            [.. holes.Select(h => RetiredRecord.InRegion(h.Region, h.Offset, h.Size, Here))],
            PlanOptions.Default);

    private static string Dts(Plan plan, bool reserved)
    {
        using var output = new StringWriter { NewLine = "\n" };
        new PlanDtsWriter().Write(plan, output, new OutputOptions { ReservedMemory = reserved });
        return output.ToString();
    }

    private static string Cells(AddressRange r) =>
        string.Create(CultureInfo.InvariantCulture, $"<0x{r.Start >> 32:x} 0x{r.Start & 0xffff_ffff:x} 0x{r.Size >> 32:x} 0x{r.Size & 0xffff_ffff:x}>");

    /// <summary>A booted guest: its serial console, and the backing file of each node.</summary>
    private sealed record Booted(string Console, string[] NodeFiles, TempDir Dir);

    private sealed class Machine
    {
        public Machine(Plan plan)
        {
            var layout = GuestLayout.Create(plan);
            Layout = layout;
            var (image, busybox) = GuestKit.Get();
            Image = image;
            Initrd = Path.Combine(Dir.Path, "initrd.cpio");
            GuestKit.WriteInitramfs(Initrd, busybox, Init.Replace("\r", string.Empty, StringComparison.Ordinal));
            NodeFiles = [.. layout.Nodes.Select(n => Path.Combine(Dir.Path, $"node{n.NodeId}.mem"))];
            Arguments = [];
            var qemu = new StringWriter { NewLine = "\n" };
            new PlanQemuWriter().Write(plan, qemu, OutputOptions.Default);
            foreach (var line in qemu.ToString().Split('\n', StringSplitOptions.RemoveEmptyEntries))
            {
                var value = line.Split(' ', 2)[1];
                foreach (var n in layout.Nodes)
                {
                    value = value.Replace($"mem-path={n.Region.Region.DevicePath},", $"mem-path={NodeFiles[n.NodeId]},", StringComparison.Ordinal);
                }

                Arguments.Add(line.Split(' ', 2)[0]);
                Arguments.Add(value);
            }
        }

        public TempDir Dir { get; } = new();

        public GuestLayout Layout { get; }

        public string Image { get; }

        public string Initrd { get; }

        public string[] NodeFiles { get; }

        public List<string> Arguments { get; }

        public string[] Common(string machine) =>
            ["-machine", machine, "-cpu", "max,pauth-impdef=on", "-smp", "2", "-nodefaults", "-display", "none", "-no-reboot", .. Arguments];

        /// <summary>QEMU's own device tree for this machine, decompiled.</summary>
        public string OwnTree()
        {
            var dumped = Path.Combine(Dir.Path, "virt.dtb");
            var (exit, _, error) = ExternalTools.Run("qemu-system-aarch64", Common($"virt,dumpdtb={dumped}"));
            Assert.True(exit == 0, error);
            var (dexit, dts, derror) = ExternalTools.Run("dtc", ["-q", "-I", "dtb", "-O", "dts", dumped]);
            Assert.True(dexit == 0, derror);
            return dts;
        }

        public string Compile(string dts)
        {
            var source = Path.Combine(Dir.Path, "guest.dts");
            var blob = Path.Combine(Dir.Path, "guest.dtb");
            File.WriteAllText(source, dts);
            var (exit, _, error) = ExternalTools.Run("dtc", ["-q", "-I", "dts", "-O", "dtb", "-o", blob, source]);
            Assert.True(exit == 0, error);
            return blob;
        }

        public Booted Run(IEnumerable<string> extra)
        {
            PrepareMemory(Layout, NodeFiles);
            var console = Path.Combine(Dir.Path, "console.log");
            var (exit, _, error) = ExternalTools.Run("qemu-system-aarch64", [.. Common("virt"), "-serial", $"file:{console}", .. extra], TimeSpan.FromSeconds(180));
            var text = File.Exists(console) ? File.ReadAllText(console) : string.Empty;
            Assert.True(exit == 0, $"qemu exit {exit}: {error}\n{text}");
            return new Booted(text, NodeFiles, Dir);
        }
    }

    private const string BootArgs = "console=ttyAMA0 cma=0 panic=-1 quiet";

    /// <summary>Boots the memory-node tree with the generic loader: the tree is passed on as is.</summary>
    private static Booted BootMemoryNodes(Plan plan, string egmDts)
    {
        var machine = new Machine(plan);
        var layout = machine.Layout;
        var start = layout.Nodes[0].Span.Start;
        ulong kernel = start + (64 * Mib), initrd = start + (192 * Mib), tree = start + (208 * Mib), stub = start + (210 * Mib);
        var initrdEnd = initrd + (ulong)new FileInfo(machine.Initrd).Length;
        var own = machine.OwnTree();
        var deletes = string.Concat(layout.Nodes.Select(n => $"\t/delete-node/ memory@{n.Span.Start:x};\n"));
        var chosen = $"\tchosen {{\n\t\tbootargs = \"{BootArgs}\";\n\t\tlinux,initrd-start = <0x{initrd >> 32:x} 0x{initrd & 0xffff_ffff:x}>;\n\t\tlinux,initrd-end = <0x{initrdEnd >> 32:x} 0x{initrdEnd & 0xffff_ffff:x}>;\n\t}};\n";
        var blob = machine.Compile(own + "\n/ {\n" + deletes + chosen + "};\n" + egmDts[egmDts.IndexOf("\n/ {", StringComparison.Ordinal)..]);

        // arm64 boot protocol: x0 = the tree's address, x1-x3 = 0, branch to the Image with the MMU off.
        var code = new byte[40];
        uint[] words = [0x580000C0, 0xAA1F03E1, 0xAA1F03E2, 0xAA1F03E3, 0x58000084, 0xD61F0080]; // ldr x0,=tree; mov x1..x3,xzr; ldr x4,=kernel; br x4
        for (var i = 0; i < words.Length; i++)
        {
            BinaryPrimitives.WriteUInt32LittleEndian(code.AsSpan(i * 4), words[i]);
        }

        BinaryPrimitives.WriteUInt64LittleEndian(code.AsSpan(24), tree);
        BinaryPrimitives.WriteUInt64LittleEndian(code.AsSpan(32), kernel);
        var stubFile = Path.Combine(machine.Dir.Path, "stub.bin");
        File.WriteAllBytes(stubFile, code);

        return machine.Run(
        [
            "-device", $"loader,file={machine.Image},addr=0x{kernel:x},force-raw=on",
            "-device", $"loader,file={machine.Initrd},addr=0x{initrd:x},force-raw=on",
            "-device", $"loader,file={blob},addr=0x{tree:x},force-raw=on",
            "-device", $"loader,file={stubFile},addr=0x{stub:x},force-raw=on",
            "-device", $"loader,addr=0x{stub:x},cpu-num=0",
        ]);
    }

    /// <summary>Boots as docs/layouts.md tells stock QEMU users: the reserved-memory tree merged into QEMU's own, with -kernel.</summary>
    private static Booted BootReservedMemory(Plan plan, string egmDts)
    {
        var machine = new Machine(plan);
        var blob = machine.Compile(machine.OwnTree() + egmDts[egmDts.IndexOf("\n/ {", StringComparison.Ordinal)..]);
        return machine.Run(["-kernel", machine.Image, "-initrd", machine.Initrd, "-dtb", blob, "-append", BootArgs]);
    }

    /// <summary>Debian's EDK2 build for QEMU's <c>virt</c> (package qemu-efi-aarch64).</summary>
    private const string Firmware = "/usr/share/qemu-efi-aarch64/QEMU_EFI.fd";

    /// <summary>
    /// An EFI boot: EDK2 as <c>-bios</c> builds its memory map from the memory nodes of the tree QEMU puts at
    /// the RAM base, gets the kernel, initrd and command line over fw_cfg, and starts the kernel's EFI stub.
    /// <c>acpi=off</c> so EDK2 hands the kernel the device tree (with ACPI on it publishes QEMU's ACPI
    /// tables instead and the kernel never sees <c>/reserved-memory</c>).
    /// </summary>
    private static Booted BootEfi(Plan plan, string egmDts)
    {
        var machine = new Machine(plan);
        var blob = machine.Compile(machine.OwnTree() + egmDts[egmDts.IndexOf("\n/ {", StringComparison.Ordinal)..]);
        return machine.Run(["-machine", "acpi=off", "-bios", Firmware, "-kernel", machine.Image, "-initrd", machine.Initrd, "-dtb", blob, "-append", BootArgs]);
    }

    /// <summary>What an EFI-booted guest did: its top-level System RAM, its NUMA node count, and the hole pages (4 KiB) that lost their canary.</summary>
    private sealed record EfiFindings(List<AddressRange> Ram, int Nodes, List<ulong> Written);

    private static EfiFindings Findings(GuestLayout layout, Booted booted)
    {
        using var dir = booted.Dir;
        var console = booted.Console.Replace("\r", string.Empty, StringComparison.Ordinal);
        var start = console.IndexOf("@@IOMEM\n", StringComparison.Ordinal);
        var end = console.IndexOf("@@END", StringComparison.Ordinal);
        Assert.True(start >= 0 && end > start, $"boot: no /proc/iomem on the console:\n{console}");
        var ram = Merge(console[(start + 8)..end].Split('\n')
            .Where(l => l.EndsWith(" : System RAM", StringComparison.Ordinal) && !l.StartsWith(' '))
            .Select(l => l.Split(' ')[0].Split('-'))
            .Select(p => AddressRange.FromStartEnd(Convert.ToUInt64(p[0], 16), (UInt128)Convert.ToUInt64(p[1], 16) + 1)));
        var nodes = console.Split('\n').Count(l => l.StartsWith("@@NODE ", StringComparison.Ordinal));
        var canary = Encoding.ASCII.GetBytes(string.Concat(Enumerable.Repeat(Canary, 512)));
        var written = new List<ulong>();
        var page = new byte[4096];
        foreach (var node in layout.Nodes)
        {
            using var file = File.OpenRead(booted.NodeFiles[node.NodeId]);
            foreach (var hole in node.Reserved)
            {
                for (var a = hole.Start; a < hole.End; a += 4096)
                {
                    file.Position = (long)(a - node.Span.Start);
                    file.ReadExactly(page);
                    if (!page.AsSpan().SequenceEqual(canary))
                    {
                        written.Add(a);
                    }
                }
            }
        }

        return new EfiFindings(ram, nodes, written);
    }

    /// <summary>Canaries in every hole byte, the fill in one 4 KiB page of every usable MiB; the rest sparse.</summary>
    private static void PrepareMemory(GuestLayout layout, string[] files)
    {
        var canary = Encoding.ASCII.GetBytes(string.Concat(Enumerable.Repeat(Canary, 512)));
        var fill = Enumerable.Repeat(Fill, 4096).ToArray();
        foreach (var node in layout.Nodes)
        {
            using var file = File.Create(files[node.NodeId]);
            file.SetLength((long)node.Span.Size);
            foreach (var hole in node.Reserved)
            {
                for (var a = hole.Start; a < hole.End; a += 4096)
                {
                    file.Position = (long)(a - node.Span.Start);
                    file.Write(canary);
                }
            }

            foreach (var sample in Samples(node))
            {
                file.Position = (long)(sample - node.Span.Start);
                file.Write(fill);
            }
        }
    }

    private static IEnumerable<ulong> Samples(GuestNode node) =>
        node.Memory.SelectMany(p => Enumerable.Range(0, (int)(p.Size / Mib)).Select(i => p.Start + ((ulong)i * Mib)));

    /// <summary>Everything the guest did wrong; empty when it kept to the layout.</summary>
    private static List<string> Check(GuestLayout layout, Booted booted)
    {
        using var dir = booted.Dir;
        var failures = new List<string>();
        var console = booted.Console.Replace("\r", string.Empty, StringComparison.Ordinal);
        var start = console.IndexOf("@@IOMEM\n", StringComparison.Ordinal);
        var end = console.IndexOf("@@END", StringComparison.Ordinal);
        if (start < 0 || end < start)
        {
            return [$"boot: no /proc/iomem on the console:\n{console}"];
        }

        var ram = console[(start + 8)..end].Split('\n')
            .Where(l => l.EndsWith(" : System RAM", StringComparison.Ordinal) && !l.StartsWith(' '))
            .Select(l => l.Split(' ')[0].Split('-'))
            .Select(p => AddressRange.FromStartEnd(Convert.ToUInt64(p[0], 16), (UInt128)Convert.ToUInt64(p[1], 16) + 1));
        var expected = Merge(layout.Nodes.SelectMany(n => n.Memory));
        var actual = Merge(ram);
        if (!expected.SequenceEqual(actual))
        {
            failures.Add($"iomem: System RAM {string.Join(' ', actual)} is not the plan's {string.Join(' ', expected)}");
        }

        var nodes = console.Split('\n').Count(l => l.StartsWith("@@NODE ", StringComparison.Ordinal));
        if (nodes != layout.Nodes.Length)
        {
            failures.Add($"numa: {nodes} node(s), the plan has {layout.Nodes.Length}");
        }

        var canary = Encoding.ASCII.GetBytes(Canary);
        long samples = 0, untouched = 0;
        foreach (var node in layout.Nodes)
        {
            using var file = File.OpenRead(booted.NodeFiles[node.NodeId]);
            var page = new byte[4096];
            foreach (var hole in node.Reserved)
            {
                for (var a = hole.Start; a < hole.End; a += 4096)
                {
                    file.Position = (long)(a - node.Span.Start);
                    file.ReadExactly(page);
                    for (var i = 0; i < page.Length; i++)
                    {
                        if (page[i] != canary[i % canary.Length])
                        {
                            failures.Add($"canary: guest page 0x{a:x} of hole {hole} was written");
                            break;
                        }
                    }
                }
            }

            foreach (var sample in Samples(node))
            {
                file.Position = (long)(sample - node.Span.Start);
                file.ReadExactly(page);
                samples++;
                untouched += page.All(b => b == Fill) ? 1 : 0;
            }
        }

        // The kernel's own image, the initrd and what it keeps allocated are not zeroed: allow 10 %.
        if (samples == 0 || untouched * 10 > samples)
        {
            failures.Add($"zeroing: {untouched} of {samples} sampled usable pages were never written; the check cannot see the guest's writes");
        }

        return failures;
    }

    private static List<AddressRange> Merge(IEnumerable<AddressRange> ranges)
    {
        var merged = new List<AddressRange>();
        foreach (var r in ranges.OrderBy(r => r.Start))
        {
            if (merged.Count > 0 && merged[^1].End == r.Start)
            {
                merged[^1] = AddressRange.FromStartEnd(merged[^1].Start, r.End);
            }
            else
            {
                merged.Add(r);
            }
        }

        return merged;
    }
}

/// <summary>A real-guest fact that also needs Debian's EDK2 firmware (qemu-efi-aarch64): skipped locally without it, failing when <c>CI</c> is set.</summary>
internal sealed class EfiFactAttribute : FactAttribute
{
    public EfiFactAttribute() =>
        Skip = ExternalTools.SkipReason(["qemu-system-aarch64", "dtc", "apt-get", "apt-cache", "dpkg-deb"])
            ?? (File.Exists("/usr/share/qemu-efi-aarch64/QEMU_EFI.fd") || ExternalTools.InCi ? null : "needs /usr/share/qemu-efi-aarch64/QEMU_EFI.fd (package qemu-efi-aarch64; when CI is set this test fails instead)");
}
