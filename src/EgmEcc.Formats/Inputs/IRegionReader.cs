namespace EgmEcc.Formats.Inputs;

/// <summary>A format that describes EGM regions, named by <c>--regions-format</c> (<c>csv</c>, <c>json</c>, <c>acpi</c>, ...).</summary>
public interface IRegionReader : INamedFormat
{
    /// <summary>How confident the reader is that <paramref name="head"/> (the first bytes) is its format; 0 for not at all.</summary>
    /// <param name="head">Up to the first 4 KiB of the file.</param>
    /// <param name="file">The input, for its extension.</param>
    int Sniff(ReadOnlySpan<byte> head, InputFile file);

    /// <summary>Reads every region, streaming; throws <see cref="InputException"/> at the first bad one.</summary>
    IEnumerable<Region> Read(Stream stream, InputFile file, ReadOptions options);
}
