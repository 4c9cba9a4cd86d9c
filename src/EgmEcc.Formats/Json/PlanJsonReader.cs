using System.Collections.Immutable;
using System.Globalization;
using System.Text.Json;
using EgmEcc.Formats.Inputs;
using EgmEcc.Formats.Output;
using EgmEcc.Formats.Wording;

namespace EgmEcc.Formats.Json;

/// <summary>
/// Reads a plan written by <see cref="PlanJsonWriter"/> (schema <c>egmecc.plan/1</c>, one host or
/// many) back into a <see cref="Plan"/>, for <c>egmecc diff</c>.
/// </summary>
/// <remarks>
/// <para>The JSON holds no per-region record counts, so <see cref="RegionStats.AppliedRecords"/> reads as
/// 0; diagnostics keep their text, their source as a whole-file location printing the same. Plans
/// written before at-risk pages existed have no <c>atRisk</c> lists, at-risk stats or accounting
/// count: they read as empty and 0.</para>
/// <para>Errors give <c>FILE:LINE</c> like every reader (docs/design.md §3) and then the JSON path of
/// the bad value (<c>regions[3].base</c>), which still places it in a plan written on one line.
/// The document is first read through <see cref="JsonInput"/>, which finds syntax errors, names
/// given twice and text that is not UTF-8 at their lines, and notes the line of each region;
/// a value found wrong later is located again by its path, which costs a pass only on error.</para>
/// <para>A plan is read back only as its writer writes it and as the planner would make it: options
/// the planner would refuse, hugepage sizes the options do not name, counts that do not fit, are
/// input errors, so that nothing downstream (diff) meets a value it cannot hold.</para>
/// </remarks>
public static class PlanJsonReader
{
    /// <summary>Reads the plan in <paramref name="file"/>.</summary>
    /// <exception cref="InputException">Not JSON, not a plan, or a bad value.</exception>
    public static Plan Read(InputFile file)
    {
        ArgumentNullException.ThrowIfNull(file);
        var json = ReadAll(file);
        var regionLines = Check(json, file.Name);
        JsonDocument document;
        try
        {
            document = JsonDocument.Parse(json, new JsonDocumentOptions { CommentHandling = JsonCommentHandling.Skip, AllowTrailingCommas = true });
        }
        catch (JsonException e)
        {
            // Not reached: the check above reads the same syntax. Kept so that a difference between them is an input error still.
            throw new InputException(SourceLocation.AtLine(file.Name, (e.LineNumber ?? 0) + 1), $"malformed JSON: {e.Message.Split(" Path:", 2)[0]}");
        }

        using (document)
        {
            return new Reader(file.Name, json, regionLines).Plan(document.RootElement);
        }
    }

    /// <summary>The largest plan read: a DOM over one array, as <see cref="JsonDocument"/> needs.</summary>
    internal const long MaxPlanBytes = 0x7FFF_FFC7;

    /// <summary>The whole input (a DOM needs it whole; standard input cannot be read twice), without a byte-order mark.</summary>
    private static ReadOnlyMemory<byte> ReadAll(InputFile file)
    {
        using var stream = file.Open();
        var memory = new MemoryStream();
        var chunk = new byte[81920];
        int read;
        while ((read = stream.Read(chunk)) > 0)
        {
            if (memory.Length + read > MaxPlanBytes)
            {
                throw new InputException(SourceLocation.InFile(file.Name), $"the plan is larger than {MaxPlanBytes} bytes, the most 'diff' reads");
            }

            memory.Write(chunk, 0, read);
        }

        var bytes = new ReadOnlyMemory<byte>(memory.GetBuffer(), 0, (int)memory.Length);
        return bytes.Span.StartsWith("\uFEFF"u8) ? bytes[3..] : bytes;
    }

    /// <summary>
    /// Reads the document through <see cref="JsonInput"/> (syntax, names given twice, text that is
    /// not UTF-8, tokens too long: each at its line) and returns the line of each element of the
    /// top-level <c>regions</c> array, where region errors are placed.
    /// </summary>
    private static List<long> Check(ReadOnlyMemory<byte> json, string file)
    {
        // Over the same bytes, not a copy: a plan may be a large part of memory.
        System.Runtime.InteropServices.MemoryMarshal.TryGetArray(json, out var bytes);
        using var stream = new MemoryStream(bytes.Array!, bytes.Offset, bytes.Count, writable: false);
        var input = JsonInput.Open(stream, file, out var reader);
        var lines = new List<long>();
        var inRegions = false;
        var any = input.ReadToEnd(ref reader, (ref Utf8JsonReader token) =>
        {
            if (token.CurrentDepth == 1 && token.TokenType == JsonTokenType.PropertyName)
            {
                inRegions = token.ValueTextEquals("regions"u8);
            }
            else if (inRegions && token.CurrentDepth == 2 && token.TokenType is not (JsonTokenType.EndObject or JsonTokenType.EndArray or JsonTokenType.PropertyName))
            {
                lines.Add(input.At(ref token).Line);
            }
        });

        return any ? lines : throw new InputException(SourceLocation.AtLine(file, 1), Messages.EmptyPlan);
    }

