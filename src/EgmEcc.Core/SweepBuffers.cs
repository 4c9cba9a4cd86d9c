namespace EgmEcc;

/// <summary>
/// The arrays a region's sweep sorts and merges in, lent to one region at a time: a plan streamed
/// region by region needs room for its largest region once, not for every region's garbage until
/// the collector runs. Each loan ends the one before it (<see cref="Generation"/>).
/// </summary>
internal sealed class SweepBuffers
{
    private Planner.RangeKey[] keys = [];
    private Planner.RangeKey[] scratch = [];
    private Planner.WidenedRecord[] holes = [];
    private readonly int largest;

    /// <summary>Counts the loans: a tiler of the holes of loan N reads them only while this is N.</summary>
    public int Generation { get; private set; }

    /// <summary>Buffers sized, at their first loan, for regions of up to <paramref name="largest"/> ranges.</summary>
    public SweepBuffers(int largest) => this.largest = largest;

    /// <summary>Starts a loan for a region of <paramref name="ranges"/> ranges: keys, their scratch and room for as many holes.</summary>
    public (Planner.RangeKey[] Keys, Planner.RangeKey[] Scratch, Planner.WidenedRecord[] Holes) Lend(int ranges)
    {
        Generation++;
        if (keys.Length < ranges)
        {
            // Once for the largest region, not again for each larger one: a new array leaves the
            // old one to the collector, whenever it runs.
            var length = Math.Max(ranges, largest);
            keys = GC.AllocateUninitializedArray<Planner.RangeKey>(length);
            scratch = GC.AllocateUninitializedArray<Planner.RangeKey>(length);
            holes = GC.AllocateUninitializedArray<Planner.WidenedRecord>(length);
        }

        return (keys, scratch, holes);
    }
}
