using EgmEcc.Formats.Acpi;
using EgmEcc.Formats.Binary;
using EgmEcc.Formats.Csv;
using EgmEcc.Formats.Json;
using EgmEcc.Formats.KernelLog;
using EgmEcc.Formats.Wording;

namespace EgmEcc.Formats.Inputs;

/// <summary>
/// Every input format EgmEcc reads, and detection: from content first, then the extension; a
/// named format (the regions or retired format the caller gives) overrides both.
/// </summary>
public sealed class FormatRegistry
{
    /// <summary>How many leading bytes detection looks at.</summary>
    public const int HeadLength = 4096;

    /// <summary>Creates a registry over the given readers, tried in order on ties.</summary>
    public FormatRegistry(IEnumerable<IRegionReader> regionReaders, IEnumerable<IRetiredReader> retiredReaders)
    {
        RegionReaders = new(regionReaders);
        RetiredReaders = new(retiredReaders);
    }

    /// <summary>Every format EgmEcc knows.</summary>
    public static FormatRegistry Default { get; } = new(
        [new RegionCsvReader(), new RegionJsonReader(), new AcpiDslRegionReader(), new AmlRegionReader()],
        [new RetiredCsvReader(), new RetiredJsonReader(), new FirmwareTableReader(), new IoctlListReader(), new KernelLogReader()]);

    /// <summary>The region formats.</summary>
    public Registry<IRegionReader> RegionReaders { get; }

    /// <summary>The retired-record formats.</summary>
    public Registry<IRetiredReader> RetiredReaders { get; }

    /// <summary>Picks the region reader for <paramref name="file"/>.</summary>
    public IRegionReader PickRegionReader(ReadOnlySpan<byte> head, InputFile file, string? name) =>
        Pick(RegionReaders, (r, h) => r.Sniff(h, file), head, file, name, "region", Setting.RegionsFormat);

    /// <summary>Picks the retired-record reader for <paramref name="file"/>.</summary>
    public IRetiredReader PickRetiredReader(ReadOnlySpan<byte> head, InputFile file, string? name) =>
        Pick(RetiredReaders, (r, h) => r.Sniff(h, file), head, file, name, "retired", Setting.RetiredFormat);

    private delegate int Sniffer<in T>(T reader, ReadOnlySpan<byte> head);

    private static T Pick<T>(Registry<T> readers, Sniffer<T> sniff, ReadOnlySpan<byte> head, InputFile file, string? name, string kind, Setting setting)
        where T : class, INamedFormat
    {
        if (name is not null)
        {
            return readers.Find(name)
                ?? throw new InputException(SourceLocation.InFile(file.Name), $"unknown {kind} format '{name}'; known: {string.Join(", ", readers.Names)}");
        }

        if (head.IsEmpty)
        {
            throw new InputException(SourceLocation.InFile(file.Name), $"the file is empty; expected {kind} records");
        }

        T? best = default;
        var bestScore = Sniffing.No;
        foreach (var reader in readers)
        {
            var score = sniff(reader, head);
            if (score > bestScore)
            {
                (best, bestScore) = (reader, score);
            }
        }

        return bestScore > Sniffing.No
            ? best!
            : throw new InputException(SourceLocation.InFile(file.Name), Messages.CannotTellFormat(kind, readers.Names, setting));
    }
}
