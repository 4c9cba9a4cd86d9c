using System.Collections.Immutable;
using EgmEcc.Wording;

namespace EgmEcc;

/// <summary>
/// The guest RAM a QEMU direct kernel boot (its <c>-kernel</c>, <c>-initrd</c> and <c>-dtb</c>
/// options) writes before the guest runs, whatever memory map the guest's device tree gives: a hole
/// in it gets kernel text, the initrd or the device tree, and the guest kernel cannot reserve it
/// (docs/design.md §4.5).
/// </summary>
/// <remarks>
/// <para>From QEMU's <c>hw/arm/boot.c</c> (<c>arm_setup_direct_kernel_boot</c>,
/// <c>load_aarch64_image</c>), with B the RAM base and R the RAM size:</para>
/// <list type="bullet">
/// <item>a small boot stub at B;</item>
/// <item>an arm64 Image at B + 2 MiB + its <c>text_offset</c> (QEMU moves an Image off the stub's
/// first 2 MiB), as long as the Image's <c>image_size</c>;</item>
/// <item>the initrd at B + min(R / 2, 128 MiB), or just above the kernel if the kernel ends higher;</item>
/// <item>the device tree after the initrd, aligned up to 2 MiB.</item>
/// </list>
/// <para>EgmEcc knows neither the kernel's nor the initrd's size, so the area is
/// [B, B + min(R / 2, 128 MiB) + <see cref="InitrdAndDeviceTreeAllowance"/>), cut to guest RAM:
/// everything up to the initrd's start, plus room for a distribution initrd and the device tree
/// after it. A kernel image larger than min(R / 2, 128 MiB) pushes the initrd above that start,
/// past the area; no arm64 distribution kernel is near that size.</para>
/// </remarks>
public static class DirectBootArea
{
    /// <summary>How far the initrd may reach into RAM: QEMU puts it at B + min(R / 2, this) (<c>hw/arm/boot.c</c>).</summary>
    public const ulong InitrdOffsetLimit = 128UL << 20;

    /// <summary>Room counted after the initrd's start for the initrd and the device tree: 128 MiB.</summary>
    public const ulong InitrdAndDeviceTreeAllowance = 128UL << 20;

    /// <summary>The area for guest RAM of <paramref name="ramSize"/> bytes from <paramref name="ramBase"/>.</summary>
    public static AddressRange For(ulong ramBase, UInt128 ramSize)
    {
        var initrd = UInt128.Min(ramSize / 2, InitrdOffsetLimit);
        var end = UInt128.Min((UInt128)ramBase + UInt128.Min(ramSize, initrd + InitrdAndDeviceTreeAllowance), (UInt128)ulong.MaxValue + 1);
        return AddressRange.FromStartEnd(ramBase, end);
    }

    /// <summary>The area of <paramref name="layout"/>'s guest RAM.</summary>
    public static AddressRange For(GuestLayout layout)
    {
        ArgumentNullException.ThrowIfNull(layout);
        return For(layout.Base, layout.TotalBytes);
    }

    /// <summary>The unusable pieces of <paramref name="layout"/> (holes and cut partial pages) that overlap its direct-boot area, in address order.</summary>
    public static ImmutableArray<AddressRange> HolesIn(GuestLayout layout)
    {
        var area = For(layout);
        return [.. layout.Nodes.SelectMany(n => n.Reserved).Where(area.Overlaps)];
    }

    /// <summary>
    /// A warning naming the holes of <paramref name="layout"/> in its direct-boot area, the area, and
    /// what protects them; null when no hole lies there. Located at node 0's region.
    /// </summary>
    public static Diagnostic? Warning(GuestLayout layout)
    {
        var holes = HolesIn(layout);
        return holes.IsEmpty
            ? null
            : new Diagnostic(Severity.Warning, layout.Nodes[0].Region.Region.Source, Messages.HolesInDirectBootArea(holes, For(layout)))
            {
                Code = DiagnosticCodes.HoleInDirectBootArea,
            };
    }
}
