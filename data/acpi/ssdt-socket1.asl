/*
 * One SSDT per socket (2 of 2): socket 1.
 */
DefinitionBlock ("", "SSDT", 2, "NVIDIA", "EGMSKT1", 0x00000001)
{
    External (\_SB.SKT1, DeviceObj)

    Scope (\_SB.SKT1)
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
                    Package () { "nvidia,egm-base-pa", 0x0000402000000000 },
                    Package () { "nvidia,egm-size", 0x0000006000000000 },
                    Package () { "nvidia,egm-pxm", One },
                }
            })
        }
    }
}
