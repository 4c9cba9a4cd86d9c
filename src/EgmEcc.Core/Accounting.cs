namespace EgmEcc;

/// <summary>
/// What became of every retired record: <c>Records = Applied + Duplicate + OutOfRegion</c>.
/// <see cref="Clipped"/> counts records (applied or duplicate) that crossed their region's end.
/// </summary>
/// <param name="Records">Records read.</param>
/// <param name="Applied">Records that widened a hole or made a new one.</param>
/// <param name="Duplicate">Records whose widened range was already wholly covered by records before them in (start, end descending, input) order.</param>
/// <param name="Clipped">Records cut at their region's edge (a subset of applied and duplicate).</param>
/// <param name="OutOfRegion">Records in no region, each listed as a warning.</param>
public sealed record Accounting(long Records, long Applied, long Duplicate, long Clipped, long OutOfRegion)
{
    /// <summary>True when every record is applied, a duplicate or out-of-region.</summary>
    public bool IsBalanced => Records == Applied + Duplicate + OutOfRegion && Clipped <= Applied + Duplicate;

    /// <summary>The sum of two accountings (fleet totals).</summary>
    public static Accounting operator +(Accounting a, Accounting b) =>
        new(a.Records + b.Records, a.Applied + b.Applied, a.Duplicate + b.Duplicate, a.Clipped + b.Clipped, a.OutOfRegion + b.OutOfRegion);
}
