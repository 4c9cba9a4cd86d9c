using EgmEcc.Formats.Inputs;

namespace EgmEcc.Formats.Binary;

/// <summary>
/// The firmware retired-page table (<c>fwtable</c>), dumped from the SPA firmware names in
/// <c>nvidia,egm-retired-pages-data-base</c>: little-endian <c>u64 num_retired_pages;
/// u64 retired_page_addr[4096];</c>, each entry the SPA of one retired 64 KiB page.
/// </summary>
/// <remarks>
/// <para>A dump is either exactly <c>8 + 8 * count</c> bytes or the whole 4096-entry table
/// (<see cref="FullTableBytes"/> bytes, the slots past <c>count</c> unused). Anything else is an
/// input error at the byte where the file stops making sense.</para>
/// <para>Entries are SPAs, attributed by address like the driver does: one outside every region
/// is the planner's out-of-region warning, as the driver skips it with a warning. Every record is
/// 64 KiB, whatever <c>--granule</c> says, because that is what firmware retires.</para>
/// <para>The table's fill (its count and region) goes to <see cref="ReadOptions.TableFills"/> when
/// set, for the plan and the reports (docs/design.md §4.2).</para>
/// <para>Detection: a count of at most 4096 and a file length that agrees with it; failing that,
/// a file name containing <c>fwtable</c> is a weak hint, so a damaged dump still reaches this
/// reader and gets its precise error.</para>
/// </remarks>
public sealed class FirmwareTableReader : IRetiredReader
{
    /// <summary>The most entries the table holds; the driver refuses a region whose count is larger.</summary>
    public const int MaxEntries = FirmwareTableLimit.MaxEntries;

    /// <summary>The size of the whole table: the count and 4096 entries.</summary>
    public const long FullTableBytes = 8 + (8 * MaxEntries);

    /// <summary>The size of the page each entry retires.</summary>
    public const ulong PageSize = 64 * 1024;

    /// <inheritdoc/>
    public string Name => "fwtable";

    /// <inheritdoc/>
    public int Sniff(ReadOnlySpan<byte> head, InputFile file)
    {
        var length = file.Length ?? (head.Length < FormatRegistry.HeadLength ? head.Length : -1);
        if (head.Length >= 8)
        {
            var count = BinaryInput.U64(head, 0);
            if (count <= MaxEntries && (length == 8 + (8 * (long)count) || length == FullTableBytes))
            {
                return Sniffing.Certain;
            }
        }

        return file.FileName.Contains("fwtable", StringComparison.OrdinalIgnoreCase) ? Sniffing.Extension : Sniffing.No;
    }

    /// <inheritdoc/>
    public void Read(Stream stream, InputFile file, ReadOptions options, RetiredRecordSink sink, Action<Diagnostic> report)
    {
        var input = new BinaryInput(stream, file.Name, file.Length);
        var header = input.Take(8);
        if (header.Length < 8)
        {
            throw new InputException(input.At(0), $"the file is {BinaryInput.Count(header.Length, "byte", "bytes")}; a firmware retired-page table starts with an 8-byte count (u64 num_retired_pages)");
        }

        var count = BinaryInput.U64(header, 0);
        if (count > MaxEntries)
        {
            throw new InputException(input.At(0), $"num_retired_pages is {count}, more than {MaxEntries}; the driver would refuse the whole region (-EINVAL)");
        }

        var payload = 8 + (8 * (long)count);
        // Kept here as well (at most 4,096): the table's fill is attributed from its own entries.
        var entries = new List<RetiredRecord>((int)count);
        for (var i = 0; i < (int)count; i++)
        {
            var at = input.Offset;
            var entry = input.Take(8);
            if (entry.Length < 8)
            {
                throw new InputException(input.At(at), $"the table counts {BinaryInput.Count((long)count, "entry", "entries")} ({payload} bytes) but the file ends at byte {input.Offset}; entry [{i}] at +{at} is {(entry.Length == 0 ? "missing" : "incomplete")}");
            }

            RecordLimit.Check(sink, options, input.At(at));
            var record = RetiredRecord.AtAddress(BinaryInput.U64(entry, 0), PageSize, input.At(at), options.Host);
            entries.Add(record);
            sink.Add(record);
        }

        // Every entry was read, so the length is at least the payload; past the full table is too long whatever it holds.
        var length = input.Length(FullTableBytes);
        if (length != payload && length != FullTableBytes)
        {
            var trailing = length > FullTableBytes
                ? $"the file goes on past the full table's {FullTableBytes} bytes"
                : $"{BinaryInput.Count(length - payload, "byte follows", "bytes follow")} the {BinaryInput.Count((long)count, "entry", "entries")}";
            throw new InputException(input.At(payload), $"{trailing}; a dump is 8 + 8 * count bytes ({payload}) or the full {MaxEntries}-entry table ({FullTableBytes})");
        }

        // The fill is a fact about the table, whatever its entries turn out to be (docs/design.md §1).
        if (options.TableFills is { } fills)
        {
            var named = IoctlListReader.TryResolveRegion(file, options);
            fills(FirmwareTableFill.Attribute(input.At(0), (int)count, System.Runtime.InteropServices.CollectionsMarshal.AsSpan(entries), options.Regions, options.Host, named));
        }

        // A table close to full is a host about to lose a whole region: say so (the report lists it).
        if (FirmwareTableLimit.Check(input.At(0), count) is { } nearLimit)
        {
            report(nearLimit);
        }
    }
}
