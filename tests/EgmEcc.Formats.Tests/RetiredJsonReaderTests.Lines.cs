using System.Text;
using EgmEcc.Formats.Json;
using FsCheck;
using FsCheck.Fluent;
using static EgmEcc.Formats.Tests.TestInputs;

namespace EgmEcc.Formats.Tests;

public partial class RetiredJsonReaderTests
{
    [Fact]
    public void Read_AnyLayout_EachRecordHasTheLineOfItsObject()
    {
        Prop.ForAll(LineLayouts.Files.ToArbitrary(), ArbMap.Default.GeneratorFor<bool>().ToArbitrary(), (rows, crlf) =>
        {
            var newline = crlf ? "\r\n" : "\n";
            var json = new StringBuilder("[" + newline);
            long line = 2;
            var expected = new List<(ulong, long)>();
            for (var i = 0; i < rows.Length; i++)
            {
                var (address, before, multiLine) = rows[i];
                foreach (var filler in before)
                {
                    json.Append(filler.StartsWith('#') ? "// " + filler : filler).Append(newline);
                    line++;
                }

                expected.Add((address, line));
                json.Append($"{{\"address\": \"{Numbers.Hex(address)}\",");
                if (multiLine)
                {
                    json.Append(newline);
                    line++;
                }

                json.Append(" \"size\": 1}").Append(i + 1 < rows.Length ? "," : string.Empty).Append(newline);
                line++;
            }

            json.Append(']').Append(newline);
            var read = Retired(Reader, json.ToString(), "t.json");

            Assert.Equal(expected.ToArray(), read.Select(r => (r.Start, r.Source.Line)).ToArray());
        }).Check(Properties.Seeded(200));
    }
}
