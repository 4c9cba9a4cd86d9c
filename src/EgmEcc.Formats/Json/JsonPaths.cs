using System.Text.Json;

namespace EgmEcc.Formats.Json;

/// <summary>
/// Finds the line of a value in a JSON document from its path as errors print it
/// (<c>regions[3].stats.holes</c>): a DOM such as <see cref="JsonDocument"/> knows no positions,
/// so the document is walked again, skipping every value off the path. Only for errors.
/// </summary>
internal static class JsonPaths
{
    /// <summary>
    /// The 1-based line where the value at <paramref name="path"/> starts; when the path leads
    /// nowhere (a name not there, an index past the end), the line of the deepest value on it.
    /// Never throws: it places an error, it must not become one.
    /// </summary>
    /// <param name="json">The document, already checked to be well-formed.</param>
    /// <param name="path">Names joined by <c>.</c>, indices as <c>[n]</c>; empty for the document.</param>
    public static long LineOf(ReadOnlySpan<byte> json, string path)
    {
        long at = 0;
        try
        {
            var reader = new Utf8JsonReader(json, JsonInput.ReaderOptions);
            if (reader.Read())
            {
                at = reader.TokenStartIndex;
                foreach (var (name, index) in Segments(path))
                {
                    if (!(name is null ? Element(ref reader, index) : Property(ref reader, name)))
                    {
                        break;
                    }

                    at = reader.TokenStartIndex;
                }
            }
        }
        catch (JsonException)
        {
        }

        return 1 + json[..(int)Math.Min(at, json.Length)].Count((byte)'\n');
    }

    /// <summary><c>a.b[2][0].c</c> as (a), (b), [2], [0], (c).</summary>
    internal static IEnumerable<(string? Name, int Index)> Segments(string path)
    {
        foreach (var part in path.Split('.', StringSplitOptions.RemoveEmptyEntries))
        {
            var bracket = part.IndexOf('[', StringComparison.Ordinal);
            var name = bracket < 0 ? part : part[..bracket];
            if (name.Length > 0)
            {
                yield return (name, -1);
            }

            while (bracket >= 0)
            {
                var close = part.IndexOf(']', bracket);
                if (close < 0 || !int.TryParse(part.AsSpan(bracket + 1, close - bracket - 1), System.Globalization.NumberStyles.None, System.Globalization.CultureInfo.InvariantCulture, out var index))
                {
                    yield break;
                }

                yield return (null, index);
                bracket = part.IndexOf('[', close);
            }
        }
    }

    /// <summary>From an object's start to the value of its property <paramref name="name"/>.</summary>
    private static bool Property(ref Utf8JsonReader reader, string name)
    {
        if (reader.TokenType != JsonTokenType.StartObject)
        {
            return false;
        }

        while (reader.Read() && reader.TokenType == JsonTokenType.PropertyName)
        {
            var match = reader.ValueTextEquals(name);
            reader.Read();
            if (match)
            {
                return true;
            }

            reader.Skip();
        }

        return false;
    }

    /// <summary>From an array's start to its element <paramref name="index"/>.</summary>
    private static bool Element(ref Utf8JsonReader reader, int index)
    {
        if (reader.TokenType != JsonTokenType.StartArray)
        {
            return false;
        }

        for (var i = 0; reader.Read() && reader.TokenType != JsonTokenType.EndArray; i++)
        {
            if (i == index)
            {
                return true;
            }

            reader.Skip();
        }

        return false;
    }
}
