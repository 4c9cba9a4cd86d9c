using System.Buffers.Binary;

namespace EgmEcc.Cli.Tests.Commands;

public partial class ReportCommandTests
{
    [Fact]
    public void Report_FirmwareTableNearLimit_ListsTheWarning()
    {
        var table = WriteFirmwareTable(FirmwareTableLimit.NearLimitEntries);
        try
        {
            var (code, output, _) = Run(["report", "--regions", Regions, "--retired", table]);

            Assert.Equal(ExitCodes.Success, code);
            // The report wraps long warnings at 80 columns with a six-space indent: undo that to read them.
            var warnings = output[output.IndexOf("── warnings ", StringComparison.Ordinal)..].Replace("\n      ", " ", StringComparison.Ordinal);
            Assert.Contains("1 firmware table near the 4096-entry limit", warnings, StringComparison.Ordinal);
            Assert.Contains($"warning: {table}:+0: firmware retired-page table holds 3584 of 4096 entries", warnings, StringComparison.Ordinal);
        }
        finally
        {
            File.Delete(table);
        }
    }

    [Fact]
    public void Report_FirmwareTableNearLimitWithFailOnWarning_ExitsThree()
    {
        var table = WriteFirmwareTable(FirmwareTableLimit.NearLimitEntries);
        try
        {
            var (code, _, error) = Run(["report", "--regions", Regions, "--retired", table, "--fail-on-warning"]);

            Assert.Equal(ExitCodes.GateFailed, code);
            Assert.Equal("egmecc: gate failed: run: 1 warning(s) (--fail-on-warning)\n", error);
        }
        finally
        {
            File.Delete(table);
        }
    }

    [Fact]
    public void Report_FirmwareTableJustBelowNearLimitWithFailOnWarning_ExitsZero()
    {
        var table = WriteFirmwareTable(FirmwareTableLimit.NearLimitEntries - 1);
        try
        {
            var (code, output, error) = Run(["report", "--regions", Regions, "--retired", table, "--fail-on-warning"]);

            Assert.Equal(ExitCodes.Success, code);
            Assert.Equal(string.Empty, error);
            Assert.DoesNotContain("near the 4096-entry limit", output, StringComparison.Ordinal);
            Assert.Contains("  firmware table 3,583 of 4,096 entries (513 left)\n", output, StringComparison.Ordinal);
        }
        finally
        {
            File.Delete(table);
        }
    }

    [Fact]
    public void Report_SampleFirmwareTables_OneFillLinePerRegion()
    {
        var (code, output, _) = Run(["report", "--regions", Regions, "--retired", Cli.Data("samples", "grace-2s-egm0.fwtable.bin"), "--retired", Cli.Data("samples", "grace-2s-egm1.fwtable.bin")]);

        Assert.Equal(ExitCodes.Success, code);
        var egm0 = output.IndexOf("── egm0 ", StringComparison.Ordinal);
        var egm1 = output.IndexOf("── egm1 ", StringComparison.Ordinal);
        var fill0 = output.IndexOf("  firmware table 14 of 4,096 entries (4,082 left)\n", StringComparison.Ordinal);
        var fill1 = output.IndexOf("  firmware table 11 of 4,096 entries (4,085 left)\n", StringComparison.Ordinal);
        Assert.True(egm0 < fill0 && fill0 < egm1 && egm1 < fill1, output);
    }

    [Fact]
    public void Report_SampleFirmwareTablesAsPrometheus_EntriesAndLimitPerRegion()
    {
        var (code, output, _) = Run(["report", "--regions", Regions, "--retired", Cli.Data("samples", "grace-2s-egm0.fwtable.bin"), "--retired", Cli.Data("samples", "grace-2s-egm1.fwtable.bin"), "--format", "prometheus"]);

        Assert.Equal(ExitCodes.Success, code);
        Assert.Contains("egmecc_region_firmware_table_entries{host=\"\",region=\"egm0\",node=\"0\"} 14\negmecc_region_firmware_table_entries{host=\"\",region=\"egm1\",node=\"1\"} 11\n", output, StringComparison.Ordinal);
        Assert.Contains("egmecc_region_firmware_table_limit{host=\"\",region=\"egm1\",node=\"1\"} 4096\n", output, StringComparison.Ordinal);
    }

    [Fact]
    public void Report_SampleFirmwareTablesAsJsonAndHtml_CarryEachRegionsFill()
    {
        var html = Path.Combine(Cli.TemporaryDirectory(), "report.html");
        var (code, output, _) = Run(["report", "--regions", Regions, "--retired", Cli.Data("samples", "grace-2s-egm0.fwtable.bin"), "--retired", Cli.Data("samples", "grace-2s-egm1.fwtable.bin"), "--format", "json", "--html", html]);

        Assert.Equal(ExitCodes.Success, code);
        var regions = System.Text.Json.Nodes.JsonNode.Parse(output)!["plan"]!["regions"]!.AsArray();
        Assert.Equal([(14, 4096), (11, 4096)], regions.Select(r => ((int)r!["firmwareTable"]!["entries"]!, (int)r["firmwareTable"]!["limit"]!)).ToArray());
        var page = File.ReadAllText(html);
        Assert.Contains("firmware table</th><td>14 of 4,096 entries (4,082 left)", page, StringComparison.Ordinal);
        Assert.Contains("firmware table</th><td>11 of 4,096 entries (4,085 left)", page, StringComparison.Ordinal);
    }

    [Fact]
    public void Report_TwoCopiesOfOneRegionsTable_ShowTheLargerNotTheSum()
    {
        var folder = Cli.TemporaryDirectory();
        var table = Path.Combine(folder, "egm0.fwtable");
        var copy = Path.Combine(folder, "egm0.copy1.fwtable");
        File.Copy(WriteFirmwareTable(2), table);
        File.Copy(WriteFirmwareTable(3), copy);

        var (code, output, _) = Run(["report", "--regions", Regions, "--retired", table, "--retired", copy]);

        Assert.Equal(ExitCodes.Success, code);
        Assert.Contains("  firmware table 3 of 4,096 entries (4,093 left)\n", output, StringComparison.Ordinal);
        Assert.DoesNotContain("firmware table 5 ", output, StringComparison.Ordinal);
        Assert.DoesNotContain("firmware table 2 ", output, StringComparison.Ordinal);
    }

    /// <summary>A firmware table dump (u64 count, then count SPAs) of distinct pages in the sample's egm0, every other 64 KiB page.</summary>
    private static string WriteFirmwareTable(int count)
    {
        var bytes = new byte[8 + (8 * count)];
        BinaryPrimitives.WriteUInt64LittleEndian(bytes, (ulong)count);
        for (var i = 0; i < count; i++)
        {
            BinaryPrimitives.WriteUInt64LittleEndian(bytes.AsSpan(8 + (8 * i)), 0x20_0000_0000UL + ((ulong)i * 0x2_0000));
        }

        var path = Path.Combine(Path.GetTempPath(), $"egmecc-{Guid.NewGuid():N}.egm0.fwtable.bin");
        File.WriteAllBytes(path, bytes);
        return path;
    }
}
