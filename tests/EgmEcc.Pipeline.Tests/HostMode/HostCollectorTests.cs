using System.Collections.Concurrent;
using EgmEcc.Formats.Collection;
using EgmEcc.Formats.Inputs;
using EgmEcc.Pipeline.HostMode;

namespace EgmEcc.Pipeline.Tests.HostMode;

public class HostCollectorTests
{
    private static readonly DateTimeOffset Now = new(2026, 11, 29, 8, 0, 0, TimeSpan.Zero);

    private static HostCollection Collect(FakeHostRoot root, HostSystem? system = null, bool driverList = false) =>
        new HostCollector(system ?? HostSystem.Live).Collect(new CollectSettings { Root = root.Path, Now = Now, DriverList = driverList });

    [Fact]
    public void Collect_SampleHost_KeepsTablesFirmwareTablesAndMemoryErrorRecords()
    {
        using var root = FakeHostRoot.Sample();

        var collection = Collect(root);

        Assert.Equal(["SSDT1.aml", "egm0.fwtable", "egm1.fwtable", "kmsg.log"], collection.Files.Select(f => f.FileName).ToArray());
        Assert.Equal(FakeHostRoot.Kept(FakeHostRoot.SampleKmsg()), System.Text.Encoding.UTF8.GetString(collection.Files[3].Bytes));
        Assert.Equal(("gpu-host-1", "6.8.0-1021-nvidia-64k", 65536UL), (collection.Host, collection.Manifest.KernelRelease, collection.Manifest.HostPageBytes));
        Assert.Empty(collection.Manifest.Missing);
        Assert.Empty(collection.Manifest.Notes);
        Assert.Equal("/dev/mem@0x401ffff80000", collection.Files[2].Origin);
    }

    [Theory]
    [InlineData(2UL << 20, 4096UL)]
    [InlineData(32UL << 20, 16384UL)]
    [InlineData(512UL << 20, 65536UL)]
    public void Collect_HostPage_FromThePmdSizeUnderARoot(ulong pmd, ulong page)
    {
        using var root = FakeHostRoot.Sample();
        root.PmdSize(pmd);

        Assert.Equal(page, Collect(root).Manifest.HostPageBytes);
    }

    [Fact]
    public void Collect_RefusedDevMem_WarnsNamingRegionSpaAndReason_AndThePlanSaysSo()
    {
        using var root = FakeHostRoot.Sample();
        var refusing = new Refusing(HostSystem.Live);

        var collection = Collect(root, refusing);
        var plan = collection.ToInputs(ReadOptions.Default).Plan(PlanOptions.Default);

        Assert.DoesNotContain(collection.Files, f => f.Kind == EvidenceKinds.FirmwareTable);
        var warning = plan.Diagnostics.First(d => d.Severity == Severity.Warning);
        Assert.Equal($"{root.Path}/dev/mem@0x1ffff80000", warning.Source.ToString());
        Assert.Equal("firmware retired-page table of egm0 at 0x1ffff80000 not read (read: operation not permitted (EPERM)): the plan lacks the pages firmware retired in this region. CONFIG_STRICT_DEVMEM refuses reads outside I/O memory: boot with iomem=relaxed, or run as root", warning.Message);
        Assert.Equal(2, collection.Manifest.Missing.Count(m => m.Reason.Contains("EPERM", StringComparison.Ordinal)));
    }

    [Fact]
    public void Collect_CopiesOfATable_ReadsTheFirstThatReads_KeepsOnlyACopyThatDiffers()
    {
        using var root = new FakeHostRoot();
        root.Table("SSDT1", File.ReadAllBytes(Repo.PathOf("data/samples/grace-2s.ssdt.aml")));
        root.Identity("h", "r");
        root.Kmsg(string.Empty);
        var bases = new HostCollector().Collect(new CollectSettings { Root = root.Path }).Files.Count(f => f.Kind == EvidenceKinds.FirmwareTable);
        Assert.Equal(0, bases);

        // Collect with an AML naming two copies per region: differing contents of the second are kept.
        var system = new WithTableBases(HostSystem.Live, root, 0x1F_FFF8_0000, 0x1F_FFF9_0000);
        root.FirmwareTable(0x1F_FFF8_0000, FakeHostRoot.FirmwareTableOf(0x20_0001_0000));
        root.FirmwareTable(0x1F_FFF9_0000, FakeHostRoot.FirmwareTableOf(0x20_0001_0000, 0x20_0002_0000));

        var collection = Collect(root, system);

        Assert.Equal(["egm0.copy1.fwtable", "egm0.fwtable"], collection.Files.Where(f => f.Kind == EvidenceKinds.FirmwareTable).Select(f => f.FileName).ToArray());
        Assert.Contains(collection.Manifest.Notes, n => n.Severity == Severity.Warning && n.Message.StartsWith("the firmware retired-page table of egm0 at 0x1ffff90000 differs from the copy at 0x1ffff80000", StringComparison.Ordinal));
        var plan = collection.ToInputs(ReadOptions.Default).Plan(PlanOptions.Default);
        Assert.Equal((3L, 2L, 1L), (plan.Accounting.Records, plan.Accounting.Applied, plan.Accounting.Duplicate));
    }

