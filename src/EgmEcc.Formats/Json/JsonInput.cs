using System.Text;
using System.Text.Json;

namespace EgmEcc.Formats.Json;

/// <summary>
/// Reads a JSON input with <see cref="Utf8JsonReader"/> as a stream: no DOM, one buffer refilled
/// from the stream (grown only when a single token is larger than it, up to
/// <see cref="MaxTokenBytes"/>), line numbers for every error, numbers given as JSON integers or
/// as strings (<c>"0x10000"</c>, <c>"64K"</c>).
/// </summary>
/// <remarks>
/// <para>The reader is a ref struct over the buffer, so every call that may need more bytes takes it by
/// reference and, when the buffer runs dry, replaces it with a new reader over the refilled buffer
/// that carries on from the old one's <see cref="JsonReaderState"/> (line count included).</para>
/// <para>Every token goes through <see cref="Read"/>, which also refuses what the reader lets
/// through but no EgmEcc input may hold (docs/design.md §3: every problem at its line): a property
/// name given twice in one object (JSON's usual last-wins would drop a value silently), and a
/// name that is not UTF-8 text (a raw invalid byte, a lone surrogate escape).</para>
/// </remarks>
internal sealed class JsonInput
{
    /// <summary>The buffer's starting size: large enough that refills are rare, small enough to be flat.</summary>
    internal const int DefaultChunkSize = 64 * 1024;

    /// <summary>
    /// The longest single token (string, number, comment) read: no EgmEcc input has one near it,
    /// and without a bound one endless token would take all memory (and overflow the buffer size).
    /// </summary>
    internal const int MaxTokenBytes = 1 << 20;

