using System.Text.RegularExpressions;
using EgmEcc.Formats.Inputs;
using EgmEcc.Formats.Wording;

namespace EgmEcc.Formats.Binary;

/// <summary>
/// The nvgrace-egm driver's answer to <c>EGM_RETIRED_PAGES_LIST</c> (<c>ioctl</c>), dumped as
/// bytes: little-endian <c>u32 argsz; u32 count; struct { u64 offset; u64 size; } retired_pages[count];</c>
/// with offsets relative to the region and sizes of one host kernel page.
/// </summary>
/// <remarks>
/// <para>A dump is the <c>8 + 16 * count</c> bytes the driver filled, or the whole <c>argsz</c>-byte
/// buffer the caller passed in. <c>argsz</c> smaller than the entries, a short file, trailing
/// bytes, or an entry of size 0 are input errors at their byte offset. An offset past the
/// region's end is the planner's out-of-region warning.</para>
/// <para>The region: the <c>egm&lt;N&gt;</c> in the file name (<c>/dev/egm&lt;N&gt;</c>, N the PXM),
/// so several lists can be read in one run; <c>--region ID</c> for a file whose name does not say.
/// When the regions are known and none has the id <c>egm&lt;N&gt;</c>, the one region whose PXM is
/// N is meant (a CSV may call it anything); when none has that PXM either, the file name names no
/// region and that is an error.</para>
/// <para>Detection: <c>argsz</c> at least the entries' size and a file length of either; failing
/// that, a file name containing <c>ioctl</c> is a weak hint.</para>
/// </remarks>
public sealed partial class IoctlListReader : IRetiredReader
{
    private const int EntryBytes = 16;

    /// <inheritdoc/>
    public string Name => "ioctl";

    /// <inheritdoc/>
    public int Sniff(ReadOnlySpan<byte> head, InputFile file)
    {
        var length = file.Length ?? (head.Length < FormatRegistry.HeadLength ? head.Length : -1);
        if (head.Length >= 8)
        {
            var argsz = BinaryInput.U32(head, 0);
            var count = BinaryInput.U32(head, 4);
            var payload = PayloadBytes(count);
            if (argsz >= payload && (length == payload || length == argsz))
            {
                // One more mark when it is there: the first entry's size is a page size.
                return count > 0 && head.Length >= 24 && !ulong.IsPow2(BinaryInput.U64(head, 16)) ? Sniffing.Shape : Sniffing.Certain;
            }
        }

        return file.FileName.Contains("ioctl", StringComparison.OrdinalIgnoreCase) ? Sniffing.Extension : Sniffing.No;
    }

    /// <inheritdoc/>
    public void Read(Stream stream, InputFile file, ReadOptions options, RetiredRecordSink sink, Action<Diagnostic> report)
    {
        var input = new BinaryInput(stream, file.Name, file.Length);
        var header = input.Take(8);
        if (header.Length < 8)
        {
            throw new InputException(input.At(0), $"the file is {BinaryInput.Count(header.Length, "byte", "bytes")}; an EGM_RETIRED_PAGES_LIST result starts with u32 argsz, u32 count (8 bytes)");
        }

        var argsz = BinaryInput.U32(header, 0);
        var count = BinaryInput.U32(header, 4);
        var payload = PayloadBytes(count);
        if (argsz < payload)
        {
            throw new InputException(input.At(0), $"argsz {argsz} is smaller than the {payload} bytes its {count} entries need (8 + 16 * count)");
        }

        // A lying count fails here, before reading, when the loader knows the length.
        if (input.KnownLength is { } known && known < payload)
        {
            var incomplete = 8 + ((known - 8) / EntryBytes * EntryBytes);
            throw Truncated(input, count, payload, incomplete, known);
        }

        var region = ResolveRegion(file, options);
        for (var i = 0L; i < count; i++)
        {
            var at = input.Offset;
            var entry = input.Take(EntryBytes);
            if (entry.Length < EntryBytes)
            {
                throw Truncated(input, count, payload, at, input.Offset);
            }

            var size = BinaryInput.U64(entry, 8);
            if (size == 0)
            {
                throw new InputException(input.At(at + 8), $"entry [{i}] (offset {Numbers.Hex(BinaryInput.U64(entry, 0))}) has size 0; the driver reports one host page per entry");
            }

            RecordLimit.Check(sink, options, input.At(at));
            sink.Add(RetiredRecord.InRegion(region, BinaryInput.U64(entry, 0), size, input.At(at), options.Host));
        }

        // Every entry was read, so the length is at least the payload; past argsz is too long whatever it holds.
        var longest = Math.Max(payload, argsz);
        var total = input.Length(longest);
        if (total != payload && total != argsz)
        {
            var trailing = total > longest
                ? $"the file goes on past argsz ({argsz} bytes)"
                : $"{BinaryInput.Count(total - payload, "byte follows", "bytes follow")} the {BinaryInput.Count(count, "entry", "entries")}";
            throw new InputException(input.At(payload), $"{trailing}; a dump is 8 + 16 * count bytes ({payload}) or argsz bytes ({argsz})");
        }
    }

    /// <summary>The region id the file's entries are relative to.</summary>
    internal static string ResolveRegion(InputFile file, ReadOptions options)
    {
        if (file.Region is { Length: > 0 } known)
        {
            return known;
        }

        var match = EgmInName().Match(file.FileName);
        if (!match.Success || !int.TryParse(match.Groups[1].ValueSpan, System.Globalization.NumberStyles.None, null, out var node))
        {
            return options.Region is { Length: > 0 } named
                ? named
                : throw new InputException(SourceLocation.InFile(file.Name), Messages.IoctlListNeedsRegion());
        }

        var id = Region.DefaultId(node);
        if (options.Regions is not { } regions)
        {
            return id;
        }

        var candidates = regions.Regions.Where(r => options.Host is null || r.Host == options.Host).ToList();
        if (candidates.Any(r => r.Id == id))
        {
            return id;
        }

        var byNode = candidates.Where(r => r.Node == node).ToList();
        return byNode.Count switch
        {
            1 => byNode[0].Id,
            0 => throw new InputException(SourceLocation.InFile(file.Name), Messages.IoctlListRegionMissing(id, node)),
            _ => throw new InputException(SourceLocation.InFile(file.Name), Messages.IoctlListRegionAmbiguous(id, node, byNode)),
        };
    }

    /// <summary>
    /// The region an <c>egm&lt;N&gt;</c> file name names, resolved as <see cref="ResolveRegion"/> does,
    /// or null when the name says nothing or names no region (a firmware table's fallback, not an error).
    /// </summary>
    internal static string? TryResolveRegion(InputFile file, ReadOptions options)
    {
        if (file.Region is { Length: > 0 } known)
        {
            return known;
        }

        if (!EgmInName().IsMatch(file.FileName))
        {
            return null;
        }

        try
        {
            return ResolveRegion(file, options);
        }
        catch (InputException)
        {
            return null;
        }
    }

    private static long PayloadBytes(uint count) => 8 + (EntryBytes * (long)count);

    private static InputException Truncated(BinaryInput input, uint count, long payload, long entryAt, long end) =>
        new(input.At(entryAt), $"count {count} needs {payload} bytes but the file ends at byte {end}; entry [{(entryAt - 8) / EntryBytes}] at +{entryAt} is {(end <= entryAt ? "missing" : "incomplete")}");

    [GeneratedRegex(@"egm(\d{1,9})", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex EgmInName();
}
