namespace EgmEcc.Formats.Inputs;

/// <summary>A format that lists retired memory, named by <c>--retired-format</c> (<c>csv</c>, <c>json</c>, <c>fwtable</c>, ...).</summary>
public interface IRetiredReader : INamedFormat
{
    /// <summary>How confident the reader is that <paramref name="head"/> (the first bytes) is its format; 0 for not at all.</summary>
    /// <param name="head">Up to the first 4 KiB of the file.</param>
    /// <param name="file">The input, for its name and extension.</param>
    int Sniff(ReadOnlySpan<byte> head, InputFile file);

    /// <summary>
    /// Reads every record, streaming, into <paramref name="sink"/>; throws <see cref="InputException"/>
    /// at the first bad one. Notes that do not stop the run (lines ignored, say) go to <paramref name="report"/>.
    /// </summary>
    void Read(Stream stream, InputFile file, ReadOptions options, RetiredRecordSink sink, Action<Diagnostic> report);
}
