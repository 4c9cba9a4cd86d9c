using System.Text;
using FsCheck;
using FsCheck.Fluent;

namespace EgmEcc.Tests;

public partial class NumbersTests
{
    public static TheoryData<string> Corpus() =>
    [
        "", " ", "0", "65536", "0x10000", "0X1_0", "1_000", "_1", "1_", "1__0", "-1", "+7", "+", "0x", "0xg",
        "64K", "64k", "64KiB", "64kib", "64KB", "64X", "1.5G", "1_K", "K", " 64 K ", "16777216T", "16777215T",
        "18446744073709551615", "18446744073709551616", "0xffff_ffff_ffff_ffff", "0x1_0000_0000_0000_0000",
        "64\u00a0", "\u00a064", "64\u2003", "64K\u0131B", "64k\u0131b", "64\u212a", "\u0665", "64\u00e9", "\u00ff",
    ];

    [Theory]
    [MemberData(nameof(Corpus))]
    public void TryParse_Utf8AndCharOverloads_Agree(string text)
    {
        var utf8 = Encoding.UTF8.GetBytes(text);

        var charError = Numbers.TryParseUInt64(text, out var charValue);
        var byteError = Numbers.TryParseUInt64(utf8, out var byteValue);
        Assert.Equal(charError, byteError);
        Assert.Equal(charValue, byteValue);

        var charSizeError = Numbers.TryParseSize(text, out var charSize);
        var byteSizeError = Numbers.TryParseSize(utf8, out var byteSize);
        Assert.Equal(charSizeError, byteSizeError);
        Assert.Equal(charSize, byteSize);
    }

    [Fact]
    public void TryParse_Utf8AndCharOverloads_AgreeOnRandomText()
    {
        // Texts drawn from the characters numbers are made of, plus white space and a few
        // non-ASCII letters whose UTF-8 bytes look like Latin-1 white space or letters.
        var alphabet = "0123456789abcdefxX_+- KkMmGgTtiIBb\t\u00a0\u0131\u0085\u00e9".ToCharArray();
        var gen = Gen.Elements(alphabet).ArrayOf().Select(cs => new string(cs));

        Prop.ForAll(gen.ToArbitrary(), text =>
        {
            var utf8 = Encoding.UTF8.GetBytes(text);
            var a = Numbers.TryParseSize(text, out var va);
            var b = Numbers.TryParseSize(utf8, out var vb);
            var c = Numbers.TryParseUInt64(text, out var vc);
            var d = Numbers.TryParseUInt64(utf8, out var vd);
            return a == b && va == vb && c == d && vc == vd;
        }).Check(Properties.Seeded(2000));
    }

    [Theory]
    [InlineData("64\u00a0", "'64\u00a0' is not a number (use decimal or 0x hexadecimal)")]
    [InlineData("\u00a064", "'\u00a064' is not a number (use decimal or 0x hexadecimal)")]
    [InlineData("64K\u0131B", "'64K\u0131B' has an unknown size suffix (use K, M, G, T or KiB, MiB, GiB, TiB)")]
    public void TryParseSize_NonAsciiSpaceOrLetter_RejectedByBothOverloads(string text, string error)
    {
        // Regression: the char overload trimmed Unicode white space and folded U+0131 to 'I',
        // so it accepted texts the UTF-8 overload (reading bytes as Latin-1) rejected.
        Assert.Equal(error, Numbers.TryParseSize(text, out _));
        Assert.Equal(error, Numbers.TryParseSize(Encoding.UTF8.GetBytes(text), out _));
    }
}
