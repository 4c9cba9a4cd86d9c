using EgmEcc.Formats.Acpi;
using EgmEcc.Formats.Inputs;

namespace EgmEcc.Formats.Tests;

public partial class AcpiDslRegionReaderTests
{
    private static readonly AcpiDslRegionReader Reader = new();

    private static List<Region> Read(string name, string text, ReadOptions? options = null)
    {
        var file = TestInputs.Text(name, text);
        using var stream = file.Open();
        return [.. Reader.Read(stream, file, options ?? ReadOptions.Default)];
    }

    private static string Device(string name, string properties) => $$"""
                Device ({{name}})
                {
                    Name (_DSD, Package ()
                    {
                        ToUUID ("daffd814-6eba-4d8c-8a91-bc9bbf4aa301"),
                        Package ()
                        {
        {{properties}}
                        }
                    })
                }
        """;

    private static string Table(int revision, params string[] devices) =>
        $"DefinitionBlock (\"\", \"SSDT\", {revision}, \"NVIDIA\", \"TEST\", 1)\n{{\n    Scope (\\_SB)\n    {{\n{string.Join("\n", devices)}\n    }}\n}}\n";

    [Fact]
    public void Read_HandWrittenAsl_CommentsAndAnyIntegerForm()
    {
        var text = Table(2, Device("GPU0", """
                    /* "nvidia,egm-pxm", 9 in a comment is not a property */
                    Package () { "nvidia,egm-size", 1073741824 },   // decimal
                    Package () { "nvidia,egm-pxm",
                                 0x03 },
                    Package () { "nvidia,egm-base-pa", /* inline */ 0x0000_0080_0000_0000 },
        """));

        var region = Assert.Single(Read("t.asl", text));

        Assert.Equal(("egm3", 3, 0x80_0000_0000UL, 1UL << 30, true), (region.Id, region.Node, region.Base, region.Size, region.RetiredTableBases.IsEmpty));
        Assert.Equal("t.asl:5", region.Source.ToString());
    }

    [Theory]
    [InlineData(1, 0xFFFF_FFFFUL)]
    [InlineData(2, ulong.MaxValue)]
    public void Read_Ones_IsAsWideAsTheTableRevisionSays(int revision, ulong ones)
    {
        var text = Table(revision, Device("GPU0", """
                    Package () { "nvidia,egm-base-pa", 0x10000 },
                    Package () { "nvidia,egm-size", 0x10000 },
                    Package () { "nvidia,egm-pxm", Zero },
                    Package () { "nvidia,egm-retired-pages-data-base", Ones },
        """));

        Assert.Equal(ones, Assert.Single(Assert.Single(Read("t.dsl", text)).RetiredTableBases));
    }

    [Fact]
    public void Read_GpusOfOnePxmWithTheirOwnTableCopies_KeepEveryBaseOnceInDeviceOrder()
    {
        // Firmware keeps one table copy per GPU (docs/design.md §1): different bases are no conflict.
        var text = Table(2,
            Device("GPU0", Properties(0x1_0000)),
            Device("GPU1", Properties(0x3_0000)),
            Device("GPU2", Properties(0x1_0000)),
            Device("GPU3", Properties(0x2_0000)));

        var region = Assert.Single(Read("t.dsl", text));

        Assert.Equal([0x1_0000UL, 0x3_0000UL, 0x2_0000UL], region.RetiredTableBases.ToArray());
        Assert.Equal("t.dsl:5", region.Source.ToString());

        static string Properties(ulong table) => $$"""
                    Package () { "nvidia,egm-base-pa", 0x100000 },
                    Package () { "nvidia,egm-size", 0x100000 },
                    Package () { "nvidia,egm-pxm", 0 },
                    Package () { "nvidia,egm-retired-pages-data-base", {{Numbers.Hex(table)}} },
        """;
    }

    [Fact]
    public void Read_CommittedPerGpuTableSample_KeepsBothCopies()
    {
        var regions = TestInputs.Regions(Reader, File.ReadAllText(Repo.PathOf("data/acpi/per-gpu-tables.dsl")), "per-gpu-tables.dsl");

        Assert.Equal([0x1F_FFF8_0000UL, 0x1F_FFF9_0000UL], Assert.Single(regions).RetiredTableBases.ToArray());
    }

    [Fact]
    public void Read_PropertyOutsideAnyDevice_IsAnErrorAtItsLine()
    {
        const string text = """
            DefinitionBlock ("", "SSDT", 2, "NVIDIA", "TEST", 1)
            {
                Name (_DSD, Package () { ToUUID ("daffd814-6eba-4d8c-8a91-bc9bbf4aa301"), Package () {
                    Package () { "nvidia,egm-base-pa", 0x10000 }, Package () { "nvidia,egm-pxm", Zero } } })
            }
            """;

        var e = Assert.Throws<InputException>(() => Read("t.dsl", text));

        Assert.Equal("t.dsl:4: 'nvidia,egm-base-pa' is outside any Device or Scope block; the EGM properties belong to the _DSD of a GPU device", e.ToString());
    }

    [Fact]
    public void Read_HostOption_IsTheRegionsHost()
    {
        var text = Table(2, Device("GPU0", """
                    Package () { "nvidia,egm-base-pa", 0x10000 },
                    Package () { "nvidia,egm-size", 0x10000 },
                    Package () { "nvidia,egm-pxm", One },
        """));

        Assert.Equal("grace-7", Assert.Single(Read("t.dsl", text, new ReadOptions { Host = "grace-7" })).Host);
    }

    [Theory]
    [InlineData("t.dsl", "// nothing yet\n", Sniffing.Extension)]
    [InlineData("t.txt", "DefinitionBlock (\"\", \"DSDT\", 2, \"NVIDIA\", \"X\", 1) {}\n", Sniffing.Certain)]
    [InlineData("t.txt", "/*\n * Intel ACPI Component Architecture\n */\n", Sniffing.Certain)]
    [InlineData("t.txt", "id,node,base,size\n", Sniffing.No)]
    public void Sniff_ContentThenExtension(string name, string head, int expected)
    {
        var bytes = System.Text.Encoding.UTF8.GetBytes(head);

        Assert.Equal(expected, Reader.Sniff(bytes, TestInputs.File(name, bytes)));
    }
}
