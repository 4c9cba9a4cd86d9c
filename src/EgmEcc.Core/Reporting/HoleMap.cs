using System.Collections.Immutable;
using System.Numerics;

namespace EgmEcc.Reporting;

/// <summary>
/// One cell of a hole map: the region offsets <c>[Start, End)</c> it stands for, and how many of
/// those bytes are unusable.
/// </summary>
/// <param name="Start">The first offset of the cell.</param>
/// <param name="End">One past the last offset of the cell.</param>
/// <param name="HoleBytes">Bytes of the cell that lie in holes.</param>
/// <param name="Holes">How many holes touch the cell.</param>
public readonly record struct HoleMapCell(ulong Start, ulong End, ulong HoleBytes, int Holes)
{
    /// <summary>True when any byte of the cell is in a hole, however few: a hole too small to see still marks its cell.</summary>
    public bool HasHole => Holes > 0;

    /// <summary>True when every byte of the cell is in a hole.</summary>
    public bool IsAllHole => End > Start && HoleBytes == End - Start;
}

/// <summary>
/// A window of a region shown magnified beside its hole map, because the holes in it are too small
/// to see at the map's scale.
/// </summary>
/// <param name="Start">The first offset the window shows.</param>
/// <param name="Size">The bytes the window shows.</param>
/// <param name="FirstHole">The index (in <see cref="RegionPlan.Holes"/>) of the first hole in the window.</param>
/// <param name="HoleCount">How many consecutive holes, from <paramref name="FirstHole"/>, the window is for.</param>
public readonly record struct ZoomWindow(ulong Start, ulong Size, int FirstHole, int HoleCount)
{
    /// <summary>The window as an offset range.</summary>
    public AddressRange Range => AddressRange.FromBaseSize(Start, Size);
}

/// <summary>The magnified windows of a hole map, and the small holes left without one.</summary>
/// <param name="Windows">Windows in offset order.</param>
/// <param name="OmittedHoles">Small holes beyond the last window shown (the window limit was reached).</param>
public sealed record ZoomInset(ImmutableArray<ZoomWindow> Windows, int OmittedHoles);

/// <summary>
/// A region's holes drawn to scale on a line of cells (the terminal bar, the HTML map).
/// </summary>
/// <remarks>
/// Cell <c>i</c> of <c>n</c> covers <c>[floor(i·size/n), floor((i+1)·size/n))</c>, so the cells
/// tile the region exactly whatever its size; the arithmetic is done in 128 bits. A cell is marked
/// when it holds any hole byte, so a 64 KiB hole in a 384 GiB region still shows as one cell.
/// <code>
///   offset 0                                            size
///   |------|------|--##--|------|######|###---|------|
///     .      .      #      .      #      #      .       one character per cell
/// </code>
/// </remarks>
public static class HoleMap
{
    /// <summary>Where cell <paramref name="index"/> of <paramref name="cells"/> starts in a region of <paramref name="size"/> bytes.</summary>
    public static ulong CellStart(ulong size, int index, int cells) =>
        (ulong)((UInt128)size * (uint)index / (uint)cells);

    /// <summary>
    /// The region's hole map in <paramref name="cells"/> cells, or in <c>size</c> cells of one byte
    /// each when the region is smaller (so no cell is empty).
    /// </summary>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="cells"/> is less than 1.</exception>
    public static ImmutableArray<HoleMapCell> Cells(RegionPlan plan, int cells)
    {
        ArgumentNullException.ThrowIfNull(plan);
        ArgumentOutOfRangeException.ThrowIfLessThan(cells, 1);
        var size = plan.Region.Size;
        cells = (int)Math.Min((ulong)cells, size);
        var holeBytes = new ulong[cells];
        var holes = new int[cells];
        foreach (var hole in plan.Holes)
        {
            var end = hole.Offset + hole.Size;
            var i = (int)((UInt128)hole.Offset * (uint)cells / size);
            for (; i < cells; i++)
            {
                var cellStart = CellStart(size, i, cells);
                if (cellStart >= end)
                {
                    break;
                }

                var cellEnd = CellStart(size, i + 1, cells);
                var from = Math.Max(cellStart, hole.Offset);
                var to = Math.Min(cellEnd, end);
                if (to > from)
                {
                    holeBytes[i] += to - from;
                    holes[i]++;
                }
            }
        }

        var result = ImmutableArray.CreateBuilder<HoleMapCell>(cells);
        for (var i = 0; i < cells; i++)
        {
            result.Add(new HoleMapCell(CellStart(size, i, cells), CellStart(size, i + 1, cells), holeBytes[i], holes[i]));
        }

        return result.MoveToImmutable();
    }

    /// <summary>
    /// The windows that show the region's small holes magnified: every hole shorter than
    /// <paramref name="visibleBytes"/> (what one mark of the full map stands for) gets a window;
    /// neighbouring small holes share one when they fit in it at a readable scale.
    /// </summary>
    /// <remarks>
    /// A window is a power of two of bytes, at least 16 times its largest hole and twice the span
    /// of its holes, centred on them and kept inside the region. Holes join a window while the span
    /// stays within 32 times its smallest hole, so each hole stays at least 1/64 of the window wide.
    /// </remarks>
    /// <param name="plan">The region.</param>
    /// <param name="visibleBytes">Holes shorter than this are too small to see on the full map.</param>
    /// <param name="maxWindows">The most windows to return; further small holes are counted as omitted.</param>
    public static ZoomInset ZoomWindows(RegionPlan plan, ulong visibleBytes, int maxWindows)
    {
        ArgumentNullException.ThrowIfNull(plan);
        ArgumentOutOfRangeException.ThrowIfNegative(maxWindows);
        var holes = plan.Holes;
        var size = plan.Region.Size;
        var windows = ImmutableArray.CreateBuilder<ZoomWindow>();
        var omitted = 0;
        var i = 0;
        while (i < holes.Length)
        {
            if (holes[i].Size >= visibleBytes)
            {
                i++;
                continue;
            }

            var first = i;
            var start = holes[i].Offset;
            var end = start + holes[i].Size;
            ulong smallest = holes[i].Size, largest = holes[i].Size;
            i++;
            while (i < holes.Length && holes[i].Size < visibleBytes)
            {
                var nextEnd = holes[i].Offset + holes[i].Size;
                var nextSmallest = Math.Min(smallest, holes[i].Size);
                if ((UInt128)(nextEnd - start) > (UInt128)nextSmallest * 32)
                {
                    break;
                }

                (end, smallest, largest) = (nextEnd, nextSmallest, Math.Max(largest, holes[i].Size));
                i++;
            }

            if (windows.Count == maxWindows)
            {
                omitted += i - first;
                continue;
            }

            var span = end - start;
            var want = UInt128.Max((UInt128)largest * 16, (UInt128)span * 2);
            var windowSize = want >= size || want > (UInt128)(1UL << 63) ? size : Math.Min(size, BitOperations.RoundUpToPowerOf2((ulong)want));
            var centre = start + (span / 2);
            var windowStart = centre >= windowSize / 2 ? centre - (windowSize / 2) : 0;
            windowStart = Math.Min(windowStart, size - windowSize);
            windows.Add(new ZoomWindow(windowStart, windowSize, first, i - first));
        }

        return new ZoomInset(windows.ToImmutable(), omitted);
    }
}
