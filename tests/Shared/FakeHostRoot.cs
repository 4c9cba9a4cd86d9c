using System.Buffers.Binary;
using System.Diagnostics;
using System.Text;

namespace EgmEcc.Tests;

/// <summary>
/// A host tree for host mode (docs/design.md §3), built in a temporary folder: ACPI tables under
/// <c>sys/firmware/acpi/tables</c>, firmware tables in a sparse <c>dev/mem</c> at their SPAs,
/// <c>dev/kmsg</c> records, identity files and sysfs attributes.
/// </summary>
/// <remarks>
/// The tree lives under <c>/dev/shm</c> when there is one: tmpfs takes a sparse file with data at
/// 2^46 (an SPA of the second socket), where ext4 stops at 16 TiB. Where the file system refuses
/// the offset, a table is written as <c>dev/mem/0x&lt;spa&gt;</c> instead, the folder form the
/// collector reads under a root other than <c>/</c>.
/// </remarks>
internal sealed class FakeHostRoot : IDisposable
{
    /// <summary>The sample host's firmware tables: <c>data/samples/grace-2s-egm{0,1}.fwtable.bin</c> at their SPAs.</summary>
    public static readonly (ulong Spa, string File)[] SampleTables =
    [
        (0x1F_FFF8_0000, "data/samples/grace-2s-egm0.fwtable.bin"),
        (0x401F_FFF8_0000, "data/samples/grace-2s-egm1.fwtable.bin"),
    ];

    public FakeHostRoot(bool forceMemFolder = false)
    {
        var parent = Directory.Exists("/dev/shm") && !forceMemFolder ? "/dev/shm" : System.IO.Path.GetTempPath();
        Path = System.IO.Path.Combine(parent, "egmecc-host-" + Guid.NewGuid().ToString("n")[..12]);
        Directory.CreateDirectory(Path);
        MemFolder = forceMemFolder;
    }

    /// <summary>The root, as <c>--root</c> takes it.</summary>
    public string Path { get; }

    /// <summary>True when firmware tables are files of a <c>dev/mem</c> folder rather than a sparse file.</summary>
    public bool MemFolder { get; private set; }

    /// <summary>
    /// The sample two-socket host: the committed <c>grace-2s.ssdt.aml</c> as SSDT1, both firmware
    /// tables, <paramref name="kmsg"/> as the kernel log (records), identity, a 64 KiB page kernel and
    /// matching sysfs sizes: nothing is missing.
    /// </summary>
    public static FakeHostRoot Sample(string host = "gpu-host-1", string? kmsg = null, bool forceMemFolder = false)
    {
        var root = new FakeHostRoot(forceMemFolder);
        root.Table("SSDT1", File.ReadAllBytes(Repo.PathOf("data/samples/grace-2s.ssdt.aml")));
        foreach (var (spa, file) in SampleTables)
        {
            root.FirmwareTable(spa, File.ReadAllBytes(Repo.PathOf(file)));
        }

        root.Identity(host, "6.8.0-1021-nvidia-64k");
        root.PmdSize(512 << 20);
        root.Sysfs("egm0", "egm_size", "0x6000000000");
        root.Sysfs("egm1", "egm_size", "412316860416");
        root.Kmsg(kmsg ?? SampleKmsg());
        return root;
    }

    /// <summary>The sample kernel log as <c>/dev/kmsg</c> records (<c>PRI,SEQ,USEC,FLAGS;message</c>), with a continuation line after each.</summary>
    public static string SampleKmsg()
    {
        var text = new StringBuilder();
        var seq = 0;
        foreach (var line in File.ReadAllLines(Repo.PathOf("data/samples/grace-2s.kmsg.log")))
        {
            var close = line.IndexOf(']', StringComparison.Ordinal);
            var message = close < 0 ? line : line[(close + 2)..];
            text.Append($"6,{seq},{seq * 1000},-;{message}\n SUBSYSTEM=memory\n");
            seq++;
        }

        return text.ToString();
    }

    /// <summary>The records of <paramref name="kmsg"/> collect keeps: those that may carry a retired page, continuation lines dropped.</summary>
    public static string Kept(string kmsg) =>
        string.Concat(kmsg.Split('\n').Where(l => l.Length > 0 && l[0] != ' ' && (l.Contains(": 0x", StringComparison.Ordinal) || l.Contains("severity: ", StringComparison.Ordinal))).Select(l => l + "\n"));

