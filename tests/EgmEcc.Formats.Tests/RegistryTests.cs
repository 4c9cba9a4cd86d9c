using EgmEcc.Formats.Inputs;
using EgmEcc.Formats.Output;
using EgmEcc.Formats.Output.Documents;
using EgmEcc.Formats.Reports;

namespace EgmEcc.Formats.Tests;

public class RegistryTests
{
    private sealed record Entry(string Name) : INamedFormat;

    [Fact]
    public void Find_AnyCase_ReturnsTheEntryOrNull()
    {
        var registry = new Registry<Entry>([new Entry("csv"), new Entry("json")]);

        Assert.Equal("json", registry.Find("JSON")?.Name);
        Assert.Null(registry.Find("xml"));
        Assert.Equal(["csv", "json"], registry.Names.ToArray());
    }

    [Fact]
    public void Create_TwoEntriesOfOneName_Throws()
    {
        var e = Assert.Throws<ArgumentException>(() => new Registry<Entry>([new Entry("csv"), new Entry("CSV")]));

        Assert.Contains("'csv'", e.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void EveryRegistry_ListsTheFormatsHelpNames()
    {
        Assert.Equal(["json", "csv", "text", "dts", "qemu", "windows"], PlanWriters.All.Names.ToArray());
        Assert.Equal(["text", "csv", "json"], FleetWriters.All.Names.ToArray());
        Assert.Equal(["text", "csv", "json"], ForecastWriters.All.Names.ToArray());
        Assert.Equal(["text", "json"], DiffWriters.All.Names.ToArray());
        Assert.Equal(["text", "json", "html", "prometheus"], ReportWriters.All.Names.ToArray());
        Assert.Equal(["csv", "json", "acpi", "aml"], FormatRegistry.Default.RegionReaders.Names.ToArray());
    }
}
