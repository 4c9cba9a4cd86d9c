namespace EgmEcc.History;

/// <summary>
/// A forecast date with its range: the expected date and the 5th and 95th percentiles
/// (<see cref="Earliest"/> from the rate's 95th percentile, <see cref="Latest"/> from its 5th).
/// </summary>
/// <param name="Expected">The date at the rate's estimate.</param>
/// <param name="Earliest">The 5th-percentile date: the rate's 95th percentile.</param>
/// <param name="Latest">The 95th-percentile date: the rate's 5th percentile; null when that rate is 0 (never).</param>
public readonly record struct ForecastDate(DateTimeOffset Expected, DateTimeOffset Earliest, DateTimeOffset? Latest);

/// <summary>
/// One region's firmware-table cliff (docs/design.md §4.13): the driver refuses the whole region
/// when its table holds more than 4096 entries.
/// </summary>
/// <param name="Host">The host.</param>
/// <param name="Region">The region's id.</param>
/// <param name="Entries">Entries used: the table's count when one was read, else the region's retired 64 KiB pages.</param>
/// <param name="Estimated">True when no table was read and <paramref name="Entries"/> is the retired pages.</param>
/// <param name="Overflow">When the table is expected to overflow at the host's rate, or null when no retirement is expected.</param>
/// <param name="CostBytes">What the overflow costs: the region's usable bytes, all refused at once.</param>
public sealed record TableCliff(string Host, string Region, int Entries, bool Estimated, ForecastDate? Overflow, ulong CostBytes)
{
    /// <summary>Entries left before the table is full.</summary>
    public int Left => Math.Max(0, FirmwareTableFill.Limit - Entries);
}
