using System.Collections.Immutable;
using System.Globalization;
using System.Text.Json;
using EgmEcc.Formats.Inputs;
using EgmEcc.Formats.Output;

namespace EgmEcc.Formats.Json;

/// <summary>
/// Reads a plan written by <see cref="PlanJsonWriter"/> (schema <c>egmecc.plan/1</c>, one host or
/// many) back into a <see cref="Plan"/>, for <c>egmecc diff</c>.
/// </summary>
/// <remarks>
/// The JSON holds no per-region record counts, so <see cref="RegionStats.AppliedRecords"/> reads as
/// 0. Plans written before at-risk pages existed have no <c>atRisk</c> lists, at-risk stats or
/// accounting count: they read as empty and 0. Diagnostics keep their text, their source as a whole-file location printing the same. Errors
/// name the file and the JSON path of the bad value (<c>regions[3].base</c>).
/// </remarks>
public static class PlanJsonReader
{
    /// <summary>Reads the plan in <paramref name="file"/>.</summary>
    /// <exception cref="InputException">Not JSON, not a plan, or a bad value.</exception>
    public static Plan Read(InputFile file)
    {
        ArgumentNullException.ThrowIfNull(file);
        using var stream = file.Open();
        JsonDocument document;
        try
        {
            document = JsonDocument.Parse(stream, new JsonDocumentOptions { CommentHandling = JsonCommentHandling.Skip, AllowTrailingCommas = true });
        }
        catch (JsonException e)
        {
            throw new InputException(SourceLocation.AtLine(file.Name, (e.LineNumber ?? 0) + 1), $"malformed JSON: {e.Message.Split(" Path:", 2)[0]}");
        }

        using (document)
        {
            return new Reader(file.Name).Plan(document.RootElement);
        }
    }

    private sealed class Reader(string file)
    {
        private readonly SourceLocation location = SourceLocation.InFile(file);

        public Plan Plan(JsonElement root)
        {
            Expect(root, JsonValueKind.Object, "the document");
            var schema = Text(root, "schema", "schema");
            if (schema != PlanJsonWriter.Schema)
            {
                throw new InputException(location, $"schema '{schema}' is not a plan; expected '{PlanJsonWriter.Schema}' (the output of 'egmecc plan --format json')");
            }

            var options = Options(Property(root, "options", "options"));
            var regions = ImmutableArray.CreateBuilder<RegionPlan>();
            var seen = new Dictionary<(string Host, string Id), int>();
            var index = 0;
            foreach (var region in Array(root, "regions", "regions"))
            {
                var path = $"regions[{index}]";
                var plan = RegionPlan(region, path, options);
                if (!seen.TryAdd((plan.Region.Host, plan.Region.Id), index))
                {
                    throw new InputException(location, $"{path}: region '{plan.Region.Id}'{(plan.Region.Host.Length > 0 ? $" of host '{plan.Region.Host}'" : string.Empty)} appears again (first at regions[{seen[(plan.Region.Host, plan.Region.Id)]}]); a plan lists each region once");
                }

                regions.Add(plan);
                index++;
            }

            // The regions must make sense together as they did when planned (no overlaps, no PXM given twice).
            RegionSet.Create(regions.Select(r => r.Region));

            var a = Property(root, "accounting", "accounting");
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

            return new Plan { Options = options, Regions = regions.ToImmutable(), Accounting = accounting, Diagnostics = diagnostics.ToImmutable() };
        }

