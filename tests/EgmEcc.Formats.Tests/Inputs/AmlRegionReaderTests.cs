using EgmEcc.Formats.Acpi;
using EgmEcc.Formats.Inputs;
using EgmEcc.Pipeline;
using static EgmEcc.Formats.Tests.Aml;

namespace EgmEcc.Formats.Tests;

public partial class AmlRegionReaderTests
{
    private static readonly AmlRegionReader Reader = new();

    private static List<Region> Read(byte[] bytes, string name = "t.aml")
    {
        var file = TestInputs.File(name, bytes);
        using var stream = file.Open();
        return [.. Reader.Read(stream, file, ReadOptions.Default)];
    }

    private static string Error(byte[] bytes, string name = "t.aml") =>
        Assert.Throws<InputException>(() => Read(bytes, name)).ToString();

    private static (string, int, ulong, ulong, ulong?) Shape(Region r) => (r.Id, r.Node, r.Base, r.Size, r.RetiredTableBases.IsEmpty ? null : r.RetiredTableBases[0]);

    private static byte[] Sb(params byte[][] devices) => Table(2, Scope("\\_SB", devices));

    [Fact]
    public void Read_CommittedSample_GivesTheRegionsOfItsDisassembly()
    {
        var path = TestInputs.DataPath("samples/grace-2s.ssdt.aml");
        var regions = Read(File.ReadAllBytes(path), path);
        var dsl = new InputLoader(FormatRegistry.Default, ReadOptions.Default)
            .LoadRegions([InputFile.FromPath(TestInputs.DataPath("samples/grace-2s.dsl"))]).Regions;

        Assert.Equal(dsl.Select(Shape).ToArray(), regions.Select(Shape).ToArray());
        Assert.Equal([("egm0", 0, 0x20_0000_0000UL, 0x60_0000_0000UL, (ulong?)0x1F_FFF8_0000UL), ("egm1", 1, 0x4020_0000_0000UL, 0x60_0000_0000UL, 0x401F_FFF8_0000UL)], regions.Select(Shape).ToArray());
        Assert.Equal($"{path}:+44", regions[0].Source.ToString());
    }

    [Fact]
    public void Read_EveryIntegerEncoding_GivesItsValue()
    {
        var bytes = Sb(
            Device("GPU0", Dsd(("nvidia,egm-base-pa", QWord(0x80_0000_0000)), ("nvidia,egm-size", [0x0C, 0, 0, 0, 0x40]), ("nvidia,egm-pxm", [0x00]))),
            Device("GPU1", Dsd(("nvidia,egm-base-pa", [0x0C, 0, 0, 0, 0xC0]), ("nvidia,egm-size", [0x0B, 0, 0x10]), ("nvidia,egm-pxm", [0x01]))),
            Device("GPU2", Dsd(("nvidia,egm-base-pa", QWord(0x1_0000_0000)), ("nvidia,egm-size", [0x0A, 0x80]), ("nvidia,egm-pxm", [0x0B, 0x02, 0x01]))));

        Assert.Equal(
            [("egm0", 0, 0x80_0000_0000UL, 0x4000_0000UL, (ulong?)null), ("egm1", 1, 0xC000_0000UL, 0x1000UL, null), ("egm258", 258, 0x1_0000_0000UL, 0x80UL, null)],
            Read(bytes).Select(Shape).ToArray());
    }

    [Theory]
    [InlineData(1, 0xFFFF_FFFFUL)]
    [InlineData(2, ulong.MaxValue)]
    public void Read_Ones_IsAsWideAsTheTableRevisionSays(byte revision, ulong ones)
    {
        var bytes = Table(revision, Scope("\\_SB", Device("GPU0", Dsd([.. Egm(0x10000, 0x10000, 0), ("nvidia,egm-retired-pages-data-base", [0xFF])]))));

        Assert.Equal(ones, Assert.Single(Assert.Single(Read(bytes)).RetiredTableBases));
    }

    [Fact]
    public void Read_UuidInPlainByteOrder_IsNotTheDevicePropertiesUuid()
    {
        // ToUUID stores the first three fields little-endian: the same digits in written order are another UUID.
        var written = Convert.FromHexString(DevicePropertiesUuid.Replace("-", string.Empty, StringComparison.Ordinal));
        var properties = Package([.. Egm(0x10000, 0x10000, 0).Select(p => Package(String(p.Item1), p.Item2))]);
        var bytes = Sb(Device("GPU0", NameOp("_DSD", Package(UuidBytes(written), properties))));

        Assert.Empty(Read(bytes));
    }

