using System.Collections.Immutable;
using EgmEcc.Wording;

namespace EgmEcc;

/// <summary>
/// The windows of one region that a VMM maps, or lists in an <c>EGM_EXPORT_DMABUF</c>-style range
/// list, with every window aligned to one mapping size so that each can use blocks of that size.
/// </summary>
/// <remarks>
/// <para>Each usable extent <c>[s, e)</c> gives at most one window,
/// <c>[alignUp(s, A), alignDown(e, A))</c>, aligned in region offset; an extent holding no whole
/// aligned block gives none. The windows are therefore disjoint, sorted, A-aligned in start and
/// length, and inside usable extents; the bytes of the extents they leave out are
/// <see cref="UnmappedBytes"/>, so <c>MappedBytes + UnmappedBytes = UsableBytes</c> exactly.</para>
/// <para>Example, A = 2 MiB: the extent <c>[0x10000, 0x600000)</c> gives the window
/// <c>[0x200000, 0x600000)</c> and leaves 0x1f0000 bytes unmapped.</para>
/// </remarks>
public sealed record MapWindows
{
    /// <summary>The share of usable bytes the default alignment must keep mappable, in percent.</summary>
    public const int DefaultMappablePercent = 90;

    /// <summary>The region the windows belong to.</summary>
    public required RegionPlan Region { get; init; }

    /// <summary>The mapping size A every window start and length is a multiple of.</summary>
    public required ulong Alignment { get; init; }

    /// <summary>The windows, as region-offset ranges, sorted by offset.</summary>
    public required ImmutableArray<AddressRange> Windows { get; init; }

    /// <summary>The bytes of the region's usable extents.</summary>
    public ulong UsableBytes => Region.Stats.UsableBytes;

    /// <summary>The bytes inside windows.</summary>
    public ulong MappedBytes
    {
        get
        {
            ulong total = 0;
            foreach (var w in Windows)
            {
                total += w.Size;
            }

            return total;
        }
    }

    /// <summary>Usable bytes no window covers because alignment cut them off.</summary>
    public ulong UnmappedBytes => UsableBytes - MappedBytes;

    /// <summary>The windows of <paramref name="region"/> aligned to <paramref name="alignment"/>.</summary>
    /// <exception cref="SettingException"><paramref name="alignment"/> is not a power of two.</exception>
    public static MapWindows Create(RegionPlan region, ulong alignment)
    {
        ArgumentNullException.ThrowIfNull(region);
        if (!Numbers.IsPowerOfTwo(alignment))
        {
            throw Messages.NotPowerOfTwo(Setting.MapAlign, alignment).ToException();
        }

        return new MapWindows { Region = region, Alignment = alignment, Windows = Cut(region.Usable, alignment) };
    }

    /// <summary>
    /// The windows of <paramref name="region"/> at the default alignment: the largest of
    /// <paramref name="hugePages"/> that keeps at least <see cref="DefaultMappablePercent"/>% of
    /// the usable bytes mappable, or the layout granule <paramref name="fallback"/> when none does.
    /// </summary>
    public static MapWindows CreateDefault(RegionPlan region, IEnumerable<ulong> hugePages, ulong fallback)
    {
        ArgumentNullException.ThrowIfNull(region);
        ArgumentNullException.ThrowIfNull(hugePages);
        foreach (var size in hugePages.Where(Numbers.IsPowerOfTwo).Distinct().OrderDescending())
        {
            var windows = Create(region, size);
            if ((UInt128)windows.MappedBytes * 100 >= (UInt128)windows.UsableBytes * DefaultMappablePercent)
            {
                return windows;
            }
        }

        return Create(region, fallback);
    }

    private static ImmutableArray<AddressRange> Cut(ImmutableArray<AddressRange> extents, ulong alignment)
    {
        var windows = ImmutableArray.CreateBuilder<AddressRange>(extents.Length);
        foreach (var extent in extents)
        {
            // Round in 128 bits: an extent at the top of the space ends at 2^64.
            var mask = ~((UInt128)alignment - 1);
            var start = ((UInt128)extent.Start + alignment - 1) & mask;
            var end = extent.End & mask;
            if (end > start)
            {
                windows.Add(AddressRange.FromStartEnd((ulong)start, end));
            }
        }

        return windows.ToImmutable();
    }
}
