namespace EgmEcc.Formats.Output;

/// <summary>
/// A plan writer that can also write each region while it is tiled, from a <see cref="SweptPlan"/>,
/// without the whole plan in memory: the bytes are those <see cref="IPlanWriter.Write"/> writes
/// for <see cref="SweptPlan.ToPlan"/>. Such a writer carries everything in its output: it has no
/// notes (<see cref="IPlanWriter.WriteNotes"/>), which would need the whole plan.
/// </summary>
public interface IStreamingPlanWriter : IPlanWriter
{
    /// <summary>Writes <paramref name="plan"/> to <paramref name="output"/>, tiling one region at a time.</summary>
    void Write(SweptPlan plan, TextWriter output, OutputOptions options);
}
