using EgmEcc.Fleet;

namespace EgmEcc.Formats.Output.Documents;

/// <summary>The formats of <c>egmecc fleet</c>.</summary>
public static class FleetWriters
{
    /// <summary>Every fleet report format, the default first.</summary>
    public static IReadOnlyList<IDocumentWriter<FleetReport>> All { get; } = [new FleetTextWriter(), new FleetCsvWriter(), new FleetJsonWriter()];

    /// <summary>The format names.</summary>
    public static IEnumerable<string> Names => All.Select(w => w.Name);

    /// <summary>The writer called <paramref name="name"/>, or null.</summary>
    public static IDocumentWriter<FleetReport>? Find(string name) => All.FirstOrDefault(w => string.Equals(w.Name, name, StringComparison.OrdinalIgnoreCase));
}
