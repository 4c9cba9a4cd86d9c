namespace EgmEcc.Formats.Output;

/// <summary>What writers need beyond the plan itself.</summary>
public sealed record OutputOptions
{
    /// <summary>No invocation recorded, the arm <c>virt</c> RAM base, memory nodes around holes, default map alignment.</summary>
    public static OutputOptions Default { get; } = new();

    /// <summary>The command line that made the output, for formats that record it in a leading comment; null to omit.</summary>
    public string? Invocation { get; init; }

    /// <summary>Where guest RAM starts (<c>--guest-base</c>); 0x40000000 on QEMU's arm <c>virt</c> machine.</summary>
    public ulong GuestBase { get; init; } = GuestLayout.VirtRamBase;

    /// <summary>
    /// <c>dts</c>: one <c>memory</c> node per guest node with the holes as <c>/reserved-memory</c>
    /// <c>no-map</c> children (<c>--reserved-memory</c>), instead of one <c>memory</c> node per usable piece.
    /// </summary>
    public bool ReservedMemory { get; init; }

    /// <summary>
    /// <c>windows</c>: the mapping size every window is aligned to (<c>--map-align</c>), a power of
    /// two; null for each region's default (see <see cref="MapWindows.CreateDefault"/>).
    /// </summary>
    public ulong? MapAlign { get; init; }

    /// <summary>
    /// <c>qemu</c>: add <c>prealloc=on</c> to every memory backend, so QEMU touches all guest RAM at
    /// start (slow for hundreds of GiB, and it needs the whole region at once); off by default.
    /// </summary>
    public bool Prealloc { get; init; }
}
