using System.Collections.Immutable;
using EgmEcc.Fleet;

namespace EgmEcc.History;

/// <summary>
/// The firmware-table cliff of every region (docs/design.md §4.13): the driver refuses a whole
/// region once its table holds more than 4096 entries (docs/design.md §1), so the date a table
/// reaches 4097 at the host's measured rate is when the region's usable bytes are lost at once.
/// </summary>
public static class TableCliffs
{
    /// <summary>The size of one firmware-table entry: a retired 64 KiB page (docs/design.md §1).</summary>
    public const ulong EntryBytes = 64 * 1024;

    /// <summary>The entries at which the driver refuses the region.</summary>
    public const int OverflowEntries = FirmwareTableFill.Limit + 1;

    /// <summary>
    /// The cliff of every region of each host's latest observation, in host then region order.
    /// A host without a rate (none in <paramref name="rates"/>) has no date, unless already over.
    /// </summary>
    /// <param name="history">The fleet's history.</param>
    /// <param name="rates">The hosts' measured rates.</param>
    public static ImmutableArray<TableCliff> Of(FleetHistory history, ImmutableArray<HostRate> rates)
    {
        ArgumentNullException.ThrowIfNull(history);
        var byHost = new Dictionary<string, RetirementRate>(StringComparer.Ordinal);
        foreach (var rate in rates.IsDefault ? [] : rates)
        {
            byHost[rate.Host] = rate.Rate;
        }

        var cliffs = ImmutableArray.CreateBuilder<TableCliff>();
        foreach (var host in history.Hosts)
        {
            var latest = host.Latest;
            RetirementRate? rate = byHost.TryGetValue(host.Host, out var r) ? r : null;
            foreach (var region in latest.Summary.Regions)
            {
                cliffs.Add(Of(host.Host, region, latest.At, rate, history.Options.Granule));
            }
        }

        return cliffs.ToImmutable();
    }

    /// <summary>One region's cliff.</summary>
    /// <param name="host">The host.</param>
    /// <param name="region">The region as last observed.</param>
    /// <param name="at">When it was observed.</param>
    /// <param name="rate">The host's rate in granules per TiB per year, or null when it has none.</param>
    /// <param name="granule">The retirement granule G of the plans.</param>
    public static TableCliff Of(string host, RegionSummary region, DateTimeOffset at, RetirementRate? rate, ulong granule)
    {
        ArgumentNullException.ThrowIfNull(region);
        var estimated = region.TableEntries is null;
        var entries = region.TableEntries ?? EstimatedEntries(region.RetiredPages, granule);
        ForecastDate? overflow;
        if (entries >= OverflowEntries)
        {
            overflow = new ForecastDate(at, at, at);
        }
        else if (rate is { } known)
        {
            overflow = Overflow(at, OverflowEntries - entries, EntriesPerYear(known.PerTiBYear, region.SizeBytes, granule), EntriesPerYear(known.P95, region.SizeBytes, granule), EntriesPerYear(known.P5, region.SizeBytes, granule));
        }
        else
        {
            overflow = null;
        }

        return new TableCliff(host, region.Id, entries, estimated, overflow, region.UsableBytes);
    }

    /// <summary>
    /// The entries a region's retired granules stand for when no table was read: its retired bytes
    /// in 64 KiB pages, rounded up (at most <see cref="int.MaxValue"/>).
    /// </summary>
    /// <param name="retiredPages">Retired granules.</param>
    /// <param name="granule">The granule G.</param>
    public static int EstimatedEntries(ulong retiredPages, ulong granule)
    {
        var bytes = (UInt128)retiredPages * granule;
        var entries = (bytes + EntryBytes - 1) / EntryBytes;
        return entries > int.MaxValue ? int.MaxValue : (int)entries;
    }

    /// <summary>
    /// Entries a region gains per year at <paramref name="ratePerTiBYear"/> granules per TiB per
    /// year: its granules in 64 KiB entries, as <see cref="EstimatedEntries"/> counts them.
    /// </summary>
    private static double EntriesPerYear(double ratePerTiBYear, ulong sizeBytes, ulong granule) =>
        ratePerTiBYear * (sizeBytes / RateFit.BytesPerTiB) * ((double)granule / EntryBytes);

    /// <summary>
    /// The date from each rate; null when the expected rate is 0 or its date is past the last
    /// representable one (9999-12-31), and the latest null when its rate is 0 or past that date.
    /// </summary>
    private static ForecastDate? Overflow(DateTimeOffset at, int needed, double expected, double fastest, double slowest)
    {
        var mean = After(at, needed, expected);
        if (mean is null)
        {
            return null;
        }

        // The fastest rate is at least the mean, so its date is no later than the mean's.
        var earliest = After(at, needed, fastest) ?? mean.Value;
        return new ForecastDate(mean.Value, earliest, After(at, needed, slowest));
    }

    private static DateTimeOffset? After(DateTimeOffset at, int needed, double perYear)
    {
        if (!(perYear > 0))
        {
            return null;
        }

        var ticks = needed / perYear * RateFit.DaysPerYear * TimeSpan.TicksPerDay;
        var room = DateTimeOffset.MaxValue.UtcTicks - at.UtcTicks;
        return ticks < room ? at.AddTicks((long)Math.Ceiling(ticks)) : null;
    }
}
