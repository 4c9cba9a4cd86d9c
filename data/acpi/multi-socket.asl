/*
 * Four sockets, two GPUs per socket: every GPU repeats its socket's region (egm0..egm3).
 */
DefinitionBlock ("", "SSDT", 2, "NVIDIA", "GRACEEGM", 0x00000001)
{
    Scope (\_SB)
    {
        Device (GPU0)
        {
            Name (_HID, "NVDA2008")
            Name (_UID, 0x00)
            Name (_DSD, Package ()
            {
                ToUUID ("daffd814-6eba-4d8c-8a91-bc9bbf4aa301"),
                Package ()
                {
                    Package () { "nvidia,egm-base-pa", 0x0000002000000000 },
                    Package () { "nvidia,egm-size", 0x0000007000000000 },
                    Package () { "nvidia,egm-pxm", 0x00 },
                    Package () { "nvidia,egm-retired-pages-data-base", 0x0000001FFFF80000 },
                    Package () { "nvidia,gpu-mem-pxm-start", 16 },
                }
            })
        }

        Device (GPU1)
        {
            Name (_HID, "NVDA2008")
            Name (_UID, 0x01)
            Name (_DSD, Package ()
            {
                ToUUID ("daffd814-6eba-4d8c-8a91-bc9bbf4aa301"),
                Package ()
                {
                    Package () { "nvidia,egm-base-pa", 0x0000002000000000 },
                    Package () { "nvidia,egm-size", 0x0000007000000000 },
                    Package () { "nvidia,egm-pxm", 0x00 },
                    Package () { "nvidia,egm-retired-pages-data-base", 0x0000001FFFF80000 },
                    Package () { "nvidia,gpu-mem-pxm-start", 24 },
                }
            })
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
                    Package () { "nvidia,egm-base-pa", 0x0000402000000000 },
                    Package () { "nvidia,egm-size", 0x0000007000000000 },
                    Package () { "nvidia,egm-pxm", 0x01 },
                    Package () { "nvidia,egm-retired-pages-data-base", 0x0000401FFFF80000 },
                    Package () { "nvidia,gpu-mem-pxm-start", 32 },
                }
            })
        }

        Device (GPU3)
        {
            Name (_HID, "NVDA2008")
            Name (_UID, 0x03)
            Name (_DSD, Package ()
            {
                ToUUID ("daffd814-6eba-4d8c-8a91-bc9bbf4aa301"),
                Package ()
                {
                    Package () { "nvidia,egm-base-pa", 0x0000402000000000 },
                    Package () { "nvidia,egm-size", 0x0000007000000000 },
                    Package () { "nvidia,egm-pxm", 0x01 },
                    Package () { "nvidia,egm-retired-pages-data-base", 0x0000401FFFF80000 },
                    Package () { "nvidia,gpu-mem-pxm-start", 40 },
                }
            })
        }

        Device (GPU4)
        {
            Name (_HID, "NVDA2008")
            Name (_UID, 0x04)
            Name (_DSD, Package ()
            {
                ToUUID ("daffd814-6eba-4d8c-8a91-bc9bbf4aa301"),
                Package ()
                {
                    Package () { "nvidia,egm-base-pa", 0x0000802000000000 },
                    Package () { "nvidia,egm-size", 0x0000007000000000 },
                    Package () { "nvidia,egm-pxm", 0x02 },
                    Package () { "nvidia,egm-retired-pages-data-base", 0x0000801FFFF80000 },
                    Package () { "nvidia,gpu-mem-pxm-start", 48 },
                }
            })
        }

        Device (GPU5)
        {
            Name (_HID, "NVDA2008")
            Name (_UID, 0x05)
            Name (_DSD, Package ()
            {
                ToUUID ("daffd814-6eba-4d8c-8a91-bc9bbf4aa301"),
                Package ()
                {
                    Package () { "nvidia,egm-base-pa", 0x0000802000000000 },
                    Package () { "nvidia,egm-size", 0x0000007000000000 },
                    Package () { "nvidia,egm-pxm", 0x02 },
                    Package () { "nvidia,egm-retired-pages-data-base", 0x0000801FFFF80000 },
                    Package () { "nvidia,gpu-mem-pxm-start", 56 },
                }
            })
        }

        Device (GPU6)
        {
            Name (_HID, "NVDA2008")
            Name (_UID, 0x06)
            Name (_DSD, Package ()
            {
                ToUUID ("daffd814-6eba-4d8c-8a91-bc9bbf4aa301"),
                Package ()
                {
                    Package () { "nvidia,egm-base-pa", 0x0000C02000000000 },
                    Package () { "nvidia,egm-size", 0x0000007000000000 },
                    Package () { "nvidia,egm-pxm", 0x03 },
                    Package () { "nvidia,egm-retired-pages-data-base", 0x0000C01FFFF80000 },
                    Package () { "nvidia,gpu-mem-pxm-start", 64 },
                }
            })
        }

        Device (GPU7)
        {
            Name (_HID, "NVDA2008")
            Name (_UID, 0x07)
            Name (_DSD, Package ()
            {
                ToUUID ("daffd814-6eba-4d8c-8a91-bc9bbf4aa301"),
                Package ()
                {
                    Package () { "nvidia,egm-base-pa", 0x0000C02000000000 },
                    Package () { "nvidia,egm-size", 0x0000007000000000 },
                    Package () { "nvidia,egm-pxm", 0x03 },
                    Package () { "nvidia,egm-retired-pages-data-base", 0x0000C01FFFF80000 },
                    Package () { "nvidia,gpu-mem-pxm-start", 72 },
                }
            })
        }
    }
}
