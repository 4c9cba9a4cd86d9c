using System.Globalization;

namespace EgmEcc.Formats.Output;

/// <summary>
/// <c>qemu</c>: the QEMU arguments that give a guest its RAM as one NUMA node per EGM region, backed
/// by the region's <c>/dev/egm&lt;PXM&gt;</c>, in the node order of <see cref="GuestLayout"/>.
/// </summary>
/// <remarks>
/// <para>The output is arguments only, so <c>qemu-system-aarch64 ... $(egmecc plan ... --format qemu)</c>
/// and <c>$(cat FILE)</c> work with no edits (docs/design.md §4.5): <c>-m S</c> with S the sum of the
/// guest node sizes, then per guest node N
/// <c>-object memory-backend-file,id=mN,mem-path=/dev/egmP,size=S,share=on</c> (<c>,prealloc=on</c>
/// with <see cref="OutputOptions.Prealloc"/>) and <c>-numa node,memdev=mN,nodeid=N</c>, one option
/// and its value per line. No value contains a space. Sizes are as QEMU reads them (<c>384G</c>, or
/// bytes with a <c>B</c> suffix: a bare <c>-m</c> number means MiB).</para>
/// <para>A shell's command substitution does not drop <c>#</c> lines (they become arguments), so the
/// explanation other layouts carry as comments (what, made by, options, one line per node) is
/// written by <see cref="WriteNotes"/>, to standard error. A plan covering several hosts is refused
/// (<see cref="ArgumentException"/>).</para>
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

        output.WriteLine($"-m {MemorySize(layout.TotalBytes)}");
        foreach (var node in layout.Nodes)
        {
            var id = string.Create(CultureInfo.InvariantCulture, $"m{node.NodeId}");
            var prealloc = options.Prealloc ? ",prealloc=on" : string.Empty;
            output.WriteLine($"-object memory-backend-file,id={id},mem-path={node.Region.Region.DevicePath},size={BackendSize(node.Span.Size)},share=on{prealloc}");
            output.WriteLine(string.Create(CultureInfo.InvariantCulture, $"-numa node,memdev={id},nodeid={node.NodeId}"));
        }
    }

    /// <summary>The explanation of the arguments, as <c>#</c> lines for standard error: what, made by, options, one line per guest node.</summary>
    public void WriteNotes(Plan plan, TextWriter notes, OutputOptions options)
    {
        ArgumentNullException.ThrowIfNull(plan);
        ArgumentNullException.ThrowIfNull(notes);
        ArgumentNullException.ThrowIfNull(options);
        var layout = GuestLayout.Create(plan, options.GuestBase);

        Provenance.Write(
            notes,
            "#",
            "QEMU arguments for the EGM guest memory (the output holds the arguments only)",
            options,
            plan.Options,
            $"guest base {Numbers.Hex(options.GuestBase)}{(options.Prealloc ? ", prealloc" : string.Empty)}");
        foreach (var node in layout.Nodes)
        {
            notes.WriteLine($"# {PlanDtsWriter.Describe(node)}");
        }
    }

    /// <summary><c>-m</c>'s value: a suffixed size, or bytes with a <c>B</c> suffix (a bare number is MiB to QEMU).</summary>
    private static string MemorySize(UInt128 bytes)
    {
        var text = bytes <= ulong.MaxValue ? new ByteSize((ulong)bytes).ToString() : bytes.ToString(CultureInfo.InvariantCulture);
        return char.IsAsciiDigit(text[^1]) ? text + "B" : text;
    }

    /// <summary><c>size=</c>'s value: QEMU reads a bare number as bytes here.</summary>
    private static string BackendSize(ulong bytes) => new ByteSize(bytes).ToString();
}
