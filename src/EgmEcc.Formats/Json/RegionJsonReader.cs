using System.Text.Json;
using EgmEcc.Formats.Inputs;

namespace EgmEcc.Formats.Json;

/// <summary>
/// Regions as JSON: the <c>regions</c> array of a plan (<c>egmecc.plan/1</c>), or a bare array of
/// the same objects: <c>{host?, id, node, base, size, guestSize?}</c>. Numbers may be integers or
/// strings; other properties (a plan's <c>usable</c>, <c>holes</c>, <c>stats</c>) are ignored.
/// </summary>
public sealed class RegionJsonReader : IRegionReader
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
            return head.IndexOf("\"base\""u8) >= 0 || head.IndexOf("\"regions\""u8) >= 0 ? Sniffing.Certain : Sniffing.Shape;
        }

        return file.Extension == ".json" ? Sniffing.Extension : Sniffing.No;
    }

    /// <inheritdoc/>
    public IEnumerable<Region> Read(Stream stream, InputFile file, ReadOptions options)
    {
        var regions = new List<Region>();
        var input = JsonInput.Open(stream, file.Name, out var reader, ChunkSize);
        input.EnterList(ref reader, "regions");
        while (input.Read(ref reader) && reader.TokenType != JsonTokenType.EndArray)
        {
            var location = input.At(ref reader);
            if (reader.TokenType != JsonTokenType.StartObject)
            {
                throw new InputException(location, $"a region must be an object, not {JsonInput.Describe(reader.TokenType)}");
            }

            string? id = null, host = null;
            ulong? node = null, @base = null, size = null, guestSize = null;
            while (input.Read(ref reader) && reader.TokenType == JsonTokenType.PropertyName)
            {
                var name = JsonInput.Name(ref reader);
                input.Read(ref reader);
                switch (name)
                {
                    case "id": id = input.Text(ref reader, name); break;
                    case "host": host = input.Text(ref reader, name); break;
                    case "node": node = input.Number(ref reader, name, size: false); break;
                    case "base": @base = input.Number(ref reader, name, size: false); break;
                    case "size": size = input.Number(ref reader, name, size: true); break;
                    case "guestSize": guestSize = input.Number(ref reader, name, size: true); break;
                    default: input.Skip(ref reader); break;
                }
            }

            var missing = new[] { ("node", node.HasValue), ("base", @base.HasValue), ("size", size.HasValue) }.FirstOrDefault(p => !p.Item2).Item1;
            if (missing is not null)
            {
                throw new InputException(location, $"the region has no '{missing}'");
            }

            if (node > int.MaxValue)
            {
                throw new InputException(location, $"'node': PXM {node} is too large");
            }

            regions.Add(new Region(
                string.IsNullOrWhiteSpace(id) ? Region.DefaultId((int)node!.Value) : id.Trim(),
                (int)node!.Value,
                @base!.Value,
                size!.Value,
                location,
                host ?? options.Host ?? string.Empty,
                guestSize));
        }

        input.Finish(ref reader);
        return regions;
    }
}
