using System.Collections;

namespace EgmEcc.Formats;

/// <summary>Something a user picks by name: an input format's reader, an output format's writer.</summary>
public interface INamedFormat
{
    /// <summary>The name users give on the command line (<c>csv</c>, <c>json</c>, ...), unique in its registry.</summary>
    string Name { get; }
}

/// <summary>
/// The formats of one kind, in the order help lists them (the default first): lookup by name
/// (any case) and the names for help and errors. Tests iterate registries, so an entry added here
/// is tested the day it is registered.
/// </summary>
/// <typeparam name="T">The reader or writer.</typeparam>
public sealed class Registry<T> : IReadOnlyList<T>
    where T : class, INamedFormat
{
    private readonly T[] entries;

    /// <summary>Creates a registry of <paramref name="entries"/>, whose names must differ in more than case.</summary>
    public Registry(IEnumerable<T> entries)
    {
        ArgumentNullException.ThrowIfNull(entries);
        this.entries = [.. entries];
        // Two entries of one name would make the second unreachable; fail when the registry is built, not when a user asks.
        var repeated = this.entries.GroupBy(e => e.Name, StringComparer.OrdinalIgnoreCase).FirstOrDefault(g => g.Count() > 1);
        if (repeated is not null)
        {
            throw new ArgumentException($"two entries are named '{repeated.Key}'", nameof(entries));
        }
    }

    /// <summary>The names, in order, for help and errors.</summary>
    public IEnumerable<string> Names => entries.Select(e => e.Name);

    /// <inheritdoc/>
    public int Count => entries.Length;

    /// <inheritdoc/>
    public T this[int index] => entries[index];

    /// <summary>The entry called <paramref name="name"/> in any case, or null.</summary>
    public T? Find(string name) =>
        entries.FirstOrDefault(e => string.Equals(e.Name, name, StringComparison.OrdinalIgnoreCase));

    /// <inheritdoc/>
    public IEnumerator<T> GetEnumerator() => ((IEnumerable<T>)entries).GetEnumerator();

    /// <inheritdoc/>
    IEnumerator IEnumerable.GetEnumerator() => GetEnumerator();
}
