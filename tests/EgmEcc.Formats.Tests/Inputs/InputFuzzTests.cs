using System.Diagnostics;
using System.Text;
using EgmEcc.Diffing;
using EgmEcc.Formats.Inputs;
using EgmEcc.Formats.Json;
using EgmEcc.Formats.Output;
using EgmEcc.Formats.Output.Documents;
using EgmEcc.Pipeline;
using Xunit.Abstractions;

namespace EgmEcc.Formats.Tests;

/// <summary>
/// A seeded mutation fuzzer over every input format the registry knows, and the plan JSON that
/// <c>egmecc diff</c> reads: whatever the bytes, each case ends in records (then a plan whose
/// accounting adds up) or an <see cref="InputException"/>; never another exception, never more
/// than <see cref="CaseTimeLimit"/>.
/// </summary>
/// <remarks>
/// <para>Targets come from <see cref="FormatRegistry.Default"/>, so a reader is fuzzed the day it
/// is registered; its seeds are the files of <c>data/</c> (samples, ACPI, the bad-input corpus)
/// its own <c>Sniff</c> accepts, and now and then any file at all. Each case mutates a seed one
/// to four times: bit flips, bytes overwritten or inserted, deletions, splices from another file,
/// a chunk repeated, huge numbers, control characters and bytes that are not UTF-8, a line given
/// twice, truncation, edge values over binary counts.</para>
/// <para>The suite runs <see cref="DefaultCases"/> cases. For more (see data/bad/README.md):
/// <c>EGMECC_FUZZ_CASES=50000 dotnet test tests/EgmEcc.Formats.Tests --filter
/// FullyQualifiedName~InputFuzzTests</c>; <c>EGMECC_FUZZ_SEED</c> picks another seed. A failure
/// names its target, seed file and case, and writes the input that failed to a file.</para>
/// </remarks>
public class InputFuzzTests(ITestOutputHelper output)
{
    /// <summary>Cases the suite runs (a few seconds).</summary>
    public const int DefaultCases = 8000;

    private const int DefaultSeed = 20261121;
    private const int MaxInputBytes = 1 << 20;
    private static readonly TimeSpan CaseTimeLimit = TimeSpan.FromSeconds(10);

    private static readonly Lazy<Corpus> Data = new(Corpus.Load);

    [Fact]
    public void Fuzz_EveryRegisteredFormat_RecordsOrInputExceptionAndBalancedPlans()
    {
        var cases = int.TryParse(Environment.GetEnvironmentVariable("EGMECC_FUZZ_CASES"), out var n) ? n : DefaultCases;
        var seed = int.TryParse(Environment.GetEnvironmentVariable("EGMECC_FUZZ_SEED"), out var s) ? s : DefaultSeed;
        var corpus = Data.Value;
        var targets = Targets(corpus);
        var failures = new List<string>();
        var outcomes = targets.ToDictionary(t => t.Name, _ => (Read: 0, Rejected: 0));
        var watch = Stopwatch.StartNew();

        for (var i = 0; i < cases && failures.Count < 5; i++)
        {
            var target = targets[i % targets.Count];
            var random = new Random(HashCode.Combine(seed, i));
            // Mostly seeds the reader reads (so that mutations reach planning), some bad ones, now and then any file.
            var roll = random.Next(10);
            var seeds = roll == 0 ? corpus.Files : roll < 6 && target.GoodSeeds.Count > 0 ? target.GoodSeeds : target.Seeds;
            var (seedName, seedBytes) = seeds[random.Next(seeds.Count)];
            var bytes = Mutate(seedBytes, corpus, random);
            var name = random.Next(4) == 0 ? "fuzz.bin" : seedName;
            var failure = Run(target, InputFile.FromBytes(name, bytes) with { Length = bytes.Length }, out var rejected);
            if (failure is not null)
            {
                var saved = Path.Combine(Path.GetTempPath(), $"egmecc-fuzz-{seed}-{i}-{Path.GetFileName(seedName)}");
                File.WriteAllBytes(saved, bytes);
                failures.Add($"case {i} (seed {seed}), {target.Name} on a mutation of {seedName}, saved as {saved}: {failure}");
                continue;
            }

            var (read, rejections) = outcomes[target.Name];
            outcomes[target.Name] = rejected ? (read, rejections + 1) : (read + 1, rejections);
        }

        output.WriteLine($"{cases} cases, seed {seed}, {watch.Elapsed.TotalSeconds:0.0} s, {failures.Count} failures");
        foreach (var (target, (read, rejected)) in outcomes)
        {
            output.WriteLine($"  {target}: {read} read, {rejected} input errors");
        }

        Assert.True(failures.Count == 0, string.Join("\n", failures));
    }

