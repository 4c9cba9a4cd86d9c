namespace EgmEcc.Formats.Inputs;

/// <summary>
/// Reads the inputs of a run, each through the reader its content (or the user) names: regions
/// into a validated <see cref="RegionSet"/>, retired records into one list in input order.
/// </summary>
/// <param name="formats">The formats to choose from.</param>
/// <param name="options">What readers may need beyond their bytes.</param>
public sealed class InputLoader(FormatRegistry formats, ReadOptions options)
{
    /// <summary>Reads and validates every region of <paramref name="files"/>.</summary>
    /// <remarks>
    /// Inputs that describe no region at all are an error: a plan of nothing would pass every
    /// gate, and the usual cause is the wrong file (an ACPI table without the EGM properties, a
    /// CSV with only its header). One file of several may hold none (a DSDT beside the SSDTs).
    /// </remarks>
    /// <exception cref="InputException">Bad input anywhere, or no region in any of the files.</exception>
    public RegionSet LoadRegions(IEnumerable<InputFile> files, string? format = null)
    {
        var regions = new List<Region>();
        var names = new List<string>();
        foreach (var file in files)
        {
            using var stream = OpenRewindable(file, out var head, out var sized);
            var reader = formats.PickRegionReader(head, sized, format);
            regions.AddRange(reader.Read(stream, sized, options));
            names.Add(file.Name);
        }

        if (regions.Count == 0 && names.Count > 0)
        {
            var others = names.Count == 1 ? string.Empty : $" (nor in {string.Join(", ", names.Skip(1))})";
            throw new InputException(SourceLocation.InFile(names[0]), $"no EGM region found{others}; a regions input needs at least one row 'id,node,base,size' or one _DSD with the nvidia,egm-* properties");
        }

        return RegionSet.Create(regions);
    }

    /// <summary>Reads every retired record of <paramref name="files"/>, in order, with the notes the readers made.</summary>
    /// <exception cref="InputException">Bad input anywhere.</exception>
    public RetiredInput LoadRetired(IEnumerable<InputFile> files, string? format = null)
    {
        var records = new List<RetiredRecord>();
        var diagnostics = new List<Diagnostic>();
        foreach (var file in files)
        {
            using var stream = OpenRewindable(file, out var head, out var sized);
            var reader = formats.PickRetiredReader(head, sized, format);
            reader.Read(stream, sized, options, records, diagnostics.Add);
        }

        return new RetiredInput(records, diagnostics);
    }

    /// <summary>
    /// How far ahead a stream that cannot seek (standard input) is read before detection: enough
    /// to know the exact length of any driver dump (a full ioctl list of a 4 KiB-page host is
    /// 8 + 16 * 65536 bytes), so binary formats are detected there as from a file.
    /// </summary>
    internal const int StandardInputPeek = (1 << 20) + FormatRegistry.HeadLength;

    /// <summary>
    /// Opens <paramref name="file"/> and reads its first bytes for detection, returning a stream
    /// positioned at the start again: seekable files are rewound; standard input replays the bytes
    /// it was peeked by and streams the rest, so it is never held whole in memory.
    /// </summary>
    /// <param name="file">The input.</param>
    /// <param name="head">Up to <see cref="FormatRegistry.HeadLength"/> first bytes.</param>
    /// <param name="sized">The file with its <see cref="InputFile.Length"/>: known for files and
    /// for standard input shorter than <see cref="StandardInputPeek"/>, null beyond (readers then
    /// find truncation by reading).</param>
    internal static Stream OpenRewindable(InputFile file, out byte[] head, out InputFile sized)
    {
        var stream = file.Open();
        if (!stream.CanSeek)
        {
            var peeked = PeekedStream.Peek(stream, StandardInputPeek);
            head = peeked.Peeked[..Math.Min(peeked.Peeked.Length, FormatRegistry.HeadLength)].ToArray();
            sized = file with { Length = peeked.KnownLength };
            return peeked;
        }

        var buffer = new byte[FormatRegistry.HeadLength];
        var length = stream.ReadAtLeast(buffer, buffer.Length, throwOnEndOfStream: false);
        head = buffer[..length];
        stream.Position = 0;
        sized = file with { Length = stream.Length };
        return stream;
    }
}

/// <summary>The retired records of a run, in input order, and the readers' notes.</summary>
/// <param name="Records">Every record read.</param>
/// <param name="Diagnostics">Notes that did not stop the run (lines ignored, entries skipped).</param>
public sealed record RetiredInput(List<RetiredRecord> Records, List<Diagnostic> Diagnostics);
