namespace EgmEcc.Cli.Tests.HostMode;

/// <summary>
/// Host mode on the command line (docs/design.md §3, §5): <c>report --host</c> is the report of the
/// same evidence given as files, and <c>collect</c> writes host folders <c>fleet --dir</c> reads as
/// the same files laid out by hand.
/// </summary>
public class HostModeTests
{
    /// <summary>The sample host's evidence as files, as collect writes them: the AML, both firmware tables and the kept kernel records.</summary>
    private static string[] ByHand(FakeHostRoot root, string folder)
    {
        Directory.CreateDirectory(folder);
        File.Copy(Repo.PathOf("data/samples/grace-2s.ssdt.aml"), Path.Combine(folder, "SSDT1.aml"));
        File.WriteAllBytes(Path.Combine(folder, "egm0.fwtable"), File.ReadAllBytes(root.MemFolder ? root.PathOf("dev/mem/0x1ffff80000") : Cut(root, 0x1F_FFF8_0000)));
        File.WriteAllBytes(Path.Combine(folder, "egm1.fwtable"), File.ReadAllBytes(root.MemFolder ? root.PathOf("dev/mem/0x401ffff80000") : Cut(root, 0x401F_FFF8_0000)));
        File.WriteAllText(Path.Combine(folder, "kmsg.log"), FakeHostRoot.Kept(File.ReadAllText(root.PathOf("dev/kmsg"))));
        return [Path.Combine(folder, "SSDT1.aml"), Path.Combine(folder, "egm0.fwtable"), Path.Combine(folder, "egm1.fwtable"), Path.Combine(folder, "kmsg.log")];
    }

    /// <summary>The 32776 bytes of the sparse dev/mem at <paramref name="spa"/>, as a file.</summary>
    private static string Cut(FakeHostRoot root, ulong spa)
    {
        using var mem = File.OpenRead(root.PathOf("dev/mem"));
        mem.Seek((long)spa, SeekOrigin.Begin);
        var table = new byte[32776];
        mem.ReadExactly(table);
        var path = Path.Combine(Cli.TemporaryDirectory(), $"cut-{spa:x}");
        File.WriteAllBytes(path, table);
        return path;
    }

    [Theory]
    [InlineData("text")]
    [InlineData("json")]
    public void ReportHost_SameReportAsTheSameEvidenceGivenAsFiles(string format)
    {
        using var root = FakeHostRoot.Sample();
        var files = ByHand(root, Path.Combine(Cli.TemporaryDirectory(), "by-hand"));

        var host = Cli.Run("report", "--host", "--root", root.Path, "--format", format);
        var given = Cli.Run("report", "--regions", files[0], "--retired", files[1], "--retired", files[2], "--retired", files[3], "--host-page", "64K", "--host-name", "gpu-host-1", "--format", format);

        Assert.Equal(0, host.Exit);
        Assert.Equal(0, given.Exit);
        var named = given.Out
            .Replace(files[0], root.PathOf("sys/firmware/acpi/tables/SSDT1"), StringComparison.Ordinal)
            .Replace(files[1], $"{root.Path}/dev/mem@0x1ffff80000", StringComparison.Ordinal)
            .Replace(files[2], $"{root.Path}/dev/mem@0x401ffff80000", StringComparison.Ordinal)
            .Replace(files[3], $"{root.Path}/dev/kmsg", StringComparison.Ordinal);
        Assert.Equal(Normalized(named), Normalized(host.Out));
        Assert.Contains("dev/kmsg:", host.Out + host.Error, StringComparison.Ordinal);
    }

    /// <summary>The report without its command-line line (it names the flags given) and with runs of blanks and line ends as one blank (paths of other lengths wrap and align otherwise).</summary>
    private static string Normalized(string report) => System.Text.RegularExpressions.Regex.Replace(
        string.Join('\n', report.Split('\n').Where(l => !l.Contains("egmecc report", StringComparison.Ordinal))), @"\s+", " ");

