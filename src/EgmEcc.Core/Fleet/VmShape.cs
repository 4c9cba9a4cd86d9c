using System.Globalization;

namespace EgmEcc.Fleet;

/// <summary>
/// The memory shape of a VM: <see cref="Nodes"/> guest NUMA nodes of <see cref="NodeSize"/> bytes
/// each, every node backed by hugepages of <see cref="PageSize"/> bytes. Written
/// <c>NODESxSIZE@PAGE</c>, e.g. <c>2x200G@512M</c>; <c>200G@1G</c> is one node.
/// </summary>
/// <remarks>
/// A node needs <see cref="BlocksPerNode"/> = <c>ceil(NodeSize / PageSize)</c> whole
/// PageSize-aligned usable blocks of one region (see <see cref="VmFit"/>).
/// </remarks>
public sealed record VmShape
{
    /// <summary>Creates a shape, checking it.</summary>
    /// <exception cref="ArgumentOutOfRangeException">No nodes, a zero node size, or a page size that is not a power of two.</exception>
    public VmShape(int nodes, ulong nodeSize, ulong pageSize)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(nodes, 1);
        ArgumentOutOfRangeException.ThrowIfZero(nodeSize);
        if (!Numbers.IsPowerOfTwo(pageSize))
        {
            throw new ArgumentOutOfRangeException(nameof(pageSize), $"the page size must be a power of two, not {Numbers.Hex(pageSize)}");
        }

        Nodes = nodes;
        NodeSize = nodeSize;
        PageSize = pageSize;
    }

    /// <summary>The guest NUMA nodes; each is placed in a different region of the host.</summary>
    public int Nodes { get; }

    /// <summary>The memory of each guest node.</summary>
    public ulong NodeSize { get; }

    /// <summary>The hugepage size that backs the guest memory.</summary>
    public ulong PageSize { get; }

    /// <summary>The PageSize-aligned usable blocks one node needs: <c>ceil(NodeSize / PageSize)</c>.</summary>
    public ulong BlocksPerNode => (NodeSize / PageSize) + (NodeSize % PageSize == 0 ? 0UL : 1UL);

    /// <summary>Parses <c>NODESxSIZE@PAGE</c> (<c>2x200G@512M</c>); the node count defaults to 1.</summary>
    /// <returns>Null on success; otherwise the error text, quoting the value.</returns>
    public static string? TryParse(string text, out VmShape? shape)
    {
        ArgumentNullException.ThrowIfNull(text);
        shape = null;
        var at = text.IndexOf('@', StringComparison.Ordinal);
        if (at < 0)
        {
            return $"'{text}' is not a VM shape; expected NODESxSIZE@PAGE such as 2x200G@512M";
        }

        var head = text[..at];
        var nodes = 1;
        var x = head.IndexOfAny(['x', 'X']);
        if (x >= 0)
        {
            if (!int.TryParse(head[..x], NumberStyles.None, CultureInfo.InvariantCulture, out nodes) || nodes < 1)
            {
                return $"'{text}': the node count '{head[..x]}' must be a whole number of at least 1";
            }

            head = head[(x + 1)..];
        }

        if (Numbers.TryParseSize(head, out var nodeSize) is { } sizeError)
        {
            return $"'{text}': node size: {sizeError}";
        }

        if (Numbers.TryParseSize(text.AsSpan(at + 1), out var pageSize) is { } pageError)
        {
            return $"'{text}': page size: {pageError}";
        }

        if (nodeSize == 0)
        {
            return $"'{text}': the node size must be at least 1 byte";
        }

        if (!Numbers.IsPowerOfTwo(pageSize))
        {
            return $"'{text}': the page size must be a power of two";
        }

        shape = new VmShape(nodes, nodeSize, pageSize);
        return null;
    }

    /// <summary><c>NODESxSIZE@PAGE</c>, parseable by <see cref="TryParse"/>.</summary>
    public override string ToString() => string.Create(CultureInfo.InvariantCulture, $"{Nodes}x{new ByteSize(NodeSize)}@{new ByteSize(PageSize)}");
}
