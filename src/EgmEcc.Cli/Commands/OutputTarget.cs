using System.Text;

namespace EgmEcc.Cli.Commands;

/// <summary>Writes an output to standard output or to the file <c>--output</c> names.</summary>
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

        // Write beside the target, then move, so a failed run never leaves half a file.
        var temporary = path + ".tmp";
        try
        {
            using (var file = new StreamWriter(temporary, append: false, new UTF8Encoding(encoderShouldEmitUTF8Identifier: false)))
            {
                write(file);
            }

            File.Move(temporary, path, overwrite: true);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            var reason = e switch
            {
                DirectoryNotFoundException => "no such directory",
                UnauthorizedAccessException => "permission denied",
                _ => e.Message,
            };
            throw new IOException($"cannot write {path}: {reason}", e);
        }
        finally
        {
            if (File.Exists(temporary))
            {
                File.Delete(temporary);
            }
        }
    }
}
