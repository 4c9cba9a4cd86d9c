using System.Text;
using System.Text.Json;

namespace EgmEcc.Formats.Json;

/// <summary>
/// Reads a JSON input with <see cref="Utf8JsonReader"/> as a stream: no DOM, one buffer refilled
/// from the stream (grown only when a single token is larger than it), line numbers for every
/// error, numbers given as JSON integers or as strings (<c>"0x10000"</c>, <c>"64K"</c>).
/// </summary>
/// <remarks>
/// The reader is a ref struct over the buffer, so every call that may need more bytes takes it by
/// reference and, when the buffer runs dry, replaces it with a new reader over the refilled buffer
/// that carries on from the old one's <see cref="JsonReaderState"/> (line count included).
/// </remarks>
internal sealed class JsonInput
{
    /// <summary>The buffer's starting size: large enough that refills are rare, small enough to be flat.</summary>
    internal const int DefaultChunkSize = 64 * 1024;

    private readonly Stream stream;
    private readonly string file;
    private byte[] buffer;
    private int end;
    private bool final;
    private long bufferOffset;
    private long countedTo;
    private long line = 1;
    private long linesSkipped;
    private bool blank;

    private JsonInput(Stream stream, string file, int chunkSize)
    {
        this.stream = stream;
        this.file = file;
        buffer = new byte[Math.Max(chunkSize, 4)];
    }

    /// <summary>
    /// Opens <paramref name="stream"/> and returns the reader positioned before the first token.
    /// </summary>
    /// <param name="stream">The input, read once, front to back.</param>
    /// <param name="file">The name for locations.</param>
    /// <param name="reader">The reader to pass to every other call.</param>
    /// <param name="chunkSize">The buffer's starting size (tests use tiny ones to cut tokens anywhere).</param>
    public static JsonInput Open(Stream stream, string file, out Utf8JsonReader reader, int chunkSize = DefaultChunkSize)
    {
        var input = new JsonInput(stream, file, chunkSize);
        input.Start(out reader);
        return input;
    }

    public static JsonReaderOptions ReaderOptions => new() { CommentHandling = JsonCommentHandling.Skip, AllowTrailingCommas = true };

    /// <summary>The location of the reader's current token; offsets only grow, so lines are counted once.</summary>
    public SourceLocation At(ref Utf8JsonReader reader)
    {
        CountLinesTo(bufferOffset + reader.TokenStartIndex);
        return SourceLocation.AtLine(file, line);
    }

    private void Start(out Utf8JsonReader reader)
    {
        // Utf8JsonReader rejects a byte-order mark; editors on Windows write one.
        while (end < 3 && !final)
        {
            Fill();
        }

        if (buffer.AsSpan(0, end).StartsWith("\uFEFF"u8))
        {
            Discard(3);
        }

        // A file of blank lines is "empty", which the reader would call something else. Whole
        // buffers of blanks are dropped (their lines counted) so that even those stay flat.
        while (true)
        {
            var blanks = buffer.AsSpan(0, end).IndexOfAnyExcept(" \t\r\n"u8);
            if (blanks >= 0 || final)
            {
                blank = blanks < 0;
                break;
            }

            Discard(end);
            Fill();
        }

        linesSkipped = line - 1;
        reader = new Utf8JsonReader(buffer.AsSpan(0, end), final, new JsonReaderState(ReaderOptions));
    }

    /// <summary>Reads more of the stream after what the reader consumed, and gives a reader over it.</summary>
    private void Refill(ref Utf8JsonReader reader)
    {
        var state = reader.CurrentState;
        Discard((int)reader.BytesConsumed);
        Fill();
        reader = new Utf8JsonReader(buffer.AsSpan(0, end), final, state);
    }

    /// <summary>Drops the first <paramref name="count"/> bytes of the buffer, counting their lines first.</summary>
    private void Discard(int count)
    {
        CountLinesTo(bufferOffset + count);
        buffer.AsSpan(count, end - count).CopyTo(buffer);
        end -= count;
        bufferOffset += count;
    }

    /// <summary>Fills the buffer to the end, doubling it first when it is full (one token larger than it).</summary>
    private void Fill()
    {
        if (end == buffer.Length)
        {
            Array.Resize(ref buffer, buffer.Length * 2);
        }

        while (end < buffer.Length)
        {
            var read = stream.Read(buffer, end, buffer.Length - end);
            if (read == 0)
            {
                final = true;
                return;
            }

            end += read;
        }
    }

    private void CountLinesTo(long offset)
    {
        if (offset > countedTo)
        {
            line += buffer.AsSpan((int)(countedTo - bufferOffset), (int)(offset - countedTo)).Count((byte)'\n');
            countedTo = offset;
        }
    }

    private InputException Malformed(JsonException e) =>
        new(SourceLocation.AtLine(file, linesSkipped + (e.LineNumber ?? 0) + 1), $"malformed JSON: {ReaderMessage(e.Message)}");

    /// <summary>Advances, turning the reader's syntax errors into input errors.</summary>
    public bool Read(ref Utf8JsonReader reader)
    {
        while (true)
        {
            bool read;
            try
            {
                read = reader.Read();
            }
            catch (JsonException e)
            {
                throw Malformed(e);
            }

            if (read || final)
            {
                return read;
            }

            Refill(ref reader);
        }
    }

