using System.Text;
using EgmEcc.Formats.Inputs;
using EgmEcc.Formats.Json;
using EgmEcc.Formats.Output;
using EgmEcc.Pipeline;
using EgmEcc.Tests;
using FsCheck;
using FsCheck.Fluent;

namespace EgmEcc.Formats.Tests.Output;

/// <summary>
/// <c>plan --format json|csv</c> writes each region while it is tiled (a <see cref="SweptPlan"/>):
/// the bytes are those of the whole plan written at once (docs/design.md §4.2, §4.3), whatever
/// the chunk the regions are tiled in and whichever output the writer meets.
/// </summary>
public class StreamedPlanWriterTests
{
    private static readonly Gen<(Func<SweptPlan> Sweep, int Chunk)> RandomSweeps =
        from regionCount in Gen.Choose(1, 3)
        from recordCount in Gen.Choose(0, 200)
        from seed in Gen.Choose(0, int.MaxValue)
        from chunk in Gen.Elements(1, 2, 3, SweptPlan.DefaultChunkRows)
        select (RandomSweep(regionCount, recordCount, seed), chunk);

    public static TheoryData<string> Writers => ["json", "csv"];

    [Theory]
    [MemberData(nameof(Writers))]
    public void Write_SampleHostStreamed_MatchesGolden(string format)
    {
        // A streamed region lets its holes go once tiled: each write sweeps anew.
        var swept = () => PlanWriterGoldenTests.SampleInputs().Sweep(PlanOptions.Default);
        foreach (var chunk in new[] { 1, 2, SweptPlan.DefaultChunkRows })
        {
            Assert.Equal(Golden.Read($"grace-2s.plan.{format}"), Streamed(format, swept, chunk, direct: false));
            Assert.Equal(Golden.Read($"grace-2s.plan.{format}"), Streamed(format, swept, chunk, direct: true));
        }
    }

    [Theory]
    [MemberData(nameof(Writers))]
    public void Write_EdgeCasesStreamed_MatchesGolden(string format)
    {
        var swept = () => PlanWriterGoldenTests.TrickyInputs().Sweep(PlanWriterGoldenTests.TrickyOptions);
        foreach (var chunk in new[] { 1, 3, SweptPlan.DefaultChunkRows })
        {
            Assert.Equal(Golden.Read($"tricky.plan.{format}"), Streamed(format, swept, chunk, direct: false));
            Assert.Equal(Golden.Read($"tricky.plan.{format}"), Streamed(format, swept, chunk, direct: true));
        }
    }

    /// <summary>The registered writers the command streams through are the json and csv writers.</summary>
    [Fact]
    public void StreamingWriters_AreJsonAndCsv()
    {
        Assert.Equal(["json", "csv"], PlanWriters.All.Where(w => w is IStreamingPlanWriter).Select(w => w.Name).Order(StringComparer.Ordinal).Reverse());
    }

    /// <summary>Random regions and records, at-risk ones among them: streamed equals whole, byte for byte.</summary>
    [Fact]
    public void Write_AnyPlanStreamed_EqualsTheWholePlanWritten()
    {
        Properties.Check(RandomSweeps, t =>
        {
            var (swept, chunk) = t;
            var plan = swept().ToPlan();
            foreach (var format in new[] { "json", "csv" })
            {
                var whole = Whole(format, plan);
                Assert.Equal(whole, Streamed(format, swept, chunk, direct: false));
                Assert.Equal(whole, Streamed(format, swept, chunk, direct: true));
            }

            // And, apart from the writer both ways share, the rows are the plan's: read back, and counted.
            var read = PlanJsonReader.Read(InputFile.FromBytes("plan.json", Encoding.UTF8.GetBytes(Streamed("json", swept, chunk, direct: true))));
            Assert.Equal(plan.Regions.Length, read.Regions.Length);
            for (var r = 0; r < plan.Regions.Length; r++)
            {
                Assert.Equal(plan.Regions[r].Usable.ToArray(), read.Regions[r].Usable.ToArray());
                Assert.Equal(plan.Regions[r].Holes.ToArray(), read.Regions[r].Holes.ToArray());
                Assert.Equal(plan.Regions[r].AtRisk.ToArray(), read.Regions[r].AtRisk.ToArray());
            }

            var csvRows = Streamed("csv", swept, chunk, direct: true).Count(c => c == '\n') - 1;
            Assert.Equal(plan.Regions.Sum(r => r.Usable.Length + r.Holes.Length), csvRows);
        }, maxTest: 200);
    }

    private static string Whole(string format, Plan plan)
    {
        using var output = new StringWriter { NewLine = "\n" };
        PlanWriters.All.Find(format)!.Write(plan, output, OutputOptions.Default);
        return output.ToString();
    }

    /// <summary>Through a text writer (decoded) or a <see cref="Utf8StreamOutput"/> (bytes straight through).</summary>
    private static string Streamed(string format, Func<SweptPlan> sweep, int chunk, bool direct)
    {
        var write = (TextWriter output) =>
        {
            if (format == "json")
            {
                PlanJsonWriter.Write(sweep(), output, chunk);
            }
            else
            {
                PlanCsvWriter.Write(sweep(), output, chunk);
            }
        };

        if (!direct)
        {
            using var text = new StringWriter { NewLine = "\n" };
            write(text);
            return text.ToString();
        }

        using var stream = new MemoryStream();
        using (var output = new Utf8StreamOutput(stream, leaveOpen: true))
        {
            write(output);
        }

        return Encoding.UTF8.GetString(stream.ToArray());
    }

    private static Func<SweptPlan> RandomSweep(int regionCount, int recordCount, int seed)
    {
        var random = new Random(seed);
        var (set, all) = RandomPlanInputs.Create(random, regionCount, recordCount, sizeShift: 22, "h\"ost", size => random.Next(2) == 0 ? size / 2 : null);
        var minExtent = random.Next(3) == 0 ? 1UL << 18 : (ulong?)null;
        var options = new PlanOptions(minExtent: minExtent);
        return () => Planner.Sweep(set, all, options);
    }
}
