namespace EgmEcc;

/// <summary>
/// One retired-memory report from some input: either a system physical address, or a
/// region-relative offset in a named region; with a size, and where it was read.
/// </summary>
/// <remarks>
/// <para>The record covers <c>[start, start + size)</c>. A <see cref="Size"/> of 0 means "not
/// given": the planner uses the retirement granule. Readers reject an explicit size of 0.</para>
/// <para>A small value type, so that millions of records sit in one array without a heap object
/// each; <see cref="Region"/>, <see cref="Host"/> and the source file name are shared strings.</para>
/// </remarks>
public readonly struct RetiredRecord
{
    private RetiredRecord(ulong start, ulong size, string? region, string? host, SourceLocation source)
    {
        Start = start;
        Size = size;
        Region = region;
        Host = host;
        Source = source;
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
    public SourceLocation Source { get; }

    /// <summary>True when the record names its region and <see cref="Start"/> is an offset.</summary>
    public bool IsRegionRelative => Region is not null;

    /// <summary>A record at a system physical address.</summary>
    public static RetiredRecord AtAddress(ulong address, ulong size, SourceLocation source, string? host = null) =>
        new(address, size, null, host, source);

    /// <summary>A record at an offset of a named region.</summary>
    public static RetiredRecord InRegion(string region, ulong offset, ulong size, SourceLocation source, string? host = null)
    {
        ArgumentException.ThrowIfNullOrEmpty(region);
        return new(offset, size, region, host, source);
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
