using EgmEcc.Formats.Output;

namespace EgmEcc.Formats.Tests.Output;

/// <summary>
/// A plan writer's fixed texts are written whole, short ones as vector stores that leave scratch
/// after them: the text comes out exact, and nothing is touched past the room it claims.
/// </summary>
public class FixedTextTests
{
    [Theory]
    [InlineData(0)]
    [InlineData(1)]
    [InlineData(15)]
    [InlineData(16)]
    [InlineData(17)]
    [InlineData(47)]
    [InlineData(FixedText.Room)]
    [InlineData(FixedText.Room + 1)]
    [InlineData(300)]
    public void WriteTo_AnyLength_WritesTheTextWithinItsRoom(int length)
    {
        var text = Enumerable.Range(0, length).Select(i => (byte)('a' + (i % 26))).ToArray();
        var fixedText = new FixedText(text);
        var buffer = new byte[fixedText.Touches + 8];
        buffer.AsSpan().Fill((byte)'#');

        var written = fixedText.WriteTo(buffer.AsSpan(0, fixedText.Touches));

        Assert.Equal(length, written);
        Assert.Equal(length, fixedText.Length);
        Assert.Equal(text, buffer[..length]);
        Assert.Equal(Math.Max(FixedText.Room, length), fixedText.Touches);
        Assert.All(buffer[fixedText.Touches..], b => Assert.Equal((byte)'#', b));
    }
}