    [Fact]
    public void Targets_EveryRegisteredReaderAndThePlanReader_HaveSeeds()
    {
        var targets = Targets(Data.Value);

        Assert.Equal(FormatRegistry.Default.RegionReaders.Count + FormatRegistry.Default.RetiredReaders.Count + 1, targets.Count);
        Assert.All(targets, t => Assert.True(t.Seeds.Count > 0, $"{t.Name}: no file in data/ that its Sniff accepts; add a sample"));
    }

    /// <summary>One case: null when it passed, else what went wrong.</summary>
    private static string? Run(Target target, InputFile file, out bool rejected)
    {
        var outcome = false;
        var task = Task.Run(() =>
        {
            try
            {
                target.Run(file);
                return null;
            }
            catch (InputException)
            {
                outcome = true;
                return null;
            }
            catch (Exception e)
            {
                return e.ToString();
            }
        });

        var finished = task.Wait(CaseTimeLimit);
        rejected = outcome;
        return finished ? task.Result : $"still running after {CaseTimeLimit.TotalSeconds} s";
    }

    private static List<Target> Targets(Corpus corpus)
    {
        var targets = new List<Target>();
        foreach (var reader in FormatRegistry.Default.RegionReaders)
        {
            targets.Add(new Target(
                $"regions {reader.Name}",
                corpus.Accepted((head, file) => reader.Sniff(head, file)),
                file =>
                {
                    using var stream = file.Open();
                    var regions = reader.Read(stream, file, ReadOptions.Default).ToList();
                    if (regions.Count > 0)
                    {
                        var set = RegionSet.Create(regions);
                        CheckPlan(Planner.Create(set, [.. set.Regions.SelectMany(RecordsAtTheEdges)], PlanOptions.Default));
                    }
                }));
        }

        foreach (var reader in FormatRegistry.Default.RetiredReaders)
        {
            targets.Add(new Target(
                $"retired {reader.Name}",
                corpus.Accepted((head, file) => reader.Sniff(head, file)),
                file =>
                {
                    var records = new List<RetiredRecord>();
                    var options = ReadOptions.Default with { Regions = corpus.SampleRegions, Region = "egm1" };
                    using (var stream = file.Open())
                    {
                        reader.Read(stream, file, options, records, _ => { });
                    }

                    // Records of named hosts are the fleet sample's; others the two-socket host's.
                    var regions = records.Any(r => r.Host is not null) ? corpus.FleetRegions : corpus.SampleRegions;
                    CheckPlan(Planner.Create(regions, System.Runtime.InteropServices.CollectionsMarshal.AsSpan(records), PlanOptions.Default));
                }));
        }

        targets.Add(new Target(
            "plan json",
            [.. corpus.Plans, .. corpus.Plans, .. corpus.Files.Where(f => f.Name.EndsWith(".json", StringComparison.Ordinal))],
            file =>
            {
                var plan = PlanJsonReader.Read(file);
                Assert.All(plan.Regions, r => Assert.Equal(r.Stats.SizeBytes, r.Stats.UsableBytes + r.Stats.HoleBytes));

                // What 'egmecc diff' does next: compare, and write the comparison.
                var writer = new StringWriter();
                new DiffJsonWriter().Write(PlanDiff.Compare(corpus.SamplePlan, plan), writer);
                new DiffJsonWriter().Write(PlanDiff.Compare(plan, plan), writer);
            }));
        return targets;
    }

