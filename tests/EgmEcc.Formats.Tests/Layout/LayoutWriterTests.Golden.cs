using EgmEcc.Formats.Output;

namespace EgmEcc.Formats.Tests.Layout;

public partial class LayoutWriterTests
{
    public static TheoryData<string> DtsCases => LayoutCases.Names(LayoutCases.Dts);

    public static TheoryData<string> QemuCases => LayoutCases.Names(LayoutCases.Qemu);

    public static TheoryData<string> WindowsCases => LayoutCases.Names(LayoutCases.Windows);

    private static string Render(IPlanWriter writer, LayoutCase c)
    {
        using var output = new StringWriter { NewLine = "\n" };
        writer.Write(c.Plan, output, c.Options);
        return output.ToString();
    }

    [Theory]
    [MemberData(nameof(DtsCases))]
    public void WriteDts_Case_MatchesGoldenFile(string name) =>
        Golden.Check($"dts/{name}.dts", Render(new PlanDtsWriter(), LayoutCases.Named(LayoutCases.Dts, name)));

    [Theory]
    [MemberData(nameof(QemuCases))]
    public void WriteQemu_Case_MatchesGoldenFile(string name) =>
        Golden.Check($"qemu/{name}.qemu", Render(new PlanQemuWriter(), LayoutCases.Named(LayoutCases.Qemu, name)));

    [Theory]
    [MemberData(nameof(WindowsCases))]
    public void WriteWindows_Case_MatchesGoldenFile(string name) =>
        Golden.Check($"windows/{name}.windows", Render(new PlanWindowsWriter(), LayoutCases.Named(LayoutCases.Windows, name)));

    [Fact]
    public void Write_EveryLayoutFormat_StartsWithCommentNamingInvocation()
    {
        var options = new OutputOptions { Invocation = "egmecc plan --regions 'a b.csv' --format X" };
        foreach (var (writer, prefix) in new (IPlanWriter, string)[] { (new PlanDtsWriter(), "//"), (new PlanQemuWriter(), "#"), (new PlanWindowsWriter(), "#") })
        {
            using var output = new StringWriter { NewLine = "\n" };
            // qemu's output is arguments only; its header goes to the notes (standard error).
            if (writer is PlanQemuWriter)
            {
                writer.WriteNotes(LayoutCases.Small, output, options);
            }
            else
            {
                writer.Write(LayoutCases.Small, output, options);
            }

            var lines = output.ToString().Split('\n');
            Assert.All(lines.Take(3), line => Assert.StartsWith(prefix, line, StringComparison.Ordinal));
            Assert.Equal($"{prefix} made by: egmecc plan --regions 'a b.csv' --format X", lines[1]);
            Assert.StartsWith($"{prefix} options: granule 64K, guest page 64K, min extent 64K, huge pages 2M 32M 512M 1G; ", lines[2], StringComparison.Ordinal);
        }
    }

    [Fact]
    public void Write_NoInvocation_StillNamesTheOptionsInEffect()
    {
        var plan = Planner.Create(RegionSet.Create(LayoutCases.Small.Regions.Select(r => r.Region)), [], new PlanOptions(granule: 0x1000, guestPage: 0x20_0000, hugePages: [1UL << 30]));
        using var output = new StringWriter { NewLine = "\n" };

        new PlanDtsWriter().Write(plan, output, new OutputOptions { GuestBase = 0x8000_0000, ReservedMemory = true });

        var lines = output.ToString().Split('\n');
        Assert.Equal("// made by: egmecc", lines[1]);
        Assert.Equal("// options: granule 4K, guest page 2M, min extent 2M, huge pages 1G; guest base 0x80000000, reserved-memory (one memory node per guest node, holes no-map)", lines[2]);
    }

    [Fact]
    public void WriteDts_InvocationWithLineBreak_StaysOneCommentLine()
    {
        using var output = new StringWriter { NewLine = "\n" };
        new PlanDtsWriter().Write(LayoutCases.Small, output, new OutputOptions { Invocation = "egmecc plan --regions 'a\nb.csv'" });

        var lines = output.ToString().Split('\n');
        Assert.Equal("// made by: egmecc plan --regions 'a\\nb.csv'", lines[1]);
        Assert.DoesNotContain(lines, line => line.StartsWith("b.csv", StringComparison.Ordinal));
    }

    [Fact]
    public void PlanWriters_Names_IncludeLayoutFormats()
    {
        Assert.Superset(new HashSet<string> { "dts", "qemu", "windows" }, PlanWriters.All.Names.ToHashSet());
    }
}
