using System.Collections.Immutable;
using EgmEcc.Wording;

namespace EgmEcc;

/// <summary>
/// The semantics knobs every command shares (docs/design.md §2): retirement granule G, guest page P,
/// minimum extent E and the hugepage sizes whose capacity is counted.
/// </summary>
/// <remarks>
/// G, P and the hugepage sizes are powers of two. The layout granule L is max(G, P). E defaults
/// to L; it need not be a power of two. <see cref="Default"/> is G = P = 64 KiB, E = L and
/// hugepages 2M, 32M, 512M, 1G.
/// </remarks>
public sealed record PlanOptions
{
    /// <summary>64 KiB, the firmware's retired-page size and the default of G and P.</summary>
    public const ulong Page64K = 64 * 1024;

    /// <summary>The default hugepage sizes: 2M, 32M, 512M, 1G.</summary>
    public static readonly ImmutableArray<ulong> DefaultHugePages = [2UL << 20, 32UL << 20, 512UL << 20, 1UL << 30];

    /// <summary>Creates options, checking each value.</summary>
    /// <exception cref="SettingException">A size is not a power of two, or E is 0.</exception>
    public PlanOptions(ulong granule = Page64K, ulong guestPage = Page64K, ulong? minExtent = null, IEnumerable<ulong>? hugePages = null, bool retireCorrected = false)
    {
        RequirePowerOfTwo(granule, Setting.Granule);
        RequirePowerOfTwo(guestPage, Setting.GuestPage);
        if (minExtent == 0)
        {
            throw Messages.MinExtentZero().ToException();
        }

        var huge = (hugePages ?? DefaultHugePages).Distinct().Order().ToImmutableArray();
        foreach (var h in huge)
        {
            RequirePowerOfTwo(h, Setting.HugePages);
        }

        Granule = granule;
        GuestPage = guestPage;
        MinExtent = minExtent ?? Math.Max(granule, guestPage);
        HugePages = huge;
        RetireCorrected = retireCorrected;
    }

    /// <summary>G = P = 64 KiB, E = L, hugepages 2M, 32M, 512M, 1G.</summary>
    public static PlanOptions Default { get; } = new();

    /// <summary>G: the unit in which memory is retired, and the size of a record that gives none.</summary>
    public ulong Granule { get; }

    /// <summary>P: the guest's page size.</summary>
    public ulong GuestPage { get; }

    /// <summary>L = max(G, P): holes are widened to multiples of it.</summary>
    public ulong LayoutGranule => Math.Max(Granule, GuestPage);

    /// <summary>E: usable extents shorter than this join the holes as fragment bytes.</summary>
    public ulong MinExtent { get; }

    /// <summary>The hugepage sizes H whose capacity is counted, ascending, distinct.</summary>
    public ImmutableArray<ulong> HugePages { get; }

    /// <summary>
    /// True for the conservative plan: corrected errors (at-risk records) retire memory like any
    /// other record. False by default: they are listed per region as at-risk and left usable
    /// (docs/design.md §2).
    /// </summary>
    public bool RetireCorrected { get; }

    private static void RequirePowerOfTwo(ulong value, Setting setting)
    {
        if (!Numbers.IsPowerOfTwo(value))
        {
            throw Messages.NotPowerOfTwo(setting, value).ToException();
        }
    }
}
