namespace EgmEcc.Pipeline;

/// <summary>
/// The hosts of a fleet and a way to load each one's inputs. Implementations are safe to call
/// <see cref="Load"/> on from many threads at once, for different hosts.
/// </summary>
public abstract class FleetSource
{
    /// <summary>The host names, sorted ordinally: the order of every fleet output.</summary>
    public abstract IReadOnlyList<string> Hosts { get; }

    /// <summary>Notes from reading inputs that belong to no one host (a reader's note on a shared file).</summary>
    public virtual IReadOnlyList<Diagnostic> Notes => [];

    /// <summary>Loads the inputs of the host at <paramref name="index"/> in <see cref="Hosts"/>.</summary>
    /// <exception cref="InputException">Bad input.</exception>
    public abstract LoadedHost Load(int index);
}
