namespace EgmEcc.Formats.Acpi;

/// <summary>
/// The regions of one ACPI input, device by device: every GPU of a socket repeats its region's
/// properties (docs/design.md §1), so equal repeats are one region, and the same PXM with another
/// base or size is a firmware conflict naming both devices.
/// </summary>
/// <remarks>
/// Firmware keeps one copy of the retired-page table per GPU, at different addresses with the same
/// contents (docs/design.md §1): GPUs of one PXM that name different table bases agree, and the
/// region keeps every distinct base in device order, so a reader of the tables can read the first
/// copy that reads and compare the others.
/// </remarks>
/// <param name="host">The host every region belongs to (empty when not given).</param>
internal sealed class EgmRegionCollector(string host)
{
    private readonly Dictionary<int, (int Index, EgmDeviceProperties Device)> byPxm = [];

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
            var earlier = Regions[seen.Index];
            if (!earlier.SameExtentAs(region))
            {
                throw new InputException(
                    device.Location,
                    $"firmware conflict: PXM {region.Node} is {Describe(region)} in device {device.Path} ({EgmDeviceProperties.Describe(device.Location)}) but {Describe(earlier)} in device {seen.Device.Path} ({EgmDeviceProperties.Describe(seen.Device.Location)})");
            }

            // Another GPU's copy of the table: kept beside the earlier ones, each base once.
            var added = region.RetiredTableBases.Where(b => !earlier.RetiredTableBases.Contains(b)).ToArray();
            if (added.Length > 0)
            {
                Regions[seen.Index] = earlier with { RetiredTableBases = [.. earlier.RetiredTableBases, .. added] };
            }

            return;
        }

        byPxm.Add(region.Node, (Regions.Count, device));
        Regions.Add(region);
    }

    private static string Describe(Region region) => $"base {Numbers.Hex(region.Base)} size {Numbers.Hex(region.Size)}";
}
