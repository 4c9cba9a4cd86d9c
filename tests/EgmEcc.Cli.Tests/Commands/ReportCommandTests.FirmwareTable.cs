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
