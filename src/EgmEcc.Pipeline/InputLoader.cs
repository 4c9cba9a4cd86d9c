using EgmEcc.Formats.Inputs;

namespace EgmEcc.Pipeline;

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
            using var input = OpenedInput.Open(file);
            var reader = formats.PickRegionReader(input.Head, input.File, format);
            regions.AddRange(reader.Read(input.Stream, input.File, options));
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
            using var input = OpenedInput.Open(file);
            var reader = formats.PickRetiredReader(input.Head, input.File, format);
            reader.Read(input.Stream, input.File, options, records, diagnostics.Add);
        }

        return new RetiredInput(records, diagnostics);
    }
}

/// <summary>The retired records of a run, in input order, and the readers' notes.</summary>
/// <param name="Records">Every record read.</param>
/// <param name="Diagnostics">Notes that did not stop the run (lines ignored, entries skipped).</param>
public sealed record RetiredInput(List<RetiredRecord> Records, List<Diagnostic> Diagnostics);
