using System.Runtime.CompilerServices;

namespace EgmEcc;

/// <summary>
/// One retired-memory report from some input: either a system physical address, or a
/// region-relative offset in a named region; with a size, and where it was read.
/// </summary>
/// <remarks>
/// <para>The record covers <c>[start, start + size)</c>. A <see cref="Size"/> of 0 means "not
/// given": the planner uses the retirement granule. Readers reject an explicit size of 0.</para>
/// <para>A small value type, so that millions of records sit in one array without a heap object
/// each. It is 32 bytes: the start, the size, the packed source position and one reference to
/// the <see cref="Region"/>, <see cref="Host"/> and source file name it shares with its
/// neighbours (one small <see cref="RecordOrigin"/> for the many records of a file, host and
/// region, instead of three references in each record; docs/performance.md measures the peak
/// memory this saves at 10^7 records). The <see cref="Kind"/> bit rides in the source position:
/// bit 62 of the packed line or byte offset, which a position below 2^62 (a file smaller than
/// 4 EiB) leaves equal to the sign bit.</para>
/// </remarks>
public readonly struct RetiredRecord
{
    private const int KindBit = 62;

    // Region, host and source file; null for default(RetiredRecord), which has none of them.
    private readonly RecordOrigin? origin;

    // SourceLocation's packed position, with the kind XORed into bit 62.
    private readonly long sourceAndKind;

    private RetiredRecord(ulong start, ulong size, string? region, string? host, SourceLocation source, RecordKind kind)
    {
        if (kind is not (RecordKind.Retired or RecordKind.AtRisk))
        {
            throw new ArgumentOutOfRangeException(nameof(kind), kind, "not a record kind");
        }

        var packed = source.PackedPosition;
        if ((packed >> KindBit) is not (0 or -1))
        {
            throw new ArgumentOutOfRangeException(nameof(source), source.ToString(), "a record's line or byte offset must be below 2^62");
        }

        Start = start;
        Size = size;
        origin = RecordOrigin.Of(region, host, source.StoredFile);
        sourceAndKind = packed ^ ((long)kind << KindBit);
    }

    /// <summary>The SPA when <see cref="Region"/> is null; otherwise the offset within that region.</summary>
    public ulong Start { get; }

    /// <summary>The size in bytes, or 0 for one retirement granule.</summary>
    public ulong Size { get; }

    /// <summary>The id of the region the record names, or null when it is attributed by address.</summary>
    public string? Region => origin?.Region;

    /// <summary>The host the record belongs to, or null when the input describes one host.</summary>
    public string? Host => origin?.Host;

    /// <summary>Where the record was read.</summary>
    public SourceLocation Source => SourceLocation.FromStored(origin?.File, sourceAndKind ^ ((long)Kind << KindBit));

    /// <summary>Retired memory, or an at-risk page (a corrected error).</summary>
    public RecordKind Kind => (RecordKind)(((sourceAndKind >> KindBit) ^ (sourceAndKind >> 63)) & 1);

    /// <summary>True when the record names its region and <see cref="Start"/> is an offset.</summary>
    public bool IsRegionRelative => Region is not null;

    /// <summary>A record at a system physical address.</summary>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="kind"/> is not a kind, or the source position is 2^62 or more.</exception>
    public static RetiredRecord AtAddress(ulong address, ulong size, SourceLocation source, string? host = null, RecordKind kind = RecordKind.Retired) =>
        new(address, size, null, host, source, kind);

    /// <summary>A record at an offset of a named region.</summary>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="kind"/> is not a kind, or the source position is 2^62 or more.</exception>
    public static RetiredRecord InRegion(string region, ulong offset, ulong size, SourceLocation source, string? host = null, RecordKind kind = RecordKind.Retired)
    {
        ArgumentException.ThrowIfNullOrEmpty(region);
        return new(offset, size, region, host, source, kind);
    }

    /// <summary>The record's size, with "not given" resolved to <paramref name="granule"/>.</summary>
    public ulong SizeOr(ulong granule) => Size == 0 ? granule : Size;

    /// <inheritdoc/>
    public override string ToString()
    {
        var at = Region is null ? Numbers.Hex(Start) : $"{Region}+{Numbers.Hex(Start)}";
        return Size == 0 ? at : $"{at} ({new ByteSize(Size)})";
    }
}

/// <summary>
/// The strings a retired record shares with the records read around it: its region id, its
/// host and its source file name. Immutable, so one instance serves every record that names the
/// same three, from any thread.
/// </summary>
internal sealed class RecordOrigin
{
    // Slots of a per-thread cache, indexed by the strings' identities: readers pool their strings,
    // so records of one file, host and region find one origin, and a handful of regions or hosts
    // interleaved row by row each keep theirs.
    private const int Slots = 64;

    [ThreadStatic]
    private static RecordOrigin?[]? cache;

    [ThreadStatic]
    private static RecordOrigin? last;

    private RecordOrigin(string? region, string? host, string? file) => (Region, Host, File) = (region, host, file);

    /// <summary>The id of the region the record names, or null when it is attributed by address.</summary>
    public string? Region { get; }

    /// <summary>The host the record belongs to, or null when the input describes one host.</summary>
    public string? Host { get; }

    /// <summary>The source file as stored in a <see cref="SourceLocation"/>.</summary>
    public string? File { get; }

    /// <summary>An origin with these strings: a cached one when one is at hand, else a new one.</summary>
    public static RecordOrigin Of(string? region, string? host, string? file)
    {
        // Most records repeat the previous record's strings: no hashing for them.
        if (last is { } previous && previous.Is(region, host, file))
        {
            return previous;
        }

        var slots = cache ??= new RecordOrigin?[Slots];
        var slot = (int)((uint)((Identity(region) * 31) ^ (Identity(host) * 17) ^ Identity(file)) % Slots);
        if (slots[slot] is not { } found || !found.Is(region, host, file))
        {
            found = new RecordOrigin(region, host, file);
            slots[slot] = found;
        }

        last = found;
        return found;
    }

    private static int Identity(string? text) => text is null ? 0 : RuntimeHelpers.GetHashCode(text);

    private bool Is(string? region, string? host, string? file) =>
        ReferenceEquals(Region, region) && ReferenceEquals(Host, host) && ReferenceEquals(File, file);
}
