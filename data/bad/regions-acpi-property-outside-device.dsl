/*
 * A _DSD at the root of the table: no GPU device to give the region.
 */
DefinitionBlock ("", "SSDT", 2, "NVIDIA", "EGMTEST", 0x00000001)
{
    Name (_DSD, Package (0x02)
    {
        ToUUID ("daffd814-6eba-4d8c-8a91-bc9bbf4aa301"),
        Package (0x03)
        {
            Package (0x02) { "nvidia,egm-base-pa", 0x0000002000000000 },
            Package (0x02) { "nvidia,egm-size", 0x0000006000000000 },
            Package (0x02) { "nvidia,egm-pxm", Zero }
        }
    })
}
