using System.Collections.Immutable;
using System.Numerics;

namespace EgmEcc;

/// <summary>
/// Steps 1 and 2 of the <see cref="Planner"/>, done as each record arrives: attributes, clips and
/// widens it (docs/design.md §2.4–§2.5) and keeps only its widened range, in its region; at-risk
/// pieces go aside. A reader fills it like any <see cref="RetiredRecordSink"/>, and
/// <see cref="Sweep"/> then plans: no list of every record is ever held (docs/performance.md).
/// </summary>
/// <remarks>
/// <para>A record wholly inside one region (nearly all of them) is one widened range, kept as an
/// 8-byte key of its first and last layout granule in a region of fewer than 2^32 of them (every
/// region but the very largest), else as 16 bytes; it needs no identity, because which of two equal
/// ranges is the applied one changes no figure.</para>
/// <para>A record that retires in several regions counts once, applied when any of its pieces is,
/// so its pieces carry its identity, and the duplicate order (docs/design.md §2.9) puts equal
/// ranges in input order. From the first such record on, every retiring piece is kept tagged with
/// its record's place after it; every untagged range came before it in input order. Warnings are
/// made as records arrive, so they are in input order.</para>
/// </remarks>
public sealed class RecordAttribution : RetiredRecordSink
{
    private readonly RegionSet regions;
    private readonly PlanOptions options;
    private readonly ImmutableArray<Diagnostic>.Builder diagnostics;
    private readonly ulong layout;
    private readonly ulong granule;
    private readonly bool retireCorrected;
    private readonly RegionPieces[] pieces;
    private readonly List<Planner.AtRiskPiece> atRisk = [];
    private readonly HostResolver hosts;
    private readonly RegionIdCache named;

    // Regions that records split across several cover whole (neither the first nor the last
    // they overlap), marked once each: by the first retiring record, and as at risk.
    private RegionPainter? wholeRetired;
    private RegionPainter? wholeAtRisk;

    // For each region, the last one reached from it through regions that touch, host by host.
    private int[]? touchingUpTo;

    // The run of regions of the host last seen, and the region last found in it: records of one
    // input share their host and often their region, so most need neither a look-up nor a search.
    private string? runHost;
    private int runFirst, runCount, lastRegion = -1;

    private long count;
    private long retiring;
    private long atRiskRecords;
    private long clipped;

    // The place of the first record that retires in several regions, or -1: pieces of it and of
    // every later record are tagged with their record's place counted from it.
    private long firstTagged = -1;
    private bool swept;

    /// <summary>An attribution of records against <paramref name="regions"/> with <paramref name="options"/>, empty.</summary>
    public RecordAttribution(RegionSet regions, PlanOptions options)
    {
        ArgumentNullException.ThrowIfNull(regions);
        ArgumentNullException.ThrowIfNull(options);
        this.regions = regions;
        this.options = options;
        layout = options.LayoutGranule;
        granule = options.Granule;
        retireCorrected = options.RetireCorrected;
        hosts = new HostResolver(regions);
        named = new RegionIdCache(regions);
        diagnostics = ImmutableArray.CreateBuilder<Diagnostic>();
        Planner.AddRegionWarnings(regions, options, diagnostics);
        var layoutShift = BitOperations.TrailingZeroCount(layout);
        pieces = new RegionPieces[regions.Regions.Length];
        for (var r = 0; r < pieces.Length; r++)
        {
            pieces[r] = new RegionPieces(regions.SizeAt(r), layoutShift);
        }
    }

    /// <inheritdoc/>
    public override long Count => count;

    /// <inheritdoc/>
    /// <exception cref="InputException">The record names a region or host that no input defines, or names no host when there are several.</exception>
    /// <exception cref="InvalidOperationException">The records were already swept.</exception>
    public override void Add(in RetiredRecord record)
    {
        if (swept)
        {
            throw new InvalidOperationException("the records were already swept");
        }

        var place = count;
        var host = hosts.Resolve(record);
        count++;
        var size = record.SizeOr(granule);
        var retire = retireCorrected || record.Kind == RecordKind.Retired;
        if (record.Region is not null)
        {
            Named(record, place, host, size, retire);
            return;
        }

        SelectRun(host);
        if (retire && TryRetireWithin(record.Start, size))
        {
            return;
        }

        Spread(record, place, host, size, retire);
    }

