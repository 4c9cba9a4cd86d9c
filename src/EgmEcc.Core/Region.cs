using System.Collections.Immutable;

namespace EgmEcc;

/// <summary>
/// One EGM region: the Hypervisor-Invisible memory of one socket, exposed as <c>/dev/egm&lt;Node&gt;</c>,
/// occupying <c>[Base, Base + Size)</c> in system physical address space.
/// </summary>
/// <remarks>
/// Construction checks only what a single region can get wrong (empty, past 2^64, guest size
/// larger than the region) and throws <see cref="InputException"/> at <see cref="Source"/>;
/// conflicts between regions are found by <see cref="RegionSet"/>.
/// </remarks>
public sealed record Region
{
    /// <summary>Creates a region, checking it on its own.</summary>
    /// <exception cref="InputException">An empty id, an id or host with a control character, size 0,
    /// <c>base + size</c> beyond 2^64, or a guest size of 0 or larger than the region.</exception>
    public Region(string id, int node, ulong @base, ulong size, SourceLocation source, string host = "", ulong? guestSize = null)
    {
        ArgumentNullException.ThrowIfNull(id);
        ArgumentNullException.ThrowIfNull(host);

        // Ids and hosts come from input files and reach every output (text, report, DTS comments)
        // and every error line: a blank one names nothing, and a control character (ESC, a line
        // end) would reach a terminal or break a one-line error.
        if (string.IsNullOrWhiteSpace(id))
        {
            throw new InputException(source, "a region has an empty id");
        }

        if (NameProblem(id) is { } badId)
        {
            throw new InputException(source, $"region id {badId}");
        }

        if (NameProblem(host) is { } badHost)
        {
            throw new InputException(source, $"host name {badHost}");
        }

        if (node < 0)
        {
            throw new InputException(source, $"region '{id}' has a negative node (PXM) {node}");
        }

        if (size == 0)
        {
            throw new InputException(source, $"region '{id}' has size 0");
        }

        if (!AddressRange.FitsAt(@base, size))
        {
            throw new InputException(source, $"region '{id}' at {Numbers.Hex(@base)} with size {Numbers.Hex(size)} would end beyond 2^64");
        }

        if (guestSize is { } g && (g == 0 || g > size))
        {
            throw new InputException(source, $"region '{id}' has guest size {Numbers.Hex(g)}; it must be in [1, {Numbers.Hex(size)}], the region's size");
        }

        Id = id;
        Node = node;
        Base = @base;
        Size = size;
        Source = source;
        Host = host;
        GuestSize = guestSize;
    }

    /// <summary>The region's name, unique per host (<c>egm4</c> by default for PXM 4).</summary>
    public string Id { get; }

    /// <summary>The proximity domain (PXM); the device is <c>/dev/egm&lt;Node&gt;</c>.</summary>
    public int Node { get; }

    /// <summary>The system physical address of the region's first byte.</summary>
    public ulong Base { get; }

    /// <summary>The region's size in bytes (at least 1).</summary>
    public ulong Size { get; }

    /// <summary>The host the region belongs to; empty for a single-host input.</summary>
    public string Host { get; }

    /// <summary>How much of the region a guest maps (from offset 0), when less than all of it.</summary>
    public ulong? GuestSize { get; }

    /// <summary>Where the region was defined.</summary>
    public SourceLocation Source { get; }

    /// <summary>
    /// The SPAs of the firmware retired-page tables of the region, in device order, each once:
    /// firmware keeps one copy of the table per GPU, at different addresses with the same contents
    /// (docs/design.md §1). Empty when firmware names none (no retired pages).
    /// </summary>
    public ImmutableArray<ulong> RetiredTableBases { get; init; } = [];

    /// <summary><c>[Base, Base + Size)</c>.</summary>
    public AddressRange Extent => AddressRange.FromBaseSize(Base, Size);

    /// <summary>The character device the nvgrace-egm driver creates for the region.</summary>
    public string DevicePath => $"/dev/egm{Node}";

    /// <summary>The id EgmEcc gives a region known only by its PXM.</summary>
    public static string DefaultId(int node) => $"egm{node}";

    /// <summary>
    /// Why <paramref name="name"/> (a region id, a host) cannot be a name: it holds a control
    /// character (C0, DEL or C1); null when it can. The message shows the name with that
    /// character escaped (<see cref="Printable"/>).
    /// </summary>
    public static string? NameProblem(ReadOnlySpan<char> name)
    {
        var at = name.IndexOfAnyInRange('\u0000', '\u001f');
        var other = name.IndexOfAnyInRange('\u007f', '\u009f');
        at = at < 0 ? other : other < 0 ? at : Math.Min(at, other);
        return at < 0 ? null : $"'{Printable(name)}' holds the control character U+{(int)name[at]:X4}; names are printable text";
    }

    /// <summary>
    /// A name with its control characters escaped as the command line escapes error lines
    /// (<c>\n</c>, <c>\t</c>, <c>\x1b</c>), cut at 60 characters, safe to print anywhere.
    /// </summary>
    public static string Printable(ReadOnlySpan<char> name)
    {
        var text = new System.Text.StringBuilder();
        foreach (var c in name[..Math.Min(name.Length, 60)])
        {
            text.Append(c switch
            {
                '\n' => "\\n",
                '\r' => "\\r",
                '\t' => "\\t",
                _ when char.IsControl(c) => $"\\x{(int)c:x2}",
                _ => c.ToString(),
            });
        }

        return name.Length > 60 ? text.Append("...").ToString() : text.ToString();
    }

    /// <summary>True when both describe the same memory: same host, node, base, size and guest size.</summary>
    public bool SameExtentAs(Region other) =>
        Host == other.Host && Node == other.Node && Base == other.Base && Size == other.Size && GuestSize == other.GuestSize;
}
