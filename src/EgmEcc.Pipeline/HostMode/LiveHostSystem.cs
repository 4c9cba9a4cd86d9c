using System.Buffers.Binary;
using System.Runtime.InteropServices;

namespace EgmEcc.Pipeline.HostMode;

/// <summary>The host itself, through libc (<see cref="Libc"/>): every open is non-blocking, so a FIFO or an idle device never stops a run.</summary>
internal sealed unsafe class LiveHostSystem : HostSystem
{
    /// <summary>The most kernel-log bytes read: the kernel's ring buffer is a few MiB at most; a device that never ends (a hostile tree) must not hold the run.</summary>
    internal const long MaxKernelLogBytes = 256L << 20;

    /// <summary>The largest driver list asked for: 4096 firmware entries of 16 host pages each, with room to spare.</summary>
    internal const int MaxDriverListBytes = 64 << 20;

    /// <summary>
    /// A <c>/dev/kmsg</c> read must hold a whole record or the kernel refuses it (<c>EINVAL</c>);
    /// records are at most about 8 KiB (<c>PRINTK_MESSAGE_MAX</c> and its dictionary).
    /// </summary>
    private const int RecordBuffer = 16 * 1024;

    public override EntryKind KindOf(string path) => Libc.FileType(path, out _) switch
    {
        -1 => EntryKind.Missing,
        0x8000 => EntryKind.Regular,
        0x4000 => EntryKind.Directory,
        0x2000 => EntryKind.CharacterDevice,
        0x1000 => EntryKind.Fifo,
        _ => EntryKind.Other,
    };

    public override IReadOnlyList<string> Entries(string directory)
    {
        try
        {
            return [.. Directory.EnumerateFileSystemEntries(directory).Select(Path.GetFileName).OfType<string>().Order(StringComparer.Ordinal)];
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            return [];
        }
    }

    public override HostRead ReadFile(string path, int maxBytes)
    {
        var fd = Libc.Open(path, Libc.ReadOnly | Libc.NonBlocking | Libc.CloseOnExec);
        if (fd < 0)
        {
            return HostRead.Failed(Libc.Describe(Marshal.GetLastPInvokeError()));
        }

        try
        {
            var content = new MemoryStream();
            var chunk = new byte[64 * 1024];
            while (true)
            {
                nint got;
                fixed (byte* p = chunk)
                {
                    got = Libc.Read(fd, p, (nuint)chunk.Length);
                }

                if (got < 0)
                {
                    var errno = Marshal.GetLastPInvokeError();
                    if (errno == Libc.EINTR)
                    {
                        continue;
                    }

                    // Nothing more now (a FIFO whose writer is idle): what is there is the file.
                    if (errno == Libc.EAGAIN)
                    {
                        break;
                    }

                    return HostRead.Failed(Libc.Describe(errno));
                }

                if (got == 0)
                {
                    break;
                }

                if (content.Length + got > maxBytes)
                {
                    return HostRead.Failed($"larger than {maxBytes} bytes");
                }

                content.Write(chunk, 0, (int)got);
            }

            return HostRead.Of(content.ToArray());
        }
        finally
        {
            Libc.Close(fd);
        }
    }

    public override HostRead ReadAt(string path, ulong offset, int count)
    {
        if (offset > long.MaxValue)
        {
            return HostRead.Failed($"the address is beyond the largest file offset ({Libc.Describe(Libc.EINVAL)})");
        }

        var fd = Libc.Open(path, Libc.ReadOnly | Libc.CloseOnExec);
        if (fd < 0)
        {
            return HostRead.Failed($"open: {Libc.Describe(Marshal.GetLastPInvokeError())}");
        }

        try
        {
            var bytes = new byte[count];
            var filled = 0;
            while (filled < count)
            {
                nint got;
                fixed (byte* p = bytes)
                {
                    got = Libc.PRead(fd, p + filled, (nuint)(count - filled), (long)offset + filled);
                }

                if (got < 0)
                {
                    var errno = Marshal.GetLastPInvokeError();
                    if (errno == Libc.EINTR)
                    {
                        continue;
                    }

                    return HostRead.Failed($"read: {Libc.Describe(errno)}");
                }

                if (got == 0)
                {
                    return HostRead.Failed($"short read: {filled} of {count} bytes");
                }

                filled += (int)got;
            }

            return HostRead.Of(bytes);
        }
        finally
        {
            Libc.Close(fd);
        }
    }