    /// <inheritdoc/>
    /// <remarks>A record wholly inside one region, before any record split across several, is kept without being made.</remarks>
    public override void AddRetiredAt(ulong address, SourceLocation source, string? host)
    {
        if (!swept)
        {
            SelectRun(hosts.Resolve(host, source));
            if (TryRetireWithin(address, granule))
            {
                count++;
                return;
            }
        }

        Add(RetiredRecord.AtAddress(address, 0, source, host));
    }

    /// <summary>Makes <paramref name="host"/>'s regions the run that SPA records are looked up in.</summary>
    private void SelectRun(string host)
    {
        if (!ReferenceEquals(host, runHost))
        {
            (runFirst, runCount) = regions.HostRun(host);
            (runHost, lastRegion) = (host, -1);
        }
    }

    /// <summary>
    /// Keeps a retiring SPA record when it lies wholly inside one region of the run and no record
    /// has split yet, the common case: nothing to clip, split or warn. False, with nothing kept,
    /// otherwise.
    /// </summary>
    private bool TryRetireWithin(ulong start, ulong size)
    {
        if (firstTagged >= 0)
        {
            return false;
        }

        // An address below a region's base wraps to more than its size.
        var index = lastRegion;
        if (index < 0 || unchecked(start - regions.BaseAt(index)) >= regions.SizeAt(index))
        {
            index = regions.IndexContaining(runFirst, runCount, start);
        }

        if (index < 0)
        {
            return false;
        }

        var offset = start - regions.BaseAt(index);
        var regionSize = regions.SizeAt(index);
        if (size > regionSize - offset)
        {
            return false;
        }

        lastRegion = index;
        pieces[index].Add(Numbers.AlignDown(offset, layout), Math.Min(Numbers.AlignUpSaturating(offset + size, layout), regionSize));
        retiring++;
        return true;
    }

    /// <summary>
    /// Plans the records taken, up to the retired holes of every region (<see cref="SweptPlan"/>):
    /// the accounting and the diagnostics are final, each region is swept and tiled when asked. No
    /// record may be added after it.
    /// </summary>
    public SweptPlan Sweep()
    {
        if (swept)
        {
            throw new InvalidOperationException("the records were already swept");
        }

        swept = true;
        var regionCount = regions.Regions.Length;
        if (wholeRetired is not null)
        {
            for (var r = 0; r < regionCount; r++)
            {
                if (wholeRetired.By[r] >= 0)
                {
                    pieces[r].AddTagged(0, regions.SizeAt(r), wholeRetired.By[r]);
                }
            }
        }

        if (wholeAtRisk is not null)
        {
            for (var r = 0; r < regionCount; r++)
            {
                if (wholeAtRisk.By[r] >= 0)
                {
                    atRisk.Add(new Planner.AtRiskPiece(r, 0, regions.SizeAt(r)));
                }
            }
        }

        var atRiskPieces = atRisk.ToArray();
        Array.Sort(atRiskPieces, static (a, b) => a.Region != b.Region ? a.Region.CompareTo(b.Region) : a.Start.CompareTo(b.Start));
        var firstAtRisk = new int[regionCount + 1];
        foreach (var piece in atRiskPieces)
        {
            firstAtRisk[piece.Region + 1]++;
        }

        for (var r = 0; r < regionCount; r++)
        {
            firstAtRisk[r + 1] += firstAtRisk[r];
        }

        var taggedRecords = firstTagged < 0 ? 0 : count - firstTagged;
        var accounting = new Accounting(
            Records: count,
            Applied: 0,
            Duplicate: 0,
            Clipped: clipped,
            OutOfRegion: count - retiring - atRiskRecords,
            AtRisk: atRiskRecords);

        return new SweptPlan(
            regions,
            pieces,
            taggedRecords > 0 ? new bool[taggedRecords] : null,
            retiring,
            atRiskPieces,
            firstAtRisk,
            new Plan
            {
                Options = options,
                Regions = [],
                Accounting = accounting,
                Diagnostics = diagnostics.ToImmutable(),
            });
    }

    /// <summary>A record that names its region: clipped to that region.</summary>
    private void Named(in RetiredRecord record, long place, string host, ulong size, bool retire)
    {
        var regionId = record.Region!;
        var index = named.IndexOf(host, regionId, record.Source);
        var regionSize = regions.SizeAt(index);
        if (record.Start >= regionSize)
        {
            diagnostics.Add(new Diagnostic(Severity.Warning, record.Source, $"{Noun(record)} at offset {Numbers.Hex(record.Start)} of region '{regionId}' lies past its end (size {Numbers.Hex(regionSize)}); counted out-of-region") { Code = DiagnosticCodes.OutOfRegion });
            return;
        }

        // Compared as lengths: offset + size may pass 2^64, and a saturated end would hide the
        // clip in a region of 2^64 - 1 bytes.
        var offset = record.Start;
        var isClipped = size > regionSize - offset;
        if (isClipped)
        {
            WarnClipped(record, index, index);
        }

        Piece(index, offset, isClipped ? regionSize : offset + size, place, retire);
        Attributed(retire);
    }

