using System.Globalization;
using EgmEcc.History;

namespace EgmEcc.Synthesis;

/// <summary>
/// A seeded generator of synthetic Grace fleets, for demos, tests and benchmarks.
/// </summary>
/// <remarks>
/// <para>Each host gets one EGM region per socket. A host is one of three memory classes, as
/// Grace ships LPDDR5X per socket: 480 GiB (most hosts), 240 GiB or 120 GiB. Firmware keeps the
/// first 16, 32 or 64 GiB of a socket for the hypervisor; the rest is the EGM region. Socket s
/// starts at SPA <c>s × 2^46 + 2 GiB</c> (Grace's per-socket address stride, DRAM above 2 GiB).</para>
/// <para>Records (64 KiB pages by SPA) are spread over hosts unevenly (log-normal weights, the
/// fleet total exact); within a host they are runs of adjacent pages (failing rows), scattered
/// pages, a few repeats of an earlier page and a few pages in the hypervisor's part of the socket
/// (out of region).</para>
/// <para>A history (<see cref="SynthOptions.Snapshots"/> above 1) starts from that fleet; each host
/// has a true retirement rate, drawn from a gamma distribution (shape
/// <see cref="SynthOptions.RateShape"/>, mean <see cref="SynthOptions.MeanRatePerTiBYear"/>), and
/// one host in 50 (<see cref="SynthOptions.BadHostShare"/>, drawn from the seed) is bad: 30 times
/// its draw. In each interval a host retires a Poisson number of scattered new pages with mean
/// rate × its EGM in TiB × the interval in years; a page retired stays retired, so each snapshot's
/// records are the previous one's and the new ones (docs/fleet.md, "Measured rates").</para>
/// <para>Everything about host i derives from (seed, i) alone: hosts can be generated in any order
/// or in parallel, and nothing is kept per record, so fleets of any size stream out.</para>
/// </remarks>
public sealed class FleetSynthesizer
{
    /// <summary>The retirement granule the records use (firmware's 64 KiB pages).</summary>
    public const ulong Page = 64 * 1024;

    private const ulong SocketStride = 1UL << 46;
    private const ulong DramStart = 2UL << 30;
    private static readonly SourceLocation Source = SourceLocation.InFile("synth");

    private readonly SynthOptions options;
    private readonly long[] firstRecord;
    private readonly string format;

    /// <summary>Prepares a fleet.</summary>
    /// <exception cref="ArgumentOutOfRangeException">Bad options.</exception>
    public FleetSynthesizer(SynthOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        options.Validate();
        this.options = options;
        format = new string('0', Math.Max(4, options.Hosts.ToString(CultureInfo.InvariantCulture).Length));

        // Uneven but exact: host i gets floor(R·W_i/W) - floor(R·W_{i-1}/W) records for prefix weights W_i.
        var weights = new double[options.Hosts];
        var total = 0.0;
        for (var i = 0; i < weights.Length; i++)
        {
            var random = SeededRandom.Derive(options.Seed, (ulong)i, 1);
            weights[i] = Math.Exp(random.NextGaussian());
            total += weights[i];
        }

        firstRecord = new long[options.Hosts + 1];
        var prefix = 0.0;
        for (var i = 0; i < weights.Length; i++)
        {
            prefix += weights[i];
            firstRecord[i + 1] = i == weights.Length - 1 ? options.Records : Math.Min(options.Records, (long)Math.Floor(options.Records * (prefix / total)));
        }
    }

    /// <summary>The options.</summary>
    public SynthOptions Options => options;

    /// <summary>The number of hosts.</summary>
    public int Hosts => options.Hosts;

    /// <summary>The name of host <paramref name="index"/> (0-based): <c>host-0001</c> for index 0.</summary>
    public string HostName(int index) => options.HostPrefix + (index + 1).ToString(format, CultureInfo.InvariantCulture);

    /// <summary>The number of records of host <paramref name="index"/>.</summary>
    public long RecordCount(int index) => firstRecord[index + 1] - firstRecord[index];

    /// <summary>The regions of host <paramref name="index"/>, one per socket, by socket.</summary>
    public IReadOnlyList<Region> Regions(int index)
    {
        var random = SeededRandom.Derive(options.Seed, (ulong)index, 2);
        var socketGiB = random.NextBelow(10) switch { < 7 => 480UL, < 9 => 240UL, _ => 120UL };
        var hypervisorGiB = socketGiB == 120 ? 16UL : random.NextBelow(2) == 0 ? 32UL : 64UL;
        var host = HostName(index);
        var regions = new Region[options.Sockets];
        for (var s = 0; s < options.Sockets; s++)
        {
            var @base = ((ulong)s * SocketStride) + DramStart + (hypervisorGiB << 30);
            regions[s] = new Region(Region.DefaultId(s), s, @base, (socketGiB - hypervisorGiB) << 30, Source, host);
        }

        return regions;
    }