    private sealed class Reader(string file, ReadOnlyMemory<byte> json, List<long> regionLines)
    {
        public Plan Plan(JsonElement root)
        {
            Expect(root, JsonValueKind.Object, string.Empty);
            var schema = Text(root, "schema", string.Empty);
            if (schema != PlanJsonWriter.Schema)
            {
                throw new InputException(At("schema"), Messages.NotAPlan(Region.Printable(schema), PlanJsonWriter.Schema));
            }

            var options = Options(Property(root, "options", string.Empty));
            var regions = ImmutableArray.CreateBuilder<RegionPlan>();
            var seen = new Dictionary<(string Host, string Id), int>();
            var tables = ImmutableArray.CreateBuilder<FirmwareTableFill>();
            var index = 0;
            foreach (var region in Array(root, "regions", string.Empty))
            {
                var path = $"regions[{index}]";
                var plan = RegionPlan(region, path, options, index);
                if (!seen.TryAdd((plan.Region.Host, plan.Region.Id), index))
                {
                    throw new InputException(plan.Region.Source, $"{path}: region '{plan.Region.Id}'{(plan.Region.Host.Length > 0 ? $" of host '{plan.Region.Host}'" : string.Empty)} appears again (first at regions[{seen[(plan.Region.Host, plan.Region.Id)]}]); a plan lists each region once");
                }

                regions.Add(plan);

                // Absent when no firmware table was read for the region (docs/design.md §4.2).
                if (region.TryGetProperty("firmwareTable", out var table))
                {
                    var at = path + ".firmwareTable";
                    var entries = Number(Property(table, "entries", at), at + ".entries");
                    if (entries > FirmwareTableFill.Limit)
                    {
                        throw Error(at + ".entries", $"{entries} entries, more than the {FirmwareTableFill.Limit} a firmware table holds");
                    }

                    tables.Add(new FirmwareTableFill(plan.Region.Source, plan.Region.Host, plan.Region.Id, (int)entries));
                }

                index++;
            }

            // The regions must make sense together as they did when planned (no overlaps, no PXM given twice).
            RegionSet.Create(regions.Select(r => r.Region));

            var a = Property(root, "accounting", string.Empty);
            var accounting = new Accounting(
                Integer(a, "records", "accounting"),
                Integer(a, "applied", "accounting"),
                Integer(a, "duplicate", "accounting"),
                Integer(a, "clipped", "accounting"),
                Integer(a, "outOfRegion", "accounting"),
                OptionalInteger(a, "atRisk", "accounting"));
            var diagnostics = ImmutableArray.CreateBuilder<Diagnostic>();
            if (root.TryGetProperty("diagnostics", out var list) && list.ValueKind == JsonValueKind.Array)
            {
                index = 0;
                foreach (var d in list.EnumerateArray())
                {
                    var path = $"diagnostics[{index++}]";
                    var severity = Text(d, "severity", path) == "warning" ? Severity.Warning : Severity.Info;
                    diagnostics.Add(new Diagnostic(severity, SourceLocation.InFile(Text(d, "source", path)), Text(d, "message", path)));
                }
            }

            return new Plan { Options = options, Regions = regions.ToImmutable(), Accounting = accounting, Diagnostics = diagnostics.ToImmutable(), FirmwareTables = tables.ToImmutable() };
        }

        private PlanOptions Options(JsonElement o)
        {
            var location = At("options");
            try
            {
                return new PlanOptions(
                    (ulong)Integer(o, "granule", "options"),
                    (ulong)Integer(o, "guestPage", "options"),
                    (ulong)Integer(o, "minExtent", "options"),
                    [.. Array(o, "hugePages", "options").Select((h, i) => Number(h, $"options.hugePages[{i}]"))]);
            }
            catch (SettingException e)
            {
                // A plan's options are part of the file: their errors are input errors, in domain words.
                throw new InputException(location, Messages.PlanOptions(e.Error));
            }
        }