    /// <summary>
    /// An SPA record not wholly inside one region (or any record once pieces are tagged): a piece
    /// in every region of its host it overlaps, clipped when part of it lies outside them all.
    /// </summary>
    private void Spread(in RetiredRecord record, long place, string host, ulong size, bool retire)
    {
        var start = record.Start;

        // A record running past 2^64 is cut there: that part lies in no region.
        var cut = !AddressRange.FitsAt(start, size);
        var last = cut ? ulong.MaxValue : start + (size - 1);
        var (first, overlapping) = regions.Overlapping(runFirst, runCount, start, last);
        if (overlapping == 0)
        {
            diagnostics.Add(new Diagnostic(Severity.Warning, record.Source, $"{Noun(record)} at {Numbers.Hex(start)} ({new ByteSize(size)}) lies in no region{OnHost(host)}; counted out-of-region") { Code = DiagnosticCodes.OutOfRegion });
            return;
        }

        if (overlapping > 1 && retire && firstTagged < 0)
        {
            firstTagged = place;
        }

        var final = first + overlapping - 1;
        var firstBase = regions.BaseAt(first);
        var finalLast = regions.BaseAt(final) + (regions.SizeAt(final) - 1);
        if (cut || start < firstBase || last > finalLast || (overlapping > 1 && !Touching(first, final)))
        {
            WarnClipped(record, first, final);
        }

        // Inclusive lasts, converted to ends in offset space only: a region's size fits 64 bits.
        var head = Math.Max(start, firstBase) - firstBase;
        var tail = Math.Min(last, finalLast);
        Piece(first, head, overlapping == 1 ? tail - firstBase + 1 : regions.SizeAt(first), place, retire);
        if (overlapping > 1)
        {
            if (overlapping > 2)
            {
                var painter = retire
                    ? wholeRetired ??= new RegionPainter(regions.Regions.Length)
                    : wholeAtRisk ??= new RegionPainter(regions.Regions.Length);
                painter.Paint(first + 1, final - 1, retire ? Tag(place) : 0);
            }

            Piece(final, 0, tail - regions.BaseAt(final) + 1, place, retire);
        }

        Attributed(retire);
    }

    /// <summary>Adds the piece <c>[start, end)</c> of region <paramref name="region"/>'s offset space, widened.</summary>
    private void Piece(int region, ulong start, ulong end, long place, bool retire)
    {
        var regionSize = regions.SizeAt(region);
        if (!retire)
        {
            atRisk.Add(new Planner.AtRiskPiece(region, Numbers.AlignDown(start, granule), Math.Min(Numbers.AlignUpSaturating(end, granule), regionSize)));
            return;
        }

        var wideStart = Numbers.AlignDown(start, layout);
        var wideEnd = Math.Min(Numbers.AlignUpSaturating(end, layout), regionSize);
        if (firstTagged < 0)
        {
            pieces[region].Add(wideStart, wideEnd);
        }
        else
        {
            pieces[region].AddTagged(wideStart, wideEnd, Tag(place));
        }
    }

    /// <summary>The tag of the record at <paramref name="place"/>: its place counted from the first tagged record.</summary>
    private int Tag(long place)
    {
        var tag = place - firstTagged;
        return tag < Array.MaxLength ? (int)tag : throw new InvalidOperationException("more records after one split across regions than an array holds");
    }

    private void Attributed(bool retire)
    {
        if (retire)
        {
            retiring++;
        }
        else
        {
            atRiskRecords++;
        }
    }

    private void WarnClipped(in RetiredRecord record, int first, int final)
    {
        clipped++;
        var a = regions.Regions[first];
        var message = first == final
            ? $"{Noun(record)} {record} crosses the edge of region '{a.Id}' {a.Extent}; clipped to the region"
            : $"{Noun(record)} {record} lies partly outside the {final - first + 1} regions it overlaps, '{a.Id}' {a.Extent} to '{regions.Regions[final].Id}' {regions.Regions[final].Extent}; clipped to them";
        diagnostics.Add(new Diagnostic(Severity.Warning, record.Source, message) { Code = DiagnosticCodes.Clipped });
    }

