using System.Globalization;

namespace EgmEcc.Formats.Output;

/// <summary>
/// How every writer prints a share of bytes: rounded <b>down</b>, so a region or host just short of
/// 100 % never reads as 100 (a planner that rounds capacity up misleads the people it serves).
/// </summary>
internal static class Percentages
{
    /// <summary><c>99.99</c>: two decimals, rounded down.</summary>
    public static string TwoDecimals(double percent) => Down(percent, 2).ToString("0.00", CultureInfo.InvariantCulture);

    /// <summary><c>99.9997</c>, <c>97.50</c>, <c>100.00</c>: at least two decimals and up to four, rounded down.</summary>
    public static string UpToFourDecimals(double percent) => Down(percent, 4).ToString("0.00##", CultureInfo.InvariantCulture);

    /// <summary>The value rounded down to <paramref name="decimals"/> decimals.</summary>
    public static double Down(double percent, int decimals)
    {
        var scale = Math.Pow(10, decimals);
        return Math.Floor(percent * scale) / scale;
    }
}
