using System.Collections.Immutable;

namespace EgmEcc.Fleet;

/// <summary>
/// The warnings of a fleet run, kept small whatever the fleet's size: the notes from inputs shared
/// by many hosts, the first few warnings in host order, and how many there were in all.
/// </summary>
/// <param name="Notes">Notes from reading inputs shared by many hosts (not any one host's).</param>
/// <param name="First">The first warnings of the hosts, in host order, at most <see cref="Kept"/>.</param>
/// <param name="HostWarnings">Every host's warnings, summed.</param>
/// <param name="HostsWithWarnings">The hosts with at least one warning.</param>
public sealed record FleetWarnings(ImmutableArray<Diagnostic> Notes, ImmutableArray<Diagnostic> First, long HostWarnings, int HostsWithWarnings)
{
    /// <summary>How many host warnings <see cref="First"/> keeps: more than standard error shows.</summary>
    public const int Kept = 32;

    /// <summary>No warnings.</summary>
    public static FleetWarnings None { get; } = new([], [], 0, 0);

    /// <summary>Notes and host warnings together.</summary>
    public long Total => Notes.Length + HostWarnings;

    /// <summary>
    /// Gathers the warnings of <paramref name="hosts"/> (in host order): each host's count and its
    /// first few diagnostics.
    /// </summary>
    public static FleetWarnings Of(IEnumerable<Diagnostic> notes, IEnumerable<(long Count, IEnumerable<Diagnostic> First)> hosts)
    {
        ArgumentNullException.ThrowIfNull(notes);
        ArgumentNullException.ThrowIfNull(hosts);
        var first = ImmutableArray.CreateBuilder<Diagnostic>();
        long total = 0;
        var withWarnings = 0;
        foreach (var (count, diagnostics) in hosts)
        {
            total += count;
            withWarnings += count > 0 ? 1 : 0;
            foreach (var d in diagnostics)
            {
                if (first.Count < Kept)
                {
                    first.Add(d);
                }
            }
        }

        return new FleetWarnings([.. notes], first.ToImmutable(), total, withWarnings);
    }
}
