using EgmEcc.Formats.Inputs;
using EgmEcc.Pipeline;

namespace EgmEcc.Formats.Tests.Layout;

public partial class QemuEgmModelTests
{
    /// <summary>
    /// The whole path QEMU's EGM code takes, from the driver's ioctl dumps (unsorted, 4 KiB entries of
    /// a 4 KiB-page host) through EgmEcc's ioctl reader, planner and guest layout: equal to QEMU's nodes.
    /// </summary>
    [Fact]
    public void MemoryNodes_IoctlDumpsReadByEgmEcc_EqualQemu()
    {
        (ulong, ulong)[] egm0 = As4K(Pages(0x1ff_0000, 0x0, 0x80_0000));
        (ulong, ulong)[] egm4 = As4K(Pages(0xf0_0000, 0x1_0000));
        var random = new Random(7);
        egm0 = [.. egm0.OrderBy(_ => random.Next())];
        egm4 = [.. egm4.OrderBy(_ => random.Next())];
        var inputs = new HostInputs
        {
            Regions = [TestInputs.Text("host.csv", "id,node,base,size\negm4,4,0x402000000000,16M\negm0,0,0x2000000000,32M\n")],
            Retired =
            [
                TestInputs.File("egm0.ioctl.bin", TestInputs.IoctlList((uint)(8 + (16 * egm0.Length)), (uint)egm0.Length, egm0)),
                TestInputs.File("egm4.ioctl.bin", TestInputs.IoctlList((uint)(8 + (16 * egm4.Length)), (uint)egm4.Length, egm4)),
            ],
            ReadOptions = new ReadOptions { HostPage = 0x1000 },
        };

        var layout = GuestLayout.Create(inputs.Plan(PlanOptions.Default), Base);

        var mine = layout.Nodes.SelectMany(n => n.Memory.Select(m => new QemuMemoryNode(m.Start, m.Size, n.NodeId)));
        var qemu = QemuEgmModel.MemoryNodes(Base, [new QemuEgmModel.GuestNode(32UL << 20, egm0), new QemuEgmModel.GuestNode(16UL << 20, egm4)]);
        Assert.Equal(Sorted(qemu), Sorted(mine));
    }
}
