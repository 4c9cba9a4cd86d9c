/*
 * The two-socket sample host (grace-2s.regions.csv) as its firmware describes it: two GPUs
 * per socket, each repeating its socket's EGM region in its _DSD device properties.
 * Compile and disassemble as on a real host:  iasl -p grace-2s grace-2s.asl && iasl -d grace-2s.aml
 */
DefinitionBlock ("", "SSDT", 2, "NVIDIA", "GRACEEGM", 0x00000001)
{
    Scope (\_SB)
    {
        Device (GPU0)
        {
            Name (_HID, "NVDA2008")
            Name (_UID, Zero)
            Name (_PXM, 0x10)
            Name (_DSD, Package ()
            {
                ToUUID ("daffd814-6eba-4d8c-8a91-bc9bbf4aa301"),
                Package ()
                {
                    Package () { "nvidia,egm-base-pa", 0x0000002000000000 },
                    Package () { "nvidia,egm-size", 0x0000006000000000 },
                    Package () { "nvidia,egm-pxm", Zero },
                    Package () { "nvidia,egm-retired-pages-data-base", 0x0000001FFFF80000 },
                    Package () { "nvidia,gpu-mem-pxm-start", 16 },
                    Package () { "nvidia,gpu-mem-pxm-count", 8 },
                }
            })
        }

        Device (GPU1)
        {
            Name (_HID, "NVDA2008")
            Name (_UID, One)
            Name (_PXM, 0x18)
            Name (_DSD, Package ()
            {
                ToUUID ("daffd814-6eba-4d8c-8a91-bc9bbf4aa301"),
                Package ()
                {
                    Package () { "nvidia,egm-base-pa", 0x0000002000000000 },
                    Package () { "nvidia,egm-size", 0x0000006000000000 },
                    Package () { "nvidia,egm-pxm", Zero },
                    Package () { "nvidia,egm-retired-pages-data-base", 0x0000001FFFF80000 },
                    Package () { "nvidia,gpu-mem-pxm-start", 24 },
                    Package () { "nvidia,gpu-mem-pxm-count", 8 },
                }
            })
        }

        Device (GPU2)
        {
            Name (_HID, "NVDA2008")
            Name (_UID, 0x02)
            Name (_PXM, 0x20)
            Name (_DSD, Package ()
            {
                ToUUID ("daffd814-6eba-4d8c-8a91-bc9bbf4aa301"),
                Package ()
                {
                    Package () { "nvidia,egm-base-pa", 0x0000402000000000 },
                    Package () { "nvidia,egm-size", 0x0000006000000000 },
                    Package () { "nvidia,egm-pxm", One },
                    Package () { "nvidia,egm-retired-pages-data-base", 0x0000401FFFF80000 },
                    Package () { "nvidia,gpu-mem-pxm-start", 32 },
                    Package () { "nvidia,gpu-mem-pxm-count", 8 },
                }
            })
        }

        Device (GPU3)
        {
            Name (_HID, "NVDA2008")
            Name (_UID, 0x03)
            Name (_PXM, 0x28)
            Name (_DSD, Package ()
            {
                ToUUID ("daffd814-6eba-4d8c-8a91-bc9bbf4aa301"),
                Package ()
                {
                    Package () { "nvidia,egm-base-pa", 0x0000402000000000 },
                    Package () { "nvidia,egm-size", 0x0000006000000000 },
                    Package () { "nvidia,egm-pxm", One },
                    Package () { "nvidia,egm-retired-pages-data-base", 0x0000401FFFF80000 },
                    Package () { "nvidia,gpu-mem-pxm-start", 40 },
                    Package () { "nvidia,gpu-mem-pxm-count", 8 },
                }
            })
        }
    }
}
