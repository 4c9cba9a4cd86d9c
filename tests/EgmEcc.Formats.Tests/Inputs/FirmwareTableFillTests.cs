using EgmEcc.Formats.Binary;
using EgmEcc.Formats.Inputs;

namespace EgmEcc.Formats.Tests;

/// <summary>
/// Which region a firmware table's fill belongs to (docs/design.md §1): the region holding its
/// entries; for a table with none in any region, the <c>egm&lt;N&gt;</c> its file name says; else
/// unknown, counted for the host only. Copies of one region's table are one table.
/// </summary>
public class FirmwareTableFillTests
{
    private static readonly FirmwareTableReader Reader = new();

    private static List<FirmwareTableFill> Fills(string name, byte[] bytes, RegionSet? regions = null, string? host = null)
    {
        var fills = new List<FirmwareTableFill>();
        var options = ReadOptions.Default with { Regions = regions ?? TestInputs.Grace2s(), Host = host, TableFills = fills.Add };
        TestInputs.Read(Reader, TestInputs.File(name, bytes), options);
        return fills;
    }

    [Fact]
    public void Fill_EntriesInOneRegion_BelongToThatRegionWhateverTheName()
    {
        var fill = Assert.Single(Fills("egm0.fwtable", TestInputs.FirmwareTable(2, 0x4020_0001_0000, 0x4020_0002_0000)));

        Assert.Equal(new FirmwareTableFill(SourceLocation.AtByte("egm0.fwtable", 0), string.Empty, "egm1", 2), fill);
        Assert.Equal(4094, fill.Left);
    }

    [Fact]
    public void Fill_FirstEntryOutOfRegion_TheRegionOfTheOthersDecides()
    {
        var fill = Assert.Single(Fills("t.bin", TestInputs.FirmwareTable(2, 0x10, 0x20_0005_0000)));

        Assert.Equal("egm0", fill.Region);
    }

    [Fact]
    public void Fill_EmptyTableNamedEgmN_BelongsToThatRegion()
    {
        var fill = Assert.Single(Fills("host/egm1.fwtable", TestInputs.FirmwareTable(0)));

        Assert.Equal("egm1", fill.Region);
        Assert.Equal(0, fill.Entries);
    }

    [Fact]
    public void Fill_EmptyTableNamedByNodeOfARegionCalledOtherwise_BelongsToThatRegion()
    {
        var regions = RegionSet.Create([new Region("left", 0, 0x20_0000_0000, 1UL << 30, TestInputs.Here, "h1")]);

        var fill = Assert.Single(Fills("egm0.fwtable", TestInputs.FirmwareTable(0), regions, host: "h1"));

        Assert.Equal(new FirmwareTableFill(SourceLocation.AtByte("egm0.fwtable", 0), "h1", "left", 0), fill);
    }

    [Theory]
    [InlineData("dump.bin")]
    [InlineData("egm7.fwtable")]
    public void Fill_NoEntryInARegionAndNoRegionNamed_IsUnknown(string name)
    {
        var fill = Assert.Single(Fills(name, TestInputs.FirmwareTable(1, 0x10), host: null));

        Assert.Null(fill.Region);
        Assert.Equal(string.Empty, fill.Host);
        Assert.Equal(1, fill.Entries);
    }

    [Fact]
    public void Fill_NobodyAsking_ReadsAsBefore()
    {
        var (records, notes) = TestInputs.Read(Reader, TestInputs.File("t.bin", TestInputs.FirmwareTable(1, 0x20_0001_0000)));

        Assert.Single(records);
        Assert.Empty(notes);
    }

    [Fact]
    public void TableEntries_CopiesOfOneRegionsTable_AreTheLargestNotTheSum()
    {
        var regions = TestInputs.Grace2s();
        var plan = Planner.Create(regions, [], PlanOptions.Default) with
        {
            FirmwareTables =
            [
                new FirmwareTableFill(SourceLocation.InFile("egm0.fwtable"), string.Empty, "egm0", 12),
                new FirmwareTableFill(SourceLocation.InFile("egm0.copy1.fwtable"), string.Empty, "egm0", 14),
                new FirmwareTableFill(SourceLocation.InFile("odd.bin"), string.Empty, null, 3),
            ],
        };

        Assert.Equal(14, plan.TableEntries(regions.Regions[0]));
        Assert.Null(plan.TableEntries(regions.Regions[1]));
        Assert.Equal(14, plan.HostTableEntries(string.Empty));
        Assert.Null(plan.HostTableEntries("other"));
    }

    [Fact]
    public void HostTableEntries_OnlyATableOfUnknownRegion_CountsForTheHost()
    {
        var plan = Planner.Create(TestInputs.Grace2s(), [], PlanOptions.Default) with
        {
            FirmwareTables = [new FirmwareTableFill(SourceLocation.InFile("odd.bin"), string.Empty, null, 3)],
        };

        Assert.Equal(3, plan.HostTableEntries(string.Empty));
        Assert.All(plan.Regions, r => Assert.Null(plan.TableEntries(r.Region)));
    }
}