    /// <summary>Records at a region's first and last bytes, across its middle and past its end, so planning meets the region's edges.</summary>
    private static IEnumerable<RetiredRecord> RecordsAtTheEdges(Region region)
    {
        var at = SourceLocation.AtLine("edges", 1);
        var host = region.Host.Length == 0 ? null : region.Host;
        yield return RetiredRecord.AtAddress(region.Base, 0, at, host);
        yield return RetiredRecord.AtAddress(region.Base + (region.Size / 2), 0x3000, at, host);
        yield return RetiredRecord.AtAddress(region.Base + region.Size - 1, 0, at, host);
        yield return RetiredRecord.InRegion(region.Id, region.Size - 1, 0x20000, at, host);
    }

    /// <summary>The invariants of docs/design.md §2: records = applied + duplicate + outOfRegion; usable + hole bytes = size.</summary>
    private static void CheckPlan(Plan plan)
    {
        Assert.True(plan.Accounting.IsBalanced, $"accounting {plan.Accounting} does not add up");
        foreach (var region in plan.Regions)
        {
            Assert.Equal(region.Stats.SizeBytes, (UInt128)region.Stats.UsableBytes + region.Stats.HoleBytes);
            Assert.Equal(region.Region.Size, region.Stats.SizeBytes);
        }
    }

    private static readonly byte[][] Interesting =
    [
        .. new[]
        {
            "\\udc00", "\\ud800", "\u001b[2J", "\u0007", "\u0085", "18446744073709551616", "18446744073709551615", "0xffffffffffffffff",
            "0x1_0000_0000_0000_0000", "99999999999999999999999999999", "2147483648", "-1", "1e999", "1.5", "\"\"", "null", "{}", "[]",
            "\"id\": \"\"", "\"node\": 2147483648", "\"address\": 1, \"address\": 2", "#", "\r\n", "\n\n", ",", "0", "1T", "16E",
            "Device (GPU9) {", "}", "\"nvidia,egm-base-pa\", Ones", "Memory failure: 0xffffffffffffffff: x\n", "physical_address: 0x",
        }.Select(Encoding.UTF8.GetBytes),
        [0x00], [0xFF], [0xC3], [0xED, 0xA0, 0x80], [0xF8, 0x88, 0x80, 0x80, 0x80], [0xEF, 0xBB, 0xBF], [0x1B],
    ];

    private static readonly ulong[] Edges = [0, 1, 7, 4095, 4096, 4097, int.MaxValue, (ulong)int.MaxValue + 1, uint.MaxValue, 1UL << 32, long.MaxValue, 1UL << 63, ulong.MaxValue - 0xFFFF, ulong.MaxValue];

