/*
 * Properties in other orders, mixed with other properties; one _DSD returned by a method; no table base.
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
                    Package () { "nvidia,gpu-mem-pxm-start", 16 },
                    Package () { "nvidia,egm-pxm", 0x04 },
                    Package () { "nvidia,egm-size", 0x0000002000000000 },
                    Package () { "nvidia,egm-base-pa", 0x0000100000000000 },
                }
            })
        }

        Device (GPU1)
        {
            Name (_HID, "NVDA2008")
            Name (_UID, One)
            Method (_DSD, 0, NotSerialized)  // properties returned by a method
            {
                Return (Package ()
                {
                    ToUUID ("daffd814-6eba-4d8c-8a91-bc9bbf4aa301"),
                    Package ()
                    {
                        Package () { "nvidia,egm-size", 0x0000002000000000 },
                        Package () { "nvidia,gpu-mem-pxm-count", 8 },
                        Package () { "nvidia,egm-base-pa", 0x0000100000000000 },
                        Package () { "nvidia,egm-pxm", 0x04 },
                    }
                })
            }
        }

        Device (GPU2)
        {
            Name (_HID, "NVDA2008")
            Name (_UID, 0x02)
            Name (_DSD, Package ()
            {
                ToUUID ("daffd814-6eba-4d8c-8a91-bc9bbf4aa301"),
                Package ()
                {
                    Package () { "nvidia,egm-pxm", 0x05 },
                    Package () { "nvidia,egm-base-pa", 0x0000120000000000 },
                    Package () { "nvidia,egm-size", 0x0000002000000000 },
                }
            })
        }
    }
}