    // The property names seen so far in each open object, indexed by the depth of its names.
    private readonly List<PropertyNames> names = [];

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
    /// <remarks>
    /// What the reader left is an unfinished token, maybe after a separator (the reader takes
    /// <c>,</c> with the token after it) and whitespace. That whitespace is dropped here, outside
    /// the reader, so that a run of it of any length costs no memory (it is not part of a token):
    /// the separator, when there is one, moves up to the token. The reader's own line count
    /// misses the dropped line ends, so they are added to <see cref="linesSkipped"/> for syntax errors.
    /// </remarks>
    private void Refill(ref Utf8JsonReader reader)
    {
        var state = reader.CurrentState;
        Discard((int)reader.BytesConsumed);
        var fresh = false;
        while (true)
        {
            var separator = end > 0 && buffer[0] is (byte)',' or (byte)':' ? 1 : 0;
            var blanks = buffer.AsSpan(separator, end - separator).IndexOfAnyExcept(" \t\r\n"u8);
            blanks = blanks < 0 ? end - separator : blanks;
            if (blanks > 0)
            {
                linesSkipped += buffer.AsSpan(separator, blanks).Count((byte)'\n');
                CountLinesTo(bufferOffset + separator + blanks);
                if (separator > 0)
                {
                    // The separator takes the place of the last blank; the bytes before it go.
                    buffer[blanks] = buffer[0];
                }

                Discard(blanks);
            }

            if (end > separator || final)
            {
                break;
            }

            Fill();
            fresh = true;
        }

        // Bytes the reader has not seen yet need no larger buffer: only a full buffer it failed on does.
        if (!fresh || end < buffer.Length)
        {
            Fill();
        }

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

    /// <summary>
    /// Fills the buffer to the end, doubling it first when it is full (one token larger than it),
    /// up to <see cref="MaxTokenBytes"/>: a token longer than that is an input error at its line.
    /// </summary>
    private void Fill()
    {
        if (final)
        {
            return;
        }

        if (end == buffer.Length)
        {
            if (buffer.Length >= MaxTokenBytes)
            {
                // The buffer starts at the token (whitespace before it is dropped): its line is the buffer's.
                CountLinesTo(bufferOffset);
                throw new InputException(SourceLocation.AtLine(file, line), $"a token (string, number or comment) longer than {MaxTokenBytes / (1 << 20)} MiB: this is not an EgmEcc input");
            }

            Array.Resize(ref buffer, (int)Math.Min((long)buffer.Length * 2, MaxTokenBytes));
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

            if (read)
            {
                Check(ref reader);
                return true;
            }

            if (final)
            {
                return false;
            }

            Refill(ref reader);
        }
    }

    /// <summary>
    /// Refuses a name given twice in one object, and names that are not UTF-8 text. String values
    /// are checked where they are read (<see cref="GetString"/>, naming their property), or by
    /// <see cref="ReadToEnd"/> when a whole document is checked before it is used.
    /// </summary>
    private void Check(ref Utf8JsonReader reader)
    {
        switch (reader.TokenType)
        {
            case JsonTokenType.StartObject:
                var depth = reader.CurrentDepth + 1;
                while (names.Count <= depth)
                {
                    names.Add(new PropertyNames());
                }

                names[depth].Clear();
                break;
            case JsonTokenType.PropertyName:
                var name = Utf8Text(ref reader, "a property name");
                if (!names[reader.CurrentDepth].Add(name))
                {
                    throw new InputException(At(ref reader), $"property '{Shown(name)}' appears twice in one object; give each once");
                }

                break;
        }
    }

    /// <summary>The unescaped UTF-8 bytes of the current string or name, or an input error when they are not UTF-8 text.</summary>
    private ReadOnlySpan<byte> Utf8Text(ref Utf8JsonReader reader, string what)
    {
        ReadOnlySpan<byte> text = reader.ValueSpan;
        if (reader.ValueIsEscaped)
        {
            if (unescaped.Length < text.Length)
            {
                unescaped = new byte[Math.Max(text.Length, 2 * unescaped.Length)];
            }

            try
            {
                text = unescaped.AsSpan(0, reader.CopyString(unescaped));
            }
            catch (InvalidOperationException)
            {
                text = [0xFF];
            }
        }

        return System.Text.Unicode.Utf8.IsValid(text)
            ? text
            : throw new InputException(At(ref reader), $"{what} is not valid UTF-8 text (a byte that is not UTF-8, or a lone surrogate escape such as \\udc00)");
    }

    // Room for an escaped string's unescaped bytes (never longer than the escaped form).
    private byte[] unescaped = new byte[256];

    /// <summary>A name as errors print it: short, control characters escaped.</summary>
    internal static string Shown(ReadOnlySpan<byte> name) => Region.Printable(Encoding.UTF8.GetString(name[..Math.Min(name.Length, 256)]));

    /// <summary>
    /// Reads every token to the end of the document, checking each string value as
    /// <see cref="GetString"/> would: for a document a DOM reads next (<see cref="PlanJsonReader"/>),
    /// so that its problems are found here, with their lines. False when the document is empty.
    /// </summary>
    /// <param name="reader">The reader.</param>
    /// <param name="onToken">Called for every token, before its string is checked.</param>
    public bool ReadToEnd(ref Utf8JsonReader reader, TokenVisitor onToken)
    {
        if (blank)
        {
            return false;
        }

        var any = false;
        string? property = null;
        while (Read(ref reader))
        {
            any = true;
            onToken(ref reader);
            if (reader.TokenType == JsonTokenType.PropertyName)
            {
                property = Name(ref reader);
            }
            else if (reader.TokenType == JsonTokenType.String)
            {
                GetString(ref reader, property ?? "a string");
            }
        }

        return any;
    }

    /// <summary>Sees one token of <see cref="ReadToEnd"/>.</summary>
    public delegate void TokenVisitor(ref Utf8JsonReader reader);

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

    /// <summary>Reads a string property that names something (an id, a host, a region).</summary>
    /// <remarks>Names reach outputs and error lines, where a control character (ESC, a line end) must never go.</remarks>
    public string Text(ref Utf8JsonReader reader, string property)
    {
        if (reader.TokenType != JsonTokenType.String)
        {
            throw new InputException(At(ref reader), $"'{property}' must be a string, not {Describe(reader.TokenType)}");
        }

        var text = GetString(ref reader, property);
        return Region.NameProblem(text) is { } problem ? throw new InputException(At(ref reader), $"'{property}': {problem}") : text;
    }

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

    /// <summary>A property name, unescaped (<c>"\u0069d"</c> is <c>id</c>); valid UTF-8, as <see cref="Read"/> checked.</summary>
    public static string Name(ref Utf8JsonReader reader) => reader.GetString() ?? string.Empty;

    /// <summary>
    /// The names of one object, to find one given twice: compared byte for byte (unescaped) while
    /// the object is small, as records are, in one reused buffer (no allocation per record); hashed
    /// once it grows, so that an object of a million names is not a million squared comparisons.
    /// </summary>
    private sealed class PropertyNames
    {
        private const int LinearLimit = 16;
        private readonly List<(int Start, int Length)> spans = [];
        private byte[] bytes = new byte[128];
        private int used;
        private HashSet<string>? many;

        public void Clear()
        {
            spans.Clear();
            used = 0;
            many = null;
        }

        /// <summary>Adds <paramref name="name"/>; false when the object already has it.</summary>
        public bool Add(ReadOnlySpan<byte> name)
        {
            if (many is not null)
            {
                return many.Add(Encoding.UTF8.GetString(name));
            }

            foreach (var (start, length) in spans)
            {
                if (name.SequenceEqual(bytes.AsSpan(start, length)))
                {
                    return false;
                }
            }

            if (spans.Count == LinearLimit)
            {
                // The names are valid UTF-8 (checked before), so equal strings are equal names.
                many = new HashSet<string>(spans.Select(s => Encoding.UTF8.GetString(bytes, s.Start, s.Length)), StringComparer.Ordinal);
                return many.Add(Encoding.UTF8.GetString(name));
            }

            if (used + name.Length > bytes.Length)
            {
                Array.Resize(ref bytes, Math.Max(used + name.Length, 2 * bytes.Length));
            }

            name.CopyTo(bytes.AsSpan(used));
            spans.Add((used, name.Length));
            used += name.Length;
            return true;
        }
    }
}