    /// <summary>One to four mutations of <paramref name="seed"/>, at most <see cref="MaxInputBytes"/> long.</summary>
    internal static byte[] Mutate(byte[] seed, Corpus corpus, Random random)
    {
        var bytes = new List<byte>(seed);
        // Half the cases one mutation (most inputs still read, so planning is reached), else up to four.
        var rounds = random.Next(2) == 0 ? 1 : random.Next(2, 5);
        for (var r = 0; r < rounds; r++)
        {
            var at = random.Next(bytes.Count + 1);
            switch (random.Next(12))
            {
                case 0 when bytes.Count > 0:
                    bytes[Math.Min(at, bytes.Count - 1)] ^= (byte)(1 << random.Next(8));
                    break;
                case 1 when bytes.Count > 0:
                    var pick = Interesting[random.Next(Interesting.Length)];
                    bytes[Math.Min(at, bytes.Count - 1)] = pick[random.Next(pick.Length)];
                    break;
                case 2:
                    bytes.InsertRange(at, Interesting[random.Next(Interesting.Length)]);
                    break;
                case 3:
                    var extra = new byte[random.Next(1, 17)];
                    random.NextBytes(extra);
                    bytes.InsertRange(at, extra);
                    break;
                case 4:
                    bytes.RemoveRange(at, Math.Min(bytes.Count - at, random.Next(1, 65)));
                    break;
                case 5:
                    // A splice: a piece of another file in place of a piece of this one.
                    var (_, other) = corpus.Files[random.Next(corpus.Files.Count)];
                    var from = random.Next(other.Length + 1);
                    var piece = other.AsSpan(from, Math.Min(other.Length - from, random.Next(1, 257))).ToArray();
                    bytes.RemoveRange(at, Math.Min(bytes.Count - at, random.Next(0, 257)));
                    bytes.InsertRange(at, piece);
                    break;
                case 6 when bytes.Count > 0:
                    // A chunk repeated: lines or records given again, counts that grow.
                    var start = Math.Min(at, bytes.Count - 1);
                    var chunk = bytes.GetRange(start, Math.Min(bytes.Count - start, random.Next(1, 257)));
                    var times = random.Next(2, 65);
                    for (var k = 0; k < times; k++)
                    {
                        bytes.InsertRange(start, chunk);
                    }

                    break;
                case 7:
                    bytes.RemoveRange(at, bytes.Count - at);
                    break;
                case 8 when bytes.Count >= 8:
                    var value = BitConverter.GetBytes(Edges[random.Next(Edges.Length)]);
                    var pos = random.Next(bytes.Count - 7);
                    for (var k = 0; k < (random.Next(2) == 0 ? 4 : 8); k++)
                    {
                        bytes[pos + k] = value[k];
                    }

                    break;
                case 10 or 11:
                    // A number replaced by an edge value in its own notation: the syntax holds, the meaning breaks.
                    var digit = bytes.FindIndex(Math.Min(at, bytes.Count), b => b is >= (byte)'0' and <= (byte)'9');
                    if (digit >= 0)
                    {
                        var hex = digit + 1 < bytes.Count && bytes[digit] == '0' && bytes[digit + 1] is (byte)'x' or (byte)'X';
                        var endOfNumber = bytes.FindIndex(digit + (hex ? 2 : 0), b => !(char.IsAsciiHexDigit((char)b) || b == '_'));
                        endOfNumber = endOfNumber < 0 ? bytes.Count : endOfNumber;
                        var edge = Edges[random.Next(Edges.Length)] + (ulong)random.Next(-1, 2);
                        bytes.RemoveRange(digit, endOfNumber - digit);
                        bytes.InsertRange(digit, Encoding.ASCII.GetBytes(hex ? $"0x{edge:x}" : edge.ToString(System.Globalization.CultureInfo.InvariantCulture)));
                    }

                    break;
                case 9 when bytes.Count > 0:
                    // A whole line given twice (a header, a property, a record).
                    var lineStart = bytes.LastIndexOf((byte)'\n', Math.Max(0, Math.Min(at, bytes.Count) - 1)) + 1;
                    var lineEnd = bytes.IndexOf((byte)'\n', Math.Min(lineStart, bytes.Count));
                    if (lineEnd > lineStart)
                    {
                        bytes.InsertRange(lineEnd + 1, bytes.GetRange(lineStart, lineEnd - lineStart + 1));
                    }

                    break;
            }
        }

        return bytes.Count > MaxInputBytes ? [.. bytes.GetRange(0, MaxInputBytes)] : [.. bytes];
    }

    private sealed record Target(string Name, List<(string Name, byte[] Bytes)> Seeds, Action<InputFile> Run)
    {
        /// <summary>The seeds the reader reads as they are (not from the bad-input corpus; run once to know).</summary>
        public List<(string Name, byte[] Bytes)> GoodSeeds { get; } =
            [.. Seeds.Where(s => !s.Name.StartsWith("bad/", StringComparison.Ordinal) && Fails(Run, s) is null)];

        private static Exception? Fails(Action<InputFile> run, (string Name, byte[] Bytes) seed)
        {
            try
            {
                run(InputFile.FromBytes(seed.Name, seed.Bytes) with { Length = seed.Bytes.Length });
                return null;
            }
            catch (Exception e)
            {
                return e;
            }
        }
    }