    [Fact]
    public void Read_PropertiesAfterAnotherUuid_AreFoundByTheirOwnUuid()
    {
        var hierarchical = Uuid("dbb8e3e6-5886-4ba6-8795-1319f52a966b");
        var bytes = Sb(Device("GPU0", NameOp("_DSD", Package(
            hierarchical,
            Package(Package(String("nvidia,egm-pxm"), Integer(7))),
            Uuid(DevicePropertiesUuid),
            Package([.. Egm(0x20000, 0x10000, 3).Select(p => Package(String(p.Item1), p.Item2))])))));

        Assert.Equal([("egm3", 3, 0x20000UL, 0x10000UL, (ulong?)null)], Read(bytes).Select(Shape).ToArray());
    }

    [Fact]
    public void Read_GpusRepeatingTheirSocket_AreOneRegionPerPxm()
    {
        var bytes = Sb(
            Device("GPU0", Dsd(Egm(0x10000, 0x10000, 0))),
            Device("GPU1", Dsd(Egm(0x10000, 0x10000, 0))),
            Device("GPU2", Dsd(Egm(0x40000, 0x10000, 1))));

        Assert.Equal(["egm0", "egm1"], Read(bytes).Select(r => r.Id).ToArray());
    }

    [Fact]
    public void Read_NamesWithRootParentAndMultiSegmentPrefixes_ResolveToTheDevicePath()
    {
        var bytes = Table(
            2,
            Scope("\\_SB.PCI0", Device("^GPU0", Dsd(Egm(0x10000, 0x10000, 0)))),
            Scope("\\", Device("\\_SB.SKT1.GPU1", Dsd(Egm(0x10000, 0x20000, 0)))));

        var error = Error(bytes);

        Assert.Equal(
            "t.aml:+169: firmware conflict: PXM 0 is base 0x10000 size 0x20000 in device \\_SB.SKT1.GPU1 (byte 169) but base 0x10000 size 0x10000 in device \\_SB.GPU0 (byte 49)",
            error);
    }

    [Fact]
    public void Read_MethodDsdReturningItsPackage_IsReadLikeANamedOne()
    {
        var bytes = Sb(Device("GPU0", Method("_DSD", 0, [0xA4, .. DsdPackage(Egm(0x10000, 0x10000, 5))])));

        Assert.Equal(["egm5"], Read(bytes).Select(r => r.Id).ToArray());
    }

    [Fact]
    public void Read_MethodDsdWithOtherBody_IsSteppedOver()
    {
        // If (One) { Return (Package...) }: the body is not interpreted.
        var body = Sized([0xA0], [0x01], [0xA4, .. DsdPackage(Egm(0x10000, 0x10000, 5))]);
        var bytes = Sb(Device("GPU0", Method("_DSD", 0, body)));

        Assert.Empty(Read(bytes));
    }

    [Fact]
    public void Read_ObjectsAroundTheProperties_AreSteppedOver()
    {
        byte[] external = [0x15, .. Name("\\_SB.EXTM"), 0x08, 0x00];
        byte[] alias = [0x06, .. Name("_UID"), .. Name("UID2")];
        byte[] mutex = [0x5B, 0x01, .. Name("MUTX"), 0x00];
        byte[] @event = [0x5B, 0x02, .. Name("EVNT")];
        byte[] region = [0x5B, 0x80, .. Name("REGN"), 0x00, 0x72, .. Integer(0x1000), .. Name("ADDR"), 0x00, .. Integer(0x10)];
        byte[] field = Sized([0x5B, 0x81], Name("REGN"), [0x01], Name("FLD0"), [0x20]);
        byte[] buffer = NameOp("BUFF", Sized([0x11], [0x0A, 0x08], [1, 2, 3, 4, 5, 6, 7, 8]));
        byte[] create = [0x8A, .. Name("BUFF"), 0x00, .. Name("DW00")];
        byte[] conditional = Sized([0xA0], [0x01], [0x70, 0x01, 0x60]);
        byte[] otherwise = Sized([0xA1], [0xA3]);
        byte[] method = Method("FOO_", 0x02, [0xA4, 0x68]);
        byte[] thermal = Sized([0x5B, 0x85], Name("TZ00"), [0x5B, 0x99]);
        var bytes = Table(
            2,
            external,
            Scope("\\_SB", NameOp("ADDR", Integer(0x2000)), Device(
                "GPU0",
                NameOp("_HID", String("NVDA2008")),
                NameOp("_UID", Integer(0)),
                NameOp("_PRT", Package(Package(Integer(0xFFFF), Integer(0), Name("LNKA"), Integer(0)))),
                alias,
                mutex,
                @event,
                region,
                field,
                buffer,
                create,
                conditional,
                otherwise,
                method,
                thermal,
                [0xA3],
                Dsd(Egm(0x10000, 0x10000, 0)))));

        Assert.Equal(["egm0"], Read(bytes).Select(r => r.Id).ToArray());
    }

