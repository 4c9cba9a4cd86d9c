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
            records.Clear();
            fleet.Records(h, records);
            WriteHost(fleet, h, Path.Combine(directory, fleet.HostName(h)), records);
        }
    }

    /// <summary>
    /// A history: one tree per snapshot, <c>DIR/&lt;date&gt;/&lt;host&gt;/</c>, each snapshot's records
    /// the previous one's and the pages retired since, and <c>DIR/rates.csv</c>, every host's true
    /// rate (docs/design.md §4.10). Hosts are written one at a time, into every snapshot.
    /// </summary>
    public static void WriteSeries(FleetSynthesizer fleet, string directory)
    {
        ArgumentNullException.ThrowIfNull(fleet);
        ArgumentException.ThrowIfNullOrEmpty(directory);
        var folders = Enumerable.Range(0, fleet.Snapshots).Select(k => Path.Combine(directory, SnapshotName(fleet, k))).ToArray();
        using var rates = new StreamWriter(Path.Combine(directory, "rates.csv"), false, Utf8);
        rates.Write($"# true retirement rates of the synthetic fleet, in 64 KiB pages per TiB of EGM per year (what a fit should recover): {Describe(fleet)}\nhost,ratePerTiBYear\n");
        var records = new List<RetiredRecord>();
        for (var h = 0; h < fleet.Hosts; h++)
        {
            var host = fleet.HostName(h);
            rates.Write(string.Create(CultureInfo.InvariantCulture, $"{host},{fleet.TrueRate(h):R}\n"));
            records.Clear();
            fleet.Records(h, records);
            for (var k = 0; k < folders.Length; k++)
            {
                if (k > 0)
                {
                    fleet.NewRecords(h, k, records);
                }

                WriteHost(fleet, h, Path.Combine(folders[k], host), records);
            }
        }
    }

    /// <summary>
    /// The folder name of snapshot <paramref name="snapshot"/>: its date (<c>2026-01-31</c>) when every
    /// snapshot is at midnight UTC, else its time (<c>2026-01-31T12:00:00Z</c>), so names sort as times do.
    /// </summary>
    public static string SnapshotName(FleetSynthesizer fleet, int snapshot)
    {
        ArgumentNullException.ThrowIfNull(fleet);
        var o = fleet.Options;
        var midnights = o.Start.UtcDateTime.TimeOfDay == TimeSpan.Zero && o.Interval.Ticks % TimeSpan.TicksPerDay == 0;
        var at = fleet.SnapshotTime(snapshot).UtcDateTime;
        return at.ToString(midnights ? "yyyy-MM-dd" : "yyyy-MM-dd'T'HH:mm:ss'Z'", CultureInfo.InvariantCulture);
    }

    /// <summary>An interval as the command line writes it: whole days as <c>30d</c>, else hours, minutes or seconds.</summary>
    public static string FormatInterval(TimeSpan interval) =>
        interval.Ticks % TimeSpan.TicksPerDay == 0 ? string.Create(CultureInfo.InvariantCulture, $"{interval.Ticks / TimeSpan.TicksPerDay}d")
        : interval.Ticks % TimeSpan.TicksPerHour == 0 ? string.Create(CultureInfo.InvariantCulture, $"{interval.Ticks / TimeSpan.TicksPerHour}h")
        : interval.Ticks % TimeSpan.TicksPerMinute == 0 ? string.Create(CultureInfo.InvariantCulture, $"{interval.Ticks / TimeSpan.TicksPerMinute}m")
        : string.Create(CultureInfo.InvariantCulture, $"{interval.TotalSeconds:R}s");

    private static void WriteHost(FleetSynthesizer fleet, int index, string folder, List<RetiredRecord> records)
    {
        Directory.CreateDirectory(folder);
        using (var regions = new StreamWriter(Path.Combine(folder, "regions.csv"), false, Utf8))
        {
            regions.Write("id,node,base,size\n");
            foreach (var region in fleet.Regions(index))
            {
                regions.Write(string.Create(CultureInfo.InvariantCulture, $"{region.Id},{region.Node},{Numbers.Hex(region.Base)},{new ByteSize(region.Size)}\n"));
            }
        }

        using var retired = new StreamWriter(Path.Combine(folder, "retired.csv"), false, Utf8, 1 << 16);
        retired.Write("address\n");
        WriteRecords(retired, string.Empty, records);
    }

    /// <summary>A one-line description of the fleet's options, for file headers.</summary>
    public static string Describe(FleetSynthesizer fleet)
    {
        ArgumentNullException.ThrowIfNull(fleet);
        var o = fleet.Options;
        var fleetText = string.Create(CultureInfo.InvariantCulture, $"hosts={o.Hosts} sockets={o.Sockets} records={o.Records} seed={o.Seed}");
        return o.Snapshots == 1 && o.Interval == TimeSpan.Zero
            ? fleetText
            : string.Create(CultureInfo.InvariantCulture, $"{fleetText} snapshots={o.Snapshots} interval={FormatInterval(o.Interval)} start={o.Start.UtcDateTime:yyyy-MM-dd'T'HH:mm:ss'Z'}");
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
