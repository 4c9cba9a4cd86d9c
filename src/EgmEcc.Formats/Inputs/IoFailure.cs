namespace EgmEcc.Formats.Inputs;

/// <summary>
/// The few words an error line gives for a failed file-system call ("permission denied"), the same
/// for every input and output, instead of the runtime's long message with its full path.
/// </summary>
public static class IoFailure
{
    /// <summary>The reason to print for <paramref name="failure"/>.</summary>
    /// <param name="failure">An <see cref="IOException"/> or <see cref="UnauthorizedAccessException"/>.</param>
    /// <param name="missing">What a missing path is called where it failed ("no such file", "no such directory").</param>
    public static string Reason(Exception failure, string missing = "no such directory") => failure switch
    {
        UnauthorizedAccessException => "permission denied",
        FileNotFoundException or DirectoryNotFoundException => missing,
        _ => failure.Message,
    };
}
