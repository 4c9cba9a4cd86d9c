using EgmEcc.Formats.Inputs;

namespace EgmEcc.Pipeline;

/// <summary>
/// A fleet given as region and retired files whose rows name their host (a <c>host</c> column),
/// in any order: every file is read once, then records are grouped by host.
/// </summary>
/// <remarks>
/// Memory: the records are held once, in one array sized from a line count of the files (no
/// doubling), plus an <c>int</c> per record for the grouping; each host's records are gathered
/// only while it is planned. At 10^7 records that is about 0.6 GB.
/// </remarks>
public sealed class HostColumnFleetSource : FleetSource
{
    private readonly string[] hosts;
    private readonly RegionSet[] regions;
    private readonly LoadedHost loaded;
    private readonly int[] order;
    private readonly int[] firstOfHost;

    /// <summary>Reads every file (as a single run reads its inputs) and groups the records by host.</summary>
    /// <exception cref="InputException">Bad input, a record naming an unknown host, or one naming none when there are several.</exception>
    public HostColumnFleetSource(HostInputs inputs)
    {
        ArgumentNullException.ThrowIfNull(inputs);
        // The list never needs room past the record limit: the read stops there.
        loaded = inputs.Load((int)Math.Min(EstimateRows(inputs.Retired), inputs.ReadOptions.MaxRecords));
        hosts = [.. loaded.Regions.Hosts];
        var hostIndex = new Dictionary<string, int>(hosts.Length, StringComparer.Ordinal);
        for (var h = 0; h < hosts.Length; h++)
        {
            hostIndex[hosts[h]] = h;
        }

        regions = new RegionSet[hosts.Length];
        var byHost = loaded.Regions.Regions.GroupBy(r => r.Host, StringComparer.Ordinal).ToDictionary(g => g.Key, g => g.ToList(), StringComparer.Ordinal);
        for (var h = 0; h < hosts.Length; h++)
        {
            regions[h] = RegionSet.Create(byHost[hosts[h]]);
        }

        (order, firstOfHost) = Group(loaded.Records, hostIndex);
    }

    /// <inheritdoc/>
    public override IReadOnlyList<string> Hosts => hosts;

    /// <inheritdoc/>
    public override IReadOnlyList<Diagnostic> Notes => loaded.Notes;

    /// <inheritdoc/>
    public override LoadedHost Load(int index)
    {
        var records = loaded.Records;
        var mine = new List<RetiredRecord>(firstOfHost[index + 1] - firstOfHost[index]);
        for (var i = firstOfHost[index]; i < firstOfHost[index + 1]; i++)
        {
            mine.Add(records[order[i]]);
        }

        return new LoadedHost(regions[index], mine, []) { TableFills = [.. loaded.TableFills.Where(f => f.Host == hosts[index])] };
    }

    /// <summary>A stable counting sort of record indices by host.</summary>
    private (int[] Order, int[] First) Group(ReadOnlySpan<RetiredRecord> all, Dictionary<string, int> hostIndex)
    {
        var ofRecord = new int[all.Length];
        var first = new int[hosts.Length + 1];
        string? lastName = null;
        var last = -1;
        for (var i = 0; i < all.Length; i++)
        {
            var named = all[i].Host;
            if (named is null)
            {
                if (hosts.Length != 1)
                {
                    throw new InputException(all[i].Source, $"the record names no host, but the regions describe {hosts.Length} hosts; add a 'host' column");
                }

                last = 0;
            }
            else if (!ReferenceEquals(named, lastName))
            {
                if (!hostIndex.TryGetValue(named, out last))
                {
                    throw new InputException(all[i].Source, $"the record names host '{named}', which no region input defines");
                }

                lastName = named;
            }

            ofRecord[i] = last;
            first[last + 1]++;
        }

        for (var h = 0; h < hosts.Length; h++)
        {
            first[h + 1] += first[h];
        }

        var next = (int[])first.Clone();
        var sorted = new int[all.Length];
        for (var i = 0; i < all.Length; i++)
        {
            sorted[next[ofRecord[i]]++] = i;
        }

        return (sorted, first);
    }

    /// <summary>The number of lines of the files on disk, to size the record list once; 0 for streams.</summary>
    private static int EstimateRows(IReadOnlyList<InputFile> files)
    {
        long lines = 0;
        var buffer = new byte[1 << 20];
        foreach (var file in files)
        {
            if (file.Name == "-" || !File.Exists(file.Name))
            {
                continue;
            }

            using var stream = file.Open();
            int read;
            while ((read = stream.Read(buffer, 0, buffer.Length)) > 0)
            {
                lines += buffer.AsSpan(0, read).Count((byte)'\n');
            }
        }

        return (int)Math.Min(lines + 1, Array.MaxLength);
    }
}
