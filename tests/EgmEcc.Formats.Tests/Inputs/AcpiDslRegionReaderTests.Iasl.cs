using EgmEcc.Formats.Inputs;
using EgmEcc.Pipeline;

namespace EgmEcc.Formats.Tests;

/// <summary>The ACPI reader on real <c>iasl -d</c> output of the sources in <c>data/acpi/</c>.</summary>
public partial class AcpiDslRegionReaderTests : IDisposable
{
    private readonly string work = Directory.CreateTempSubdirectory("egmecc-acpi-").FullName;

    public void Dispose()
    {
        Directory.Delete(work, recursive: true);
        GC.SuppressFinalize(this);
    }

    private List<Region> Disassembled(params string[] sources)
    {
        var files = sources.Select(s => Iasl.CompileAndDisassemble(TestInputs.DataPath(s), work)).ToList();
        var loader = new InputLoader(FormatRegistry.Default, ReadOptions.Default);
        return [.. loader.LoadRegions(files.Select(f => InputFile.FromPath(f))).Regions];
    }

    private static (string, int, ulong, ulong, ulong?) Shape(Region r) => (r.Id, r.Node, r.Base, r.Size, r.RetiredTableBases.IsEmpty ? null : r.RetiredTableBases[0]);

    [ToolFact("iasl")]
    public void Read_IaslSingleSocket_GivesOneRegionWithItsTableBase()
    {
        var regions = Disassembled("acpi/single-socket.asl");

        Assert.Equal([("egm0", 0, 0x8_8000_0000UL, 0x1F_8000_0000UL, (ulong?)0x8_7FF8_0000UL)], regions.Select(Shape).ToArray());
    }

    [ToolFact("iasl")]
    public void Read_IaslMultiSocketTwoGpusEach_GivesOneRegionPerSocket()
    {
        var regions = Disassembled("acpi/multi-socket.asl");

        Assert.Equal(["egm0", "egm1", "egm2", "egm3"], regions.Select(r => r.Id).ToArray());
        Assert.All(regions, r => Assert.Equal(0x70_0000_0000UL, r.Size));
        Assert.Equal(0x4020_0000_0000UL - 0x8_0000UL, Assert.Single(regions[1].RetiredTableBases));
        Assert.EndsWith("multi-socket.dsl:25", regions[0].Source.ToString(), StringComparison.Ordinal);
    }

    [ToolFact("iasl")]
    public void Read_IaslOtherPropertyOrdersAndMethodDsd_GivesTheSameRegions()
    {
        var regions = Disassembled("acpi/property-order.asl");

        Assert.Equal(
            [("egm4", 4, 0x1000_0000_0000UL, 0x20_0000_0000UL, (ulong?)null), ("egm5", 5, 0x1200_0000_0000UL, 0x20_0000_0000UL, (ulong?)null)],
            regions.Select(Shape).ToArray());
    }

    [ToolFact("iasl")]
    public void Read_IaslEveryIntegerWidth_ParsesEachConstant()
    {
        var regions = Disassembled("acpi/integer-widths.asl");

        Assert.Equal(
            [
                ("egm0", 0, 0x8000_0000UL, 0x4000_0000UL, null),
                ("egm1", 1, 0xC000_0000UL, 0x4000_0000UL, 0xBFFF_0000UL),
                ("egm258", 258, 0x1_0000_0000UL, 0x1_0000UL, null),
                ("egm255", 255, 0xFFFF_0000_0000UL, 0x1_0000_0000UL, (ulong?)null),
            ],
            regions.Select(Shape).ToArray());
    }

    [ToolFact("iasl")]
    public void Read_IaslWithoutIntegerOptimization_ReadsByteZeroAsZero()
    {
        var dsl = Iasl.CompileAndDisassemble(TestInputs.DataPath("acpi/integer-widths.asl"), work, "-oi");
        Assert.Contains("0x00\n", File.ReadAllText(dsl).Replace(" ", string.Empty, StringComparison.Ordinal), StringComparison.Ordinal);
        var file = InputFile.FromPath(dsl);
        using var stream = file.Open();

        var regions = Reader.Read(stream, file, ReadOptions.Default).ToList();

        Assert.Equal(["egm0", "egm1", "egm258", "egm255"], regions.Select(r => r.Id).ToArray());
        Assert.Equal(0x8000_0000UL, regions[0].Base);
    }

    [ToolFact("iasl")]
    public void Read_IaslOneSsdtPerSocket_GivesBothRegions()
    {
        var regions = Disassembled("acpi/ssdt-socket0.asl", "acpi/ssdt-socket1.asl");

        Assert.Equal(["egm0", "egm1"], regions.Select(r => r.Id).ToArray());
    }

    [ToolFact("iasl")]
    public void Read_IaslConflictingPxm_NamesBothDevicesAndLines()
    {
        var dsl = Iasl.CompileAndDisassemble(TestInputs.DataPath("acpi/conflicting-pxm.asl"), work);
        var file = InputFile.FromPath(dsl);
        using var stream = file.Open();

        var e = Assert.Throws<InputException>(() => Reader.Read(stream, file, ReadOptions.Default).ToList());

        Assert.Equal($"{dsl}:55", e.Location.ToString());
        Assert.Equal("firmware conflict: PXM 0 is base 0x2000000000 size 0x5000000000 in device \\_SB.GPU1 (line 55) but base 0x2000000000 size 0x6000000000 in device \\_SB.GPU0 (line 25)", e.Message);
    }

    [ToolFact("iasl")]
    public void Read_IaslSampleHost_EqualsTheSampleRegionsCsvAndTheCommittedDisassembly()
    {
        var regions = Disassembled("samples/grace-2s.asl");

        var csv = new InputLoader(FormatRegistry.Default, ReadOptions.Default)
            .LoadRegions([InputFile.FromPath(TestInputs.DataPath("samples/grace-2s.regions.csv"))]).Regions;
        var committed = new InputLoader(FormatRegistry.Default, ReadOptions.Default)
            .LoadRegions([InputFile.FromPath(TestInputs.DataPath("samples/grace-2s.dsl"))]).Regions;

        Assert.Equal(csv.Select(r => (r.Id, r.Node, r.Base, r.Size)).ToArray(), regions.Select(r => (r.Id, r.Node, r.Base, r.Size)).ToArray());
        Assert.Equal(regions.Select(Shape).ToArray(), committed.Select(Shape).ToArray());
    }
}
