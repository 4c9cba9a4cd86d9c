using EgmEcc.Formats.Wording;

namespace EgmEcc.Formats.Inputs;

/// <summary>
/// The bound on how many retired records one read may hold (<see cref="ReadOptions.MaxRecords"/>):
/// every retired reader asks here before it adds a record, so that an input too large for memory
/// stops with an input error at its line instead of meeting the kernel's out-of-memory killer.
/// </summary>
public static class RecordLimit
{
    /// <summary>About what one record costs end to end, in bytes, as the error tells the user.</summary>
    public const int BytesPerRecord = 150;

    /// <summary>
    /// Throws when <paramref name="sink"/> is already full to the limit, so that the record at
    /// <paramref name="location"/> would pass it. The sink is shared by every file of one read,
    /// so its count is the read's, not the file's.
    /// </summary>
    /// <param name="sink">The records read so far.</param>
    /// <param name="options">The read's options, with its limit.</param>
    /// <param name="location">Where the record about to be added is.</param>
    /// <exception cref="InputException">The record would be one past the limit.</exception>
    public static void Check(RetiredRecordSink sink, ReadOptions options, SourceLocation location)
    {
        ArgumentNullException.ThrowIfNull(sink);
        ArgumentNullException.ThrowIfNull(options);
        if (sink.Count >= options.MaxRecords)
        {
            throw new InputException(location, Messages.TooManyRecords(options.MaxRecords));
        }
    }
}
