using System.Text;
using EgmEcc.Formats.Inputs;
using EgmEcc.Pipeline;

namespace EgmEcc.Formats.Tests;

/// <summary>Runs readers over in-memory text, the way <see cref="InputLoader"/> runs them over files.</summary>
internal static partial class TestInputs
{
    public static byte[] Bytes(string text) => Encoding.UTF8.GetBytes(text);

    public static Region[] Regions(IRegionReader reader, string text, string name = "r.csv", ReadOptions? options = null) =>
        Regions(reader, Bytes(text), name, options);

    public static Region[] Regions(IRegionReader reader, byte[] bytes, string name, ReadOptions? options = null)
    {
        var file = InputFile.FromBytes(name, bytes);
        using var stream = file.Open();
        return [.. reader.Read(stream, file, options ?? ReadOptions.Default)];
    }

    public static RetiredRecord[] Retired(IRetiredReader reader, string text, string name = "t.csv", ReadOptions? options = null) =>
        Retired(reader, Bytes(text), name, options);

    public static RetiredRecord[] Retired(IRetiredReader reader, byte[] bytes, string name, ReadOptions? options = null)
    {
        var file = InputFile.FromBytes(name, bytes);
        using var stream = file.Open();
        var sink = new List<RetiredRecord>();
        reader.Read(stream, file, options ?? ReadOptions.Default, sink, d => Assert.Fail($"unexpected diagnostic {d}"));
        return [.. sink];
    }

    /// <summary>The error a region input raises, as <c>FILE:LINE: message</c>.</summary>
    public static string RegionError(IRegionReader reader, string text, string name = "r.csv") =>
        Assert.Throws<InputException>(() => Regions(reader, text, name)).ToString();

    /// <summary>The error a retired input raises, as <c>FILE:LINE: message</c>.</summary>
    public static string RetiredError(IRetiredReader reader, string text, string name = "t.csv") =>
        Assert.Throws<InputException>(() => Retired(reader, text, name)).ToString();

    /// <summary>Windows line ends.</summary>
    public static string Crlf(string text) => text.Replace("\r\n", "\n", StringComparison.Ordinal).Replace("\n", "\r\n", StringComparison.Ordinal);

    /// <summary>The text with a UTF-8 byte-order mark in front.</summary>
    public static byte[] WithBom(string text) => [0xEF, 0xBB, 0xBF, .. Bytes(text)];

    /// <summary>The line of a record or region, for asserting locations.</summary>
    public static long[] Lines(IEnumerable<RetiredRecord> records) => [.. records.Select(r => r.Source.Line)];
}
