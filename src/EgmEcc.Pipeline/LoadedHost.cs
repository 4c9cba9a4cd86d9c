namespace EgmEcc.Pipeline;

/// <summary>Everything one host of a fleet needs for its plan: its regions, its records and the readers' notes.</summary>
/// <param name="Host">The host's name.</param>
/// <param name="Regions">The host's regions, validated.</param>
/// <param name="Records">The host's records, in input order.</param>
/// <param name="Diagnostics">Notes from reading the host's inputs (lines ignored, files skipped).</param>
public sealed record LoadedHost(string Host, RegionSet Regions, ReadOnlyMemory<RetiredRecord> Records, IReadOnlyList<Diagnostic> Diagnostics)
{
    /// <summary>Plans the host; the readers' notes come first in the plan's diagnostics.</summary>
    /// <exception cref="InputException">A record names a region the host does not define.</exception>
    public Plan Plan(PlanOptions options)
    {
        var plan = Planner.Create(Regions, Records.Span, options);
        return Diagnostics.Count == 0 ? plan : plan with { Diagnostics = [.. Diagnostics, .. plan.Diagnostics] };
    }
}