    [Fact]
    public void CollectSeveralHosts_ThenFleet_SameAsTheInputsLaidOutByHand()
    {
        var collected = Path.Combine(Cli.TemporaryDirectory(), "collected");
        var byHand = Path.Combine(Cli.TemporaryDirectory(), "by-hand");
        foreach (var name in new[] { "gpu-a", "gpu-b", "gpu-c" })
        {
            var kmsg = name == "gpu-b" ? "6,1,1,-;Memory failure: 0x200010: recovery action for free buddy page: Recovered\n" : FakeHostRoot.SampleKmsg();
            using var root = FakeHostRoot.Sample(name, kmsg);
            var run = Cli.Run("collect", "--root", root.Path, "-o", collected);
            Assert.True(run.Exit == 0, run.ToString());
            Assert.Equal($"wrote {Path.Combine(collected, name)}: 4 evidence file(s), 0 item(s) missing\n", run.Out);
            ByHand(root, Path.Combine(byHand, name));
        }

        var fromCollect = Cli.Run("fleet", "--dir", collected, "--format", "json");
        var fromHand = Cli.Run("fleet", "--dir", byHand, "--format", "json", "--host-page", "64K");

        Assert.Equal(0, fromCollect.Exit);
        Assert.Equal(fromHand.Out, fromCollect.Out);
        Assert.Equal(fromHand.Error, fromCollect.Error.Replace(collected, byHand, StringComparison.Ordinal));
    }

    [Fact]
    public void ReportHost_CollectedTables_ShowTheirFillPerRegion()
    {
        using var root = FakeHostRoot.Sample();

        var run = Cli.Run("report", "--host", "--root", root.Path);

        Assert.Equal(0, run.Exit);
        Assert.Contains("  firmware table 14 of 4,096 entries (4,082 left)\n", run.Out, StringComparison.Ordinal);
        Assert.Contains("  firmware table 11 of 4,096 entries (4,085 left)\n", run.Out, StringComparison.Ordinal);
    }

    // An empty table (count 0, the usual healthy host) has no entry to place it by address, and its
    // input is named /dev/mem@0x...: the collection says whose table it is.
    [Fact]
    public void ReportHost_EmptyCollectedTables_ShowTheirFillPerRegion()
    {
        using var root = FakeHostRoot.Sample();
        foreach (var (spa, _) in FakeHostRoot.SampleTables)
        {
            root.FirmwareTable(spa, FakeHostRoot.FirmwareTableOf());
        }

        var run = Cli.Run("report", "--host", "--root", root.Path, "--format", "prometheus");

        Assert.Equal(0, run.Exit);
        Assert.Contains("egmecc_region_firmware_table_entries{host=\"\",region=\"egm0\",node=\"0\"} 0\negmecc_region_firmware_table_entries{host=\"\",region=\"egm1\",node=\"1\"} 0\n", run.Out, StringComparison.Ordinal);
    }

    [Fact]
    public void CollectThenFleet_HostsFullestCollectedTable_InTheLastCsvColumns()
    {
        var collected = Path.Combine(Cli.TemporaryDirectory(), "collected");
        using (var root = FakeHostRoot.Sample("gpu-a"))
        {
            Assert.Equal(0, Cli.Run("collect", "--root", root.Path, "-o", collected).Exit);
        }

        var run = Cli.Run("fleet", "--dir", collected, "--format", "csv");

        Assert.Equal(0, run.Exit);
        var lines = run.Out.Split('\n', StringSplitOptions.RemoveEmptyEntries);
        Assert.EndsWith(",belowThreshold,tableEntries,tableEntriesLeft", lines[0], StringComparison.Ordinal);
        Assert.StartsWith("host,gpu-a,", lines[1], StringComparison.Ordinal);
        Assert.EndsWith(",14,4082", lines[1], StringComparison.Ordinal);
        Assert.EndsWith(",14,4082", lines[2], StringComparison.Ordinal);
    }

