/*
 * Intel ACPI Component Architecture
 * AML/ASL+ Disassembler version 20200925 (64-bit version)
 * Copyright (c) 2000 - 2020 Intel Corporation
 * 
 * Disassembling to symbolic ASL+ operators
 *
 * Disassembly of per-gpu-tables.aml: two GPUs of PXM 0, each naming its own copy of the
 * firmware retired-page table (docs/design.md §1: one copy per GPU, contents agree).
 *
 * Original Table Header:
 *     Signature        "SSDT"
 *     Length           0x0000019E (414)
 *     Revision         0x02
 *     Checksum         0x44
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
            Name (_DSD, Package (0x02)  // _DSD: Device-Specific Data
            {
                ToUUID ("daffd814-6eba-4d8c-8a91-bc9bbf4aa301") /* Device Properties for _DSD */, 
                Package (0x04)
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
                    }
                }
            })
        }

        Device (GPU1)
        {
            Name (_HID, "NVDA2008")  // _HID: Hardware ID
            Name (_DSD, Package (0x02)  // _DSD: Device-Specific Data
            {
                ToUUID ("daffd814-6eba-4d8c-8a91-bc9bbf4aa301") /* Device Properties for _DSD */, 
                Package (0x04)
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
                        0x0000001FFFF90000
                    }
                }
            })
        }
    }
}

