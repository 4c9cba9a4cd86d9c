namespace EgmEcc;

/// <summary>
/// How full one firmware retired-page table is: its <c>num_retired_pages</c> and the region it
/// belongs to (docs/design.md §1). The driver refuses the whole region past
/// <see cref="FirmwareTableLimit.MaxEntries"/>, so the entries left are worth showing before the
/// near-limit warning fires.
/// </summary>
/// <param name="Source">The table (its count field).</param>
/// <param name="Host">The host of its region; <c>""</c> for a single-host input.</param>
/// <param name="Region">The id of its region, or null when nothing says which (then it counts for the host only).</param>
/// <param name="Entries">Its <c>num_retired_pages</c>, 0 to <see cref="FirmwareTableLimit.MaxEntries"/>.</param>
public sealed record FirmwareTableFill(SourceLocation Source, string Host, string? Region, int Entries)
{
    /// <summary>The most entries a table holds.</summary>
    public const int Limit = FirmwareTableLimit.MaxEntries;

    /// <summary>The entries left before the driver refuses the region.</summary>
    public int Left => Limit - Entries;

    /// <summary>
    /// The fill of a table of <paramref name="entries"/> whose entries are <paramref name="records"/>.
    /// Its region is the one holding its entries (firmware writes one region's pages to its table);
    /// the first entry inside a region decides. A table with no entry in any region (empty, or all
    /// out of region) belongs to <paramref name="namedRegion"/>, what its file name says, when given.
    /// </summary>
    /// <param name="source">The table (its count field).</param>
    /// <param name="entries">Its count.</param>
    /// <param name="records">Its entries, as read (SPAs).</param>
    /// <param name="regions">The regions of the run, when known.</param>
    /// <param name="host">The host the input belongs to, when it says.</param>
    /// <param name="namedRegion">The region its file name names (<c>egm&lt;N&gt;</c>), resolved, or null.</param>
    public static FirmwareTableFill Attribute(SourceLocation source, int entries, ReadOnlySpan<RetiredRecord> records, RegionSet? regions, string? host, string? namedRegion)
    {
        if (regions is not null)
        {
            foreach (var record in records)
            {
                var recordHost = record.Host ?? host;
                foreach (var candidate in recordHost is null ? regions.Hosts : [recordHost])
                {
                    var index = regions.IndexContaining(candidate, record.Start);
                    if (index >= 0)
                    {
                        var region = regions.Regions[index];
                        return new FirmwareTableFill(source, region.Host, region.Id, entries);
                    }
                }
            }
        }

        return new FirmwareTableFill(source, host ?? string.Empty, namedRegion, entries);
    }
}
