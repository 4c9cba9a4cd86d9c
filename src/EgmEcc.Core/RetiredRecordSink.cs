using System.Runtime.InteropServices;

namespace EgmEcc;

/// <summary>
/// Where readers put the retired records they read, one at a time in input order: a list that
/// keeps them (<see cref="RetiredRecordList"/>), or a <see cref="RecordAttribution"/> that
/// attributes each as it comes and keeps only its widened range, so that a run of 10^7 records
/// never holds them all.
/// </summary>
public abstract class RetiredRecordSink
{
    /// <summary>The records taken so far.</summary>
    public abstract long Count { get; }

    /// <summary>
    /// How many records the sink holds before it must grow by copying what it has (a list's
    /// capacity); <see cref="long.MaxValue"/> when it never copies. Readers that can estimate their
    /// record count ask <see cref="Reserve"/> when the sink is full.
    /// </summary>
    public virtual long Capacity => long.MaxValue;

    /// <summary>Takes the next record.</summary>
    /// <exception cref="InputException">The record cannot be planned against the sink's regions (an attribution's: a region or host no input defines).</exception>
    public abstract void Add(in RetiredRecord record);

    /// <summary>
    /// Takes the next record when it is one retirement granule, retired, at the SPA
    /// <paramref name="address"/>: what a plain address row is. The same as <see cref="Add"/> of
    /// that record; a sink may take it without making the record, which millions of rows pay for.
    /// </summary>
    /// <exception cref="InputException">As for <see cref="Add"/>.</exception>
    public virtual void AddRetiredAt(ulong address, SourceLocation source, string? host) =>
        Add(RetiredRecord.AtAddress(address, 0, source, host));

    /// <summary>Makes room for <paramref name="records"/> records in all, when the sink grows by copying; otherwise nothing.</summary>
    public virtual void Reserve(long records)
    {
    }

    /// <summary>A sink that adds to <paramref name="list"/>: readers fill a plain list (tests, tools) as they fill any sink.</summary>
    public static implicit operator RetiredRecordSink(List<RetiredRecord> list) => new RetiredRecordList(list);
}

/// <summary>Keeps every record, in input order, in a list (for callers that need the records themselves: a fleet split by host).</summary>
/// <param name="records">The list to add to; a new one when null.</param>
public sealed class RetiredRecordList(List<RetiredRecord>? records = null) : RetiredRecordSink
{
    /// <summary>The records, in input order.</summary>
    public List<RetiredRecord> Records { get; } = records ?? [];

    /// <summary>The records as a span, without a copy.</summary>
    public ReadOnlySpan<RetiredRecord> AsSpan() => CollectionsMarshal.AsSpan(Records);

    /// <inheritdoc/>
    public override long Count => Records.Count;

    /// <inheritdoc/>
    public override long Capacity => Records.Capacity;

    /// <inheritdoc/>
    public override void Add(in RetiredRecord record) => Records.Add(record);

    /// <inheritdoc/>
    public override void Reserve(long records)
    {
        if (records > Records.Capacity)
        {
            Records.Capacity = (int)Math.Min(records, Array.MaxLength);
        }
    }
}
