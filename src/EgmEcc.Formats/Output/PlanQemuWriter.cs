using System.Globalization;

namespace EgmEcc.Formats.Output;

/// <summary>
/// <c>qemu</c>: the QEMU options that give a guest one NUMA node per EGM region, backed by the
/// region's <c>/dev/egm&lt;PXM&gt;</c>, in the node order of <see cref="GuestLayout"/>.
/// </summary>
/// <remarks>
/// One option and its value per line, <c>#</c> comments above them:
/// <c>-object memory-backend-file,id=mN,mem-path=/dev/egmP,size=S,share=on,prealloc=on</c> then
/// <c>-numa node,memdev=mN,nodeid=N</c> for each guest node N, with S the region's guest size (or
/// size) as QEMU reads sizes (<c>384G</c>, or bytes). No value contains a space, so
/// <c>$(grep -v '^#' FILE)</c> splits it into QEMU's arguments. The guest's <c>-m</c> must equal
/// the total the comment states. A plan covering several hosts is refused (<see cref="ArgumentException"/>).
/// </remarks>
public sealed class PlanQemuWriter : IPlanWriter
{
    /// <inheritdoc/>
    public string Name => "qemu";

    /// <inheritdoc/>
    public void Write(Plan plan, TextWriter output, OutputOptions options)
    {
        ArgumentNullException.ThrowIfNull(plan);
        ArgumentNullException.ThrowIfNull(output);
        ArgumentNullException.ThrowIfNull(options);
        var layout = GuestLayout.Create(plan, options.GuestBase);

        Provenance.Write(output, "#", "QEMU options for the EGM guest memory, one option per line", options, plan.Options, $"guest base {Numbers.Hex(options.GuestBase)}");
        output.WriteLine(string.Create(CultureInfo.InvariantCulture, $"# guest RAM {SizeText(layout.TotalBytes)} in total: -m must equal it"));
        foreach (var node in layout.Nodes)
        {
            output.WriteLine($"# {PlanDtsWriter.Describe(node)}");
            var id = string.Create(CultureInfo.InvariantCulture, $"m{node.NodeId}");
            output.WriteLine($"-object memory-backend-file,id={id},mem-path={node.Region.Region.DevicePath},size={new ByteSize(node.Span.Size)},share=on,prealloc=on");
            output.WriteLine(string.Create(CultureInfo.InvariantCulture, $"-numa node,memdev={id},nodeid={node.NodeId}"));
        }
    }

    private static string SizeText(UInt128 bytes) =>
        bytes <= ulong.MaxValue ? new ByteSize((ulong)bytes).ToString() : bytes.ToString(CultureInfo.InvariantCulture);
}