        private PlanOptions Options(JsonElement o)
        {
            try
            {
                return new PlanOptions(
                    (ulong)Integer(o, "granule", "options"),
                    (ulong)Integer(o, "guestPage", "options"),
                    (ulong)Integer(o, "minExtent", "options"),
                    [.. Array(o, "hugePages", "options").Select(h => Number(h, "options.hugePages"))]);
            }
            catch (ArgumentOutOfRangeException e)
            {
                throw new InputException(location, $"options: {e.Message.Split(" (Parameter", 2)[0]}");
            }
        }

        private RegionPlan RegionPlan(JsonElement r, string path, PlanOptions options)
        {
            var guestSize = r.TryGetProperty("guestSize", out var g) ? Hex(g, path + ".guestSize") : (ulong?)null;
            var region = new Region(
                Text(r, "id", path),
                (int)Integer(r, "node", path),
                Hex(Property(r, "base", path), path + ".base"),
                Hex(Property(r, "size", path), path + ".size"),
                location,
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
                holes.Add(new Hole(range.Start, range.Size, Number(Property(h, "retiredBytes", at), at + ".retiredBytes"), Number(Property(h, "fragmentBytes", at), at + ".fragmentBytes")));
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
            var huge = ImmutableArray.CreateBuilder<HugePageCapacity>();
            foreach (var property in capacity.EnumerateObject())
            {
                if (!ulong.TryParse(property.Name, NumberStyles.None, CultureInfo.InvariantCulture, out var pageSize) || pageSize == 0)
                {
                    throw new InputException(location, $"{at2}.hugePageCapacity: '{property.Name}' is not a page size in bytes");
                }

                huge.Add(new HugePageCapacity(pageSize, Number(property.Value, $"{at2}.hugePageCapacity.{property.Name}"), region.Size / pageSize));
            }

            huge.Sort((x, y) => x.PageSize.CompareTo(y.PageSize));
            var sizeBytes = Number(Property(s, "sizeBytes", at2), at2 + ".sizeBytes");
            var usableBytes = Number(Property(s, "usableBytes", at2), at2 + ".usableBytes");
            var holeBytes = Number(Property(s, "holeBytes", at2), at2 + ".holeBytes");
            if (sizeBytes != region.Size || (UInt128)usableBytes + holeBytes != sizeBytes)
            {
                throw new InputException(location, $"{at2}: sizeBytes {sizeBytes}, usableBytes {usableBytes} and holeBytes {holeBytes} do not add up to the region's size {region.Size}");
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
                    Extents = (int)Integer(s, "extents", at2),
                    Holes = (int)Integer(s, "holes", at2),
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
                throw new InputException(location, $"{path}: [{Numbers.Hex(offset)}, +{Numbers.Hex(size)}) is not inside region '{region.Id}' of size {Numbers.Hex(region.Size)}");
            }

            return AddressRange.FromBaseSize(offset, size);
        }

        /// <summary><paramref name="range"/>, when it starts at or after the end of the last of <paramref name="before"/> (the writer's order: sorted, disjoint).</summary>
        private AddressRange After(IEnumerable<AddressRange> before, AddressRange range, string path)
        {
            var last = before.LastOrDefault();
            return before.Any() && range.Start < last.End
                ? throw new InputException(location, $"{path}: [{Numbers.Hex(range.Start)}, +{Numbers.Hex(range.Size)}) starts before the end of the range before it; ranges must be sorted and disjoint")
                : range;
        }

        private JsonElement Property(JsonElement e, string name, string path)
        {
            Expect(e, JsonValueKind.Object, path);
            return e.TryGetProperty(name, out var value) ? value : throw new InputException(location, $"{path}: missing '{name}'");
        }

        private JsonElement.ArrayEnumerator Array(JsonElement e, string name, string path)
        {
            var value = Property(e, name, path);
            Expect(value, JsonValueKind.Array, $"{path}.{name}");
            return value.EnumerateArray();
        }

        private string Text(JsonElement e, string name, string path)
        {
            var value = Property(e, name, path);
            Expect(value, JsonValueKind.String, $"{path}.{name}");
            return value.GetString()!;
        }

        private long Integer(JsonElement e, string name, string path)
        {
            var value = Property(e, name, path);
            return value.ValueKind == JsonValueKind.Number && value.TryGetInt64(out var n) && n >= 0
                ? n
                : throw new InputException(location, $"{path}.{name}: '{value.GetRawText()}' is not a non-negative integer");
        }

        /// <summary>An integer added to the schema later: 0 when absent (older plans).</summary>
        private long OptionalInteger(JsonElement e, string name, string path) =>
            e.ValueKind == JsonValueKind.Object && e.TryGetProperty(name, out _) ? Integer(e, name, path) : 0;

        private ulong Number(JsonElement value, string path) =>
            value.ValueKind == JsonValueKind.Number && value.TryGetUInt64(out var n)
                ? n
                : throw new InputException(location, $"{path}: '{value.GetRawText()}' is not a non-negative integer");

        private ulong Hex(JsonElement value, string path)
        {
            if (value.ValueKind != JsonValueKind.String)
            {
                throw new InputException(location, $"{path}: '{value.GetRawText()}' is not a string such as \"0x10000\"");
            }

            var text = value.GetString()!;
            return Numbers.TryParseUInt64(text, out var n) is { } error ? throw new InputException(location, $"{path}: {error}") : n;
        }

        private void Expect(JsonElement e, JsonValueKind kind, string path)
        {
            if (e.ValueKind != kind)
            {
                throw new InputException(location, $"{path}: expected {kind.ToString().ToLowerInvariant()}, found {e.ValueKind.ToString().ToLowerInvariant()}");
            }
        }
    }
}
