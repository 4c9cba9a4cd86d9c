/*
 * One socket, one GPU: region egm0 with its retired-page table.
 */
DefinitionBlock ("", "SSDT", 2, "NVIDIA", "GRACEEGM", 0x00000001)
{
    Scope (\_SB)
    {
        Device (GPU0)
        {
            Name (_HID, "NVDA2008")
            Name (_UID, Zero)
            Name (_DSD, Package ()
            {
                ToUUID ("daffd814-6eba-4d8c-8a91-bc9bbf4aa301"),
                Package ()
                {
                    Package () { "nvidia,egm-base-pa", 0x0000000880000000 },
                    Package () { "nvidia,egm-size", 0x0000001F80000000 },
                    Package () { "nvidia,egm-pxm", Zero },
                    Package () { "nvidia,egm-retired-pages-data-base", 0x000000087FF80000 },
                }
            })
        }
    }
}
