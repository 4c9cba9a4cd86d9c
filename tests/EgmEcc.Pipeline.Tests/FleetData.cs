using EgmEcc.Formats.Synthesis;
using EgmEcc.Synthesis;

namespace EgmEcc.Pipeline.Tests;

/// <summary>Where the sample fleet lives, and synthetic fleets written to temporary folders.</summary>
internal static class FleetData
{
    public static string Root => Repo.Root;

    public static string SampleTree => Path.Combine(Root, "data", "fleet", "hosts");

    public static string SampleRegions => Path.Combine(Root, "data", "fleet", "regions.csv");

    public static string SampleRetired => Path.Combine(Root, "data", "fleet", "retired.csv");

    /// <summary>A fresh empty temporary directory.</summary>
    public static string TempDirectory()
    {
        var path = Path.Combine(Path.GetTempPath(), "egmecc-tests", Guid.NewGuid().ToString("N"));
        Directory.CreateDirectory(path);
        return path;
    }

    /// <summary>A synthetic fleet in both layouts: (tree, regions.csv, retired.csv).</summary>
    public static (string Tree, string Regions, string Retired) Synthetic(int hosts, long records, ulong seed)
    {
        var fleet = new FleetSynthesizer(new SynthOptions { Hosts = hosts, Records = records, Seed = seed });
        var directory = TempDirectory();
        var tree = Path.Combine(directory, "tree");
        SynthWriter.WriteTree(fleet, tree);
        var regions = Path.Combine(directory, "regions.csv");
        var retired = Path.Combine(directory, "retired.csv");
        using (var r = new StreamWriter(regions))
        using (var t = new StreamWriter(retired))
        {
            SynthWriter.WriteHostColumn(fleet, r, t);
        }

        return (tree, regions, retired);
    }
}