    [Fact]
    public void Read_OperandCallingAMethodWithArguments_IsAnError()
    {
        byte[] region = [0x5B, 0x80, .. Name("REGN"), 0x00, .. Name("FOO_"), .. Integer(0x10), .. Integer(0x10)];
        var bytes = Sb(Device("GPU0", Method("FOO_", 0x01, [0xA4, 0x68]), region, Dsd(Egm(0x10000, 0x10000, 0))));

        Assert.Equal(
            "t.aml:+68: SSDT 'TESTTABL': an operand calls the method FOO_, whose arguments this reader cannot step over safely",
            Error(bytes));
    }

    [Fact]
    public void Read_UnknownOpcodeInADevice_IsAnErrorAtItsByte()
    {
        var bytes = Sb(Device("GPU0", NameOp("_UID", Integer(0)), [0x5B, 0x99, 0x00], Dsd(Egm(0x10000, 0x10000, 0))));

        Assert.Equal(
            "t.aml:+58: SSDT 'TESTTABL': opcode 0x5b 0x99 in \\_SB.GPU0 is not a term this reader can step over safely (a damaged table, or AML it does not know)",
            Error(bytes));
    }

    [Fact]
    public void Read_PkgLengthPastItsHolder_IsAnError()
    {
        var bytes = Sb(Device("GPU0", Dsd(Egm(0x10000, 0x10000, 0))));
        (bytes[46], bytes[47]) = (0x4F, 0xFF); // the device's two-byte PkgLength, now longer than its scope
        FixChecksum(bytes);

        Assert.Equal(
            "t.aml:+46: SSDT 'TESTTABL': a PkgLength of 4095 bytes runs past the end of the object that holds it (+" + bytes.Length + ")",
            Error(bytes));
    }

    [Fact]
    public void Read_PropertyWithAStringValue_IsAnError()
    {
        var bytes = Sb(Device("GPU0", Dsd(("nvidia,egm-size", String("EGMS")), ("nvidia,egm-base-pa", Integer(0)), ("nvidia,egm-pxm", Integer(0)))));

        Assert.EndsWith(
            "SSDT 'TESTTABL': 'nvidia,egm-size' has a string value, not an integer constant (Zero, One, Ones, or a byte, word, dword or qword constant)",
            Error(bytes),
            StringComparison.Ordinal);
    }

    [Fact]
    public void Read_DeviceWithoutPxm_NamesTheDeviceAtItsByte()
    {
        var bytes = Sb(Device("GPU0", Dsd(("nvidia,egm-base-pa", Integer(0x10000)), ("nvidia,egm-size", Integer(0x10000)))));

        Assert.Equal("t.aml:+44: device \\_SB.GPU0 has 'nvidia,egm-base-pa', 'nvidia,egm-size' but no 'nvidia,egm-pxm'", Error(bytes));
    }

    [Fact]
    public void Read_PropertyGivenTwiceWithAnotherValue_NamesBothBytes()
    {
        var bytes = Sb(Device("GPU0", Dsd([.. Egm(0x10000, 0x10000, 0), ("nvidia,egm-pxm", Integer(7))])));

        Assert.Matches(@"^t\.aml:\+\d+: device \\_SB\.GPU0 gives 'nvidia,egm-pxm' twice: 0x7 here, 0x0 at byte \d+$", Error(bytes));
    }

    [Fact]
    public void Read_ConcatenatedTables_ReadsEach()
    {
        var dsdt = Table("DSDT", 2, Scope("\\_SB", Device("GPU0", Dsd(Egm(0x10000, 0x10000, 0)))));
        var ssdt = Table(2, Scope("\\_SB", Device("GPU1", Dsd(Egm(0x40000, 0x10000, 1)))));

        var regions = Read([.. dsdt, .. ssdt]);

        Assert.Equal(["egm0", "egm1"], regions.Select(r => r.Id).ToArray());
        Assert.Equal($"t.aml:+{dsdt.Length + 44}", regions[1].Source.ToString());
    }

