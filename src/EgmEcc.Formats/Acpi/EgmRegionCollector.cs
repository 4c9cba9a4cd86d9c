namespace EgmEcc.Formats.Acpi;

/// <summary>
/// The regions of one ACPI input, device by device: every GPU of a socket repeats its region's
/// properties (docs/design.md §1), so equal repeats are one region, and the same PXM with another
/// base, size or table base is a firmware conflict naming both devices.
/// </summary>
/// <param name="host">The host every region belongs to (empty when not given).</param>
internal sealed class EgmRegionCollector(string host)
{
    private readonly Dictionary<int, (Region Region, EgmDeviceProperties Device)> byPxm = [];

    /// <summary>The regions found so far, one per PXM, in the order their first device came.</summary>
    public List<Region> Regions { get; } = [];

    /// <summary>Adds the region <paramref name="device"/> describes, if any.</summary>
    /// <exception cref="InputException">Incomplete properties, or a conflict with an earlier device.</exception>
    public void Add(EgmDeviceProperties device)
    {
        if (device.ToRegion(host) is not { } region)
        {
            return;
        }

        if (byPxm.TryGetValue(region.Node, out var seen))
        {
            if (seen.Region.SameExtentAs(region) && seen.Region.RetiredTableBase == region.RetiredTableBase)
            {
                return;
            }

            throw new InputException(
                device.Location,
                $"firmware conflict: PXM {region.Node} is {Describe(region)} in device {device.Path} ({EgmDeviceProperties.Describe(device.Location)}) but {Describe(seen.Region)} in device {seen.Device.Path} ({EgmDeviceProperties.Describe(seen.Device.Location)})");
        }

        byPxm.Add(region.Node, (region, device));
        Regions.Add(region);
    }

    private static string Describe(Region region) =>
        $"base {Numbers.Hex(region.Base)} size {Numbers.Hex(region.Size)}"
        + (region.RetiredTableBase is { } table ? $" table {Numbers.Hex(table)}" : string.Empty);
}
