using System.Text.Json.Nodes;
using EgmEcc.Formats.Inputs;
using EgmEcc.Formats.Output;
using EgmEcc.Pipeline;

namespace EgmEcc.Formats.Tests;

public partial class PlanJsonWriterTests
{
    [Fact]
    public void Write_SamePlanTwice_GivesTheSameBytes()
    {
        var first = PlanWriterGoldenTests.Write("json", PlanWriterGoldenTests.SamplePlan());
        var second = PlanWriterGoldenTests.Write("json", PlanWriterGoldenTests.SamplePlan());

        Assert.Equal(first, second);
    }

    [Theory]
    [InlineData(1)]
    [InlineData(2)]
    [InlineData(3)]
    public void Write_RecordsInAnotherOrder_ChangeOnlyTheOrderOfDiagnostics(int seed)
    {
        var regions = RegionsOf("tricky.regions.csv");
        var records = RecordsOf("tricky.retired.csv");
        var shuffled = records.ToArray();
        new Random(seed).Shuffle(shuffled);

        var inOrder = JsonNode.Parse(Json(Planner.Create(regions, records, PlanWriterGoldenTests.TrickyOptions)))!.AsObject();
        var reordered = JsonNode.Parse(Json(Planner.Create(regions, shuffled, PlanWriterGoldenTests.TrickyOptions)))!.AsObject();

        Assert.Equal(Sorted(inOrder["diagnostics"]!), Sorted(reordered["diagnostics"]!));
        inOrder.Remove("diagnostics");
        reordered.Remove("diagnostics");
        Assert.Equal(inOrder.ToJsonString(), reordered.ToJsonString());
    }

    [Fact]
    public void Write_EndsWithOneNewlineAndUsesLf()
    {
        var json = PlanWriterGoldenTests.Write("json", PlanWriterGoldenTests.TrickyPlan());

        Assert.EndsWith("}\n", json, StringComparison.Ordinal);
        Assert.DoesNotContain("\r", json, StringComparison.Ordinal);
        Assert.DoesNotContain("\n\n", json, StringComparison.Ordinal);
    }

    private static string Json(Plan plan) => PlanWriterGoldenTests.Write("json", plan);

    private static string[] Sorted(JsonNode diagnostics) => [.. diagnostics.AsArray().Select(d => d!.ToJsonString()).Order(StringComparer.Ordinal)];

    private static RegionSet RegionsOf(string name) =>
        new InputLoader(FormatRegistry.Default, ReadOptions.Default).LoadRegions([InputFile.FromBytes(name, Golden.Input(name))]);

    private static RetiredRecord[] RecordsOf(string name) =>
        [.. new InputLoader(FormatRegistry.Default, ReadOptions.Default).LoadRetired([InputFile.FromBytes(name, Golden.Input(name))]).Records];
}
