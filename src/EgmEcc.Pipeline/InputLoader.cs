using EgmEcc.Formats.Inputs;

namespace EgmEcc.Pipeline;

/// <summary>
/// Reads the inputs of a run, each through the reader its content (or the user) names: regions
/// into a validated <see cref="RegionSet"/>, retired records in input order into a list or any
/// <see cref="RetiredRecordSink"/>.
/// </summary>
/// <remarks>
/// When the read options name a host (a fleet folder), every region and record must belong to it:
/// one that names another host is an input error at its line, raised as the file is read.
/// </remarks>
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
            using var input = OpenedInput.Open(file);
            foreach (var region in formats.PickRegionReader(input.Head, input.File, format).Read(input.Stream, input.File, options))
            {
                if (options.Host is { } host && region.Host != host)
                {
                    throw new InputException(region.Source, $"region '{region.Id}' names host '{region.Host}' but lies in the folder of host '{host}'");
                }

                regions.Add(region);
            }

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
        var records = new RetiredRecordList();
        var notes = ReadRetired(files, format, records);
        return new RetiredInput(records.Records, notes.Diagnostics) { TableFills = notes.TableFills };
    }

    /// <summary>
    /// Reads every retired record of <paramref name="files"/>, in order, into <paramref name="sink"/>
    /// (a <see cref="RecordAttribution"/> attributes each as it is read); returns the notes the
    /// readers made and the firmware tables they read.
    /// </summary>
    /// <exception cref="InputException">Bad input anywhere, or a record the sink refuses.</exception>
    public RetiredNotes ReadRetired(IEnumerable<InputFile> files, string? format, RetiredRecordSink sink)
    {
        ArgumentNullException.ThrowIfNull(sink);
        var diagnostics = new List<Diagnostic>();
        var fills = new List<FirmwareTableFill>();
        var reading = options with { TableFills = fills.Add };
        var target = options.Host is { } host ? new OneHostSink(sink, host) : sink;
        foreach (var file in files)
        {
            using var input = OpenedInput.Open(file);
            formats.PickRetiredReader(input.Head, input.File, format).Read(input.Stream, input.File, reading, target, diagnostics.Add);
        }

        return new RetiredNotes(diagnostics, fills);
    }

    /// <summary>Passes records on, refusing one that names a host other than the folder's, at its line.</summary>
    private sealed class OneHostSink(RetiredRecordSink inner, string host) : RetiredRecordSink
    {
        public override long Count => inner.Count;

        public override long Capacity => inner.Capacity;

        public override void Add(in RetiredRecord record)
        {
            if (record.Host is { } named && named != host)
            {
                throw new InputException(record.Source, $"the record names host '{named}' but lies in the folder of host '{host}'");
            }

            inner.Add(record);
        }

        public override void Reserve(long records) => inner.Reserve(records);
    }
}

/// <summary>What reading the retired inputs said beside their records.</summary>
/// <param name="Diagnostics">Notes that did not stop the run (lines ignored, entries skipped).</param>
/// <param name="TableFills">The fill of every firmware retired-page table read, in input order (docs/design.md §1).</param>
public sealed record RetiredNotes(List<Diagnostic> Diagnostics, IReadOnlyList<FirmwareTableFill> TableFills);

/// <summary>The retired records of a run, in input order, and the readers' notes.</summary>
/// <param name="Records">Every record read.</param>
/// <param name="Diagnostics">Notes that did not stop the run (lines ignored, entries skipped).</param>
public sealed record RetiredInput(List<RetiredRecord> Records, List<Diagnostic> Diagnostics)
{
    /// <summary>The fill of every firmware retired-page table read, in input order (docs/design.md §1).</summary>
    public IReadOnlyList<FirmwareTableFill> TableFills { get; init; } = [];
}
