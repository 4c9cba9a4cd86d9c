namespace EgmEcc.Pipeline.Wording;

/// <summary>
/// The user-facing text of the pipeline in one place: what host collection found missing or
/// disagreeing (docs/design.md §3). Domain words only; a setting is named by the front end.
/// </summary>
internal static partial class Messages
{
    public static string NoRegionInTables(string folder) =>
        $"no EGM region found in the ACPI tables of {folder} (DSDT, SSDT*); firmware describes each region with _DSD properties nvidia,egm-* when EGM virtualization is enabled";

    public static string TableUnreadable(string reason) =>
        $"ACPI table not read: {reason}";

    public static string FirmwareTableNotRead(string region, string spas, string reasons) =>
        $"firmware retired-page table of {region} at {spas} not read ({reasons}): the plan lacks the pages firmware retired in this region. CONFIG_STRICT_DEVMEM refuses reads outside I/O memory: boot with iomem=relaxed, or run as root";

    public static string FirmwareTableCopyNotRead(string region, string spa, string reason, string read) =>
        $"copy of the firmware retired-page table of {region} at {spa} not read ({reason}); the copy at {read} was";

    public static string FirmwareTableCopiesDiffer(string region, string spa, string first) =>
        $"the firmware retired-page table of {region} at {spa} differs from the copy at {first} (firmware keeps one copy per GPU, which should agree); both are planned";

    public static string NoFirmwareTable(string region) =>
        $"{region}: firmware names no retired-page table (no nvidia,egm-retired-pages-data-base): no retired pages";

    public static string KernelLogNotRead(string reason) =>
        $"kernel log not read: {reason}; pages the kernel took offline are missing from the plan";

    public static string KernelLogOverwritten(long times) =>
        $"kernel log: records were overwritten before they could be read ({times} time{(times == 1 ? "" : "s")}); older memory errors may be missing";

    public static string NoEgmClass() =>
        "no EGM device in sysfs: the nvgrace-egm driver has registered none; region sizes not cross-checked";

    public static string SysfsWithoutRegion(string device) =>
        $"sysfs has {device} but no ACPI table describes a region of that PXM";

    public static string RegionWithoutSysfs(string region, string folder) =>
        $"region {region} has no sysfs device ({folder}/{region}): the driver has not registered it";

    public static string SizeDisagrees(string region, ulong sysfs, ulong acpi) =>
        $"egm_size of {region} is {Numbers.Hex(sysfs)} but ACPI gives {Numbers.Hex(acpi)}";

    public static string SysfsUnreadable(string reason) =>
        $"sysfs attribute not read: {reason}";

    public static string IdentityUnreadable(string what, string reason) =>
        $"{what} not read: {reason}";

    public static string HostNameUnusable(string name) =>
        $"host name '{Region.Printable(name)}' cannot name a folder; the host is called 'unknown-host'";

    public static string HostPageDefault(string reason) =>
        $"host page size unknown (transparent hugepage PMD size: {reason}): kernel-log page frame numbers are read as 64 KiB pages";

    public static string DriverListNotRead(string region, string reason) =>
        $"driver retired-page list of {region} not read: {reason}; the driver fails while QEMU holds the device";

    public static string ManifestHostDiffers(string manifestHost, string folder) =>
        $"the manifest names host '{Region.Printable(manifestHost)}' but lies in the folder of host '{folder}'; the folder's name is used";
}
