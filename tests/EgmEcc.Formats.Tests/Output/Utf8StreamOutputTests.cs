using System.Text;
using EgmEcc.Formats.Inputs;
using EgmEcc.Formats.Output;
using EgmEcc.Pipeline;

namespace EgmEcc.Formats.Tests.Output;

public class Utf8StreamOutputTests
{
    [Fact]
    public void Output_ReachesTheStreamInWhole64KiBChunks_CharactersAndBytesInOrder()
    {
        var stream = new RecordingStream();
        var expected = new MemoryStream();
        var random = new Random(13);
        using (var output = new Utf8StreamOutput(stream, leaveOpen: true))
        {
            for (var i = 0; i < 40_000; i++)
            {
                switch (random.Next(5))
                {
                    case 0:
                        var text = new string('a', random.Next(0, 300)) + "é€𝄞";
                        output.Write(text);
                        expected.Write(Encoding.UTF8.GetBytes(text));
                        break;
                    case 1:
                        // A surrogate pair split across two writes still encodes as one character.
                        output.Write('\uD834');
                        output.Write('\uDD1E');
                        expected.Write(Encoding.UTF8.GetBytes("𝄞"));
                        break;
                    case 2:
                        var bytes = new byte[random.Next(1, 500)];
                        random.NextBytes(bytes);
                        bytes.CopyTo(output.GetSpan(bytes.Length));
                        output.Advance(bytes.Length);
                        expected.Write(bytes);
                        break;
                    case 3:
                        var direct = Encoding.UTF8.GetBytes(new string('z', random.Next(0, 100_000)));
                        output.WriteBytes(direct);
                        expected.Write(direct);
                        break;
                    default:
                        output.WriteLine("line");
                        expected.Write("line\n"u8);
                        break;
                }
            }
        }

        Assert.Equal(expected.ToArray(), stream.Content.ToArray());
        Assert.True(stream.Writes.Count > 10);
        Assert.All(stream.Writes.SkipLast(1), size => Assert.Equal(Utf8StreamOutput.ChunkBytes, size));
    }

    /// <summary>
    /// The writers that format bytes straight into a <see cref="Utf8StreamOutput"/> (csv, json) must write
    /// what they write to any text writer, which the golden files pin; the others go through its characters.
    /// </summary>
    [Theory]
    [MemberData(nameof(PlanWriterGoldenTests.Formats), MemberType = typeof(PlanWriterGoldenTests))]
    public void PlanWriters_WriteTheSameBytesToAStreamAsToText(string format)
    {
        foreach (var plan in new[] { PlanWriterGoldenTests.SamplePlan(), PlanWriterGoldenTests.TrickyPlan(), LargePlan() })
        {
            var text = PlanWriterGoldenTests.Write(format, plan);
            var stream = new MemoryStream();
            using (var output = new Utf8StreamOutput(stream, leaveOpen: true))
            {
                PlanWriters.All.Find(format)!.Write(plan, output, OutputOptions.Default);
            }

            Assert.Equal(Encoding.UTF8.GetBytes(text), stream.ToArray());
        }
    }

    [Fact]
    public void Csv_QuotesHostAndRegionWhereCsvNeedsIt()
    {
        var lines = PlanWriterGoldenTests.Write("csv", LargePlan()).Split('\n', StringSplitOptions.RemoveEmptyEntries);

        Assert.Equal("host,region,node,kind,offset,address,size", lines[0]);
        Assert.All(lines.Skip(1), line => Assert.StartsWith("\"rack 1, host \"\"a\"\"\",\"egm,0\",0,", line, StringComparison.Ordinal));
        Assert.Equal(LargePlan().Regions.Sum(r => r.Usable.Length + r.Holes.Length), lines.Length - 1);
    }

    /// <summary>A plan of megabytes, whose rows cross many chunk boundaries, with a host and id CSV must quote.</summary>
    private static Plan LargePlan()
    {
        var random = new Random(5);
        var retired = new StringBuilder("host,address\n");
        for (var i = 0; i < 30_000; i++)
        {
            retired.Append("\"rack 1, host \"\"a\"\"\",0x").Append((0x20_0000_0000UL + ((ulong)random.Next(0, 1 << 22) << 16)).ToString("x", System.Globalization.CultureInfo.InvariantCulture)).Append('\n');
        }

        return new HostInputs
        {
            Regions = [InputFile.FromBytes("large.regions.csv", Encoding.UTF8.GetBytes("host,id,node,base,size\n\"rack 1, host \"\"a\"\"\",\"egm,0\",0,0x2000000000,256G\n"))],
            Retired = [InputFile.FromBytes("large.retired.csv", Encoding.UTF8.GetBytes(retired.ToString()))],
        }.Plan(PlanOptions.Default);
    }

    private sealed class RecordingStream : Stream
    {
        public List<int> Writes { get; } = [];

        public MemoryStream Content { get; } = new();

        public override bool CanRead => false;

        public override bool CanSeek => false;

        public override bool CanWrite => true;

        public override long Length => Content.Length;

        public override long Position { get => Content.Length; set => throw new NotSupportedException(); }

        public override void Flush()
        {
        }

        public override int Read(byte[] buffer, int offset, int count) => throw new NotSupportedException();

        public override long Seek(long offset, SeekOrigin origin) => throw new NotSupportedException();

        public override void SetLength(long value) => throw new NotSupportedException();

        public override void Write(byte[] buffer, int offset, int count)
        {
            Writes.Add(count);
            Content.Write(buffer, offset, count);
        }
    }
}
