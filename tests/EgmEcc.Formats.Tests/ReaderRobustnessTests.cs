using System.Text;
using EgmEcc.Formats.Inputs;
using EgmEcc.Formats.Json;
using FsCheck;
using FsCheck.Fluent;

namespace EgmEcc.Formats.Tests;

/// <summary>
/// Whatever the bytes, a reader either reads them or throws <see cref="InputException"/>: no
/// other exception (which the command line would report as an internal error) escapes. Every
/// reader the registry knows, and the plan reader of 'egmecc diff'; seeded (set
/// <c>EGMECC_PROPERTY_SEED=random</c> to explore). <see cref="InputFuzzTests"/> mutates real inputs.
/// </summary>
public class ReaderRobustnessTests
{
    // Text made of the characters that matter to the formats, so the generator hits their edges.
    private static readonly string[] Pieces =
    [
        "address", "region", "offset", "size", "host", "source", "id", "node", "base", "guestSize", "regions", "retired",
        ",", ",", "\"", "\n", "\n", "\r\n", "#", " ", "0x", "0", "1", "f", "Z", "-", "_", "K", "G", "KiB", "ffffffffffffffff",
        "{", "}", "[", "]", ":", "\"address\"", "\"base\"", "\"size\"", "\"node\"", "\"offset\"", "\"region\"", "null", "true", "1.5", "\uFEFF", "é",
    ];

    // Plus bytes that are not UTF-8 and a lone surrogate escape, which string decoding rejects.
    private static readonly byte[][] RawPieces = [.. Pieces.Select(Encoding.UTF8.GetBytes), [0xff], [0xc3], "\\ud800"u8.ToArray(), "\"\\u0041\""u8.ToArray()];

    private static readonly Gen<byte[]> Texts =
        Gen.Elements(RawPieces).ListOf().Select(parts => parts.SelectMany(p => p).ToArray());

    /// <summary>Every registered reader, and the plan reader of 'diff', so a new one is tested the day it is registered.</summary>
    public static TheoryData<string> ReaderNames =>
    [
        .. FormatRegistry.Default.RegionReaders.Names.Select(n => "region " + n),
        .. FormatRegistry.Default.RetiredReaders.Names.Select(n => "retired " + n),
        "plan json",
    ];

    [Theory]
    [MemberData(nameof(ReaderNames))]
    public void Read_AnyText_ReadsOrThrowsInputException(string reader)
    {
        Prop.ForAll(Texts.ToArbitrary(), bytes => ReadsOrRejects(reader, bytes))
            .Check(Properties.Seeded(300));
    }

    [Theory]
    [MemberData(nameof(ReaderNames))]
    public void Read_AnyBytes_ReadsOrThrowsInputException(string reader)
    {
        Prop.ForAll(ArbMap.Default.GeneratorFor<byte[]>().ToArbitrary(), bytes => ReadsOrRejects(reader, bytes))
            .Check(Properties.Seeded(100));
    }

    private static bool ReadsOrRejects(string reader, byte[] bytes)
    {
        var formats = FormatRegistry.Default;
        var kind = reader.Split(' ');
        try
        {
            if (kind[0] == "plan")
            {
                _ = PlanJsonReader.Read(InputFile.FromBytes("f", bytes));
            }
            else if (kind[0] == "region")
            {
                var regionReader = formats.RegionReaders.Single(r => r.Name == kind[1]);
                _ = TestInputs.Regions(regionReader, bytes, "f");
            }
            else
            {
                var retiredReader = formats.RetiredReaders.Single(r => r.Name == kind[1]);
                var file = InputFile.FromBytes("f", bytes);
                using var stream = file.Open();
                retiredReader.Read(stream, file, ReadOptions.Default, new List<RetiredRecord>(), _ => { });
            }
        }
        catch (InputException e)
        {
            Assert.True(e.ToString().Length > 0);
        }

        return true;
    }
}
