namespace EgmEcc;

/// <summary>The rows a pass of a <see cref="RegionTiler"/> hands out.</summary>
[Flags]
public enum TiledRows
{
    /// <summary>Usable extents only (a JSON plan's <c>usable</c> array).</summary>
    Usable = 1,

    /// <summary>Holes only (a JSON plan's <c>holes</c> array).</summary>
    Holes = 2,

    /// <summary>Extents and holes, to be merged by offset (a CSV plan's rows).</summary>
    Both = Usable | Holes,
}
