namespace EgmEcc.Pipeline.HostMode;

/// <summary>What a path names, as the host's file system says (symbolic links followed).</summary>
public enum EntryKind
{
    /// <summary>Nothing there, or it cannot be looked at.</summary>
    Missing,

    /// <summary>A regular file.</summary>
    Regular,

    /// <summary>A directory.</summary>
    Directory,

    /// <summary>A character device (<c>/dev/mem</c>, <c>/dev/kmsg</c>, <c>/dev/egmN</c> on a live host).</summary>
    CharacterDevice,

    /// <summary>A named pipe.</summary>
    Fifo,

    /// <summary>Anything else (a block device, a socket).</summary>
    Other,
}

/// <summary>Bytes read from the host, or why they could not be.</summary>
/// <param name="Bytes">The bytes, or null when the read failed.</param>
/// <param name="Failure">Why the read failed (<c>operation not permitted (EPERM)</c>), or null.</param>
public readonly record struct HostRead(byte[]? Bytes, string? Failure)
{
    /// <summary>A read that gave <paramref name="bytes"/>.</summary>
    public static HostRead Of(byte[] bytes) => new(bytes, null);

    /// <summary>A read that failed for <paramref name="reason"/>.</summary>
    public static HostRead Failed(string reason) => new(null, reason);
}

/// <summary>The memory-error records of the kernel log, as read.</summary>
/// <param name="Records">The records kept, each one line as it came, in order.</param>
/// <param name="Seen">Every record or line read, kept or not.</param>
/// <param name="Overwritten">How many times the kernel said records were overwritten before they were read (<c>EPIPE</c>).</param>
/// <param name="Failure">Why reading stopped early, or null.</param>
public sealed record KernelRecords(IReadOnlyList<byte[]> Records, long Seen, long Overwritten, string? Failure);

/// <summary>
/// How collection reaches the host: files, physical memory, the kernel log and the EGM devices
/// (docs/design.md §3). One seam, so that tests can refuse a read (<c>EPERM</c> on
/// <c>/dev/mem</c>) or watch which paths are opened without root.
/// </summary>
/// <remarks>Paths are the paths on this machine (the root already joined). No method ever blocks.</remarks>
public abstract class HostSystem
{
    /// <summary>The real file system and devices.</summary>
    public static HostSystem Live { get; } = new LiveHostSystem();

    /// <summary>What <paramref name="path"/> is; nothing is opened.</summary>
    public abstract EntryKind KindOf(string path);

    /// <summary>The names of the entries of <paramref name="directory"/>, sorted ordinally; empty when it cannot be listed.</summary>
    public abstract IReadOnlyList<string> Entries(string directory);

    /// <summary>Reads a small file whole, never waiting for data (a FIFO reads as what is there).</summary>
    /// <param name="path">The file.</param>
    /// <param name="maxBytes">The most bytes read; a longer file is a failure.</param>
    public abstract HostRead ReadFile(string path, int maxBytes);

    /// <summary>Reads exactly <paramref name="count"/> bytes at <paramref name="offset"/> (<c>/dev/mem</c> at an SPA); a short read is a failure.</summary>
    public abstract HostRead ReadAt(string path, ulong offset, int count);

    /// <summary>
    /// Reads the kernel log at <paramref name="path"/> without blocking: one record per read from
    /// <c>/dev/kmsg</c> until nothing is left, or the lines of a regular file or FIFO. Keeps the
    /// lines <paramref name="keep"/> accepts; continuation lines (a leading space) are dropped.
    /// </summary>
    public abstract KernelRecords ReadKernelRecords(string path, Func<ReadOnlySpan<byte>, bool> keep);

    /// <summary>
    /// Asks the nvgrace-egm driver for its retired-page list (<c>EGM_RETIRED_PAGES_LIST</c>) on the
    /// device at <paramref name="path"/>: the list as the driver filled it. Opening the device makes
    /// the driver zero the whole region the first time (docs/design.md §1): only on request.
    /// </summary>
    public abstract HostRead DriverList(string path);
}