    /// <summary>True when regions <paramref name="first"/> to <paramref name="final"/> (one host's) each end where the next begins.</summary>
    private bool Touching(int first, int final)
    {
        if (touchingUpTo is null)
        {
            var all = regions.Regions;
            touchingUpTo = new int[all.Length];
            for (var r = all.Length - 1; r >= 0; r--)
            {
                var touchesNext = r + 1 < all.Length
                    && all[r].Host == all[r + 1].Host
                    && regions.SizeAt(r) == regions.BaseAt(r + 1) - regions.BaseAt(r);
                touchingUpTo[r] = touchesNext ? touchingUpTo[r + 1] : r;
            }
        }

        return touchingUpTo[first] >= final;
    }

    private static string OnHost(string host) => host.Length == 0 ? string.Empty : $" of host '{host}'";

    /// <summary>The noun a record's warnings use.</summary>
    private static string Noun(in RetiredRecord record) =>
        record.Kind == RecordKind.AtRisk ? "at-risk record (corrected error)" : "retired record";

    /// <summary>
    /// Marks runs of regions, each region once, with the first record to cover it whole: later
    /// records skip marked regions through a union-find of "next unmarked region", so a record
    /// costs the regions it marks, not the regions it spans.
    /// </summary>
    private sealed class RegionPainter
    {
        private readonly int[] next;

        public RegionPainter(int regions)
        {
            next = new int[regions + 1];
            for (var r = 0; r <= regions; r++)
            {
                next[r] = r;
            }

            By = new int[regions];
            Array.Fill(By, -1);
        }

        /// <summary>The tag of the record that marked each region, or -1.</summary>
        public int[] By { get; }

        /// <summary>Marks the unmarked regions of <c>[from, to]</c> with <paramref name="record"/>.</summary>
        public void Paint(int from, int to, int record)
        {
            for (var r = Find(from); r <= to; r = Find(r + 1))
            {
                By[r] = record;
                next[r] = r + 1;
            }
        }

        /// <summary>The first unmarked region at or after <paramref name="region"/> (the sentinel past the last when none).</summary>
        private int Find(int region)
        {
            var root = region;
            while (next[root] != root)
            {
                root = next[root];
            }

            while (next[region] != root)
            {
                var following = next[region];
                next[region] = root;
                region = following;
            }

            return root;
        }
    }

    /// <summary>
    /// Finds the region a record names, remembering the last few (host, id) pairs by reference:
    /// readers share one string per distinct value, and the regions of a host interleave.
    /// </summary>
    private sealed class RegionIdCache(RegionSet regions)
    {
        private const int Ways = 8;
        private readonly string?[] ids = new string?[Ways];
        private readonly string?[] hosts = new string?[Ways];
        private readonly int[] indexes = new int[Ways];
        private int next;

        public int IndexOf(string host, string id, SourceLocation source)
        {
            for (var w = 0; w < Ways; w++)
            {
                if (ReferenceEquals(ids[w], id) && ReferenceEquals(hosts[w], host))
                {
                    return indexes[w];
                }
            }

            var index = regions.IndexOf(host, id);
            if (index < 0)
            {
                throw new InputException(source, $"record names region '{id}'{OnHost(host)}, which no input defines");
            }

            (ids[next], hosts[next], indexes[next]) = (id, host, index);
            next = (next + 1) % Ways;
            return index;
        }
    }

    /// <summary>Resolves a record's host: the one it names, or the only host there is.</summary>
    private sealed class HostResolver(RegionSet regions)
    {
        private string? lastNamed;
        private string lastResolved = string.Empty;

        /// <summary>The host of <paramref name="record"/>.</summary>
        public string Resolve(in RetiredRecord record) => Find(record.Host) ?? throw Unknown(record.Host, record.Source);

        /// <summary>The host of a record that names <paramref name="named"/> (null for none), read at <paramref name="source"/>.</summary>
        public string Resolve(string? named, SourceLocation source) => Find(named) ?? throw Unknown(named, source);

        private string? Find(string? named)
        {
            if (named is null)
            {
                return regions.Hosts.Length switch
                {
                    0 => string.Empty,
                    1 => regions.Hosts[0],
                    _ => null,
                };
            }

            if (ReferenceEquals(named, lastNamed))
            {
                return lastResolved;
            }

            if (!regions.HasHost(named))
            {
                return null;
            }

            (lastNamed, lastResolved) = (named, named);
            return named;
        }

        private InputException Unknown(string? named, SourceLocation source) => named is null
            ? new InputException(source, $"the record names no host, but the regions describe {regions.Hosts.Length} hosts; add a 'host' column")
            : new InputException(source, $"the record names host '{named}', which no region input defines");
    }
}
