using System.Globalization;
using System.Text;
using EgmEcc.Synthesis;

namespace EgmEcc.Formats.Synthesis;

/// <summary>
/// Writes a synthetic fleet as inputs EgmEcc reads: either two CSVs with a <c>host</c> column
/// (<c>regions.csv</c>, <c>retired.csv</c>), or a tree with one folder per host holding its own
/// <c>regions.csv</c> and <c>retired.csv</c>.
/// </summary>
/// <remarks>
/// Streams: one host's records are held at a time, and the lines are formatted into a reused
/// buffer, so 10^7 records need no more memory than the largest host.
/// </remarks>
public static class SynthWriter
{
    private static readonly UTF8Encoding Utf8 = new(encoderShouldEmitUTF8Identifier: false);

    /// <summary>The two CSV files of the host-column layout.</summary>
    public static void WriteHostColumn(FleetSynthesizer fleet, TextWriter regions, TextWriter retired)
    {
        ArgumentNullException.ThrowIfNull(fleet);
        ArgumentNullException.ThrowIfNull(regions);
        ArgumentNullException.ThrowIfNull(retired);
        regions.Write($"# synthetic fleet: {Describe(fleet)}\nhost,id,node,base,size\n");
        retired.Write($"# synthetic fleet: {Describe(fleet)}\nhost,address\n");
        var records = new List<RetiredRecord>();
        for (var h = 0; h < fleet.Hosts; h++)
        {
            var host = fleet.HostName(h);
            foreach (var region in fleet.Regions(h))
            {
                regions.Write(string.Create(CultureInfo.InvariantCulture, $"{host},{region.Id},{region.Node},{Numbers.Hex(region.Base)},{new ByteSize(region.Size)}\n"));
            }

            records.Clear();
            fleet.Records(h, records);
            WriteRecords(retired, host + ",", records);
        }
    }

    /// <summary>One folder per host under <paramref name="directory"/> (created as needed).</summary>
    public static void WriteTree(FleetSynthesizer fleet, string directory)
    {
        ArgumentNullException.ThrowIfNull(fleet);
        ArgumentException.ThrowIfNullOrEmpty(directory);
        var records = new List<RetiredRecord>();
        for (var h = 0; h < fleet.Hosts; h++)
        {
            var host = fleet.HostName(h);
            var folder = Path.Combine(directory, host);
            Directory.CreateDirectory(folder);
            using (var regions = new StreamWriter(Path.Combine(folder, "regions.csv"), false, Utf8))
            {
                regions.Write("id,node,base,size\n");
                foreach (var region in fleet.Regions(h))
                {
                    regions.Write(string.Create(CultureInfo.InvariantCulture, $"{region.Id},{region.Node},{Numbers.Hex(region.Base)},{new ByteSize(region.Size)}\n"));
                }
            }

            records.Clear();
            fleet.Records(h, records);
            using var retired = new StreamWriter(Path.Combine(folder, "retired.csv"), false, Utf8, 1 << 16);
            retired.Write("address\n");
            WriteRecords(retired, string.Empty, records);
        }
    }

    /// <summary>A one-line description of the fleet's options, for file headers.</summary>
    public static string Describe(FleetSynthesizer fleet)
    {
        ArgumentNullException.ThrowIfNull(fleet);
        var o = fleet.Options;
        return string.Create(CultureInfo.InvariantCulture, $"hosts={o.Hosts} sockets={o.Sockets} records={o.Records} seed={o.Seed}");
    }

    private static void WriteRecords(TextWriter output, string prefix, List<RetiredRecord> records)
    {
        Span<char> buffer = stackalloc char[prefix.Length + 24];
        prefix.CopyTo(buffer);
        buffer[prefix.Length] = '0';
        buffer[prefix.Length + 1] = 'x';
        foreach (var record in records)
        {
            record.Start.TryFormat(buffer[(prefix.Length + 2)..], out var written, "x", CultureInfo.InvariantCulture);
            var end = prefix.Length + 2 + written;
            buffer[end] = '\n';
            output.Write(buffer[..(end + 1)]);
        }
    }
}
