namespace EgmEcc.Pipeline;

/// <summary>How far a fleet run is: hosts done out of hosts in all. Safe to read from another thread.</summary>
public sealed class FleetProgress
{
    private int done;
    private int total;

    /// <summary>Hosts finished.</summary>
    public int Done => Volatile.Read(ref done);

    /// <summary>Hosts in all (0 until the inputs are listed).</summary>
    public int Total => Volatile.Read(ref total);

    internal void Start(int hosts) => Volatile.Write(ref total, hosts);

    internal void Advance() => Interlocked.Increment(ref done);
}
