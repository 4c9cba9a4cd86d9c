/*
 * Intel ACPI Component Architecture
 * AML/ASL+ Disassembler version 20200925 (64-bit version)
 * Copyright (c) 2000 - 2020 Intel Corporation
 * 
 * Disassembling to symbolic ASL+ operators
 *
 * Disassembly of grace-2s.aml
 *
 * Original Table Header:
 *     Signature        "SSDT"
 *     Length           0x0000043E (1086)
 *     Revision         0x02
 *     Checksum         0x4D
 *     OEM ID           "NVIDIA"
 *     OEM Table ID     "GRACEEGM"
 *     OEM Revision     0x00000001 (1)
 *     Compiler ID      "INTL"
 *     Compiler Version 0x20200925 (538970405)
 */
DefinitionBlock ("", "SSDT", 2, "NVIDIA", "GRACEEGM", 0x00000001)
{
    Scope (\_SB)
    {
        Device (GPU0)
        {
            Name (_HID, "NVDA2008")  // _HID: Hardware ID
            Name (_UID, Zero)  // _UID: Unique ID
            Name (_PXM, 0x10)  // _PXM: Device Proximity
            Name (_DSD, Package (0x02)  // _DSD: Device-Specific Data
            {
                ToUUID ("daffd814-6eba-4d8c-8a91-bc9bbf4aa301") /* Device Properties for _DSD */, 
                Package (0x06)
                {
                    Package (0x02)
                    {
                        "nvidia,egm-base-pa", 
                        0x0000002000000000
                    }, 

                    Package (0x02)
                    {
                        "nvidia,egm-size", 
                        0x0000006000000000
                    }, 

                    Package (0x02)
                    {
                        "nvidia,egm-pxm", 
                        Zero
                    }, 

                    Package (0x02)
                    {
                        "nvidia,egm-retired-pages-data-base", 
                        0x0000001FFFF80000
                    }, 

                    Package (0x02)
                    {
                        "nvidia,gpu-mem-pxm-start", 
                        0x10
                    }, 

                    Package (0x02)
                    {
                        "nvidia,gpu-mem-pxm-count", 
                        0x08
                    }
                }
            })
        }

        Device (GPU1)
        {
            Name (_HID, "NVDA2008")  // _HID: Hardware ID
            Name (_UID, One)  // _UID: Unique ID
            Name (_PXM, 0x18)  // _PXM: Device Proximity
            Name (_DSD, Package (0x02)  // _DSD: Device-Specific Data
            {
                ToUUID ("daffd814-6eba-4d8c-8a91-bc9bbf4aa301") /* Device Properties for _DSD */, 
                Package (0x06)
                {
                    Package (0x02)
                    {
                        "nvidia,egm-base-pa", 
                        0x0000002000000000
                    }, 

                    Package (0x02)
                    {
                        "nvidia,egm-size", 
                        0x0000006000000000
                    }, 

                    Package (0x02)
                    {
                        "nvidia,egm-pxm", 
                        Zero
                    }, 

                    Package (0x02)
                    {
                        "nvidia,egm-retired-pages-data-base", 
                        0x0000001FFFF80000
                    }, 

                    Package (0x02)
                    {
                        "nvidia,gpu-mem-pxm-start", 
                        0x18
                    }, 

                    Package (0x02)
                    {
                        "nvidia,gpu-mem-pxm-count", 
                        0x08
                    }
                }
            })
        }

        Device (GPU2)
        {
            Name (_HID, "NVDA2008")  // _HID: Hardware ID
            Name (_UID, 0x02)  // _UID: Unique ID
            Name (_PXM, 0x20)  // _PXM: Device Proximity
            Name (_DSD, Package (0x02)  // _DSD: Device-Specific Data
            {
                ToUUID ("daffd814-6eba-4d8c-8a91-bc9bbf4aa301") /* Device Properties for _DSD */, 
                Package (0x06)
                {
                    Package (0x02)
                    {
                        "nvidia,egm-base-pa", 
                        0x0000402000000000
                    }, 

                    Package (0x02)
                    {
                        "nvidia,egm-size", 
                        0x0000006000000000
                    }, 

                    Package (0x02)
                    {
                        "nvidia,egm-pxm", 
                        One
                    }, 

                    Package (0x02)
                    {
                        "nvidia,egm-retired-pages-data-base", 
                        0x0000401FFFF80000
                    }, 

                    Package (0x02)
                    {
                        "nvidia,gpu-mem-pxm-start", 
                        0x20
                    }, 

                    Package (0x02)
                    {
                        "nvidia,gpu-mem-pxm-count", 
                        0x08
                    }
                }
            })
        }

        Device (GPU3)
        {
            Name (_HID, "NVDA2008")  // _HID: Hardware ID
            Name (_UID, 0x03)  // _UID: Unique ID
            Name (_PXM, 0x28)  // _PXM: Device Proximity
            Name (_DSD, Package (0x02)  // _DSD: Device-Specific Data
            {
                ToUUID ("daffd814-6eba-4d8c-8a91-bc9bbf4aa301") /* Device Properties for _DSD */, 
                Package (0x06)
                {
                    Package (0x02)
                    {
                        "nvidia,egm-base-pa", 
                        0x0000402000000000
                    }, 

                    Package (0x02)
                    {
                        "nvidia,egm-size", 
                        0x0000006000000000
                    }, 

                    Package (0x02)
                    {
                        "nvidia,egm-pxm", 
                        One
                    }, 

                    Package (0x02)
                    {
                        "nvidia,egm-retired-pages-data-base", 
                        0x0000401FFFF80000
                    }, 

                    Package (0x02)
                    {
                        "nvidia,gpu-mem-pxm-start", 
                        0x28
                    }, 

                    Package (0x02)
                    {
                        "nvidia,gpu-mem-pxm-count", 
                        0x08
                    }
                }
            })
        }
    }
}

}
