using System.Numerics;

namespace EgmEcc;

/// <summary>
/// The widened retiring ranges of one region, kept as they arrive until the region is swept: 8-byte
/// <see cref="Planner.RangeKey"/>s in a region of fewer than 2^32 layout granules, 16-byte ranges in
/// a larger one, and the tagged pieces of records split across regions beside them.
/// </summary>
internal sealed class RegionPieces
{
    private readonly ulong size;
    private readonly ChunkedList<Planner.RangeKey>? keys;
    private readonly ChunkedList<Planner.WidenedRecord>? wide;
    private List<Planner.TaggedRecord>? tagged;

    // The most granules of a range kept as a key: the sort keys leave room for no longer length.
    private uint longest = 1;

    /// <summary>No ranges yet, of a region of <paramref name="size"/> bytes and layout granule 2^<paramref name="shift"/>.</summary>
    public RegionPieces(ulong size, int shift)
        : this(size, shift, FitsKeys(size, shift))
    {
    }

    /// <summary>No ranges yet, kept as keys when <paramref name="narrow"/> (which the region's size must allow) or as pairs.</summary>
    internal RegionPieces(ulong size, int shift, bool narrow)
    {
        this.size = size;
        Shift = shift;
        IsNarrow = narrow && FitsKeys(size, shift);
        if (IsNarrow)
        {
            keys = new ChunkedList<Planner.RangeKey>();
        }
        else
        {
            wide = new ChunkedList<Planner.WidenedRecord>();
        }
    }

    /// <summary>
    /// True when every range fits a key: granule numbers below 2^32 - 1, and the end of the last
    /// granule within 64 bits.
    /// </summary>
    private static bool FitsKeys(ulong size, int shift)
    {
        var granules = (size >> shift) + ((size & ((1UL << shift) - 1)) == 0 ? 0UL : 1UL);
        return granules < uint.MaxValue && granules <= ulong.MaxValue >> shift;
    }

    /// <summary>log2 of the layout granule.</summary>
    public int Shift { get; }

    /// <summary>True when ranges are kept as 8-byte keys.</summary>
    public bool IsNarrow { get; }

    /// <summary>True when some range carries its record's tag.</summary>
    public bool HasTagged => tagged is not null;

    /// <summary>Adds <c>[start, end)</c>, widened (start a granule multiple, end one or the region's size), without a tag.</summary>
    public void Add(ulong start, ulong end)
    {
        if (keys is not null)
        {
            var key = Planner.RangeKey.Of(start, end, Shift);
            longest = Math.Max(longest, key.Length);
            keys.Add(key);
        }
        else
        {
            wide!.Add(new Planner.WidenedRecord(start, end));
        }
    }

    /// <summary>Adds <c>[start, end)</c>, widened, with its record's tag.</summary>
    public void AddTagged(ulong start, ulong end, int record) => (tagged ??= []).Add(new Planner.TaggedRecord(start, end, record));

    /// <summary>How many untagged ranges there are.</summary>
    public long UntaggedCount => keys is not null ? keys.Count : wide!.Count;

    /// <summary>
    /// The untagged keys as sort keys (<see cref="Planner.RangeKey.SortedBy"/>) at the front of
    /// <paramref name="target"/>, letting them go here (narrow, untagged regions only); returns
    /// what decodes them.
    /// </summary>
    public (int LengthBits, uint Longest) MoveSortKeysTo(Span<Planner.RangeKey> target)
    {
        var count = (int)keys!.Count;
        keys.MoveTo(target);
        var lengthBits = 32 - BitOperations.LeadingZeroCount(longest - 1);
        foreach (ref var key in target[..count])
        {
            key = key.SortedBy(lengthBits, longest);
        }

        return (lengthBits, longest);
    }

    /// <summary>The untagged ranges in one array, letting them go here (wide, untagged regions only).</summary>
    public Planner.WidenedRecord[] TakeWide() => wide!.Take();

    /// <summary>Every range, the untagged ones first (tag -1: they came before every tagged one), letting them go here.</summary>
    public Planner.TaggedRecord[] TakeTagged()
    {
        var untagged = keys is not null ? keys.Count : wide!.Count;
        var all = GC.AllocateUninitializedArray<Planner.TaggedRecord>(checked((int)(untagged + tagged!.Count)));
        var at = 0;
        if (keys is not null)
        {
            foreach (var key in keys.Take())
            {
                var first = key.Value >> 32;
                all[at++] = new Planner.TaggedRecord(first << Shift, Math.Min((first + key.Length) << Shift, size), -1);
            }
        }
        else
        {
            foreach (var range in wide!.Take())
            {
                all[at++] = new Planner.TaggedRecord(range.Start, range.End, -1);
            }
        }

        tagged.CopyTo(all, at);
        tagged = [];
        return all;
    }
}

/// <summary>
/// An append-only list in chunks that grow to 64 Ki items: no item is copied while it grows, and
/// a small list stays small (thousands of regions of a fleet each hold one).
/// </summary>
internal sealed class ChunkedList<T>
    where T : struct
{
    private const int FirstChunk = 64;
    private const int LargestChunk = 1 << 16;

    private readonly List<T[]> full = [];
    private T[] current = [];
    private int used;

    /// <summary>How many items there are.</summary>
    public long Count { get; private set; }

    /// <summary>Appends <paramref name="item"/>.</summary>
    public void Add(T item)
    {
        if (used == current.Length)
        {
            Grow();
        }

        current[used++] = item;
        Count++;
    }

    /// <summary>Every item in one array, in order, leaving the list empty.</summary>
    public T[] Take()
    {
        var all = GC.AllocateUninitializedArray<T>(checked((int)Count));
        MoveTo(all);
        return all;
    }

    /// <summary>Every item copied to the front of <paramref name="target"/>, in order, leaving the list empty.</summary>
    public void MoveTo(Span<T> target)
    {
        var at = 0;
        foreach (var chunk in full)
        {
            chunk.CopyTo(target[at..]);
            at += chunk.Length;
        }

        current.AsSpan(0, used).CopyTo(target[at..]);
        full.Clear();
        current = [];
        used = 0;
        Count = 0;
    }

    private void Grow()
    {
        if (current.Length > 0)
        {
            full.Add(current);
        }

        current = GC.AllocateUninitializedArray<T>(current.Length == 0 ? FirstChunk : Math.Min(2 * current.Length, LargestChunk));
        used = 0;
    }
}
