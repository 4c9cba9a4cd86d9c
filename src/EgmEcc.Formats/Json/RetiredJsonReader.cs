using System.Text.Json;
using EgmEcc.Formats.Inputs;

namespace EgmEcc.Formats.Json;

/// <summary>
/// Retired records as JSON: an array (or an object's <c>retired</c> array) of
/// <c>{address, size?, host?}</c> or <c>{region, offset, size?, host?}</c>. Numbers may be
/// integers or strings.
/// </summary>
public sealed class RetiredJsonReader : IRetiredReader
{
    /// <inheritdoc/>
    public string Name => "json";

    /// <summary>The reader's starting buffer size (tests set tiny ones to cut tokens at every byte).</summary>
    internal int ChunkSize { get; init; } = JsonInput.DefaultChunkSize;

    /// <inheritdoc/>
    public int Sniff(ReadOnlySpan<byte> head, InputFile file)
    {
        var first = Sniffing.FirstNonBlank(head);
        if (first is (byte)'{' or (byte)'[')
        {
            return head.IndexOf("\"address\""u8) >= 0 || head.IndexOf("\"offset\""u8) >= 0 || head.IndexOf("\"retired\""u8) >= 0
                ? Sniffing.Certain
                : Sniffing.Shape;
        }

        return file.Extension == ".json" ? Sniffing.Extension : Sniffing.No;
    }

    /// <inheritdoc/>
    public void Read(Stream stream, InputFile file, ReadOptions options, RetiredRecordSink sink, Action<Diagnostic> report)
    {
        var input = JsonInput.Open(stream, file.Name, out var reader, ChunkSize);
        var pool = new Dictionary<string, string>(StringComparer.Ordinal);
        input.EnterList(ref reader, "retired");
        while (input.Read(ref reader) && reader.TokenType != JsonTokenType.EndArray)
        {
            var location = input.At(ref reader);
            if (reader.TokenType != JsonTokenType.StartObject)
            {
                throw new InputException(location, $"a retired record must be an object, not {JsonInput.Describe(reader.TokenType)}");
            }

            string? region = null, host = null;
            ulong? address = null, offset = null, size = null;
            while (input.Read(ref reader) && reader.TokenType == JsonTokenType.PropertyName)
            {
                var isAddress = reader.ValueTextEquals("address"u8);
                var isOffset = reader.ValueTextEquals("offset"u8);
                var isSize = reader.ValueTextEquals("size"u8);
                var isRegion = reader.ValueTextEquals("region"u8);
                var isHost = reader.ValueTextEquals("host"u8);
                input.Read(ref reader);
                if (isAddress) address = input.Number(ref reader, "address", size: false);
                else if (isOffset) offset = input.Number(ref reader, "offset", size: false);
                else if (isSize) size = input.Number(ref reader, "size", size: true);
                else if (isRegion) region = input.Pool(input.Text(ref reader, "region"), pool);
                else if (isHost) host = input.Pool(input.Text(ref reader, "host"), pool);
                else input.Skip(ref reader);
            }

            if (size == 0)
            {
                throw new InputException(location, "'size' is 0; a retired record covers at least one byte");
            }

            host ??= options.Host;
            RecordLimit.Check(sink, options, location);
            if (address is { } spa && offset is null)
            {
                sink.Add(RetiredRecord.AtAddress(spa, size ?? 0, location, host));
            }
            else if (offset is { } off && address is null)
            {
                // An empty "region" is no region: the file's --region, if any, applies (as in CSV).
                var named = string.IsNullOrEmpty(region) ? options.Region : region;
                if (named is null)
                {
                    throw new InputException(location, "the record has an 'offset' but no 'region'");
                }

                sink.Add(RetiredRecord.InRegion(named, off, size ?? 0, location, host));
            }
            else
            {
                throw new InputException(location, address is null
                    ? "the record has neither 'address' nor 'offset'"
                    : "the record has both 'address' and 'offset'; give one");
            }
        }

        input.Finish(ref reader);
    }
}
