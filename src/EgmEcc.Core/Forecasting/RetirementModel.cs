using EgmEcc.Synthesis;

namespace EgmEcc.Forecasting;

/// <summary>Draws the new retirements of one region for one trial.</summary>
public static class RetirementModel
{
    /// <summary>
    /// Appends to <paramref name="into"/> the region-offset ranges that retire in
    /// <c>[0, regionSize)</c>, each a whole number of granules (clipped at the region's end).
    /// </summary>
    public static void Sample(ref SeededRandom random, ulong regionSize, ulong granule, ForecastOptions options, List<AddressRange> into)
    {
        ArgumentNullException.ThrowIfNull(options);
        ArgumentNullException.ThrowIfNull(into);
        var expected = options.ExpectedPages(regionSize);
        var granules = (regionSize / granule) + (regionSize % granule == 0 ? 0UL : 1UL);
        if (expected <= 0 || granules == 0)
        {
            return;
        }

        if (options.Spread == RetirementSpread.Uniform)
        {
            var pages = random.NextPoisson(expected);
            for (long i = 0; i < pages; i++)
            {
                into.Add(Granules(random.NextBelow(granules), 1, granule, regionSize));
            }

            return;
        }

        var runs = random.NextPoisson(expected / options.MeanRunPages);
        for (long i = 0; i < runs; i++)
        {
            var first = random.NextBelow(granules);
            var length = (ulong)random.NextGeometric(options.MeanRunPages);
            into.Add(Granules(first, Math.Min(length, granules - first), granule, regionSize));
        }
    }

    private static AddressRange Granules(ulong first, ulong count, ulong granule, ulong regionSize)
    {
        var start = first * granule;
        var size = Math.Min(count * granule, regionSize - start);
        return AddressRange.FromBaseSize(start, size);
    }
}