        private RegionPlan RegionPlan(JsonElement r, string path, PlanOptions options, int index)
        {
            Expect(r, JsonValueKind.Object, path);
            var guestSize = r.TryGetProperty("guestSize", out var g) ? Hex(g, path + ".guestSize") : (ulong?)null;
            var node = Integer(r, "node", path);
            if (node > int.MaxValue)
            {
                throw Error(path + ".node", $"PXM {node} is too large");
            }

            // Region checks itself (empty id, control characters, size, end past 2^64) at the line of its object.
            var region = new Region(
                Text(r, "id", path),
                (int)node,
                Hex(Property(r, "base", path), path + ".base"),
                Hex(Property(r, "size", path), path + ".size"),
                index < regionLines.Count ? SourceLocation.AtLine(file, regionLines[index]) : At(path),
                Text(r, "host", path),
                guestSize);
            var usable = ImmutableArray.CreateBuilder<AddressRange>();
            var i = 0;
            foreach (var u in Array(r, "usable", path))
            {
                var at = $"{path}.usable[{i++}]";
                usable.Add(After(usable, Range(u, at, region), at));
            }

            var holes = ImmutableArray.CreateBuilder<Hole>();
            i = 0;
            foreach (var h in Array(r, "holes", path))
            {
                var at = $"{path}.holes[{i++}]";
                var range = After(holes.Select(x => x.Range), Range(h, at, region), at);
                var retired = Number(Property(h, "retiredBytes", at), at + ".retiredBytes");
                var fragment = Number(Property(h, "fragmentBytes", at), at + ".fragmentBytes");
                if ((UInt128)retired + fragment != range.Size)
                {
                    throw Error(at, $"retiredBytes {retired} and fragmentBytes {fragment} do not add up to the hole's size {range.Size}");
                }

                holes.Add(new Hole(range.Start, range.Size, retired, fragment));
            }

            // Absent in plans older than at-risk pages: none.
            var atRisk = ImmutableArray.CreateBuilder<AddressRange>();
            if (r.TryGetProperty("atRisk", out _))
            {
                i = 0;
                foreach (var a in Array(r, "atRisk", path))
                {
                    var at = $"{path}.atRisk[{i++}]";
                    atRisk.Add(After(atRisk, Range(a, at, region), at));
                }
            }

            var s = Property(r, "stats", path);
            var at2 = path + ".stats";
            var capacity = Property(s, "hugePageCapacity", at2);
            Expect(capacity, JsonValueKind.Object, at2 + ".hugePageCapacity");
            var huge = ImmutableArray.CreateBuilder<HugePageCapacity>();
            foreach (var property in capacity.EnumerateObject())
            {
                // The planner counts capacity for the options' hugepage sizes (powers of two) only.
                if (!ulong.TryParse(property.Name, NumberStyles.None, CultureInfo.InvariantCulture, out var pageSize) || !options.HugePages.Contains(pageSize))
                {
                    throw Error(at2 + ".hugePageCapacity", $"'{Region.Printable(property.Name)}' is not one of the plan's hugepage sizes in bytes ({string.Join(", ", options.HugePages)})");
                }

                var blocks = Number(property.Value, $"{at2}.hugePageCapacity.{property.Name}");
                if (blocks > region.Size / pageSize)
                {
                    throw Error($"{at2}.hugePageCapacity.{property.Name}", $"{blocks} blocks of {pageSize} bytes do not fit in the region's {region.Size} bytes");
                }

                huge.Add(new HugePageCapacity(pageSize, blocks, region.Size / pageSize));
            }

            huge.Sort((x, y) => x.PageSize.CompareTo(y.PageSize));
            var sizeBytes = Number(Property(s, "sizeBytes", at2), at2 + ".sizeBytes");
            var usableBytes = Number(Property(s, "usableBytes", at2), at2 + ".usableBytes");
            var holeBytes = Number(Property(s, "holeBytes", at2), at2 + ".holeBytes");
            if (sizeBytes != region.Size || (UInt128)usableBytes + holeBytes != sizeBytes)
            {
                throw Error(at2, $"sizeBytes {sizeBytes}, usableBytes {usableBytes} and holeBytes {holeBytes} do not add up to the region's size {region.Size}");
            }

            return new RegionPlan
            {
                Region = region,
                Usable = usable.ToImmutable(),
                Holes = holes.ToImmutable(),
                AtRisk = atRisk.ToImmutable(),
                Stats = new RegionStats
                {
                    SizeBytes = sizeBytes,
                    UsableBytes = usableBytes,
                    HoleBytes = holeBytes,
                    RetiredBytes = Number(Property(s, "retiredBytes", at2), at2 + ".retiredBytes"),
                    FragmentBytes = Number(Property(s, "fragmentBytes", at2), at2 + ".fragmentBytes"),
                    AtRiskBytes = s.TryGetProperty("atRiskBytes", out var riskBytes) ? Number(riskBytes, at2 + ".atRiskBytes") : 0,
                    AtRiskPages = s.TryGetProperty("atRiskPages", out var riskPages) ? Number(riskPages, at2 + ".atRiskPages") : 0,
                    LargestExtentBytes = Number(Property(s, "largestExtentBytes", at2), at2 + ".largestExtentBytes"),
                    Extents = Count(s, "extents", at2),
                    Holes = Count(s, "holes", at2),
                    AppliedRecords = 0,
                    HugePageCapacity = huge.ToImmutable(),
                },
            };
        }

