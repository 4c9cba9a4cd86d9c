using System.Text.Json;
using EgmEcc.Formats.Output;
using EgmEcc.Formats.Reports;
using EgmEcc.Reporting;

namespace EgmEcc.Formats.Tests.Reports;

public class ReportJsonWriterTests
{
    private static JsonElement Render(Report report)
    {
        var output = new StringWriter();
        new ReportJsonWriter().Write(report, output, ReportOutputOptions.Plain);
        return JsonDocument.Parse(output.ToString()).RootElement;
    }

    [Fact]
    public void Write_SampleHost_EmbedsThePlanJsonUnchanged()
    {
        var plan = ReportSamples.SamplePlan();
        var planJson = new StringWriter();
        new PlanJsonWriter().Write(plan, planJson, new OutputOptions());

        var root = Render(Report.Create(plan));

        Assert.Equal(ReportJsonWriter.Schema, root.GetProperty("schema").GetString());
        Assert.Equal(
            JsonSerializer.Serialize(JsonDocument.Parse(planJson.ToString()).RootElement),
            JsonSerializer.Serialize(root.GetProperty("plan")));
        Assert.True(root.GetProperty("passed").GetBoolean());
        Assert.Equal(0, root.GetProperty("gates").GetArrayLength());
    }

    [Fact]
    public void Write_Gates_ListsEachRegionsVerdict()
    {
        var gates = new ReportGates { MinHugePages = [new HugePageGate(1UL << 30, 377)], FailOnWarning = true };

        var root = Render(Report.Create(ReportSamples.SamplePlan(), gates));

        Assert.False(root.GetProperty("passed").GetBoolean());
        var results = root.GetProperty("gates").EnumerateArray().Select(g => (
            g.GetProperty("region").ValueKind == JsonValueKind.Null ? null : g.GetProperty("region").GetString(),
            g.GetProperty("gate").GetString(),
            g.GetProperty("threshold").GetDouble(),
            g.GetProperty("actual").GetDouble(),
            g.GetProperty("passed").GetBoolean())).ToArray();
        Assert.Equal(
            [("egm0", "hugepages-1G", 377, 376, false), ("egm1", "hugepages-1G", 377, 377, true), (null, "warnings", 0, 1, false)],
            results);
    }

    [Fact]
    public void Write_HostNameAndTime_FollowTheSchemaAndAreNullWhenNotGiven()
    {
        var plain = Render(Report.Create(ReportSamples.SamplePlan()));
        var named = Render(Report.Create(ReportSamples.SamplePlan()) with { HostName = "gpu-node-17", GeneratedAt = new DateTimeOffset(2026, 11, 29, 23, 30, 0, TimeSpan.Zero) });

        Assert.Equal(JsonValueKind.Null, plain.GetProperty("host").ValueKind);
        Assert.Equal(JsonValueKind.Null, plain.GetProperty("generatedAt").ValueKind);
        Assert.Equal("gpu-node-17", named.GetProperty("host").GetString());
        Assert.Equal("2026-11-29T23:30:00Z", named.GetProperty("generatedAt").GetString());
        Assert.Equal(["schema", "host", "generatedAt", "plan", "passed", "gates"], named.EnumerateObject().Select(p => p.Name));
    }
}
