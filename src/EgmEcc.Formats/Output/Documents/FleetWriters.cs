using EgmEcc.Fleet;

namespace EgmEcc.Formats.Output.Documents;

/// <summary>The formats of <c>egmecc fleet</c>.</summary>
public static class FleetWriters
{
    /// <summary>Every fleet report format, the default first.</summary>
    public static Registry<IDocumentWriter<FleetReport>> All { get; } = new([new FleetTextWriter(), new FleetCsvWriter(), new FleetJsonWriter()]);
}
