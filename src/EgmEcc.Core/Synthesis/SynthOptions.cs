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

        foreach (var share in new[] { DuplicateShare, OutOfRegionShare, ClusteredShare })
        {
            if (share is < 0 or > 1 || double.IsNaN(share))
            {
                throw new ArgumentOutOfRangeException(nameof(share), "shares must be between 0 and 1");
            }
        }
    }
}