    /// <summary>Skips the current value (an object or array whole) token by token, so a large one streams too.</summary>
    public void Skip(ref Utf8JsonReader reader)
    {
        if (reader.TokenType == JsonTokenType.PropertyName)
        {
            Read(ref reader);
        }

        if (reader.TokenType is JsonTokenType.StartObject or JsonTokenType.StartArray)
        {
            var depth = reader.CurrentDepth;
            while (Read(ref reader) && reader.CurrentDepth > depth)
            {
            }
        }
    }

    /// <summary>Reads a number given as a JSON integer or a string.</summary>
    public ulong Number(ref Utf8JsonReader reader, string property, bool size)
    {
        var location = At(ref reader);
        string? error;
        ulong value;
        switch (reader.TokenType)
        {
            case JsonTokenType.Number:
                // The reader is over one span (never a sequence): parse the token's bytes in place.
                error = Numbers.TryParseUInt64(reader.ValueSpan, out value);
                break;
            case JsonTokenType.String:
                var text = GetString(ref reader, property);
                error = size ? Numbers.TryParseSize(text, out value) : Numbers.TryParseUInt64(text, out value);
                break;
            default:
                throw new InputException(location, $"'{property}' must be a number or a string, not {Describe(reader.TokenType)}");
        }

        return error is null ? value : throw new InputException(location, $"'{property}': {error}");
    }

    /// <summary>Reads a string property.</summary>
    public string Text(ref Utf8JsonReader reader, string property) =>
        reader.TokenType == JsonTokenType.String
            ? GetString(ref reader, property)
            : throw new InputException(At(ref reader), $"'{property}' must be a string, not {Describe(reader.TokenType)}");

    /// <summary>A string token's text; bytes that are not UTF-8 (or a lone surrogate escape) are an input error, not a crash.</summary>
    private string GetString(ref Utf8JsonReader reader, string property)
    {
        try
        {
            return reader.GetString() ?? string.Empty;
        }
        catch (InvalidOperationException)
        {
            throw new InputException(At(ref reader), $"'{property}' is not valid UTF-8 text");
        }
    }

    public static string Describe(JsonTokenType type) => type switch
    {
        JsonTokenType.StartObject => "an object",
        JsonTokenType.StartArray => "an array",
        JsonTokenType.String => "a string",
        JsonTokenType.Number => "a number",
        JsonTokenType.True or JsonTokenType.False => "a boolean",
        JsonTokenType.Null => "null",
        _ => type.ToString(),
    };

    /// <summary>
    /// Moves to the first element of the list: either the document is an array, or an object
    /// with an array property named <paramref name="property"/> (other properties are skipped).
    /// Leaves the reader on the array's start.
    /// </summary>
    public void EnterList(ref Utf8JsonReader reader, string property)
    {
        if (blank || !Read(ref reader))
        {
            throw new InputException(SourceLocation.AtLine(file, 1), $"the file is empty; expected a JSON array or an object with '{property}'");
        }

        if (reader.TokenType == JsonTokenType.StartArray)
        {
            return;
        }

        if (reader.TokenType != JsonTokenType.StartObject)
        {
            throw new InputException(At(ref reader), $"expected a JSON array or an object with '{property}', not {Describe(reader.TokenType)}");
        }

        while (Read(ref reader) && reader.TokenType == JsonTokenType.PropertyName)
        {
            var isList = reader.ValueTextEquals(property);
            Read(ref reader);
            if (isList)
            {
                if (reader.TokenType != JsonTokenType.StartArray)
                {
                    throw new InputException(At(ref reader), $"'{property}' must be an array, not {Describe(reader.TokenType)}");
                }

                return;
            }

            Skip(ref reader);
        }

        throw new InputException(At(ref reader), $"the object has no '{property}' array");
    }

    /// <summary>
    /// Reads past the end of the list to the end of the document, so that what follows the list
    /// (the rest of a plan, or garbage after the closing bracket) is checked, not ignored.
    /// </summary>
    public void Finish(ref Utf8JsonReader reader)
    {
        while (Read(ref reader))
        {
        }
    }

    /// <summary>The pooled string for a name, so records share instances.</summary>
    public string Pool(string value, Dictionary<string, string> pool)
    {
        if (!pool.TryGetValue(value, out var shared))
        {
            pool[value] = shared = value;
        }

        return shared;
    }

    /// <summary>The reader's message without the position it appends (the location says it), its sentences lower-cased like ours and joined by <c>;</c>.</summary>
    private static string ReaderMessage(string message)
    {
        var text = message;
        foreach (var tail in new[] { " LineNumber:", " Path:" })
        {
            var end = text.IndexOf(tail, StringComparison.Ordinal);
            text = end > 0 ? text[..end] : text;
        }

        var sentences = text.Trim().TrimEnd('.').Split(". ", StringSplitOptions.RemoveEmptyEntries);
        return string.Join("; ", sentences.Select(s => s.Length > 1 && char.IsUpper(s[0]) && !char.IsUpper(s[1]) ? char.ToLowerInvariant(s[0]) + s[1..] : s));
    }

    /// <summary>A short, printable form of a property name for errors.</summary>
    public static string Name(ref Utf8JsonReader reader) => Encoding.UTF8.GetString(reader.ValueSpan);
}