    [Fact]
    public void Collect_WithoutDriverList_NeverTouchesDevEgm()
    {
        using var root = FakeHostRoot.Sample();
        root.Fifo("dev/egm0");
        root.Write("dev/egm1", [1, 2, 3]);
        var watching = new Watching(HostSystem.Live);

        var collection = WithinSeconds(30, () => Collect(root, watching), "collect opened the FIFO dev/egm0 and waits for a writer");

        Assert.DoesNotContain(watching.Touched, p => p.Contains("/dev/egm", StringComparison.Ordinal));
        Assert.DoesNotContain(collection.Files, f => f.Kind == EvidenceKinds.DriverList);
    }

    [Fact]
    public void Collect_DriverList_ReadsARegularFileAsTheListDump()
    {
        using var root = FakeHostRoot.Sample();
        root.Write("dev/egm1", File.ReadAllBytes(Repo.PathOf("data/samples/egm1-retired.ioctl.bin")));

        var collection = Collect(root, driverList: true);

        var list = Assert.Single(collection.Files, f => f.Kind == EvidenceKinds.DriverList);
        Assert.Equal(("egm1.ioctl", "/dev/egm1"), (list.FileName, list.Origin));
        Assert.Contains(collection.Manifest.Missing, m => m.What == "driver retired-page list of egm0" && m.Reason == "no such device");
        var plan = collection.ToInputs(ReadOptions.Default).Plan(PlanOptions.Default);
        Assert.Contains(plan.Diagnostics, d => d.Message.Contains("driver retired-page list of egm0 not read", StringComparison.Ordinal));
    }

    [Fact]
    public void Collect_KmsgAFifoNobodyWrites_NeverBlocks()
    {
        using var root = FakeHostRoot.Sample();
        root.Fifo("dev/kmsg");

        var collection = WithinSeconds(30, () => Collect(root), "reading the FIFO dev/kmsg blocked");

        Assert.DoesNotContain(collection.Files, f => f.Kind == EvidenceKinds.KernelLog);
    }

    [Fact]
    public void ToInputs_RecordsCarryTheirCollectedSource()
    {
        using var root = FakeHostRoot.Sample();

        var loaded = Collect(root).ToInputs(ReadOptions.Default).Load();

        var sources = loaded.Records.ToArray().Select(r => r.Source.File).Distinct().ToArray();
        Assert.Equal([$"{root.Path}/dev/mem@0x1ffff80000", $"{root.Path}/dev/mem@0x401ffff80000", $"{root.Path}/dev/kmsg"], sources);
        Assert.All(loaded.Regions.Regions, r => Assert.Equal($"{root.Path}/sys/firmware/acpi/tables/SSDT1", r.Source.File));
    }

