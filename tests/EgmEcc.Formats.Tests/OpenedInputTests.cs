using EgmEcc.Formats.Inputs;

namespace EgmEcc.Formats.Tests;

public class OpenedInputTests
{
    [Fact]
    public void Open_File_HeadIsTheFirstBytesAndTheStreamIsBackAtTheStart()
    {
        var bytes = Enumerable.Range(0, FormatRegistry.HeadLength + 10).Select(i => (byte)i).ToArray();

        using var input = OpenedInput.Open(InputFile.FromBytes("f.bin", bytes));

        Assert.Equal(bytes[..FormatRegistry.HeadLength], input.Head.ToArray());
        Assert.Equal(bytes.Length, input.File.Length);
        Assert.Equal(0, input.Stream.Position);
    }

    [Fact]
    public void Open_StandardInput_ReplaysThePeekedBytesWithTheirLength()
    {
        byte[] bytes = [1, 2, 3, 4, 5];

        using var input = OpenedInput.Open(new InputFile("-", () => new NonSeekableStream(bytes)));
        var read = new MemoryStream();
        input.Stream.CopyTo(read);

        Assert.Equal(bytes, input.Head.ToArray());
        Assert.Equal(bytes.Length, input.File.Length);
        Assert.Equal(bytes, read.ToArray());
    }

    /// <summary>A read that fails while the head is taken (an I/O error) leaves no file open behind it.</summary>
    [Fact]
    public void Open_ReadFailsWhilePeeking_ClosesTheStream()
    {
        var stream = new FailingStream();

        Assert.Throws<IOException>(() => OpenedInput.Open(new InputFile("f.bin", () => stream)));

        Assert.True(stream.Disposed);
    }

    private sealed class FailingStream : MemoryStream
    {
        public bool Disposed { get; private set; }

        public override int Read(byte[] buffer, int offset, int count) => throw new IOException("read error");

        public override int Read(Span<byte> buffer) => throw new IOException("read error");

        protected override void Dispose(bool disposing)
        {
            Disposed = true;
            base.Dispose(disposing);
        }
    }
}
