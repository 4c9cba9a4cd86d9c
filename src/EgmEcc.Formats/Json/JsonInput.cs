using System.Text;
using System.Text.Json;

namespace EgmEcc.Formats.Json;

/// <summary>
/// Helpers for reading JSON inputs with <see cref="Utf8JsonReader"/>: no DOM, line numbers for
/// every error, numbers given as JSON integers or as strings (<c>"0x10000"</c>, <c>"64K"</c>).
/// </summary>
internal sealed class JsonInput
{
    private readonly byte[] bytes;
    private readonly string file;
    private long countedTo;
    private long line = 1;

    private JsonInput(byte[] bytes, string file)
    {
        this.bytes = bytes;
        this.file = file;
    }

    /// <summary>The whole file (a JSON value must be parsed whole).</summary>
    public ReadOnlySpan<byte> Bytes => bytes;

    public static JsonInput Load(Stream stream, string file)
    {
        using var buffer = new MemoryStream();
        stream.CopyTo(buffer);
        var bytes = buffer.ToArray();

        // Utf8JsonReader rejects a byte-order mark; editors on Windows write one.
        return new JsonInput(bytes.AsSpan().StartsWith("\uFEFF"u8) ? bytes[3..] : bytes, file);
    }

    public static JsonReaderOptions ReaderOptions => new() { CommentHandling = JsonCommentHandling.Skip, AllowTrailingCommas = true };

    /// <summary>The location of the reader's current token; offsets only grow, so lines are counted once.</summary>
    public SourceLocation At(ref Utf8JsonReader reader)
    {
        var offset = Math.Min(reader.TokenStartIndex, bytes.Length);
        if (offset > countedTo)
        {
            line += bytes.AsSpan((int)countedTo, (int)(offset - countedTo)).Count((byte)'\n');
            countedTo = offset;
        }

        return SourceLocation.AtLine(file, line);
    }

    /// <summary>Advances, turning the reader's syntax errors into input errors.</summary>
    public bool Read(ref Utf8JsonReader reader)
    {
        try
        {
            return reader.Read();
        }
        catch (JsonException e)
        {
            throw new InputException(SourceLocation.AtLine(file, (e.LineNumber ?? 0) + 1), $"malformed JSON: {ReaderMessage(e.Message)}");
        }
    }

    /// <summary>Skips the current value (an object or array whole).</summary>
    public void Skip(ref Utf8JsonReader reader)
    {
        try
        {
            reader.Skip();
        }
        catch (JsonException e)
        {
            throw new InputException(SourceLocation.AtLine(file, (e.LineNumber ?? 0) + 1), $"malformed JSON: {ReaderMessage(e.Message)}");
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
                var raw = reader.HasValueSequence ? System.Buffers.BuffersExtensions.ToArray(reader.ValueSequence) : reader.ValueSpan.ToArray();
                error = Numbers.TryParseUInt64(raw, out value);
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
        if (bytes.AsSpan().TrimStart(" \t\r\n"u8).IsEmpty || !Read(ref reader))
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
