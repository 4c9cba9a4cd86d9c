namespace EgmEcc.Formats.Acpi;

/// <summary>
/// The <c>nvidia,egm-*</c> device properties of one ACPI device, as a reader of the namespace
/// finds them (docs/design.md §1), with where each was found.
/// </summary>
/// <param name="path">The device's namespace path, for errors (<c>\_SB.GPU0</c>).</param>
/// <param name="location">Where the device is defined: a line of disassembly, a byte of AML.</param>
internal sealed class EgmDeviceProperties(string path, SourceLocation location)
{
    /// <summary>The property giving the region's SPA.</summary>
    public const string BaseProperty = "nvidia,egm-base-pa";

    /// <summary>The property giving the region's size in bytes.</summary>
    public const string SizeProperty = "nvidia,egm-size";

    /// <summary>The property giving the region's proximity domain.</summary>
    public const string PxmProperty = "nvidia,egm-pxm";

    /// <summary>The property giving the SPA of the firmware retired-page table.</summary>
    public const string TableProperty = "nvidia,egm-retired-pages-data-base";

    private readonly Dictionary<string, (ulong Value, SourceLocation At)> values = new(StringComparer.Ordinal);

    /// <summary>The device's namespace path.</summary>
    public string Path => path;

    /// <summary>Where the device is defined.</summary>
    public SourceLocation Location => location;

    /// <summary>True when no EGM property was found in the device.</summary>
    public bool IsEmpty => values.Count == 0;

    /// <summary>The property <paramref name="name"/> names when it is one of the four EGM properties (as its constant), else null.</summary>
    public static string? PropertyNamed(ReadOnlySpan<byte> name) =>
        name.SequenceEqual("nvidia,egm-base-pa"u8) ? BaseProperty
        : name.SequenceEqual("nvidia,egm-size"u8) ? SizeProperty
        : name.SequenceEqual("nvidia,egm-pxm"u8) ? PxmProperty
        : name.SequenceEqual("nvidia,egm-retired-pages-data-base"u8) ? TableProperty
        : null;

    /// <summary>How a location reads inside a message: <c>line 25</c>, or <c>byte 1234</c> of a binary table.</summary>
    public static string Describe(SourceLocation at) => at.IsByteOffset ? $"byte {at.ByteOffset}" : $"line {at.Line}";

    /// <summary>Records <paramref name="property"/>; the same value again is harmless, another value is an error.</summary>
    /// <exception cref="InputException">The device already gave the property another value.</exception>
    public void Set(string property, ulong value, SourceLocation at)
    {
        if (values.TryGetValue(property, out var earlier) && earlier.Value != value)
        {
            throw new InputException(at, $"device {Path} gives '{property}' twice: {Numbers.Hex(value)} here, {Numbers.Hex(earlier.Value)} at {Describe(earlier.At)}");
        }

        values[property] = (value, at);
    }

    /// <summary>The region the properties describe, or null when the device has none of them.</summary>
    /// <exception cref="InputException">Some but not all required properties, or a PXM too large.</exception>
    public Region? ToRegion(string host)
    {
        if (IsEmpty)
        {
            return null;
        }

        foreach (var required in new[] { BaseProperty, SizeProperty, PxmProperty })
        {
            if (!values.ContainsKey(required))
            {
                var has = string.Join(", ", values.Keys.Order(StringComparer.Ordinal).Select(k => $"'{k}'"));
                throw new InputException(Location, $"device {Path} has {has} but no '{required}'");
            }
        }

        var pxm = values[PxmProperty];
        if (pxm.Value > int.MaxValue)
        {
            throw new InputException(pxm.At, $"device {Path}: '{PxmProperty}' is {Numbers.Hex(pxm.Value)}, too large for a proximity domain");
        }

        var node = (int)pxm.Value;
        return new Region(Region.DefaultId(node), node, values[BaseProperty].Value, values[SizeProperty].Value, Location, host)
        {
            RetiredTableBases = values.TryGetValue(TableProperty, out var table) ? [table.Value] : [],
        };
    }
}