    [Theory]
    [InlineData("FACP", "t.aml:+{0}: after the SSDT 'TESTTABL' comes the signature 'FACP', not DSDT or SSDT: EGM regions are described in the ACPI definition tables")]
    [InlineData("", "t.aml:+{0}: after the SSDT 'TESTTABL', the file has 4 more bytes, too few for another ACPI table header (36 bytes)")]
    public void Read_BytesAfterTheTable_AreAnError(string signature, string expected)
    {
        var table = Sb(Device("GPU0", Dsd(Egm(0x10000, 0x10000, 0))));
        var after = signature.Length > 0 ? Table(signature, 2) : [1, 2, 3, 4];

        Assert.Equal(string.Format(System.Globalization.CultureInfo.InvariantCulture, expected, table.Length), Error([.. table, .. after]));
    }

    [Fact]
    public void Read_BadChecksum_IsAnErrorAtTheChecksumByte()
    {
        var bytes = Sb(Device("GPU0", Dsd(Egm(0x10000, 0x10000, 0))));
        bytes[^1] ^= 0x04;

        Assert.Equal("t.aml:+9: SSDT 'TESTTABL': the checksum does not match (the table's bytes sum to 0x4, not 0, mod 256): the table is damaged", Error(bytes));
    }

    [Theory]
    [InlineData(AmlWalker.MaxScopeDepth - 1, null)]
    [InlineData(AmlWalker.MaxScopeDepth, "t.aml:+484: SSDT 'TESTTABL': Scope and Device blocks nest more than 64 deep in \\S063.S062.S061")]
    public void Read_ScopesNestedDeeply_AreReadUpToABound(int scopes, string? error)
    {
        var inner = Device("GPU0", Dsd(Egm(0x10000, 0x10000, 0)));
        for (var i = 0; i < scopes; i++)
        {
            inner = Scope("S" + i.ToString("000", System.Globalization.CultureInfo.InvariantCulture), inner);
        }

        var bytes = Table(2, inner);
        if (error is null)
        {
            Assert.Equal(["egm0"], Read(bytes).Select(r => r.Id).ToArray());
        }
        else
        {
            Assert.StartsWith(error, Error(bytes), StringComparison.Ordinal);
        }
    }

    [Fact]
    public void Read_OperandNestedTooDeeply_IsAnError()
    {
        // Not (Not (... Zero ...)): every level costs two bytes, the reader stops at a fixed depth.
        byte[] operand = [.. Enumerable.Repeat((byte)0x80, 10_000), 0x00, .. Enumerable.Repeat((byte)0x00, 10_000)];
        byte[] region = [0x5B, 0x80, .. Name("REGN"), 0x00, .. operand, .. Integer(0x10)];

        Assert.Contains($"an expression nests more than {AmlWalker.MaxExpressionDepth} deep", Error(Sb(Device("GPU0", region))), StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("t.aml", 0, Sniffing.Certain)]
    [InlineData("t.aml", 1, Sniffing.No)] // a damaged checksum is not claimed
    [InlineData("t.aml", 2, Sniffing.Extension)] // cut short: only the name says so, and the reader says why
    [InlineData("SSDT3", 2, Sniffing.Extension)]
    [InlineData("dsdt.dat", 2, Sniffing.Extension)]
    [InlineData("notes", 2, Sniffing.No)]
    public void Sniff_Table_ClaimsOnlyAWholeTableWithAGoodChecksum(string name, int damage, int expected)
    {
        var bytes = Sb(Device("GPU0", Dsd(Egm(0x10000, 0x10000, 0))));
        bytes = damage switch
        {
            1 => [.. bytes[..^1], (byte)(bytes[^1] ^ 1)],
            2 => bytes[..^1],
            _ => bytes,
        };

        Assert.Equal(expected, Reader.Sniff(bytes, TestInputs.File(name, bytes)));
    }

    [Fact]
    public void Sniff_TableLargerThanDetectionSees_IsClaimedAndItsChecksumVerifiedWhenRead()
    {
        var noops = Enumerable.Repeat((byte)0xA3, FormatRegistry.HeadLength).ToArray();
        var bytes = Sb(Device("GPU0", noops, Dsd(Egm(0x10000, 0x10000, 0))));
        var head = bytes[..FormatRegistry.HeadLength];

        Assert.Equal(Sniffing.Certain, Reader.Sniff(head, TestInputs.File("input", bytes)));
        Assert.Equal(["egm0"], Read(bytes).Select(r => r.Id).ToArray());
        bytes[100] ^= 1;
        Assert.Contains("the checksum does not match", Error(bytes), StringComparison.Ordinal);
    }

    [Fact]
    public void Sniff_Text_IsNotClaimed()
    {
        var bytes = TestInputs.Bytes("DefinitionBlock (\"\", \"SSDT\", 2, \"NVIDIA\", \"TEST\", 1) {}\n");

        Assert.Equal(Sniffing.No, Reader.Sniff(bytes, TestInputs.File("t.dsl", bytes)));
    }
}
