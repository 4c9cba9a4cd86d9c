using System.Text;
using EgmEcc.Tests;

namespace EgmEcc.Cli.Tests.Guest;

/// <summary>
/// A real arm64 Linux guest for the layout tests: Debian's cloud kernel (an uncompressed arm64 Image
/// with NUMA and device-tree NUMA) and a static busybox, fetched with <c>apt-get download</c> under a
/// private apt state (no change to the machine's own apt configuration) and cached between runs in
/// <c>$XDG_CACHE_HOME/egmecc-tests</c> (or <c>~/.cache/egmecc-tests</c>), about 22 MB.
/// </summary>
internal static class GuestKit
{
    private static readonly Lazy<(string Image, string Busybox)> Files = new(Fetch);

    /// <summary>The kernel Image and the busybox binary, fetched on first use.</summary>
    public static (string Image, string Busybox) Get() => Files.Value;

    private static string CacheDir()
    {
        var root = Environment.GetEnvironmentVariable("XDG_CACHE_HOME") is { Length: > 0 } xdg
            ? xdg
            : Path.Combine(Environment.GetFolderPath(Environment.SpecialFolder.UserProfile), ".cache");
        return Path.Combine(root, "egmecc-tests");
    }

    private static (string Image, string Busybox) Fetch()
    {
        var dir = CacheDir();
        var image = Path.Combine(dir, "Image");
        var busybox = Path.Combine(dir, "busybox");
        if (File.Exists(image) && File.Exists(busybox))
        {
            return (image, busybox);
        }

        Directory.CreateDirectory(dir);
        var apt = Path.Combine(dir, "apt");
        foreach (var sub in new[] { "lists/partial", "cache/archives/partial", "sources", "preferences" })
        {
            Directory.CreateDirectory(Path.Combine(apt, sub));
        }

        File.WriteAllText(
            Path.Combine(apt, "sources", "arm64.sources"),
            "Types: deb\nURIs: http://deb.debian.org/debian\nSuites: bookworm\nComponents: main\nArchitectures: arm64\nSigned-By: /usr/share/keyrings/debian-archive-keyring.gpg\n");
        string[] state =
        [
            "-o", $"Dir::State={apt}", "-o", $"Dir::State::Lists={apt}/lists", "-o", "Dir::State::status=/dev/null",
            "-o", $"Dir::Cache={apt}/cache", "-o", "Dir::Etc::SourceList=/dev/null", "-o", $"Dir::Etc::SourceParts={apt}/sources",
            "-o", "Dir::Etc::Preferences=/dev/null", "-o", $"Dir::Etc::PreferencesParts={apt}/preferences",
            "-o", "APT::Architecture=arm64", "-o", "APT::Architectures=arm64", "-o", "APT::Sandbox::User=root",
        ];
        Check(ExternalTools.Run("apt-get", [.. state, "-qq", "update"], TimeSpan.FromMinutes(5)), "apt-get update");

        // The metapackage names the versioned kernel package, which holds /boot/vmlinuz-*.
        var depends = Check(ExternalTools.Run("apt-cache", [.. state, "depends", "linux-image-cloud-arm64"]), "apt-cache depends");
        var kernelPackage = depends.Split('\n').Select(l => l.Trim()).First(l => l.StartsWith("Depends: linux-image-", StringComparison.Ordinal))["Depends: ".Length..];
        var debs = Path.Combine(dir, "debs");
        Directory.CreateDirectory(debs);
        Check(ExternalTools.Run("apt-get", [.. state, "-qq", "download", kernelPackage, "busybox-static"], TimeSpan.FromMinutes(5), debs), "apt-get download");
        var unpacked = Path.Combine(dir, "unpacked");
        foreach (var deb in Directory.GetFiles(debs, "*.deb"))
        {
            Check(ExternalTools.Run("dpkg-deb", ["-x", deb, unpacked], TimeSpan.FromMinutes(2)), "dpkg-deb -x");
        }

        File.Copy(Directory.GetFiles(Path.Combine(unpacked, "boot"), "vmlinuz-*").Single(), image + ".part", overwrite: true);
        File.Copy(Path.Combine(unpacked, "bin", "busybox"), busybox, overwrite: true);
        File.Move(image + ".part", image, overwrite: true);
        Directory.Delete(unpacked, recursive: true);
        Directory.Delete(debs, recursive: true);
        return (image, busybox);
    }

    private static string Check((int ExitCode, string Out, string Error) run, string what) =>
        run.ExitCode == 0 ? run.Out : throw new Xunit.Sdk.XunitException($"{what} failed (exit {run.ExitCode}): {run.Error}");

    /// <summary>A cpio (newc) initramfs holding busybox and an <c>/init</c> script: what the kernel unpacks as its root.</summary>
    public static void WriteInitramfs(string path, string busybox, string init)
    {
        using var output = File.Create(path);
        var inode = 1;
        void Entry(string name, int mode, byte[] data)
        {
            var header = "070701" + string.Concat(new[] { inode++, mode, 0, 0, 1, 0, data.Length, 0, 0, 0, 0, name.Length + 1, 0 }.Select(v => v.ToString("X8", System.Globalization.CultureInfo.InvariantCulture)));
            var head = Encoding.ASCII.GetBytes(header + name + "\0");
            output.Write(head);
            output.Write(new byte[(4 - (head.Length % 4)) % 4]);
            output.Write(data);
            output.Write(new byte[(4 - (data.Length % 4)) % 4]);
        }

        foreach (var folder in new[] { "bin", "dev", "proc", "sys" })
        {
            Entry(folder, 0x41ed, []); // directory, 0755
        }

        Entry("bin/busybox", 0x81ed, File.ReadAllBytes(busybox)); // regular file, 0755
        Entry("init", 0x81ed, Encoding.ASCII.GetBytes(init));
        Entry("TRAILER!!!", 0, []);
    }
}
