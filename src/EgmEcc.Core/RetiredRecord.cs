namespace EgmEcc;

/// <summary>
/// One retired-memory report from some input: either a system physical address, or a
/// region-relative offset in a named region; with a size, and where it was read.
/// </summary>
/// <remarks>
/// <para>The record covers <c>[start, start + size)</c>. A <see cref="Size"/> of 0 means "not
/// given": the planner uses the retirement granule. Readers reject an explicit size of 0.</para>
/// <para>A small value type, so that millions of records sit in one array without a heap object
/// each; <see cref="Region"/>, <see cref="Host"/> and the source file name are shared strings.
/// It is 48 bytes with no padding to spare, so the <see cref="Kind"/> bit rides in the source
/// position: bit 62 of the packed line or byte offset, which a position below 2^62 (a file
/// smaller than 4 EiB) leaves equal to the sign bit.</para>
/// </remarks>
public readonly struct RetiredRecord
{
    private const int KindBit = 62;

    private readonly string? sourceFile;

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
        Region = region;
        Host = host;
        sourceFile = source.StoredFile;
        sourceAndKind = packed ^ ((long)kind << KindBit);
    }

    /// <summary>The SPA when <see cref="Region"/> is null; otherwise the offset within that region.</summary>
    public ulong Start { get; }

    /// <summary>The size in bytes, or 0 for one retirement granule.</summary>
    public ulong Size { get; }

    /// <summary>The id of the region the record names, or null when it is attributed by address.</summary>
    public string? Region { get; }

    /// <summary>The host the record belongs to, or null when the input describes one host.</summary>
    public string? Host { get; }

    /// <summary>Where the record was read.</summary>
    public SourceLocation Source => SourceLocation.FromStored(sourceFile, sourceAndKind ^ ((long)Kind << KindBit));

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
