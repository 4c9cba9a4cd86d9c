using System.Runtime.InteropServices;
using EgmEcc.Formats.Inputs;
using EgmEcc.Formats.Output;

namespace EgmEcc.Cli.Commands;

/// <summary>Writes an output to standard output or to the file <c>--output</c> names.</summary>
/// <remarks>
/// A file is written beside its target and then moved over it, so a failed run never leaves half a
/// file. A symbolic link is followed (the file it names is replaced, not the link), and a device
/// or process file (<c>/dev/null</c>, <c>/dev/stdout</c>, <c>/proc/self/fd/N</c>) is written in place:
/// moving a file over it would replace the device itself.
/// </remarks>
internal static class OutputTarget
{
    public static void Write(string? path, CliConsole console, Action<TextWriter> write)
    {
        if (path is null or "-")
        {
            write(console.Out);
            console.Out.Flush();
            return;
        }

        if (Directory.Exists(path))
        {
            throw new IOException($"cannot write {path}: it is a directory");
        }

        var target = path;
        string? temporary = null;
        try
        {
            if (WritesInPlace(path) || WritesInPlace(target = FinalTarget(path)))
            {
                using var device = new Utf8StreamOutput(Create(path));
                write(device);
                return;
            }

            temporary = $"{target}.egmecc-{Environment.ProcessId}.tmp";
            using var interrupted = new InterruptCleanup(temporary);
            using (var file = new Utf8StreamOutput(Create(temporary)))
            {
                write(file);
            }

            interrupted.Commit(() => File.Move(temporary, target, overwrite: true));
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            throw new IOException($"cannot write {path}: {IoFailure.Reason(e)}", e);
        }
        finally
        {
            if (temporary is not null && File.Exists(temporary))
            {
                File.Delete(temporary);
            }
        }
    }

    /// <summary>
    /// The file to write, unbuffered: <see cref="Utf8StreamOutput"/> buffers 64 KiB and writes whole
    /// chunks (a FileStream's own 4 KiB buffer made one system call per 4 KiB).
    /// </summary>
    private static FileStream Create(string path) => new(path, FileMode.Create, FileAccess.Write, FileShare.Read, bufferSize: 0);

    /// <summary>
    /// Checks, before the work, that <paramref name="path"/> can be written: it is not a directory,
    /// its directory exists and a file can be created there (the very temporary file
    /// <see cref="Write"/> uses, created and deleted at once). A run then fails in a moment with
    /// one line, instead of after minutes of work or a whole report printed for nothing.
    /// </summary>
    /// <exception cref="IOException"><c>cannot write PATH: reason</c>.</exception>
    public static void Check(string? path)
    {
        if (path is null or "-")
        {
            return;
        }

        if (Directory.Exists(path))
        {
            throw new IOException($"cannot write {path}: it is a directory");
        }

        try
        {
            if (WritesInPlace(path) || WritesInPlace(FinalTarget(path)))
            {
                return;
            }

            var target = FinalTarget(path);
            var directory = Path.GetDirectoryName(Path.GetFullPath(target));
            if (directory is not null && !Directory.Exists(directory))
            {
                throw new DirectoryNotFoundException(directory);
            }

            // The probe is the write's own temporary: an interrupt while it exists deletes it too.
            var probe = $"{target}.egmecc-{Environment.ProcessId}.tmp";
            using (new InterruptCleanup(probe))
            using (File.Create(probe, 1, FileOptions.DeleteOnClose))
            {
            }
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            throw new IOException($"cannot write {path}: {IoFailure.Reason(e)}", e);
        }
    }

    /// <summary>True for paths that name a device or a process's file rather than a file on a disk.</summary>
    internal static bool WritesInPlace(string path)
    {
        var full = Path.GetFullPath(path);
        return full.StartsWith("/dev/", StringComparison.Ordinal) || full.StartsWith("/proc/", StringComparison.Ordinal) || full.StartsWith("/sys/", StringComparison.Ordinal);
    }

    /// <summary>The file <paramref name="path"/> names once every symbolic link is followed (itself when it is none).</summary>
    private static string FinalTarget(string path)
    {
        var info = new FileInfo(path);
        return info.LinkTarget is null ? path : info.ResolveLinkTarget(returnFinalTarget: true)?.FullName ?? path;
    }
}

/// <summary>
/// While a temporary output file is written, SIGINT and SIGTERM delete it and end the run with the
/// shell's code for the signal (130, 143): the target is left as it was, and no
/// <c>FILE.egmecc-PID.tmp</c> stays behind (they reached hundreds of megabytes).
/// </summary>
internal sealed class InterruptCleanup : IDisposable
{
    private readonly string temporary;
    private readonly object gate = new();
    private readonly PosixSignalRegistration[] registrations;
    private bool committed;

    public InterruptCleanup(string temporary)
    {
        this.temporary = temporary;
        registrations = [PosixSignalRegistration.Create(PosixSignal.SIGINT, Handle), PosixSignalRegistration.Create(PosixSignal.SIGTERM, Handle)];
    }

    /// <summary>The exit code a shell gives a process the signal ended: 128 + its number.</summary>
    internal static int ExitCodeOf(PosixSignal signal) => signal switch
    {
        PosixSignal.SIGINT => 128 + 2,
        PosixSignal.SIGTERM => 128 + 15,
        _ => 128 + 1,
    };

    /// <summary>Runs the move of the finished file, so that a signal either comes before it (and deletes the file) or after it.</summary>
    public void Commit(Action move)
    {
        lock (gate)
        {
            move();
            committed = true;
        }
    }

    /// <inheritdoc/>
    public void Dispose()
    {
        foreach (var registration in registrations)
        {
            registration.Dispose();
        }
    }

    private void Handle(PosixSignalContext context)
    {
        lock (gate)
        {
            if (!committed)
            {
                try
                {
                    File.Delete(temporary);
                }
                catch (Exception e) when (e is IOException or UnauthorizedAccessException)
                {
                    // Nothing more can be done while the process is ending; the exit code still says why.
                }
            }
        }

        context.Cancel = true;
        Environment.Exit(ExitCodeOf(context.Signal));
    }
}
