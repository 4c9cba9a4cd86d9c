namespace EgmEcc.Formats.Output;

/// <summary>Every plan output format, by the name <c>--format</c> takes.</summary>
public static class PlanWriters
{
    /// <summary>The writers, in the order help lists them.</summary>
    public static IReadOnlyList<IPlanWriter> All { get; } =
    [
        new PlanJsonWriter(),
        new PlanCsvWriter(),
        new PlanTextWriter(),
        new PlanDtsWriter(),
        new PlanQemuWriter(),
        new PlanWindowsWriter(),
    ];

    /// <summary>The names, for help and validation.</summary>
    public static IEnumerable<string> Names => All.Select(w => w.Name);

    /// <summary>The writer called <paramref name="name"/>, or null.</summary>
    public static IPlanWriter? Find(string name) =>
        All.FirstOrDefault(w => string.Equals(w.Name, name, StringComparison.OrdinalIgnoreCase));
}
