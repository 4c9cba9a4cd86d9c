using System.Collections.Immutable;

namespace EgmEcc.Benchmarks;

/// <summary>The inputs every benchmark shares: one seed, one fleet layout, cached CSV files.</summary>
public static class BenchInputs
{
    /// <summary>The seed of every generated input.</summary>
    public const int Seed = 20_26;

    /// <summary>8 regions: 4 hosts of 2 sockets.</summary>
    public static ImmutableArray<Region> Regions { get; } = FleetGenerator.Regions(hosts: 4, socketsPerHost: 2);

    /// <summary>The validated region set.</summary>
    public static RegionSet RegionSet { get; } = EgmEcc.RegionSet.Create(Regions);

    /// <summary>Generates <paramref name="count"/> records in memory.</summary>
    public static RetiredRecord[] Records(int count) => new FleetGenerator(Seed).Records(Regions, count);

    /// <summary>
    /// The retired CSV of <paramref name="count"/> records, written once to the temporary folder
    /// and reused (the benchmark process and its host both find it by name); delete
    /// <c>$TMPDIR/egmecc-bench</c> to reclaim the space.
    /// </summary>
    public static string RetiredCsv(long count)
    {
        var folder = Path.Combine(Path.GetTempPath(), "egmecc-bench");
        Directory.CreateDirectory(folder);
        var path = Path.Combine(folder, $"retired-{Seed}-{count}.csv");
        if (!File.Exists(path))
        {
            var partial = path + "." + Environment.ProcessId + ".tmp";
            using (var stream = new FileStream(partial, FileMode.Create, FileAccess.Write, FileShare.None, 1 << 16))
            {
                new FleetGenerator(Seed).WriteRetiredCsv(stream, Regions, count);
            }

            File.Move(partial, path, overwrite: true);
        }

        return path;
    }

    /// <summary>The path <see cref="RetiredCsv"/> uses, without creating it.</summary>
    public static string RetiredCsvPath(long count) =>
        Path.Combine(Path.GetTempPath(), "egmecc-bench", $"retired-{Seed}-{count}.csv");
}