    /// <summary>The seed files (everything in data/ but expectations and docs, and JSON written from the samples), the samples' regions, and plans.</summary>
    internal sealed class Corpus
    {
        public required List<(string Name, byte[] Bytes)> Files { get; init; }

        public required List<(string Name, byte[] Bytes)> Plans { get; init; }

        public required RegionSet SampleRegions { get; init; }

        public required RegionSet FleetRegions { get; init; }

        public required Plan SamplePlan { get; init; }

        public static Corpus Load()
        {
            var root = TestInputs.DataPath(string.Empty);
            var files = Directory.EnumerateFiles(root, "*", SearchOption.AllDirectories)
                .Where(p => !p.EndsWith(".expected", StringComparison.Ordinal) && !p.EndsWith(".args", StringComparison.Ordinal)
                    && !p.EndsWith(".md", StringComparison.Ordinal) && !p.EndsWith(".py", StringComparison.Ordinal) && !Path.GetFileName(p).StartsWith('.'))
                .Order(StringComparer.Ordinal)
                .Select(p => (Name: Path.GetRelativePath(root, p).Replace('\\', '/'), Bytes: File.ReadAllBytes(p)))
                .ToList();
            var inputs = new HostInputs
            {
                Regions = [InputFile.FromPath(TestInputs.DataPath("samples/grace-2s.regions.csv"))],
                Retired = [InputFile.FromPath(TestInputs.DataPath("samples/grace-2s.retired.csv"))],
            };
            var regions = inputs.LoadRegions();
            var records = new InputLoader(FormatRegistry.Default, ReadOptions.Default with { Regions = regions }).LoadRetired(inputs.Retired).Records;
            var plan = inputs.Plan(PlanOptions.Default);
            var fleetInputs = new HostInputs
            {
                Regions = [InputFile.FromPath(TestInputs.DataPath("fleet/regions.csv"))],
                Retired = [InputFile.FromPath(TestInputs.DataPath("fleet/retired.csv"))],
            };
            var fleet = fleetInputs.Plan(new PlanOptions(granule: 4096, minExtent: 128 * 1024));
            // data/ has no good JSON inputs of its own: written plans (also region JSON) and the sample records as JSON.
            (string, byte[])[] plans = [("generated/grace-2s.plan.json", Json(plan)), ("generated/fleet.plan.json", Json(fleet))];
            var retiredJson = "{\"retired\": [\n" + string.Join(",\n", records.Select(r => r.IsRegionRelative
                ? $"  {{\"region\": \"{r.Region}\", \"offset\": \"{Numbers.Hex(r.Start)}\"{(r.Size > 0 ? $", \"size\": {r.Size}" : "")}}}"
                : $"  {{\"address\": \"{Numbers.Hex(r.Start)}\"{(r.Size > 0 ? $", \"size\": \"{r.Size}\"" : "")}}}")) + "\n]}\n";
            files.AddRange(plans);
            files.Add(("generated/grace-2s.retired.json", Encoding.UTF8.GetBytes(retiredJson)));
            return new Corpus
            {
                Files = files,
                Plans = [.. plans],
                SampleRegions = regions,
                FleetRegions = fleetInputs.LoadRegions(),
                SamplePlan = plan,
            };
        }

        /// <summary>The files a reader's detection accepts (any score above none).</summary>
        public List<(string Name, byte[] Bytes)> Accepted(Func<byte[], InputFile, int> sniff) =>
            [.. Files.Where(f => f.Bytes.Length > 0 && sniff(f.Bytes[..Math.Min(f.Bytes.Length, FormatRegistry.HeadLength)], InputFile.FromBytes(f.Name, f.Bytes) with { Length = f.Bytes.Length }) > Sniffing.No)];

        private static byte[] Json(Plan plan)
        {
            var writer = new StringWriter();
            new PlanJsonWriter().Write(plan, writer, OutputOptions.Default);
            return Encoding.UTF8.GetBytes(writer.ToString());
        }
    }
}
