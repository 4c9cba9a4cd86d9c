using System.Runtime.InteropServices;

namespace EgmEcc.Pipeline.HostMode;

/// <summary>
/// The few libc calls host mode needs that .NET streams cannot make without blocking or without
/// losing the error: a non-blocking <c>open</c>, one <c>read</c> per <c>/dev/kmsg</c> record,
/// <c>pread</c> at a physical address, <c>ioctl</c> and <c>statx</c>. Source-generated
/// (<see cref="LibraryImportAttribute"/>), so nothing needs code generated at run time.
/// </summary>
internal static unsafe partial class Libc
{
    // Linux values, the same on x86-64 and arm64.
    public const int ReadOnly = 0;
    public const int NonBlocking = 0x800;
    public const int CloseOnExec = 0x80000;

    public const int EPERM = 1;
    public const int ENOENT = 2;
    public const int EINTR = 4;
    public const int EIO = 5;
    public const int ENXIO = 6;
    public const int EAGAIN = 11;
    public const int EACCES = 13;
    public const int EFAULT = 14;
    public const int EBUSY = 16;
    public const int ENODEV = 19;
    public const int EINVAL = 22;
    public const int ENOTTY = 25;
    public const int EPIPE = 32;

    /// <summary><c>_IO('E', 100)</c>: the nvgrace-egm driver's <c>EGM_RETIRED_PAGES_LIST</c>.</summary>
    public const uint RetiredPagesList = ('E' << 8) | 100;

    private const int AtCurrentDirectory = -100;
    private const uint StatxType = 1;

    [LibraryImport("libc", EntryPoint = "open", StringMarshalling = StringMarshalling.Utf8, SetLastError = true)]
    public static partial int Open(string path, int flags);

    [LibraryImport("libc", EntryPoint = "read", SetLastError = true)]
    public static partial nint Read(int fd, byte* buffer, nuint count);

    [LibraryImport("libc", EntryPoint = "pread", SetLastError = true)]
    public static partial nint PRead(int fd, byte* buffer, nuint count, long offset);

    [LibraryImport("libc", EntryPoint = "ioctl", SetLastError = true)]
    public static partial int Ioctl(int fd, nuint request, byte* argument);

    [LibraryImport("libc", EntryPoint = "close")]
    public static partial int Close(int fd);

    [LibraryImport("libc", EntryPoint = "statx", StringMarshalling = StringMarshalling.Utf8, SetLastError = true)]
    private static partial int Statx(int directory, string path, int flags, uint mask, byte* buffer);

    /// <summary>The file type bits of <paramref name="path"/>'s mode (<c>S_IFMT</c>), following links; -1 with the errno when it cannot be looked at.</summary>
    public static int FileType(string path, out int errno)
    {
        // struct statx is the same on every architecture; stx_mode is the u16 at byte 28.
        var buffer = stackalloc byte[256];
        if (Statx(AtCurrentDirectory, path, 0, StatxType, buffer) != 0)
        {
            errno = Marshal.GetLastPInvokeError();
            return -1;
        }

        errno = 0;
        return *(ushort*)(buffer + 28) & 0xF000;
    }

    /// <summary>An errno as people read it: <c>operation not permitted (EPERM)</c>.</summary>
    public static string Describe(int errno)
    {
        var name = errno switch
        {
            EPERM => "EPERM",
            ENOENT => "ENOENT",
            EIO => "EIO",
            ENXIO => "ENXIO",
            EAGAIN => "EAGAIN",
            EACCES => "EACCES",
            EFAULT => "EFAULT",
            EBUSY => "EBUSY",
            ENODEV => "ENODEV",
            EINVAL => "EINVAL",
            ENOTTY => "ENOTTY",
            EPIPE => "EPIPE",
            _ => $"errno {errno}",
        };
        var text = Marshal.GetPInvokeErrorMessage(errno);
        return string.IsNullOrEmpty(text) ? name : $"{char.ToLowerInvariant(text[0])}{text[1..]} ({name})";
    }
}
