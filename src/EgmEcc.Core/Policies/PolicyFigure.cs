using System.Globalization;

namespace EgmEcc.Policies;

/// <summary>What a policy rule looks at in a host's history (docs/design.md §4.14).</summary>
public enum PolicyFigureKind
{
    /// <summary><c>retired</c>: retired pages (granules) at the latest observation.</summary>
    Retired,

    /// <summary><c>retired[Nd]</c>: pages retired in the last N days.</summary>
    RetiredWindow,

    /// <summary><c>at-risk</c>: at-risk pages (corrected errors, left usable).</summary>
    AtRisk,

    /// <summary><c>usable%</c>: usable bytes as a percentage of the host's EGM memory.</summary>
    UsablePercent,

    /// <summary><c>usable</c>: usable bytes.</summary>
    Usable,

    /// <summary><c>huge[SIZE]</c>: hugepage capacity of one counted size.</summary>
    HugePages,

    /// <summary><c>vm-fit</c>: how many VMs of the run's shape fit.</summary>
    VmFit,

    /// <summary><c>table</c>: entries used in the host's fullest firmware retired-page table.</summary>
    Table,

    /// <summary><c>table-left</c>: entries left in the host's fullest firmware retired-page table.</summary>
    TableLeft,
}

/// <summary>
/// A figure a rule compares with its threshold: its kind and, for a window or a hugepage size,
/// its parameter. Written as in a rule: <c>retired</c>, <c>retired[30d]</c>, <c>huge[1G]</c>.
/// </summary>
public sealed record PolicyFigure
{
    /// <summary>The longest window a rule may look back over: a century of days.</summary>
    public const int MaxDays = 36_525;

    private PolicyFigure(PolicyFigureKind kind, int days, ulong pageSize) => (Kind, Days, PageSize) = (kind, days, pageSize);

    /// <summary>What the figure is.</summary>
    public PolicyFigureKind Kind { get; }

    /// <summary>The window of <see cref="PolicyFigureKind.RetiredWindow"/> in days (1 to <see cref="MaxDays"/>); 0 otherwise.</summary>
    public int Days { get; }

    /// <summary>The hugepage size of <see cref="PolicyFigureKind.HugePages"/> (a power of two); 0 otherwise.</summary>
    public ulong PageSize { get; }

    /// <summary>The figures that only grow as pages retire (or, for <see cref="PolicyFigureKind.TableLeft"/>, only fall): the ones a rate forecasts.</summary>
    public bool MovesWithRetirements => Kind is PolicyFigureKind.Retired or PolicyFigureKind.RetiredWindow or PolicyFigureKind.Table or PolicyFigureKind.TableLeft;

    /// <summary>True for the figures that fall as pages retire (<see cref="PolicyFigureKind.TableLeft"/>).</summary>
    public bool Falls => Kind == PolicyFigureKind.TableLeft;

    /// <summary>True for the figures whose values are whole numbers (all but <c>usable%</c>).</summary>
    public bool IsCount => Kind != PolicyFigureKind.UsablePercent;

    /// <summary>A figure without a parameter.</summary>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="kind"/> needs a parameter.</exception>
    public static PolicyFigure Of(PolicyFigureKind kind)
    {
        if (kind is PolicyFigureKind.RetiredWindow or PolicyFigureKind.HugePages || !Enum.IsDefined(kind))
        {
            throw new ArgumentOutOfRangeException(nameof(kind), kind, "this figure takes a parameter");
        }

        return new PolicyFigure(kind, 0, 0);
    }

    /// <summary><c>retired[Nd]</c>.</summary>
    public static PolicyFigure RetiredIn(int days)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(days, 1);
        ArgumentOutOfRangeException.ThrowIfGreaterThan(days, MaxDays);
        return new PolicyFigure(PolicyFigureKind.RetiredWindow, days, 0);
    }

    /// <summary><c>huge[SIZE]</c>.</summary>
    public static PolicyFigure HugePagesOf(ulong pageSize)
    {
        if (!Numbers.IsPowerOfTwo(pageSize))
        {
            throw new ArgumentOutOfRangeException(nameof(pageSize), pageSize, "a hugepage size is a power of two");
        }

        return new PolicyFigure(PolicyFigureKind.HugePages, 0, pageSize);
    }

    /// <summary>The figure as a rule writes it: <c>retired[30d]</c>, <c>huge[1G]</c>, <c>usable%</c>.</summary>
    public override string ToString() => Kind switch
    {
        PolicyFigureKind.Retired => "retired",
        PolicyFigureKind.RetiredWindow => string.Create(CultureInfo.InvariantCulture, $"retired[{Days}d]"),
        PolicyFigureKind.AtRisk => "at-risk",
        PolicyFigureKind.UsablePercent => "usable%",
        PolicyFigureKind.Usable => "usable",
        PolicyFigureKind.HugePages => $"huge[{new ByteSize(PageSize)}]",
        PolicyFigureKind.VmFit => "vm-fit",
        PolicyFigureKind.Table => "table",
        _ => "table-left",
    };
}
