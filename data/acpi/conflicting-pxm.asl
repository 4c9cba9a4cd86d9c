/*
 * A firmware conflict: two GPUs claim PXM 0 with different region sizes.
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
                    Package () { "nvidia,egm-base-pa", 0x0000002000000000 },
                    Package () { "nvidia,egm-size", 0x0000006000000000 },
                    Package () { "nvidia,egm-pxm", Zero },
                }
            })
        }

        Device (GPU1)
        {
            Name (_HID, "NVDA2008")
            Name (_UID, One)
            Name (_DSD, Package ()
            {
                ToUUID ("daffd814-6eba-4d8c-8a91-bc9bbf4aa301"),
                Package ()
                {
                    Package () { "nvidia,egm-base-pa", 0x0000002000000000 },
                    Package () { "nvidia,egm-size", 0x0000005000000000 },
                    Package () { "nvidia,egm-pxm", Zero },
                }
            })
        }
    }
}
