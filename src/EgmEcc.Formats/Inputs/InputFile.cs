namespace EgmEcc.Formats.Inputs;

/// <summary>
/// An input as the user named it: a display name for diagnostics and a way to open it.
/// <c>-</c> is standard input, which the command line supplies.
/// </summary>
/// <param name="Name">The name diagnostics print (the path as given, or <c>-</c>).</param>
/// <param name="Open">Opens a fresh, readable stream positioned at the start.</param>
public sealed record InputFile(string Name, Func<Stream> Open)
{
    /// <summary>A file on disk, or standard input for <c>-</c>.</summary>
    /// <param name="path">The path as given.</param>
    /// <param name="standardInput">Opens standard input, for <c>-</c>: the command line passes its console's, so no library reaches for the process's own.</param>
    public static InputFile FromPath(string path, Func<Stream>? standardInput = null)
    {
        ArgumentException.ThrowIfNullOrEmpty(path);
        if (path == "-")
        {
            return new InputFile("-", standardInput ?? throw new ArgumentException("'-' is standard input; the caller must say how to open it", nameof(standardInput)));
        }

        return new InputFile(path, () => OpenFile(path));
    }

    /// <summary>An input held in memory (tests, standard input already read).</summary>
    public static InputFile FromBytes(string name, byte[] bytes) => new(name, () => new MemoryStream(bytes, writable: false));

    /// <summary>
    /// The length in bytes when known (the loader sets it before detection), so binary formats
    /// can check that their counts agree with the size of the file; null when unknown.
    /// </summary>
    public long? Length { get; init; }

    /// <summary>
    /// The region the input belongs to when whoever supplied it knows (a host collection's
    /// firmware table or driver list of <c>egm0</c>, named after its origin <c>/dev/mem@0x...</c>);
    /// region-relative readers take it before an <c>egm&lt;N&gt;</c> in the file name.
    /// </summary>
    public string? Region { get; init; }

    /// <summary>The file name without directories, used by readers that take hints from it (<c>egm4</c>).</summary>
    public string FileName => Path.GetFileName(Name);

    /// <summary>The extension, lower-case, with its dot (<c>.csv</c>), or empty.</summary>
    public string Extension => Path.GetExtension(Name).ToLowerInvariant();

    private static FileStream OpenFile(string path)
    {
        try
        {
            return new FileStream(path, FileMode.Open, FileAccess.Read, FileShare.Read, bufferSize: 1 << 16, FileOptions.SequentialScan);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            var reason = Directory.Exists(path) ? "it is a directory" : IoFailure.Reason(e, missing: "no such file");
            throw new InputException(SourceLocation.InFile(path), $"cannot open: {reason}");
        }
    }
}
