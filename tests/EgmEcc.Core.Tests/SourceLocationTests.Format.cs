namespace EgmEcc.Tests;

public partial class SourceLocationTests
{
    [Fact]
    public void ToString_Line_IsFileColonLine()
    {
        var at = SourceLocation.AtLine("retired.csv", 12);

        Assert.Equal("retired.csv:12", at.ToString());
        Assert.Equal(12, at.Line);
        Assert.Equal(-1, at.ByteOffset);
        Assert.False(at.IsByteOffset);
    }

    [Fact]
    public void ToString_ByteOffset_IsFileColonPlusOffset()
    {
        var at = SourceLocation.AtByte("egm4.bin", 4104);

        Assert.Equal("egm4.bin:+4104", at.ToString());
        Assert.Equal(0, at.Line);
        Assert.Equal(4104, at.ByteOffset);
        Assert.True(at.IsByteOffset);
    }

    [Fact]
    public void ToString_ByteOffsetZero_KeepsThePlus()
    {
        Assert.Equal("dump.bin:+0", SourceLocation.AtByte("dump.bin", 0).ToString());
    }

    [Fact]
    public void ToString_WholeFile_IsJustTheFile()
    {
        Assert.Equal("regions.dsl", SourceLocation.InFile("regions.dsl").ToString());
    }

    [Fact]
    public void Default_IsUnknownAndPrintsDash()
    {
        SourceLocation at = default;

        Assert.Equal("-", at.ToString());
        Assert.Equal("-", at.File);
    }

    [Fact]
    public void AtLine_NegativeLine_Throws()
    {
        Assert.Throws<ArgumentOutOfRangeException>(() => SourceLocation.AtLine("x", -1));
        Assert.Throws<ArgumentOutOfRangeException>(() => SourceLocation.AtByte("x", -1));
    }

    [Fact]
    public void Equals_SameFilePositionAndKind()
    {
        Assert.Equal(SourceLocation.AtLine("a", 3), SourceLocation.AtLine("a", 3));
        Assert.True(SourceLocation.AtLine("a", 3) == SourceLocation.AtLine("a", 3));
        Assert.True(SourceLocation.AtLine("a", 3) != SourceLocation.AtByte("a", 3));
        Assert.NotEqual(SourceLocation.AtLine("a", 3), SourceLocation.AtLine("A", 3));
        Assert.Equal(SourceLocation.AtLine("a", 3).GetHashCode(), SourceLocation.AtLine("a", 3).GetHashCode());
    }
}
