using FsCheck;
using FsCheck.Fluent;
using static EgmEcc.Formats.Tests.TestInputs;

namespace EgmEcc.Formats.Tests;

public partial class RetiredCsvReaderTests
{
    [Fact]
    public void Read_AnyMixOfRecordsCommentsAndBlankLines_EachRecordHasTheLineItWasWrittenOn()
    {
        Prop.ForAll(LineLayouts.Files.ToArbitrary(), ArbMap.Default.GeneratorFor<bool>().ToArbitrary(), (rows, crlf) =>
        {
            var lines = new List<string> { "address,source" };
            var expected = new List<(ulong, long)>();
            foreach (var (address, before, multiLine) in rows)
            {
                lines.AddRange(before);
                expected.Add((address, lines.Count + 1));
                if (multiLine)
                {
                    // A quoted source spanning two lines: the record's line is where it starts.
                    lines.Add($"{Numbers.Hex(address)},\"first");
                    lines.Add("second\"");
                }
                else
                {
                    lines.Add($"{Numbers.Hex(address)},x");
                }
            }

            var text = string.Join(crlf ? "\r\n" : "\n", lines) + "\n";
            var read = Retired(Reader, text);

            Assert.Equal(expected.ToArray(), read.Select(r => (r.Start, r.Source.Line)).ToArray());
        }).Check(Properties.Seeded(200));
    }
}