    /// <summary>The number of snapshots.</summary>
    public int Snapshots => options.Snapshots;

    /// <summary>The time of snapshot <paramref name="snapshot"/> (0-based): the start plus that many intervals.</summary>
    public DateTimeOffset SnapshotTime(int snapshot) => options.Start + (options.Interval * snapshot);

    /// <summary>True when host <paramref name="index"/> is bad on purpose: its rate is <see cref="SynthOptions.BadHostFactor"/> times its draw.</summary>
    public bool IsBad(int index)
    {
        var random = SeededRandom.Derive(options.Seed, (ulong)index, 5);
        return random.NextDouble() < options.BadHostShare;
    }

    /// <summary>The true retirement rate of host <paramref name="index"/>, in 64 KiB pages per TiB of EGM per year.</summary>
    public double TrueRate(int index)
    {
        var random = SeededRandom.Derive(options.Seed, (ulong)index, 4);
        var rate = random.NextGamma(options.RateShape) * options.MeanRatePerTiBYear / options.RateShape;
        return IsBad(index) ? rate * options.BadHostFactor : rate;
    }

    /// <summary>The EGM of host <paramref name="index"/>, in TiB: what its rate is per.</summary>
    public double SizeTiB(int index) => Regions(index).Sum(r => (double)r.Size) / (1UL << 40);

    /// <summary>
    /// Appends to <paramref name="into"/> the pages host <paramref name="index"/> retires in the
    /// interval that ends at snapshot <paramref name="snapshot"/> (1 or later): a Poisson number with
    /// mean rate × EGM in TiB × the interval in years, each a scattered page of one of its regions.
    /// </summary>
    public void NewRecords(int index, int snapshot, List<RetiredRecord> into)
    {
        ArgumentNullException.ThrowIfNull(into);
        ArgumentOutOfRangeException.ThrowIfLessThan(snapshot, 1);
        var regions = Regions(index);
        var host = HostName(index);
        var years = options.Interval.TotalDays / RateFit.DaysPerYear;
        var random = SeededRandom.Derive(options.Seed, (ulong)index, 1000 + (ulong)snapshot);
        var pages = random.NextPoisson(TrueRate(index) * SizeTiB(index) * years);
        for (long p = 0; p < pages; p++)
        {
            // Regions of a host are the same size, so a uniform region and page is a uniform page of its EGM.
            var region = regions[(int)random.NextBelow((ulong)regions.Count)];
            into.Add(RetiredRecord.AtAddress(region.Base + (random.NextBelow(region.Size / Page) * Page), 0, Source, host));
        }
    }

    /// <summary>
    /// Appends the records of host <paramref name="index"/> to <paramref name="into"/> (by SPA,
    /// size left to the granule, host named), in the order a host's logs would list them.
    /// </summary>
    public void Records(int index, List<RetiredRecord> into)
    {
        ArgumentNullException.ThrowIfNull(into);
        var regions = Regions(index);
        var host = HostName(index);
        var random = SeededRandom.Derive(options.Seed, (ulong)index, 3);
        var count = RecordCount(index);
        var first = into.Count;
        long made = 0;
        while (made < count)
        {
            var region = regions[(int)random.NextBelow((ulong)regions.Count)];
            var pages = region.Size / Page;
            var roll = random.NextDouble();
            if (roll < options.OutOfRegionShare)
            {
                // The hypervisor's memory just below the region: in no EGM region.
                var below = random.NextBelow((region.Base - (region.Base & ~(SocketStride - 1)) - DramStart) / Page);
                into.Add(RetiredRecord.AtAddress(region.Base - ((below + 1) * Page), 0, Source, host));
                made++;
            }
            else if (roll < options.OutOfRegionShare + options.DuplicateShare && into.Count > first)
            {
                var earlier = into[first + (int)random.NextBelow((ulong)(into.Count - first))];
                into.Add(RetiredRecord.AtAddress(earlier.Start, 0, Source, host));
                made++;
            }
            else if (roll < options.OutOfRegionShare + options.DuplicateShare + options.ClusteredShare)
            {
                // A failing row: a run of adjacent pages.
                var run = Math.Min(random.NextGeometric(8), count - made);
                var start = random.NextBelow(pages - Math.Min(pages - 1, (ulong)run));
                for (long p = 0; p < run; p++)
                {
                    into.Add(RetiredRecord.AtAddress(region.Base + ((start + (ulong)p) * Page), 0, Source, host));
                }

                made += run;
            }
            else
            {
                into.Add(RetiredRecord.AtAddress(region.Base + (random.NextBelow(pages) * Page), 0, Source, host));
                made++;
            }
        }
    }
}
