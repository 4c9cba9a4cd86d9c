using System.Globalization;

namespace EgmEcc.Formats.Output;

/// <summary>
/// <c>windows</c>: per region, the (offset, length) windows to mmap or to export as a dmabuf range
/// list, each aligned to a mapping size (<see cref="MapWindows"/>), and the usable bytes the
/// alignment leaves unmapped.
/// </summary>
/// <remarks>
/// Data lines are <c>DEVICE OFFSET LENGTH</c>: the region's device (<c>HOST:DEVICE</c> when the
/// region names a host), and lower-case <c>0x</c> region offsets. A <c>#</c> comment before each
/// region gives its alignment and its usable, mapped and unmapped bytes. The alignment is
/// <see cref="OutputOptions.MapAlign"/>, or per region the largest configured hugepage size that
/// keeps at least 90% of the usable bytes mappable (the layout granule when none does).
/// </remarks>
public sealed class PlanWindowsWriter : IPlanWriter
{
    /// <inheritdoc/>
    public string Name => "windows";

    /// <inheritdoc/>
    public void Write(Plan plan, TextWriter output, OutputOptions options)
    {
        ArgumentNullException.ThrowIfNull(plan);
        ArgumentNullException.ThrowIfNull(output);
        ArgumentNullException.ThrowIfNull(options);
        var all = plan.Regions
            .Select(r => options.MapAlign is { } align
                ? MapWindows.Create(r, align)
                : MapWindows.CreateDefault(r, plan.Options.HugePages, plan.Options.LayoutGranule))
            .ToArray();

        Provenance.Write(
            output,
            "#",
            "EGM map windows: DEVICE OFFSET LENGTH (region offsets), each aligned to its region's map size",
            options,
            plan.Options,
            options.MapAlign is { } mapAlign
                ? $"map align {new ByteSize(mapAlign)}"
                : $"map align per region: the largest huge page keeping {MapWindows.DefaultMappablePercent}% of usable bytes mappable, else {new ByteSize(plan.Options.LayoutGranule)}");
        foreach (var windows in all)
        {
            var r = windows.Region.Region;
            var device = r.Host.Length == 0 ? r.DevicePath : $"{r.Host}:{r.DevicePath}";
            output.WriteLine(Provenance.OneLine(string.Create(
                CultureInfo.InvariantCulture,
                $"# {device} region {r.Id}: align {Numbers.Hex(windows.Alignment)} ({new ByteSize(windows.Alignment)}), {windows.Windows.Length} window(s); usable {Bytes(windows.UsableBytes)}, mapped {Bytes(windows.MappedBytes)}, unmapped {Bytes(windows.UnmappedBytes)}")));
            foreach (var w in windows.Windows)
            {
                output.WriteLine($"{device} {Numbers.Hex(w.Start)} {Numbers.Hex(w.Size)}");
            }
        }
    }

    // Exact for scripts, readable for people (docs/design.md §4.1): '0x1ffee0000 bytes (7.99 GiB)'.
    private static string Bytes(ulong bytes) => $"{Numbers.Hex(bytes)} bytes ({new ByteSize(bytes).ToHumanString()})";
}
