namespace EgmEcc.Formats.Output;

/// <summary>
/// A region's usable extents and holes as a plan writer reads them: in chunks, in offset order,
/// from a <see cref="RegionPlan"/> in memory (one chunk) or from a <see cref="RegionTiler"/>
/// tiling while the writer writes. One writing path for both, so both give the same bytes.
/// </summary>
internal abstract class RegionRows
{
    /// <summary>The region.</summary>
    public abstract Region Region { get; }

    /// <summary>The region's figures; known once a pass of <see cref="Read"/> has ended.</summary>
    public abstract RegionStats Stats { get; }

    /// <summary>The at-risk ranges; known once a pass of <see cref="Read"/> has ended.</summary>
    public abstract ReadOnlySpan<AddressRange> AtRisk { get; }

    /// <summary>Rows for a plan in memory.</summary>
    public static RegionRows Of(RegionPlan plan) => new Planned(plan);

    /// <summary>Rows tiled as they are read.</summary>
    public static RegionRows Of(RegionTiler tiler) => new Tiled(tiler);

    /// <summary>Starts a pass from offset 0 for <paramref name="rows"/>: the rows of another kind may come too, or not.</summary>
    public abstract void Rewind(TiledRows rows);

    /// <summary>
    /// The next extents and holes; the rows of one chunk come before every later chunk's, so the
    /// two lists of a chunk, merged by offset, are the region's next rows. False at the end.
    /// </summary>
    public abstract bool Read(out ReadOnlySpan<AddressRange> usable, out ReadOnlySpan<Hole> holes);

    private sealed class Planned(RegionPlan plan) : RegionRows
    {
        private bool read;

        public override Region Region => plan.Region;

        public override RegionStats Stats => plan.Stats;

        public override ReadOnlySpan<AddressRange> AtRisk => plan.AtRisk.AsSpan();

        public override void Rewind(TiledRows rows) => read = false;

        public override bool Read(out ReadOnlySpan<AddressRange> usable, out ReadOnlySpan<Hole> holes)
        {
            usable = read ? default : plan.Usable.AsSpan();
            holes = read ? default : plan.Holes.AsSpan();
            var first = !read;
            read = true;
            return first;
        }
    }

    private sealed class Tiled(RegionTiler tiler) : RegionRows
    {
        public override Region Region => tiler.Region;

        public override RegionStats Stats => tiler.Stats;

        public override ReadOnlySpan<AddressRange> AtRisk => tiler.AtRisk.AsSpan();

        public override void Rewind(TiledRows rows) => tiler.Restart(rows);

        public override bool Read(out ReadOnlySpan<AddressRange> usable, out ReadOnlySpan<Hole> holes) => tiler.Read(out usable, out holes);
    }
}
