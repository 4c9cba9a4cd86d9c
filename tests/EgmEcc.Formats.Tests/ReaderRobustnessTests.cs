using System.Text;
using EgmEcc.Formats.Inputs;
using FsCheck;
using FsCheck.Fluent;

namespace EgmEcc.Formats.Tests;

/// <summary>
/// Whatever the bytes, a reader either reads them or throws <see cref="InputException"/>: no
/// other exception (which the command line would report as an internal error) escapes.
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

    private static readonly Gen<string> Texts =
        Gen.Elements(Pieces).ListOf().Select(parts => string.Concat(parts));

    public static TheoryData<string> ReaderNames => ["region csv", "region json", "retired csv", "retired json"];

    [Theory]
    [MemberData(nameof(ReaderNames))]
    public void Read_AnyText_ReadsOrThrowsInputException(string reader)
    {
        Prop.ForAll(Texts.ToArbitrary(), text => ReadsOrRejects(reader, Encoding.UTF8.GetBytes(text)))
            .Check(Config.QuickThrowOnFailure.WithMaxTest(300));
    }

    [Theory]
    [MemberData(nameof(ReaderNames))]
    public void Read_AnyBytes_ReadsOrThrowsInputException(string reader)
    {
        Prop.ForAll(ArbMap.Default.GeneratorFor<byte[]>().ToArbitrary(), bytes => ReadsOrRejects(reader, bytes))
            .Check(Config.QuickThrowOnFailure.WithMaxTest(100));
    }

    private static bool ReadsOrRejects(string reader, byte[] bytes)
    {
        var formats = FormatRegistry.Default;
        var kind = reader.Split(' ');
        try
        {
            if (kind[0] == "region")
            {
                var regionReader = formats.RegionReaders.Single(r => r.Name == kind[1]);
                _ = TestInputs.Regions(regionReader, bytes, "f");
            }
            else
            {
                var retiredReader = formats.RetiredReaders.Single(r => r.Name == kind[1]);
                var file = InputFile.FromBytes("f", bytes);
                using var stream = file.Open();
                retiredReader.Read(stream, file, ReadOptions.Default, [], _ => { });
            }
        }
        catch (InputException e)
        {
            Assert.True(e.ToString().Length > 0);
        }

        return true;
    }
}
