using EgmEcc.Wording;

namespace EgmEcc.Synthesis;

/// <summary>What <see cref="FleetSynthesizer"/> makes: how many hosts, sockets and records, from which seed.</summary>
public sealed record SynthOptions
{
    /// <summary>The number of hosts (at least 1).</summary>
    public int Hosts { get; init; } = 4;

    /// <summary>Sockets (EGM regions) per host, 1 to 8.</summary>
    public int Sockets { get; init; } = 2;

    /// <summary>Retired records over the whole fleet, spread unevenly over hosts (a few hosts have many).</summary>
    public long Records { get; init; } = 1000;

    /// <summary>The seed; the same options and seed give the same fleet, byte for byte.</summary>
    public ulong Seed { get; init; } = 1;

    /// <summary>Host names are this prefix and a zero-padded number from 1 (<c>host-0001</c>).</summary>
    public string HostPrefix { get; init; } = "host-";

    /// <summary>The share of records that repeat an earlier one of the host (two tools reporting one page).</summary>
    public double DuplicateShare { get; init; } = 0.01;

    /// <summary>The share of records outside every region (the hypervisor's part of the socket).</summary>
    public double OutOfRegionShare { get; init; } = 0.002;

    /// <summary>The share of records that belong to runs of adjacent pages (failing rows); the rest are scattered.</summary>
    public double ClusteredShare { get; init; } = 0.6;

    /// <summary>The most sockets a host has.</summary>
    public const int MaxSockets = 8;

    /// <summary>
    /// Dated snapshots of the fleet (at least 1): the first is the fleet the other options make; each
    /// later one adds the pages its hosts retired in the interval before it (docs/design.md §4.10).
    /// </summary>
    public int Snapshots { get; init; } = 1;

    /// <summary>The time between two snapshots; positive when there are several.</summary>
    public TimeSpan Interval { get; init; }

    /// <summary>The time of the first snapshot.</summary>
    public DateTimeOffset Start { get; init; } = DefaultStart;

    /// <summary>The first snapshot's time unless one is given: 2026-01-01, midnight UTC.</summary>
    public static readonly DateTimeOffset DefaultStart = new(2026, 1, 1, 0, 0, 0, TimeSpan.Zero);

    /// <summary>The most snapshots a history has.</summary>
    public const int MaxSnapshots = 10_000;

    /// <summary>The fleet's mean true retirement rate of ordinary hosts, in 64 KiB pages per TiB of EGM per year.</summary>
    public double MeanRatePerTiBYear { get; init; } = 50;

    /// <summary>The shape of the gamma distribution ordinary hosts' true rates are drawn from (2: a spread of about 0.7 × the mean).</summary>
    public double RateShape { get; init; } = 2;

    /// <summary>The share of hosts that are bad on purpose: their true rate is <see cref="BadHostFactor"/> times their draw.</summary>
    public double BadHostShare { get; init; } = 1.0 / 50;

    /// <summary>How many times faster a bad host retires pages.</summary>
    public double BadHostFactor { get; init; } = 30;

    /// <summary>Checks the options.</summary>
    /// <exception cref="SettingException">A count out of range.</exception>
    /// <exception cref="ArgumentOutOfRangeException">A share outside [0, 1] (not a setting a user gives).</exception>
    public void Validate()
    {
        if (Hosts < 1)
        {
            throw Messages.AtLeast(Setting.Hosts, 1, Hosts).ToException();
        }

        if (Sockets is < 1 or > MaxSockets)
        {
            throw Messages.SocketsOutOfRange(Sockets, MaxSockets).ToException();
        }

        if (Records < 0)
        {
            throw Messages.AtLeast(Setting.Records, 0, Records).ToException();
        }

        if (Snapshots is < 1 or > MaxSnapshots)
        {
            throw Messages.SnapshotsOutOfRange(Snapshots, MaxSnapshots).ToException();
        }

        if (Interval < TimeSpan.Zero || (Interval == TimeSpan.Zero && Snapshots > 1))
        {
            throw (Interval == TimeSpan.Zero ? Messages.IntervalNeeded(Snapshots) : Messages.IntervalNotPositive(Interval)).ToException();
        }

        // The last snapshot's time must be a date: no folder named past 9999-12-31, and no overflow.
        if ((DateTimeOffset.MaxValue - Start).Ticks / (double)Math.Max(1, Interval.Ticks) < Snapshots - 1)
        {
            throw Messages.SeriesPastTheLastDate(Snapshots, DateTimeOffset.MaxValue).ToException();
        }

        if (!(MeanRatePerTiBYear >= 0) || !(RateShape > 0) || !(BadHostFactor >= 0) || double.IsInfinity(MeanRatePerTiBYear) || double.IsInfinity(BadHostFactor))
        {
            throw new ArgumentOutOfRangeException(nameof(MeanRatePerTiBYear), "rates must be finite and at least 0, the shape above 0");
        }

        foreach (var share in new[] { DuplicateShare, OutOfRegionShare, ClusteredShare, BadHostShare })
        {
            if (share is < 0 or > 1 || double.IsNaN(share))
            {
                throw new ArgumentOutOfRangeException(nameof(share), "shares must be between 0 and 1");
            }
        }
    }
}