    [Fact]
    public void Collect_ExistingHostFolder_RefusedUnlessForced()
    {
        using var root = FakeHostRoot.Sample();
        var output = Cli.TemporaryDirectory();
        Assert.Equal(0, Cli.Run("collect", "--root", root.Path, "-o", output).Exit);

        var again = Cli.Run("collect", "--root", root.Path, "-o", output);
        var forced = Cli.Run("collect", "--root", root.Path, "-o", output, "--force");

        Cli.AssertInputError(again, $"egmecc: error: cannot write {Path.Combine(output, "gpu-host-1")}: it exists and is not empty (--force replaces it)");
        Assert.Equal(0, forced.Exit);
        Assert.Equal(["gpu-host-1"], Directory.EnumerateFileSystemEntries(output).Select(p => Path.GetFileName(p)!).ToArray());
    }

    [Fact]
    public void ReportHost_RefusedFirmwareTable_ReportSaysItWasNotRead()
    {
        using var root = FakeHostRoot.Sample();
        File.Delete(root.PathOf("dev/mem"));
        if (Directory.Exists(root.PathOf("dev/mem")))
        {
            Directory.Delete(root.PathOf("dev/mem"), recursive: true);
        }

        var run = Cli.Run("report", "--host", "--root", root.Path, "--format", "json");

        Assert.Equal(0, run.Exit);
        Assert.Contains("firmware retired-page table of egm0 at 0x1ffff80000 not read", run.Out, StringComparison.Ordinal);
        Assert.Contains("egmecc: warning: " + root.Path + "/dev/mem@0x1ffff80000: firmware retired-page table of egm0", run.Error, StringComparison.Ordinal);
    }

    [Fact]
    public void Host_CorruptedTable_ExitsTwoWithTheTablePathAndOffset()
    {
        using var root = FakeHostRoot.Sample();
        var aml = File.ReadAllBytes(Repo.PathOf("data/samples/grace-2s.ssdt.aml"));
        aml[200] ^= 0x5A;
        root.Table("SSDT1", aml);

        var report = Cli.Run("report", "--host", "--root", root.Path);
        var collect = Cli.Run("collect", "--root", root.Path, "-o", Cli.TemporaryDirectory());

        var expected = $"egmecc: error: {root.Path}/sys/firmware/acpi/tables/SSDT1:+9: SSDT 'GRACEEGM': the checksum does not match";
        Assert.Equal(2, report.Exit);
        Assert.StartsWith(expected, report.Error, StringComparison.Ordinal);
        Assert.Equal(report.Error, collect.Error);
        Assert.Equal(2, collect.Exit);
    }

    [Theory]
    [InlineData("egmecc: error: --host and --regions/--retired exclude each other: --host reads this host's own evidence", "plan", "--host", "--regions", "data/samples/grace-2s.regions.csv")]
    [InlineData("egmecc: error: --root goes with --host", "validate", "--regions", "data/samples/grace-2s.regions.csv", "--root", "/")]
    [InlineData("egmecc: error: --regions is required", "report")]
    [InlineData("egmecc: error: --output: collect writes a folder of files, not standard output ('-')", "collect", "-o", "-")]
    public void HostFlags_Misused_AreUsageErrors(string expected, params string[] args) =>
        Cli.AssertUsageError(Cli.Run(args), expected);

    [ToolFact("iasl")]
    public void ReportHost_TablesCompiledByIasl_PlansEveryRegion()
    {
        using var root = new FakeHostRoot();
        root.CompiledTable("SSDT3", Repo.PathOf("data/acpi/multi-socket.asl"));
        root.Identity("iasl-host", "6.8.0");
        root.Kmsg(string.Empty);

        var run = Cli.Run("validate", "--host", "--root", root.Path);

        Assert.True(run.Exit == 0, run.ToString());
        Assert.StartsWith("regions 4, records 0", run.Out, StringComparison.Ordinal);
    }
}
