using System.Text;
using EgmEcc.Diffing;
using EgmEcc.Formats.Inputs;
using EgmEcc.Formats.Output;

namespace EgmEcc.Pipeline.Tests;

public class PlanFilesTests
{
    private static InputFile PlanFile(string name, string retired)
    {
        var plan = new HostInputs
        {
            Regions = [InputFile.FromBytes("r.csv", Encoding.UTF8.GetBytes("id,node,base,size\negm0,0,0x100000000,1G\n"))],
            Retired = [InputFile.FromBytes("t.csv", Encoding.UTF8.GetBytes("address\n" + retired))],
        }.Plan(PlanOptions.Default);
        var json = new StringWriter();
        new PlanJsonWriter().Write(plan, json, OutputOptions.Default);
        return InputFile.FromBytes(name, Encoding.UTF8.GetBytes(json.ToString()));
    }

    [Fact]
    public void Diff_TwoPlanFiles_ShowsTheNewHole()
    {
        var diff = PlanFiles.Diff(PlanFile("old.json", "0x100010000\n"), PlanFile("new.json", "0x100010000\n0x100800000\n"));

        var region = Assert.Single(diff.Regions);
        Assert.Equal(RegionChange.Changed, region.Change);
        Assert.Equal([AddressRange.FromBaseSize(0x800000, 0x10000)], region.NewHoles.ToArray());
        Assert.Empty(region.ClearedHoles);
    }

    [Fact]
    public void Diff_NewFileIsNotAPlan_IsAnInputErrorInThatFile()
    {
        var e = Assert.Throws<InputException>(() => PlanFiles.Diff(PlanFile("old.json", string.Empty), InputFile.FromBytes("new.json", Encoding.UTF8.GetBytes("[]"))));

        Assert.StartsWith("new.json:", e.ToString(), StringComparison.Ordinal);
    }
}
