using System.Buffers.Binary;
using EgmEcc.Formats.Inputs;

namespace EgmEcc.Pipeline.Tests;

/// <summary>
/// Standard input is detected from a peeked head and then streamed, never copied whole: small
/// inputs still have a known length (binary formats detect by it), larger ones are read once and
/// binary readers find truncation by reading, with the same messages as for a file.
/// </summary>
public partial class InputLoaderTests
{
    [Fact]
    public void LoadRetired_StandardInputMuchLongerThanThePeek_StreamsInBoundedMemory()
    {
        var text = new byte[48 << 20];
        text.AsSpan().Fill((byte)' ');
        var line = "[ 1234.567890] eth0: link up, nothing to see here\n"u8;
        for (var at = 0; at + line.Length <= text.Length; at += line.Length)
        {
            line.CopyTo(text.AsSpan(at));
        }

        var bad = "Memory failure: 0xnoise: x\n"u8;
        bad.CopyTo(text.AsSpan(text.Length - bad.Length));
        text[text.Length - bad.Length - 1] = (byte)'\n';

        var before = GC.GetAllocatedBytesForCurrentThread();
        var e = Assert.Throws<InputException>(() => Loader.LoadRetired([new InputFile("-", () => new NonSeekableStream(text))], "kmsg"));
        var allocated = GC.GetAllocatedBytesForCurrentThread() - before;

        Assert.StartsWith("-:", e.ToString(), StringComparison.Ordinal);
        Assert.Contains("'0xnoise'", e.Message, StringComparison.Ordinal);
        Assert.True(allocated < 8 << 20, $"allocated {allocated:N0} bytes for {text.Length:N0} bytes of standard input");
    }

    [Fact]
    public void LoadRetired_FullFirmwareTableOnStandardInput_IsDetectedByItsLength()
    {
        var table = new byte[8 + (8 * 4096)];
        BinaryPrimitives.WriteUInt64LittleEndian(table, 2);
        BinaryPrimitives.WriteUInt64LittleEndian(table.AsSpan(8), 0x20_0001_0000);
        BinaryPrimitives.WriteUInt64LittleEndian(table.AsSpan(16), 0x20_0002_0000);

        var input = Loader.LoadRetired([new InputFile("-", () => new NonSeekableStream(table))]);

        Assert.Equal(["-:+8", "-:+16"], input.Records.Select(r => r.Source.ToString()).ToArray());
    }

    [Theory]
    [InlineData("ioctl", 0)]
    [InlineData("ioctl", 5)]
    [InlineData("fwtable", 0)]
    public void LoadRetired_DamagedDumpLongerThanThePeekOnStandardInput_SameErrorAsTheFile(string format, int extra)
    {
        var bytes = format == "ioctl" ? IoctlList(count: 100_000, written: 80_000, extra) : FirmwareTableWithTail(3 << 20);
        var loader = new InputLoader(FormatRegistry.Default, ReadOptions.Default with { Region = "egm0" });

        var fromFile = Assert.Throws<InputException>(() => loader.LoadRetired([InputFile.FromBytes("-", bytes)], format));
        var fromPipe = Assert.Throws<InputException>(() => loader.LoadRetired([new InputFile("-", () => new NonSeekableStream(bytes))], format));

        Assert.Equal(fromFile.ToString(), fromPipe.ToString());
        Assert.Contains(format == "ioctl" ? $"-:+{8 + (80_000 * 16)}: count 100000 needs" : "-:+16: the file goes on past the full table's 32776 bytes", fromPipe.ToString(), StringComparison.Ordinal);
    }

    private static byte[] IoctlList(uint count, int written, int extra)
    {
        var bytes = new byte[8 + (16 * written) + extra];
        BinaryPrimitives.WriteUInt32LittleEndian(bytes, 8 + (16 * count));
        BinaryPrimitives.WriteUInt32LittleEndian(bytes.AsSpan(4), count);
        for (var i = 0; i < written; i++)
        {
            BinaryPrimitives.WriteUInt64LittleEndian(bytes.AsSpan(8 + (16 * i)), (ulong)i << 16);
            BinaryPrimitives.WriteUInt64LittleEndian(bytes.AsSpan(16 + (16 * i)), 0x10000);
        }

        return bytes;
    }

    private static byte[] FirmwareTableWithTail(int tail)
    {
        var bytes = new byte[16 + tail];
        BinaryPrimitives.WriteUInt64LittleEndian(bytes, 1);
        BinaryPrimitives.WriteUInt64LittleEndian(bytes.AsSpan(8), 0x20_0000_0000);
        return bytes;
    }
}
