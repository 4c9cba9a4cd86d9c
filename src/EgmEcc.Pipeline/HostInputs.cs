using EgmEcc.Formats.Inputs;
using EgmEcc.Wording;

namespace EgmEcc.Pipeline;

/// <summary>
/// The inputs of one planning run (or one host of a fleet): region files and retired files, each
/// with an optional format name (null to detect), and what readers need. <see cref="Load()"/> reads
/// them, <see cref="Plan"/> reads and plans.
/// </summary>
public sealed record HostInputs
{
    /// <summary>The region inputs.</summary>
    public required IReadOnlyList<InputFile> Regions { get; init; }

    /// <summary>The retired-record inputs; may be empty.</summary>
    public required IReadOnlyList<InputFile> Retired { get; init; }

    /// <summary>The region format to use instead of detecting it.</summary>
    public string? RegionsFormat { get; init; }

    /// <summary>The retired format to use instead of detecting it.</summary>
    public string? RetiredFormat { get; init; }

    /// <summary>What readers may need beyond their bytes.</summary>
    public ReadOptions ReadOptions { get; init; } = ReadOptions.Default;

    /// <summary>The formats to choose from.</summary>
    public FormatRegistry Formats { get; init; } = FormatRegistry.Default;

    /// <summary>Diagnostics from gathering the inputs (what a host collection could not read), first in the plan's.</summary>
    public IReadOnlyList<Diagnostic> Notes { get; init; } = [];

    /// <summary>
    /// True when the inputs are a host's own evidence, searched where the host keeps it (host mode):
    /// then no retired input means the host holds none (no firmware table named, no memory-error
    /// record logged), and every table that could not be read is already a warning of its own.
    /// </summary>
    public bool SearchedHost { get; init; }

    /// <summary>
    /// When the run has no retired-record source at all, the problem to tell the user (null when it
    /// has one): every region would then read 100 % usable, which says nothing about its pages. A
    /// front end shows it as a warning, or throws it when a retired source is required; one place,
    /// so that every way of finding inputs (files named, or a host searched) asks the same question.
    /// See docs/design.md §5.4.
    /// </summary>
    public InputException? MissingRetiredSource()
    {
        if (Retired.Count > 0 || SearchedHost)
        {
            return null;
        }

        FormattableString text = $"no retired-page source was given, so every region reads 100 % usable; name one {new SettingMention(Setting.RetiredInputs, MentionStyle.Means)} ({new SettingMention(Setting.RequireRetired, MentionStyle.Name)} makes that an error)";
        return new InputException(Regions.Count > 0 ? SourceLocation.InFile(Regions[0].Name) : default, text);
    }

    /// <summary>Reads the regions only, validated.</summary>
    /// <exception cref="InputException">Bad input.</exception>
    public RegionSet LoadRegions() => new InputLoader(Formats, ReadOptions).LoadRegions(Regions, RegionsFormat);

    /// <summary>Reads every input: the regions first, then the retired records with the regions known.</summary>
    /// <exception cref="InputException">Bad input.</exception>
    public LoadedHost Load() => Load(recordCapacity: 0);

    /// <summary>As <see cref="Load()"/>, into a list with room for <paramref name="recordCapacity"/> records up front (0 to let it grow).</summary>
    internal LoadedHost Load(int recordCapacity)
    {
        var regions = LoadRegions();
        var records = new RetiredRecordList(new List<RetiredRecord>(recordCapacity));
        var read = ReadRetired(regions, records);
        return new LoadedHost(regions, records.Records, Notes.Count == 0 ? read.Diagnostics : [.. Notes, .. read.Diagnostics]) { TableFills = read.TableFills };
    }

    /// <summary>Reads every input and plans; the readers' notes come first in the plan's diagnostics.</summary>
    /// <exception cref="InputException">Bad input.</exception>
    public Plan Plan(PlanOptions options) => Sweep(options).ToPlan();

    /// <summary>
    /// Reads every input and plans up to each region's retired holes (see <see cref="LoadedHost.Sweep"/>),
    /// attributing each record as it is read (<see cref="RecordAttribution"/>): the records are never
    /// held, only their widened ranges.
    /// </summary>
    /// <exception cref="InputException">Bad input.</exception>
    public SweptPlan Sweep(PlanOptions options)
    {
        var regions = LoadRegions();
        var attribution = new RecordAttribution(regions, options);
        var read = ReadRetired(regions, attribution);
        return attribution.Sweep().WithInputs(Notes.Count == 0 ? read.Diagnostics : [.. Notes, .. read.Diagnostics], read.TableFills);
    }

    /// <summary>
    /// The one read of retired inputs of every verb. Regions come first so that region-relative
    /// readers (an ioctl list named <c>egm&lt;N&gt;</c>) can resolve their region by PXM.
    /// </summary>
    private RetiredNotes ReadRetired(RegionSet regions, RetiredRecordSink sink) =>
        new InputLoader(Formats, ReadOptions with { Regions = regions }).ReadRetired(Retired, RetiredFormat, sink);
}
