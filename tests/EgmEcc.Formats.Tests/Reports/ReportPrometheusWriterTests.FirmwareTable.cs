using EgmEcc.Reporting;

namespace EgmEcc.Formats.Tests.Reports;

public partial class ReportPrometheusWriterTests
{
    /// <summary>
    /// <see cref="MultiHost"/> with firmware tables read for two of its regions: two copies of
    /// gpu-a's egm0 table (12 and 14 entries), the quoted host's egm0 (3584), and one table of
    /// unknown region, which has no region to be a series of.
    /// </summary>
    internal static Report WithTables()
    {
        var plan = MultiHost().Plan with
        {
            FirmwareTables =
            [
                new FirmwareTableFill(SourceLocation.InFile("egm0.fwtable"), "gpu-a", "egm0", 12),
                new FirmwareTableFill(SourceLocation.InFile("egm0.copy1.fwtable"), "gpu-a", "egm0", 14),
                new FirmwareTableFill(SourceLocation.InFile("quoted/egm0.fwtable"), QuotedHost, "egm0", 3584),
                new FirmwareTableFill(SourceLocation.InFile("odd.bin"), "gpu-a", null, 40),
            ],
        };
        return Report.Create(plan);
    }

    [Fact]
    public void Write_FirmwareTables_EntriesAndLimitPerRegionWithATable()
    {
        var samples = Samples(Render(WithTables()));

        Assert.Equal(
            [("{host=\"gpu-a\",region=\"egm0\",node=\"0\"}", "14"), ("{host=\"rack\\\"7\\\\b\",region=\"egm0\",node=\"0\"}", "3584")],
            samples.Where(s => s.Family == "egmecc_region_firmware_table_entries").Select(s => (s.Labels, s.Value)));
        Assert.Equal(
            ["4096", "4096"],
            samples.Where(s => s.Family == "egmecc_region_firmware_table_limit").Select(s => s.Value));
    }

    [Fact]
    public void Write_NoFirmwareTable_NoTableFamilies()
    {
        var text = Render(MultiHost());

        Assert.DoesNotContain("firmware_table_entries", text, StringComparison.Ordinal);
        Assert.DoesNotContain("firmware_table_limit", text, StringComparison.Ordinal);
    }
}
