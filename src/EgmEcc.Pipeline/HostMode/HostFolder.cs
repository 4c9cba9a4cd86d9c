using System.Text;
using EgmEcc.Formats.Collection;

namespace EgmEcc.Pipeline.HostMode;

/// <summary>
/// Writes a <see cref="HostCollection"/> as one host folder, <c>DIR/&lt;host&gt;/</c>, that a fleet
/// directory reads as the host (docs/design.md §3): the evidence files and <c>manifest.json</c>.
/// </summary>
/// <remarks>
/// The folder is written as <c>DIR/.&lt;host&gt;.tmp-XXXX</c> (a fleet skips names starting with a
/// dot) and renamed into place when complete, so a failure never leaves a folder that looks whole.
/// </remarks>
public static class HostFolder
{
    /// <summary>Writes <paramref name="collection"/> under <paramref name="directory"/> and returns the host folder's path.</summary>
    /// <param name="collection">What was collected.</param>
    /// <param name="directory">The fleet directory (created if missing).</param>
    /// <param name="replace">Replace an existing, non-empty host folder.</param>
    /// <exception cref="HostFolderExistsException">The host folder exists, is not empty, and <paramref name="replace"/> is false.</exception>
    /// <exception cref="IOException">The folder cannot be written.</exception>
    public static string Write(HostCollection collection, string directory, bool replace)
    {
        ArgumentNullException.ThrowIfNull(collection);
        ArgumentException.ThrowIfNullOrEmpty(directory);
        var target = Path.Join(directory, collection.Host);
        if (!replace && Directory.Exists(target) && Directory.EnumerateFileSystemEntries(target).Any())
        {
            throw new HostFolderExistsException(target);
        }

        Directory.CreateDirectory(directory);
        var staging = Path.Join(directory, $".{collection.Host}.tmp-{Guid.NewGuid().ToString("n")[..8]}");
        try
        {
            Directory.CreateDirectory(staging);
            foreach (var file in collection.Files)
            {
                File.WriteAllBytes(Path.Join(staging, file.FileName), file.Bytes);
            }

            using (var manifest = new StreamWriter(Path.Join(staging, CollectionManifest.FileName), false, new UTF8Encoding(encoderShouldEmitUTF8Identifier: false)))
            {
                ManifestWriter.Write(collection.Manifest, manifest);
            }

            if (Directory.Exists(target))
            {
                Directory.Delete(target, recursive: true);
            }

            Directory.Move(staging, target);
            return target;
        }
        finally
        {
            if (Directory.Exists(staging))
            {
                Directory.Delete(staging, recursive: true);
            }
        }
    }
}

/// <summary>The host folder a collection would be written to already holds files.</summary>
/// <param name="folder">The folder.</param>
public sealed class HostFolderExistsException(string folder) : IOException($"{folder} exists and is not empty")
{
    /// <summary>The folder.</summary>
    public string Folder => folder;
}
