namespace EgmEcc.Formats.Output;

/// <summary>Every plan output format, by the name <c>--format</c> takes.</summary>
public static class PlanWriters
{
    /// <summary>The writers, in the order help lists them.</summary>
    public static Registry<IPlanWriter> All { get; } = new(
    [
        new PlanJsonWriter(),
        new PlanCsvWriter(),
        new PlanTextWriter(),
        new PlanDtsWriter(),
        new PlanQemuWriter(),
        new PlanWindowsWriter(),
    ]);
}
