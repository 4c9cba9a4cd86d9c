using System.Globalization;
using EgmEcc.Policies;

namespace EgmEcc.Formats.Policies;

/// <summary>How the policy writers show a figure's value and a date.</summary>
internal static class PolicyFormat
{
    /// <summary>The value for people: counts with thousands separators (<c>3,600</c>), bytes as a size (<c>1.50 TiB</c>), percentages rounded down to four decimals.</summary>
    public static string Text(PolicyFigure figure, decimal value) => figure.Kind switch
    {
        PolicyFigureKind.UsablePercent => Percent(value).ToString("0.00##", CultureInfo.InvariantCulture),
        PolicyFigureKind.Usable => new ByteSize((ulong)value).ToHumanString(),
        _ => ((ulong)value).ToString("N0", CultureInfo.InvariantCulture),
    };

    /// <summary>A percentage rounded down to four decimals, as every output shows one (docs/design.md §4.1).</summary>
    public static decimal Percent(decimal value) => decimal.Floor(value * 10_000m) / 10_000m;

    /// <summary>A day: <c>2027-03-02</c> (UTC).</summary>
    public static string Day(DateTimeOffset at) => at.UtcDateTime.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);

    /// <summary>A time as the history's JSON writes it: <c>2027-03-02T08:00:00Z</c>.</summary>
    public static string Time(DateTimeOffset at) => at.UtcDateTime.ToString("yyyy-MM-dd'T'HH:mm:ss'Z'", CultureInfo.InvariantCulture);

    /// <summary>A number of years, as the forecast's text gives its horizon: <c>1</c>, <c>0.5</c>.</summary>
    public static string Years(double years) => years.ToString("0.##", CultureInfo.InvariantCulture);
}