    [Fact]
    public void Collect_DamagedTable_IsAnInputErrorAtTheTablePathAndOffset()
    {
        using var root = FakeHostRoot.Sample();
        var aml = File.ReadAllBytes(Repo.PathOf("data/samples/grace-2s.ssdt.aml"));
        aml[100] ^= 0xFF;
        root.Table("SSDT2", aml);

        var e = Assert.Throws<InputException>(() => Collect(root));

        Assert.Equal($"{root.Path}/sys/firmware/acpi/tables/SSDT2:+9", e.Location.ToString());
        Assert.Contains("checksum", e.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Collect_NoTableDescribesARegion_IsAnInputErrorNamingTheTablesFolder()
    {
        using var root = new FakeHostRoot();
        root.Identity("h", "r");

        var e = Assert.Throws<InputException>(() => Collect(root));

        Assert.Equal($"{root.Path}/sys/firmware/acpi/tables", e.Location.ToString());
        Assert.StartsWith("no EGM region found in the ACPI tables", e.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Collect_SysfsSizeDisagreesOrDeviceWithoutRegion_Warns()
    {
        using var root = FakeHostRoot.Sample();
        root.Sysfs("egm0", "egm_size", "1073741824");
        root.Sysfs("egm7", "egm_size", "0x1000");

        var notes = Collect(root).Manifest.Notes;

        Assert.Equal(
            ["egm_size of egm0 is 0x40000000 but ACPI gives 0x6000000000", "sysfs has egm7 but no ACPI table describes a region of that PXM"],
            notes.Where(n => n.Severity == Severity.Warning).Select(n => n.Message).ToArray());
    }

    [Fact]
    public void Collect_FirmwareTablesInTheDevMemFolderForm_ReadAsFromTheSparseFile()
    {
        using var sparse = FakeHostRoot.Sample();
        using var folder = FakeHostRoot.Sample(forceMemFolder: true);

        var a = Collect(sparse).Files.Where(f => f.Kind == EvidenceKinds.FirmwareTable).Select(f => (f.FileName, f.Bytes.Length, Convert.ToHexString(f.Bytes)));
        var b = Collect(folder).Files.Where(f => f.Kind == EvidenceKinds.FirmwareTable).Select(f => (f.FileName, f.Bytes.Length, Convert.ToHexString(f.Bytes)));

        Assert.True(folder.MemFolder);
        Assert.Equal(a, b);
        Assert.Equal(2, b.Count());
    }

    [Fact]
    public void Folder_ReadByTheFleet_AsTheCollectionPlansInMemory()
    {
        using var root = FakeHostRoot.Sample(kmsg: "6,1,1,-;Memory failure: 0x200010: recovery action for free buddy page: Recovered\n");
        root.PmdSize(2 << 20);
        root.Sysfs("egm9", "egm_size", "1");
        var collection = Collect(root);
        var fleet = FleetData.TempDirectory();

        HostFolder.Write(collection, fleet, replace: false);
        var loaded = new DirectoryFleetSource(fleet).Load(0);
        var fromFolder = loaded.Plan(PlanOptions.Default);
        var inMemory = collection.ToInputs(ReadOptions.Default).Plan(PlanOptions.Default);

        // 4 KiB pages (from the PMD size): pfn 0x200010 is one 4 KiB page at 0x200010000, in egm0.
        Assert.Equal(inMemory.Accounting, fromFolder.Accounting);
        var logged = Assert.Single(loaded.Records.ToArray(), r => r.Source.File.EndsWith("kmsg.log", StringComparison.Ordinal));
        Assert.Equal((0x2_0001_0000UL, 4096UL), (logged.Start, logged.Size));
        Assert.Equal(collection.Manifest.Notes.Select(n => (n.Severity, n.Source.ToString(), n.Message)), fromFolder.Diagnostics.Take(collection.Manifest.Notes.Length).Select(n => (n.Severity, n.Source.ToString(), n.Message)));
        Assert.DoesNotContain(fromFolder.Diagnostics, d => d.Message.StartsWith("skipped", StringComparison.Ordinal));
        Assert.Throws<HostFolderExistsException>(() => HostFolder.Write(collection, fleet, replace: false));
        Assert.Equal(["gpu-host-1"], Directory.EnumerateFileSystemEntries(fleet).Select(p => Path.GetFileName(p)!).ToArray());
    }

    [Fact]
    public void Folder_ManifestNamingAnotherHost_WarnsAndTheFolderNameWins()
    {
        using var root = FakeHostRoot.Sample();
        var fleet = FleetData.TempDirectory();
        var folder = HostFolder.Write(Collect(root), fleet, replace: false);
        Directory.Move(folder, Path.Combine(fleet, "renamed"));

        var notes = new DirectoryFleetSource(fleet).Load(0).Notes;

        Assert.Equal("the manifest names host 'gpu-host-1' but lies in the folder of host 'renamed'; the folder's name is used", notes[0].Message);
    }

    [Fact]
    public void Folder_MalformedManifest_IsAnInputErrorAtItsLine()
    {
        using var root = FakeHostRoot.Sample();
        var fleet = FleetData.TempDirectory();
        var folder = HostFolder.Write(Collect(root), fleet, replace: false);
        var manifest = Path.Combine(folder, "manifest.json");
        File.WriteAllText(manifest, File.ReadAllText(manifest).Replace("\"hostPageBytes\": 65536", "\"hostPageBytes\": \"64K\"", StringComparison.Ordinal));

        var e = Assert.Throws<InputException>(() => new DirectoryFleetSource(fleet).Load(0));

        Assert.Equal($"{manifest}:6: hostPageBytes: '\"64K\"' is not a non-negative integer", $"{e.Location}: {e.Message}");
    }

    /// <summary>Runs <paramref name="body"/> on a background thread and fails when it has not finished in time (it blocks).</summary>
    private static T WithinSeconds<T>(int seconds, Func<T> body, string blocked)
    {
        T? result = default;
        Exception? error = null;
        var thread = new Thread(() =>
        {
            try
            {
                result = body();
            }
            catch (Exception e)
            {
                error = e;
            }
        }) { IsBackground = true };
        thread.Start();
        Assert.True(thread.Join(TimeSpan.FromSeconds(seconds)), blocked);
        return error is null ? result! : throw new Xunit.Sdk.XunitException($"{error}");
    }

    /// <summary>The live system with every <c>/dev/mem</c> read refused as a non-root user sees it.</summary>
    private sealed class Refusing(HostSystem inner) : Delegating(inner)
    {
        public override HostRead ReadAt(string path, ulong offset, int count) => HostRead.Failed("read: operation not permitted (EPERM)");
    }

    /// <summary>The live system, noting every path anything opens or looks at.</summary>
    private sealed class Watching(HostSystem inner) : Delegating(inner)
    {
        public ConcurrentBag<string> Touched { get; } = [];

        public override EntryKind KindOf(string path)
        {
            Touched.Add(path);
            return base.KindOf(path);
        }

        public override HostRead ReadFile(string path, int maxBytes)
        {
            Touched.Add(path);
            return base.ReadFile(path, maxBytes);
        }

        public override HostRead DriverList(string path)
        {
            Touched.Add(path);
            return base.DriverList(path);
        }
    }

    /// <summary>The live system whose SSDT1 names <paramref name="bases"/> as egm0's table copies (a table rewritten in memory, checksum fixed).</summary>
    private sealed class WithTableBases(HostSystem inner, FakeHostRoot root, params ulong[] bases) : Delegating(inner)
    {
        public override HostRead ReadFile(string path, int maxBytes) =>
            path == root.PathOf("sys/firmware/acpi/tables/SSDT1") ? HostRead.Of(TwoGpuTable(bases)) : base.ReadFile(path, maxBytes);
    }

    private abstract class Delegating(HostSystem inner) : HostSystem
    {
        public override EntryKind KindOf(string path) => inner.KindOf(path);

        public override IReadOnlyList<string> Entries(string directory) => inner.Entries(directory);

        public override HostRead ReadFile(string path, int maxBytes) => inner.ReadFile(path, maxBytes);

        public override HostRead ReadAt(string path, ulong offset, int count) => inner.ReadAt(path, offset, count);

        public override KernelRecords ReadKernelRecords(string path, Func<ReadOnlySpan<byte>, bool> keep) => inner.ReadKernelRecords(path, keep);

        public override HostRead DriverList(string path) => inner.DriverList(path);
    }

    /// <summary>
    /// The sample SSDT with its second GPU of PXM 0 naming <paramref name="bases"/>[1] as its
    /// table copy instead of the first GPU's (the QWord patched in place, the checksum fixed).
    /// </summary>
    private static byte[] TwoGpuTable(ulong[] bases)
    {
        var aml = File.ReadAllBytes(Repo.PathOf("data/samples/grace-2s.ssdt.aml"));
        var first = BitConverter.GetBytes(bases[0]);
        var firstAt = aml.AsSpan().IndexOf(first);
        var next = aml.AsSpan(firstAt + 1).IndexOf(first);
        Assert.True(firstAt >= 0 && next >= 0, "the sample names egm0's table twice");
        var second = firstAt + 1 + next;
        BitConverter.GetBytes(bases[1]).CopyTo(aml, second);
        aml[9] = 0;
        aml[9] = unchecked((byte)(0 - aml.Aggregate(0, (sum, b) => sum + b)));
        return aml;
    }
}