        private AddressRange Range(JsonElement e, string path, Region region)
        {
            var offset = Hex(Property(e, "offset", path), path + ".offset");
            var size = Hex(Property(e, "size", path), path + ".size");
            if (size == 0 || offset >= region.Size || size > region.Size - offset)
            {
                throw Error(path, $"[{Numbers.Hex(offset)}, +{Numbers.Hex(size)}) is not inside region '{region.Id}' of size {Numbers.Hex(region.Size)}");
            }

            return AddressRange.FromBaseSize(offset, size);
        }

        /// <summary><paramref name="range"/>, when it starts at or after the end of the last of <paramref name="before"/> (the writer's order: sorted, disjoint).</summary>
        private AddressRange After(IEnumerable<AddressRange> before, AddressRange range, string path)
        {
            var last = before.LastOrDefault();
            return before.Any() && range.Start < last.End
                ? throw Error(path, $"[{Numbers.Hex(range.Start)}, +{Numbers.Hex(range.Size)}) starts before the end of the range before it; ranges must be sorted and disjoint")
                : range;
        }

        private JsonElement Property(JsonElement e, string name, string path)
        {
            Expect(e, JsonValueKind.Object, path);
            return e.TryGetProperty(name, out var value) ? value : throw Error(path, $"missing '{name}'");
        }

        private JsonElement.ArrayEnumerator Array(JsonElement e, string name, string path)
        {
            var value = Property(e, name, path);
            Expect(value, JsonValueKind.Array, Join(path, name));
            return value.EnumerateArray();
        }

        private string Text(JsonElement e, string name, string path)
        {
            var value = Property(e, name, path);
            Expect(value, JsonValueKind.String, Join(path, name));
            return value.GetString()!;
        }

        private long Integer(JsonElement e, string name, string path)
        {
            var value = Property(e, name, path);
            return value.ValueKind == JsonValueKind.Number && value.TryGetInt64(out var n) && n >= 0
                ? n
                : throw Error(Join(path, name), $"'{Raw(value)}' is not a non-negative integer");
        }

        /// <summary>A count of things in memory (extents, holes): an integer that fits an <see cref="int"/>.</summary>
        private int Count(JsonElement e, string name, string path)
        {
            var count = Integer(e, name, path);
            return count <= int.MaxValue ? (int)count : throw Error(Join(path, name), $"{count} is more than a plan can list");
        }

        /// <summary>An integer added to the schema later: 0 when absent (older plans).</summary>
        private long OptionalInteger(JsonElement e, string name, string path) =>
            e.ValueKind == JsonValueKind.Object && e.TryGetProperty(name, out _) ? Integer(e, name, path) : 0;

        private ulong Number(JsonElement value, string path) =>
            value.ValueKind == JsonValueKind.Number && value.TryGetUInt64(out var n)
                ? n
                : throw Error(path, $"'{Raw(value)}' is not a non-negative integer");

        private ulong Hex(JsonElement value, string path)
        {
            if (value.ValueKind != JsonValueKind.String)
            {
                throw Error(path, $"'{Raw(value)}' is not a string such as \"0x10000\"");
            }

            var text = value.GetString()!;
            return Numbers.TryParseUInt64(text, out var n) is { } error ? throw Error(path, error) : n;
        }

        private void Expect(JsonElement e, JsonValueKind kind, string path)
        {
            if (e.ValueKind != kind)
            {
                throw Error(path, $"expected {kind.ToString().ToLowerInvariant()}, found {e.ValueKind.ToString().ToLowerInvariant()}");
            }
        }

        /// <summary>An error at the value <paramref name="path"/> names: its line, and the path (a plan may be one line).</summary>
        private InputException Error(string path, string message) =>
            new(At(path), $"{(path.Length == 0 ? "the document" : path)}: {message}");

        /// <summary>The line of the value at <paramref name="path"/> (or of the deepest part of it there is).</summary>
        private SourceLocation At(string path) => SourceLocation.AtLine(file, JsonPaths.LineOf(json.Span, path));

        private static string Join(string path, string name) => path.Length == 0 ? name : $"{path}.{name}";

        /// <summary>A value as the file gives it, short (an object in an error would be the whole object).</summary>
        private static string Raw(JsonElement value) => Region.Printable(value.GetRawText());
    }
}
