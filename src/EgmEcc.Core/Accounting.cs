namespace EgmEcc;

/// <summary>
/// What became of every record: <c>Records = Applied + AtRisk + Duplicate + OutOfRegion</c>
/// (docs/design.md §2). <see cref="Clipped"/> counts records (applied, at-risk or duplicate) that
/// lay partly outside every region, or outside the region they name.
/// </summary>
/// <param name="Records">Records read.</param>
/// <param name="Applied">Records that widened a hole or made a new one, in at least one region.</param>
/// <param name="Duplicate">Records whose widened range was already wholly covered, in every region they lie in, by records before them in (widened start, widened end descending, input) order.</param>
/// <param name="Clipped">Records cut at a region's edge (a subset of applied, at-risk and duplicate).</param>
/// <param name="OutOfRegion">Records in no region, each listed as a warning.</param>
/// <param name="AtRisk">At-risk records (corrected errors) left usable that lie, at least partly, in a region; 0 when the plan retires corrected errors.</param>
public sealed record Accounting(long Records, long Applied, long Duplicate, long Clipped, long OutOfRegion, long AtRisk = 0)
{
    /// <summary>True when every record is applied, at-risk, a duplicate or out-of-region.</summary>
    public bool IsBalanced => Records == Applied + AtRisk + Duplicate + OutOfRegion && Clipped <= Applied + AtRisk + Duplicate;

    /// <summary>The sum of two accountings (fleet totals).</summary>
    public static Accounting operator +(Accounting a, Accounting b) =>
        new(a.Records + b.Records, a.Applied + b.Applied, a.Duplicate + b.Duplicate, a.Clipped + b.Clipped, a.OutOfRegion + b.OutOfRegion, a.AtRisk + b.AtRisk);
}
