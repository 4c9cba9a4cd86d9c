using FsCheck;
using FsCheck.Fluent;

namespace EgmEcc.Tests;

public partial class RetiredRecordTests
{
    // Many more names than the origin cache has slots, so that slots collide and are replaced.
    private static readonly string?[] Regions = [null, .. Enumerable.Range(0, 90).Select(i => $"egm{i}")];
    private static readonly string?[] Hosts = [null, .. Enumerable.Range(0, 90).Select(i => $"host{i}")];
    private static readonly string[] Files = [.. Enumerable.Range(0, 5).Select(i => $"retired{i}.csv")];

    /// <summary>
    /// Records made in any order of regions, hosts and files each keep their own three strings,
    /// whatever the records before them shared (docs/design.md §3).
    /// </summary>
    [Fact]
    public void Create_InterleavedRegionsHostsAndFiles_EachRecordKeepsItsOwn()
    {
        // Few names in some cases (neighbours that differ in one string only), many in others.
        var rows =
            from regions in Gen.Choose(1, Regions.Length)
            from hosts in Gen.Choose(1, Hosts.Length)
            from files in Gen.Choose(1, Files.Length)
            from list in Gen.ArrayOf(
                from region in Gen.Choose(0, regions - 1)
                from host in Gen.Choose(0, hosts - 1)
                from file in Gen.Choose(0, files - 1)
                from line in Gen.Choose(1, 1000)
                select (Region: Regions[region], Host: Hosts[host], File: Files[file], Line: line))
            select list;

        Properties.Check(rows, given =>
        {
            var records = given.Select(r => r.Region is null
                ? RetiredRecord.AtAddress(0x1000, 0, SourceLocation.AtLine(r.File, r.Line), r.Host)
                : RetiredRecord.InRegion(r.Region, 0x1000, 0, SourceLocation.AtLine(r.File, r.Line), r.Host)).ToArray();

            for (var i = 0; i < given.Length; i++)
            {
                Assert.Equal(given[i].Region, records[i].Region);
                Assert.Equal(given[i].Host, records[i].Host);
                Assert.Equal(SourceLocation.AtLine(given[i].File, given[i].Line), records[i].Source);
            }
        }, maxTest: 300);
    }

    [Fact]
    public void Default_HasNoRegionHostOrFile()
    {
        var none = default(RetiredRecord);

        Assert.Null(none.Region);
        Assert.Null(none.Host);
        Assert.Equal(default, none.Source);
    }
}
