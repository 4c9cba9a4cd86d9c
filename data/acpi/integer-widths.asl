/*
 * Integers of every AML width: Zero, One, byte, word, dword and qword constants, written in decimal and hex.
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
                    Package () { "nvidia,egm-base-pa", 2147483648 },
                    Package () { "nvidia,egm-size", 1073741824 },
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
                    Package () { "nvidia,egm-base-pa", 0xC0000000 },
                    Package () { "nvidia,egm-size", 0x40000000 },
                    Package () { "nvidia,egm-pxm", One },
                    Package () { "nvidia,egm-retired-pages-data-base", 0xBFFF0000 },
                }
            })
        }

        Device (GPU2)
        {
            Name (_HID, "NVDA2008")
            Name (_UID, 2)
            Name (_DSD, Package ()
            {
                ToUUID ("daffd814-6eba-4d8c-8a91-bc9bbf4aa301"),
                Package ()
                {
                    Package () { "nvidia,egm-base-pa", 0x0000000100000000 },
                    Package () { "nvidia,egm-size", 0x0000000000010000 },
                    Package () { "nvidia,egm-pxm", 0x0102 },
                }
            })
        }

        Device (GPU4)
        {
            Name (_HID, "NVDA2008")
            Name (_UID, 4)
            // GPU0's region again, written in other forms: one region, not a conflict.
            // Compiled with 'iasl -oi' (no integer optimization) the PXM disassembles as 0x00, not Zero.
            Name (_DSD, Package ()
            {
                ToUUID ("daffd814-6eba-4d8c-8a91-bc9bbf4aa301"),
                Package ()
                {
                    Package () { "nvidia,egm-pxm", 0 },
                    Package () { "nvidia,egm-size", 0x40000000 },
                    Package () { "nvidia,egm-base-pa", 0x0000000080000000 },
                }
            })
        }

        Device (GPU3)
        {
            Name (_HID, "NVDA2008")
            Name (_UID, 3)
            Name (_DSD, Package ()
            {
                ToUUID ("daffd814-6eba-4d8c-8a91-bc9bbf4aa301"),
                Package ()
                {
                    Package () { "nvidia,egm-base-pa", 0x0000FFFF00000000 },
                    Package () { "nvidia,egm-size", 4294967296 },
                    Package () { "nvidia,egm-pxm", 255 },
                }
            })
        }
    }
}
