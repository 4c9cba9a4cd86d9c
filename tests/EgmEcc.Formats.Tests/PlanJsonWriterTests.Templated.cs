using System.Text;
using System.Text.Json;
using EgmEcc.Formats.Output;
using EgmEcc.Tests;
using FsCheck;
using FsCheck.Fluent;

namespace EgmEcc.Formats.Tests;

public partial class PlanJsonWriterTests
{
    // Random plans: one to three regions (with and without a guest size, a host name that needs
    // escaping), records at random pages and sizes, some at-risk, some out of every region.
    private static readonly Gen<Plan> RandomPlans =
        from regionCount in Gen.Choose(1, 3)
        from guest in Gen.Elements(false, true)
        from recordCount in Gen.Choose(0, 300)
        from seed in Gen.Choose(0, int.MaxValue)
        select RandomPlan(regionCount, guest, recordCount, seed);

    /// <summary>
    /// The extents, holes and at-risk ranges written as templated bytes (to a stream and to a
    /// text writer) are the bytes <see cref="Utf8JsonWriter"/> writes for them, element by element
    /// (docs/design.md §4).
    /// </summary>
    [Fact]
    public void Write_TemplatedArrays_MatchTheJsonWriterByteForByte()
    {
        Properties.Check(RandomPlans, plan =>
        {
            var expected = ThroughJsonWriterOnly(plan);

            using var stream = new MemoryStream();
            using (var output = new Utf8StreamOutput(stream, leaveOpen: true))
            {
                new PlanJsonWriter().Write(plan, output, OutputOptions.Default);
            }

            Assert.Equal(expected, Encoding.UTF8.GetString(stream.ToArray()));
            Assert.Equal(expected, Json(plan));
        }, maxTest: 200);
    }

    /// <summary>A plan whose arrays span many 64 KiB chunks, where the buffer is asked for room again and again.</summary>
    [Fact]
    public void Write_ArraysLargerThanTheOutputChunk_MatchTheJsonWriterByteForByte()
    {
        var plan = RandomPlan(2, guest: true, recordCount: 20_000, seed: 7, sizeShift: 30);
        var expected = ThroughJsonWriterOnly(plan);

        using var stream = new MemoryStream();
        using (var output = new Utf8StreamOutput(stream, leaveOpen: true))
        {
            new PlanJsonWriter().Write(plan, output, OutputOptions.Default);
        }

        Assert.True(stream.Length > 4 * Utf8StreamOutput.ChunkBytes);
        Assert.Equal(expected, Encoding.UTF8.GetString(stream.ToArray()));
        Assert.Equal(expected, Json(plan));
    }

    /// <summary>
    /// A plan written inside other arrays, as other documents hold one: the template's fixed texts
    /// hold indents up to a depth, and deeper arrays go through the writer, with the same bytes.
    /// </summary>
    [Fact]
    public void Write_NestedDeep_MatchesTheJsonWriterByteForByte()
    {
        var plan = RandomPlan(2, guest: false, recordCount: 300, seed: 3);
        foreach (var depth in new[] { 0, 4, 8, 16 })
        {
            Assert.Equal(Nested(plan, depth, templated: false), Nested(plan, depth, templated: true));
        }
    }

    private static string Nested(Plan plan, int depth, bool templated)
    {
        var bytes = new System.Buffers.ArrayBufferWriter<byte>();
        using (var json = new Utf8JsonWriter(bytes, PlanJsonWriter.WriterOptions))
        {
            for (var d = 0; d < depth; d++)
            {
                json.WriteStartArray();
            }

            PlanJsonWriter.WritePlan(json, templated ? bytes : null, plan);
            for (var d = 0; d < depth; d++)
            {
                json.WriteEndArray();
            }
        }

        return Encoding.UTF8.GetString(bytes.WrittenSpan);
    }

    /// <summary>The reference: every token through <see cref="Utf8JsonWriter"/> (the public <c>WritePlan</c>).</summary>
    private static string ThroughJsonWriterOnly(Plan plan)
    {
        using var stream = new MemoryStream();
        using (var json = new Utf8JsonWriter(stream, PlanJsonWriter.WriterOptions))
        {
            PlanJsonWriter.WritePlan(json, plan);
        }

        return Encoding.UTF8.GetString(stream.ToArray()) + "\n";
    }

    private static Plan RandomPlan(int regionCount, bool guest, int recordCount, int seed, int sizeShift = 24)
    {
        var (regions, records) = Output.RandomPlanInputs.Create(new Random(seed), regionCount, recordCount, sizeShift, "h\"ost\\é", size => guest ? size / 2 : null);
        return Planner.Create(regions, records, PlanOptions.Default);
    }
}
