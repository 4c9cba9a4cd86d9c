using System.Collections.Immutable;
using System.Globalization;
using EgmEcc.Wording;

namespace EgmEcc.Diffing;

/// <summary>What a <see cref="DiffCondition"/> watches.</summary>
public enum DiffConditionKind
{
    /// <summary>Any byte became unusable (<c>new-holes</c>).</summary>
    NewHoles,

    /// <summary>A host lost more than a number of usable bytes (<c>usable-loss:SIZE</c>).</summary>
    UsableLoss,

    /// <summary>A host lost more than a number of hugepages of one size (<c>huge-loss:SIZE:COUNT</c>).</summary>
    HugeLoss,
}

/// <summary>
/// A condition a plan diff must meet, for alerting: a scheduled job diffs yesterday's plan with
/// today's and fails (like a report gate, docs/design.md §5.4) when one is not met. Losses are
/// per host (a plan without host names is one host), and a loss must be <em>more</em> than the
/// limit to fail, so <c>usable-loss:0</c> fails on any loss.
/// </summary>
/// <param name="Kind">What it watches.</param>
/// <param name="Size">The bytes a host may lose (<see cref="DiffConditionKind.UsableLoss"/>), or the hugepage size (<see cref="DiffConditionKind.HugeLoss"/>).</param>
/// <param name="Count">The hugepages a host may lose (<see cref="DiffConditionKind.HugeLoss"/>).</param>
public sealed record DiffCondition(DiffConditionKind Kind, ulong Size = 0, ulong Count = 0)
{
    /// <summary>How many hosts or regions a failure names before it counts the rest.</summary>
    public const int Named = 5;

    /// <summary>Parses <c>new-holes</c>, <c>usable-loss:SIZE</c> or <c>huge-loss:SIZE:COUNT</c>.</summary>
    /// <returns>Null on success; otherwise the error text, quoting <paramref name="text"/>.</returns>
    public static string? TryParse(string text, out DiffCondition? condition)
    {
        ArgumentNullException.ThrowIfNull(text);
        condition = null;
        var parts = text.Trim().Split(':');
        switch (parts[0].ToLowerInvariant())
        {
            case "new-holes" when parts.Length == 1:
                condition = new DiffCondition(DiffConditionKind.NewHoles);
                return null;
            case "usable-loss" when parts.Length == 2:
                if (Numbers.TryParseSize(parts[1], out var bytes) is { } sizeError)
                {
                    return Messages.DiffConditionValue(text, sizeError);
                }

                condition = new DiffCondition(DiffConditionKind.UsableLoss, bytes);
                return null;
            case "huge-loss" when parts.Length == 3:
                if (Numbers.TryParseSize(parts[1], out var page) is { } pageError)
                {
                    return Messages.DiffConditionValue(text, pageError);
                }

                if (!Numbers.IsPowerOfTwo(page))
                {
                    return Messages.DiffConditionNotPowerOfTwo(text);
                }

                if (Numbers.TryParseUInt64(parts[2], out var count) is { } countError)
                {
                    return Messages.DiffConditionValue(text, countError);
                }

                condition = new DiffCondition(DiffConditionKind.HugeLoss, page, count);
                return null;
            default:
                return Messages.NotADiffCondition(text);
        }
    }

    /// <summary>Checks <paramref name="diff"/>.</summary>
    /// <returns>Null when the condition is met; otherwise what failed it, naming the hosts or regions.</returns>
    /// <exception cref="SettingException">A hugepage size the two plans do not both count.</exception>
    public string? Check(PlanDiff diff)
    {
        ArgumentNullException.ThrowIfNull(diff);
        switch (Kind)
        {
            case DiffConditionKind.NewHoles:
                var regions = diff.Regions.Where(r => !r.NewHoles.IsEmpty).ToImmutableArray();
                return regions.IsEmpty
                    ? null
                    : Messages.NewHolesFound(regions.Sum(r => r.NewHoles.Length), regions.Length, Names(regions.Select(r => r.Host.Length == 0 ? r.Id : $"{r.Host} {r.Id}")));
            case DiffConditionKind.UsableLoss:
                var losing = diff.Hosts.Where(h => -h.UsableDelta > Size).ToImmutableArray();
                return losing.IsEmpty
                    ? null
                    : Messages.UsableLost(Names(losing.Select(h => Where(h.Host, "-" + Human(-h.UsableDelta)))), new ByteSize(Size).ToHumanString());
            default:
                if (!diff.HugePageSizes.Contains(Size))
                {
                    throw Messages.HugePagesNotCompared(ToString(), Size).ToException();
                }

                var lost = diff.Hosts
                    .Select(h => (h.Host, Change: h.HugePages.First(c => c.PageSize == Size)))
                    .Where(h => h.Change.Old > h.Change.New && h.Change.Old - h.Change.New > Count)
                    .ToImmutableArray();
                return lost.IsEmpty
                    ? null
                    : Messages.HugePagesLost(Names(lost.Select(h => Where(h.Host, "-" + (h.Change.Old - h.Change.New).ToString(CultureInfo.InvariantCulture)))), new ByteSize(Size).ToString(), Count);
        }
    }

    /// <summary>The condition as typed: <c>new-holes</c>, <c>usable-loss:64K</c>, <c>huge-loss:1G:2</c>.</summary>
    public override string ToString() => Kind switch
    {
        DiffConditionKind.NewHoles => "new-holes",
        DiffConditionKind.UsableLoss => $"usable-loss:{new ByteSize(Size)}",
        _ => string.Create(CultureInfo.InvariantCulture, $"huge-loss:{new ByteSize(Size)}:{Count}"),
    };

    private static string Where(string host, string change) => host.Length == 0 ? change : $"{host} {change}";

    // A loss is at most 2^64 - 1 bytes: one host's usable bytes before.
    private static string Human(Int128 bytes) => new ByteSize((ulong)bytes).ToHumanString();

    private static string Names(IEnumerable<string> names)
    {
        var all = names.ToList();
        var shown = string.Join(", ", all.Take(Named));
        return all.Count > Named ? shown + Messages.AndMore(all.Count - Named) : shown;
    }
}