    public string PathOf(string relative) => System.IO.Path.Combine(Path, relative);

    public void Table(string name, byte[] aml) => Write($"sys/firmware/acpi/tables/{name}", aml);

    /// <summary>Compiles <paramref name="asl"/> with <c>iasl</c> and puts the table in as <paramref name="name"/>.</summary>
    public void CompiledTable(string name, string asl)
    {
        var work = PathOf("iasl-work");
        Directory.CreateDirectory(work);
        var output = System.IO.Path.Combine(work, name);
        var (exit, _, error) = ExternalTools.Run("iasl", ["-p", output, asl]);
        Assert.True(exit == 0, error);
        Table(name, File.ReadAllBytes(output + ".aml"));
        Directory.Delete(work, recursive: true);
    }

    /// <summary>Writes <paramref name="table"/> at <paramref name="spa"/>: in the sparse <c>dev/mem</c>, or as <c>dev/mem/0x&lt;spa&gt;</c>.</summary>
    public void FirmwareTable(ulong spa, byte[] table)
    {
        // Memory holds the whole table (a dump may stop after its count): the slots past it read as zeros.
        Array.Resize(ref table, Math.Max(table.Length, 8 + (8 * 4096)));
        Directory.CreateDirectory(PathOf("dev"));
        if (!MemFolder)
        {
            try
            {
                using var mem = new FileStream(PathOf("dev/mem"), FileMode.OpenOrCreate, FileAccess.Write);
                mem.Seek((long)spa, SeekOrigin.Begin);
                mem.Write(table);
                return;
            }
            catch (IOException) when (!File.Exists(PathOf("dev/mem")) || new FileInfo(PathOf("dev/mem")).Length == 0)
            {
                // The file system cannot hold the offset: use the folder form for every table.
                File.Delete(PathOf("dev/mem"));
                MemFolder = true;
            }
        }

        Write($"dev/mem/0x{spa:x}", table);
    }

    /// <summary>A firmware table of <paramref name="entries"/>, the whole 32776 bytes.</summary>
    public static byte[] FirmwareTableOf(params ulong[] entries)
    {
        var table = new byte[8 + (8 * 4096)];
        BinaryPrimitives.WriteUInt64LittleEndian(table, (ulong)entries.Length);
        for (var i = 0; i < entries.Length; i++)
        {
            BinaryPrimitives.WriteUInt64LittleEndian(table.AsSpan(8 + (8 * i)), entries[i]);
        }

        return table;
    }

    public void Kmsg(string records) => Write("dev/kmsg", Encoding.UTF8.GetBytes(records));

    public void Identity(string host, string release)
    {
        Write("proc/sys/kernel/hostname", Encoding.UTF8.GetBytes(host + "\n"));
        Write("proc/sys/kernel/osrelease", Encoding.UTF8.GetBytes(release + "\n"));
    }

    public void PmdSize(ulong bytes) => Write("sys/kernel/mm/transparent_hugepage/hpage_pmd_size", Encoding.UTF8.GetBytes($"{bytes}\n"));

    public void Sysfs(string device, string attribute, string value) => Write($"sys/class/egm/{device}/{attribute}", Encoding.UTF8.GetBytes(value + "\n"));

    /// <summary>Makes <paramref name="relative"/> a FIFO nobody writes: opening it for reading blocks, unless non-blocking.</summary>
    public void Fifo(string relative)
    {
        var path = PathOf(relative);
        Directory.CreateDirectory(System.IO.Path.GetDirectoryName(path)!);
        File.Delete(path);
        using var mkfifo = Process.Start(new ProcessStartInfo("mkfifo", [path]) { UseShellExecute = false })!;
        mkfifo.WaitForExit();
        Assert.Equal(0, mkfifo.ExitCode);
    }

    public void Write(string relative, byte[] bytes)
    {
        var path = PathOf(relative);
        Directory.CreateDirectory(System.IO.Path.GetDirectoryName(path)!);
        File.WriteAllBytes(path, bytes);
    }

    public void Dispose()
    {
        try
        {
            Directory.Delete(Path, recursive: true);
        }
        catch (IOException)
        {
        }
    }
}
