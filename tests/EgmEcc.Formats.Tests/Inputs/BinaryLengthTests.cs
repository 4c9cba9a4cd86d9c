using EgmEcc.Formats.Binary;
using EgmEcc.Formats.Inputs;

namespace EgmEcc.Formats.Tests;

/// <summary>
/// The binary readers' lengths: a measured length shorter than what was read (a character device
/// says 0), an endless input, and one odd byte, each give a message whose numbers are right.
/// </summary>
public class BinaryLengthTests
{
    private static readonly FirmwareTableReader Table = new();
    private static readonly IoctlListReader Ioctl = new();

    [Fact]
    public void FirmwareTable_DevZero_SaysTheFileGoesOnPastTheFullTable()
    {
        // /dev/zero: count 0, endless zeros, and a measured length of 0.
        var file = Endless("zero", [], knownLength: 0);

        var e = Assert.Throws<InputException>(() => TestInputs.Read(Table, file));

        Assert.Equal("zero:+8: the file goes on past the full table's 32776 bytes; a dump is 8 + 8 * count bytes (8) or the full 4096-entry table (32776)", e.ToString());
    }

    [Fact]
    public void FirmwareTable_EndlessPipe_EndsWithTheSameError()
    {
        var file = Endless("-", TestInputs.FirmwareTable(1, 0x20_0000_0000), knownLength: null);

        var e = Assert.Throws<InputException>(() => TestInputs.Read(Table, file));

        Assert.Equal("-:+16: the file goes on past the full table's 32776 bytes; a dump is 8 + 8 * count bytes (16) or the full 4096-entry table (32776)", e.ToString());
    }

    [Theory]
    [InlineData(1, "t.bin:+16: 1 byte follows the 1 entry; a dump is 8 + 8 * count bytes (16) or the full 4096-entry table (32776)")]
    [InlineData(9, "t.bin:+16: 9 bytes follow the 1 entry; a dump is 8 + 8 * count bytes (16) or the full 4096-entry table (32776)")]
    public void FirmwareTable_OddTrailingBytes_CountedInWordsThatReadRight(int extra, string expected)
    {
        var file = TestInputs.File("t.bin", [.. TestInputs.FirmwareTable(1, 0x20_0000_0000), .. new byte[extra]]);

        Assert.Equal(expected, Assert.Throws<InputException>(() => TestInputs.Read(Table, file)).ToString());
    }

    [Fact]
    public void FirmwareTable_OneByteFile_SaysOneByte()
    {
        var file = TestInputs.File("t.bin", [7]);

        Assert.Equal("t.bin:+0: the file is 1 byte; a firmware retired-page table starts with an 8-byte count (u64 num_retired_pages)", Assert.Throws<InputException>(() => TestInputs.Read(Table, file)).ToString());
    }

    [Fact]
    public void Ioctl_DeviceThatMeasuresZero_ReadsTheEntriesAndThenSaysItGoesOn()
    {
        var file = Endless("egm1.bin", TestInputs.IoctlList(24, 1, (0x10000, 0x10000)), knownLength: 0);

        var e = Assert.Throws<InputException>(() => TestInputs.Read(Ioctl, file));

        Assert.Equal("egm1.bin:+24: the file goes on past argsz (24 bytes); a dump is 8 + 16 * count bytes (24) or argsz bytes (24)", e.ToString());
    }

    [Fact]
    public void Ioctl_OneTrailingByte_SaysOneByteFollowsOneEntry()
    {
        var file = TestInputs.File("egm1.bin", [.. TestInputs.IoctlList(64, 1, (0x10000, 0x10000)), 0]);

        Assert.Equal("egm1.bin:+24: 1 byte follows the 1 entry; a dump is 8 + 16 * count bytes (24) or argsz bytes (64)", Assert.Throws<InputException>(() => TestInputs.Read(Ioctl, file)).ToString());
    }

    /// <summary><paramref name="head"/> and then zeros for ever, with a length the loader measured (or none).</summary>
    private static InputFile Endless(string name, byte[] head, long? knownLength) =>
        new InputFile(name, () => ZerosAfter(head)) { Length = knownLength };

    /// <summary>A stream that never ends: its head, then zeros, like <c>/dev/zero</c>.</summary>
    private static GeneratedStream ZerosAfter(byte[] head) =>
        new(long.MaxValue, i => i < head.Length ? head[i] : (byte)0);
}
