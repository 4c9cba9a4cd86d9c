using System.Text;
using EgmEcc.Formats.Inputs;

namespace EgmEcc.Pipeline.Tests;

public partial class HostInputsTests
{
    /// <summary>One region of 1 MiB at 0, and a kernel log whose reader always leaves a note.</summary>
    private static HostInputs RegionAndKernelLog(string kernelLog) => new()
    {
        Regions = [Text("r.csv", "id,node,base,size\negm0,0,0x0,1M\n")],
        Retired = [Text("kern.log", kernelLog)],
    };

    private static InputFile Text(string name, string text) => InputFile.FromBytes(name, Encoding.UTF8.GetBytes(text));

    [Fact]
    public void Plan_ReaderNotesComeBeforeThePlannersWarnings()
    {
        // pfn 0x100 of 64 KiB pages is 16 MiB: in no region, so the planner warns.
        var plan = RegionAndKernelLog("[    5.000000] Memory failure: 0x100: recovery action for dirty LRU page: Recovered\n").Plan(PlanOptions.Default);

        Assert.Collection(
            plan.Diagnostics,
            note => Assert.StartsWith("kernel log: 1 retired-page line read", note.Message, StringComparison.Ordinal),
            warning => Assert.Equal(DiagnosticCodes.OutOfRegion, warning.Code));
    }

    [Fact]
    public void Load_ReadsRegionsAndRecordsAndKeepsTheNotesApart()
    {
        var loaded = RegionAndKernelLog("[    5.000000] Memory failure: 0x1: recovery action for dirty LRU page: Recovered\n").Load();

        Assert.Equal("egm0", Assert.Single(loaded.Regions.Regions).Id);
        Assert.Equal(0x10000UL, loaded.Records[0].Start);
        Assert.Equal(Severity.Info, Assert.Single(loaded.Notes).Severity);
    }
}