    public override KernelRecords ReadKernelRecords(string path, Func<ReadOnlySpan<byte>, bool> keep)
    {
        // O_NONBLOCK: /dev/kmsg then answers EAGAIN when every record is read instead of waiting
        // for the next one, and a FIFO nobody writes opens and reads as empty.
        var fd = Libc.Open(path, Libc.ReadOnly | Libc.NonBlocking | Libc.CloseOnExec);
        if (fd < 0)
        {
            return new KernelRecords([], 0, 0, Libc.Describe(Marshal.GetLastPInvokeError()));
        }

        var kept = new List<byte[]>();
        long seen = 0, overwritten = 0, total = 0;
        string? failure = null;
        try
        {
            var buffer = new byte[RecordBuffer];
            var carry = new List<byte>();
            while (true)
            {
                nint got;
                fixed (byte* p = buffer)
                {
                    got = Libc.Read(fd, p, (nuint)buffer.Length);
                }

                if (got < 0)
                {
                    var errno = Marshal.GetLastPInvokeError();
                    if (errno == Libc.EINTR)
                    {
                        continue;
                    }

                    if (errno == Libc.EPIPE)
                    {
                        // The ring buffer wrapped past the records not yet read; the next read goes on from the oldest left.
                        overwritten++;
                        continue;
                    }

                    if (errno != Libc.EAGAIN)
                    {
                        failure = Libc.Describe(errno);
                    }

                    break;
                }

                if (got == 0)
                {
                    break;
                }

                total += got;
                if (total > MaxKernelLogBytes)
                {
                    failure = $"stopped after {MaxKernelLogBytes >> 20} MiB: no kernel log is that long";
                    break;
                }

                // /dev/kmsg gives one record (and its continuation lines) a read; a file gives
                // chunks. Splitting at line ends with a carry serves both.
                var span = buffer.AsSpan(0, (int)got);
                while (span.IndexOf((byte)'\n') is var end and >= 0)
                {
                    carry.AddRange(span[..end]);
                    Take(CollectionsMarshal.AsSpan(carry));
                    carry.Clear();
                    span = span[(end + 1)..];
                }

                carry.AddRange(span);
            }

            if (carry.Count > 0)
            {
                Take(CollectionsMarshal.AsSpan(carry));
            }
        }
        finally
        {
            Libc.Close(fd);
        }

        return new KernelRecords(kept, seen, overwritten, failure);

        void Take(ReadOnlySpan<byte> line)
        {
            if (line.IsEmpty || line[0] == (byte)' ')
            {
                return;
            }

            seen++;
            if (keep(line))
            {
                kept.Add(line.ToArray());
            }
        }
    }

    public override HostRead DriverList(string path)
    {
        var fd = Libc.Open(path, Libc.ReadOnly | Libc.CloseOnExec);
        if (fd < 0)
        {
            return HostRead.Failed($"open: {Libc.Describe(Marshal.GetLastPInvokeError())}");
        }

        try
        {
            // docs/design.md §1: an argsz too small answers count 0 and the size needed.
            var probe = new byte[8];
            BinaryPrimitives.WriteUInt32LittleEndian(probe, 8);
            if (Call(fd, probe) is { } failed)
            {
                return HostRead.Failed(failed);
            }

            var needed = BinaryPrimitives.ReadUInt32LittleEndian(probe);
            if (needed <= 8 || BinaryPrimitives.ReadUInt32LittleEndian(probe.AsSpan(4)) > 0)
            {
                return HostRead.Of(probe);
            }

            if (needed > MaxDriverListBytes)
            {
                return HostRead.Failed($"the driver asks for a {needed}-byte buffer, more than {MaxDriverListBytes >> 20} MiB");
            }

            var list = new byte[needed];
            BinaryPrimitives.WriteUInt32LittleEndian(list, needed);
            if (Call(fd, list) is { } again)
            {
                return HostRead.Failed(again);
            }

            var count = BinaryPrimitives.ReadUInt32LittleEndian(list.AsSpan(4));
            var used = 8 + (16L * count);
            return used <= list.Length ? HostRead.Of(list[..(int)used]) : HostRead.Of(list);
        }
        finally
        {
            Libc.Close(fd);
        }

        static string? Call(int fd, byte[] buffer)
        {
            fixed (byte* p = buffer)
            {
                return Libc.Ioctl(fd, Libc.RetiredPagesList, p) < 0 ? $"ioctl EGM_RETIRED_PAGES_LIST: {Libc.Describe(Marshal.GetLastPInvokeError())}" : null;
            }
        }
    }
}
