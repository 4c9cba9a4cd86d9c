using System.Diagnostics;

namespace EgmEcc.Pipeline.Tests;

/// <summary>
/// Fleet folders that cannot be read, and files that can be read only once. Tests run as root here,
/// where mode bits do not stop a read, so unreadable folders come from a listing stand-in that
/// throws what the file system throws for an unprivileged user, and from a real path component
/// that is a file (which fails for root too).
/// </summary>
public class FleetSourceFolderTests
{
    private const string RegionsCsv = "id,node,base,size\negm0,0,0x100000000,1G\n";

    [Fact]
    public void Directory_UnreadableHostFolder_IsPermissionDeniedAtTheFolder()
    {
        var root = OneHost(out var host);
        var listing = new FolderListing(Directory.EnumerateDirectories, folder => throw new UnauthorizedAccessException($"Access to the path '{folder}' is denied."));

        var source = new DirectoryFleetSource(root, null, null, null, null, listing);
        var e = Assert.Throws<InputException>(() => source.Load(0));

        Assert.Equal(host, e.Location.File);
        Assert.Equal("cannot read the folder: permission denied", e.Message);
    }

    [Fact]
    public void Directory_UnreadableRoot_IsPermissionDeniedAtTheRoot()
    {
        var root = OneHost(out _);
        var listing = new FolderListing(folder => throw new UnauthorizedAccessException($"Access to the path '{folder}' is denied."), Directory.EnumerateFiles);

        var e = Assert.Throws<InputException>(() => new DirectoryFleetSource(root, null, null, null, null, listing));

        Assert.Equal(root, e.Location.File);
        Assert.Equal("cannot read the folder: permission denied", e.Message);
    }

    /// <summary>A host folder gone or turned into a file between the listing of the root and its load (fails for root too).</summary>
    [Fact]
    public void Directory_HostFolderThatIsNoLongerAFolder_IsAnInputErrorAtTheFolder()
    {
        var root = OneHost(out var host);
        var source = new DirectoryFleetSource(root);
        Directory.Delete(host, recursive: true);
        File.WriteAllText(host, "not a folder");

        var e = Assert.Throws<InputException>(() => source.Load(0));

        Assert.Equal(host, e.Location.File);
        Assert.Equal("cannot read the folder: it is not a directory", e.Message);
    }

    /// <summary>A FIFO can be read once: detection and reading share one open (opening twice waited forever).</summary>
    [Fact]
    public async Task Directory_FifoInAHostFolder_IsOpenedOnceAndRead()
    {
        var root = OneHost(out var host);
        var fifo = Path.Combine(host, "retired.csv");
        MakeFifo(fifo);
        var writer = new Thread(() => File.WriteAllText(fifo, "address\n0x100010000\n0x100020000\n")) { IsBackground = true };
        writer.Start();

        var load = Task.Run(() => new DirectoryFleetSource(root).Load(0));
        var finished = await Task.WhenAny(load, Task.Delay(TimeSpan.FromSeconds(30))) == load;
        if (!finished)
        {
            // Unblock the waiting open so the test process is not left with a stuck thread.
            using var unblock = new FileStream(fifo, FileMode.Open, FileAccess.Write);
        }

        Assert.True(finished, "loading a host folder holding a FIFO did not finish");
        Assert.Equal(2, (await load).Records.Length);
        Assert.True(writer.Join(TimeSpan.FromSeconds(10)));
    }

    private static string OneHost(out string host)
    {
        var root = FleetData.TempDirectory();
        host = Directory.CreateDirectory(Path.Combine(root, "h1")).FullName;
        File.WriteAllText(Path.Combine(host, "regions.csv"), RegionsCsv);
        return root;
    }

    private static void MakeFifo(string path)
    {
        using var mkfifo = Process.Start(new ProcessStartInfo("mkfifo", [path]) { UseShellExecute = false })!;
        mkfifo.WaitForExit();
        Assert.Equal(0, mkfifo.ExitCode);
    }
}
