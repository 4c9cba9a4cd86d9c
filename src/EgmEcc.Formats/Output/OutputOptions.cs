namespace EgmEcc.Formats.Output;

/// <summary>What writers need beyond the plan itself.</summary>
public sealed record OutputOptions
{
    /// <summary>No invocation recorded, the arm <c>virt</c> RAM base.</summary>
    public static OutputOptions Default { get; } = new();

    /// <summary>The command line that made the output, for formats that record it in a leading comment; null to omit.</summary>
    public string? Invocation { get; init; }

    /// <summary>Where guest RAM starts (<c>--guest-base</c>); 0x40000000 on QEMU's arm <c>virt</c> machine.</summary>
    public ulong GuestBase { get; init; } = 0x4000_0000;
}
