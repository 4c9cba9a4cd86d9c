using System.Buffers.Binary;
using System.Globalization;
using System.Text;
using System.Text.Json.Nodes;

namespace EgmEcc.Cli.Tests;

/// <summary>
/// Each real-world format plans exactly like the same data written as CSV: same regions, holes,
/// stats, accounting and diagnostics (compared without their source locations, which name
/// different files, and without the kernel log's note on ignored lines).
/// </summary>
public sealed class CsvRoundTripTests : IDisposable
{
    private const string Regions = "data/samples/grace-2s.regions.csv";
    private readonly string folder = Directory.CreateTempSubdirectory("egmecc-roundtrip-").FullName;

    public void Dispose() => Directory.Delete(folder, recursive: true);

    [Fact]
    public void Plan_FirmwareTables_EqualsTheirCsv()
    {
        var csv = new StringBuilder("address,size\n");
        foreach (var path in new[] { "data/samples/grace-2s-egm0.fwtable.bin", "data/samples/grace-2s-egm1.fwtable.bin" })
        {
            var bytes = File.ReadAllBytes(Path.Combine(Repo.Root, path));
            var count = (int)BinaryPrimitives.ReadUInt64LittleEndian(bytes);
            for (var i = 0; i < count; i++)
            {
                csv.Append(CultureInfo.InvariantCulture, $"0x{BinaryPrimitives.ReadUInt64LittleEndian(bytes.AsSpan(8 + (8 * i))):x},64K\n");
            }
        }

        AssertSamePlan(
            ["--regions", Regions, "--retired", "data/samples/grace-2s-egm0.fwtable.bin", "--retired", "data/samples/grace-2s-egm1.fwtable.bin"],
            ["--regions", Regions, "--retired", Twin("fwtable.csv", csv.ToString())]);
    }

    [Fact]
    public void Plan_IoctlList_EqualsItsCsv()
    {
        var bytes = File.ReadAllBytes(Path.Combine(Repo.Root, "data/samples/egm1-retired.ioctl.bin"));
        var count = (int)BinaryPrimitives.ReadUInt32LittleEndian(bytes.AsSpan(4));
        var csv = new StringBuilder("region,offset,size\n");
        for (var i = 0; i < count; i++)
        {
            var offset = BinaryPrimitives.ReadUInt64LittleEndian(bytes.AsSpan(8 + (16 * i)));
            var size = BinaryPrimitives.ReadUInt64LittleEndian(bytes.AsSpan(16 + (16 * i)));
            csv.Append(CultureInfo.InvariantCulture, $"egm1,0x{offset:x},{size}\n");
        }

        Assert.Equal(176, count);
        AssertSamePlan(
            ["--regions", Regions, "--retired", "data/samples/egm1-retired.ioctl.bin"],
            ["--regions", Regions, "--retired", Twin("ioctl.csv", csv.ToString())]);
    }

    [Theory]
    [InlineData("64K")]
    [InlineData("4K")]
    public void Plan_KernelLog_EqualsTheHandWrittenCsvOfItsPages(string granule)
    {
        // What grace-2s.kmsg.log says, read by a person: pfn * 64K pages and CPER 4K granules. A
        // CSV row retires; the log's corrected errors are at-risk pages unless --retire-corrected.
        const string csv = """
            address,size
            0x2c12300000,64K
            0x2c12310000,64K
            0x2c12320000,64K
            0x2c12320000,64K
            0x2c12330000,64K
            0x406600000000,4K
            0x406600001000,4K
            0x406600002000,4K
            0x3000050000,4K
            0x217a450000,64K
            0x81230000,64K
            """;

        string[] semantics = ["--granule", granule, "--guest-page", granule];
        AssertSamePlan(
            ["--regions", Regions, "--retired", "data/samples/grace-2s.kmsg.log", "--retire-corrected", .. semantics],
            ["--regions", Regions, "--retired", Twin("kmsg.csv", csv), .. semantics]);
    }

    [Fact]
    public void Plan_AcpiRegions_EqualsTheRegionsCsv()
    {
        AssertSamePlan(
            ["--regions", "data/samples/grace-2s.dsl", "--retired", "data/samples/grace-2s.retired.csv"],
            ["--regions", Regions, "--retired", "data/samples/grace-2s.retired.csv"]);
    }

    /// <summary>The sample's retired CSV as JSON, read from a file and, streamed, from standard input.</summary>
    [Fact]
    public void Plan_RetiredJson_EqualsItsCsv()
    {
        var json = new StringBuilder("{\"retired\": [\n");
        var rows = File.ReadAllLines(Path.Combine(Repo.Root, "data/samples/grace-2s.retired.csv")).Where(l => l.StartsWith("0x", StringComparison.Ordinal)).ToArray();
        for (var i = 0; i < rows.Length; i++)
        {
            var fields = rows[i].Split(',');
            var size = fields[1].Length == 0 ? string.Empty : $", \"size\": \"{fields[1]}\"";
            json.Append(CultureInfo.InvariantCulture, $"  {{\"address\": \"{fields[0]}\"{size}}}{(i + 1 < rows.Length ? "," : string.Empty)}\n");
        }

        json.Append("]}\n");
        var twin = Twin("retired.json", json.ToString());

        Assert.Equal(34, rows.Length);
        AssertSamePlan(["--regions", Regions, "--retired", twin], ["--regions", Regions, "--retired", "data/samples/grace-2s.retired.csv"]);
        var piped = Cli.RunWith(Encoding.UTF8.GetBytes(json.ToString()), errorIsTerminal: false, "plan", "--regions", Regions, "--retired", "-", "--format", "csv");
        Assert.True(piped.Exit == 0, piped.Error);
        Assert.Equal(Cli.Run("plan", "--regions", Regions, "--retired", "data/samples/grace-2s.retired.csv", "--format", "csv").Out, piped.Out);
    }

    private string Twin(string name, string text)
    {
        var path = Path.Combine(folder, name);
        File.WriteAllText(path, text);
        return path;
    }

    private static void AssertSamePlan(string[] format, string[] csv)
    {
        var expected = Normalized(csv);
        var actual = Normalized(format);

        if (expected != actual)
        {
            Assert.Fail($"the plans differ:\n{Golden.Diff(expected, actual)}");
        }
    }

    private static string Normalized(string[] args)
    {
        var (code, output, error) = Cli.Run(["plan", .. args, "--format", "json"]);
        Assert.True(code == 0, error);
        var plan = JsonNode.Parse(output)!.AsObject();
        var diagnostics = new JsonArray();
        foreach (var d in plan["diagnostics"]!.AsArray())
        {
            var message = (string)d!["message"]!;
            if (!message.StartsWith("kernel log: ", StringComparison.Ordinal))
            {
                diagnostics.Add(new JsonObject { ["severity"] = (string)d["severity"]!, ["message"] = message });
            }
        }

        plan["diagnostics"] = diagnostics;

        // A firmware table's fill is a fact of the table (its count), which a CSV of its entries does not carry.
        foreach (var region in plan["regions"]!.AsArray())
        {
            region!.AsObject().Remove("firmwareTable");
        }

        return plan.ToJsonString(new System.Text.Json.JsonSerializerOptions { WriteIndented = true }).ReplaceLineEndings("\n");
    }
}
