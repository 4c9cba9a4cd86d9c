using System.Text;
using FsCheck;
using FsCheck.Fluent;

namespace EgmEcc.Tests.Support;

/// <summary>Regions, records and options small enough for <see cref="BitmapPlanner"/>.</summary>
internal sealed record Scenario(PlanOptions Options, Region[] Regions, RetiredRecord[] Records)
{
    public RegionSet RegionSet => RegionSet.Create(Regions);

    public Plan Plan() => Planner.Create(RegionSet, Records, Options);

    public override string ToString()
    {
        var text = new StringBuilder();
        text.Append($"G={Options.Granule} P={Options.GuestPage} E={Options.MinExtent} H=[{string.Join(",", Options.HugePages)}]{(Options.RetireCorrected ? " retire-corrected" : "")}\n");
        foreach (var r in Regions)
        {
            text.Append($"  region {r.Id} base=0x{r.Base:x} size=0x{r.Size:x}\n");
        }

        foreach (var rec in Records)
        {
            text.Append($"  record {rec.Source.Line}: {(rec.Region is null ? "@" : rec.Region + "+")}0x{rec.Start:x} size=0x{rec.Size:x}{(rec.Kind == RecordKind.AtRisk ? " at-risk" : "")}\n");
        }

        return text.ToString();
    }
}

/// <summary>FsCheck generators for planner properties.</summary>
internal static class Scenarios
{
    /// <summary>The unit region sizes are measured in; G and P are 1 to 8 of them.</summary>
    public const ulong Unit = 16;

    private const ulong Top = ulong.MaxValue;

    /// <summary>
    /// 1 to 3 regions of up to ~50 units (some not a multiple of the unit), packed with small gaps
    /// (sometimes touching), placed low, unaligned, or ending exactly at 2^64; up to ~100 records
    /// around them (aligned and not, default-sized or not, some out of region, some region-relative,
    /// some at-risk), planned with corrected errors retired or not.
    /// </summary>
    public static Gen<Scenario> Any =>
        from options in Options
        from regions in Regions
        from records in Records(regions, options)
        select new Scenario(options, regions, records);

    public static Gen<PlanOptions> Options =>
        from g in Gen.Elements(Unit, 2 * Unit, 4 * Unit)
        from p in Gen.Elements(Unit, 2 * Unit, 4 * Unit, 8 * Unit)
        from e in Gen.Frequency(
            (6, Gen.Constant<ulong?>(null)),
            (1, Gen.Constant<ulong?>(1)),
            (2, Gen.Choose(1, 300).Select(x => (ulong?)(ulong)x)))
        from huge in Gen.SubListOf(new[] { 2 * Unit, 4 * Unit, 8 * Unit, 32 * Unit })
        from retireCorrected in Gen.Frequency((3, Gen.Constant(false)), (1, Gen.Constant(true)))
        select new PlanOptions(g, p, e, huge, retireCorrected);

    public static Gen<Region[]> Regions =>
        from count in Gen.Choose(1, 3)
        from sizes in Gen.Choose(1, 48).SelectMany(units => Gen.Frequency(
                (3, Gen.Constant(0)),
                (1, Gen.Choose(1, (int)Unit - 1))).Select(rest => ((ulong)units * Unit) + (ulong)rest))
            .ArrayOf(count)
        from gaps in Gen.Frequency((1, Gen.Constant(0)), (3, Gen.Choose(1, 60))).Select(x => (ulong)x).ArrayOf(count)
        from placement in Gen.Elements("low", "unaligned", "top", "high")
        from shift in Gen.Choose(0, 4096)
        select Place(sizes, gaps, placement, (ulong)shift);

    /// <summary>Any u64, uniformly (FsCheck's own integer generators stay near zero).</summary>
    public static Gen<ulong> UInt64 =>
        from high in Gen.Choose(0, (1 << 22) - 1)
        from middle in Gen.Choose(0, (1 << 21) - 1)
        from low in Gen.Choose(0, (1 << 21) - 1)
        select ((ulong)(uint)high << 42) | ((ulong)(uint)middle << 21) | (uint)low;

    /// <summary>
    /// 1 to 4 regions of up to 2^62 bytes, one per quarter of the space (the last sometimes
    /// ending at 2^64), and up to ~1000 records, half clustered around a few anchors so that
    /// they merge and repeat: sort keys then span many bytes, unlike <see cref="Any"/>.
    /// </summary>
    public static Gen<Scenario> Large =>
        from g in Gen.Elements(4UL << 10, 64UL << 10)
        from p in Gen.Elements(4UL << 10, 64UL << 10, 2UL << 20)
        from count in Gen.Choose(1, 4)
        from sizes in UInt64.Select(x => Math.Max(x >> 2, 1UL << 20)).ArrayOf(count)
        from shifts in Gen.Choose(0, (1 << 20) - 1).ArrayOf(count)
        from top in Gen.Elements(true, false)
        let regions = Quarters(sizes, shifts, top)
        from anchors in UInt64.ArrayOf(8)
        from picks in (
            from r in Gen.Choose(0, regions.Length - 1)
            from clustered in Gen.Elements(true, false)
            from a in Gen.Choose(0, anchors.Length - 1)
            from delta in Gen.Choose(-8, 8)
            from uniform in UInt64
            from relative in Gen.Frequency((7, Gen.Constant(false)), (3, Gen.Constant(true)))
            from size in Gen.Frequency(
                (4, Gen.Constant(0UL)),
                (4, Gen.Choose(1, 1 << 22).Select(x => (ulong)x)),
                (1, Gen.Constant(ulong.MaxValue)))
            select (r, clustered, a, delta, uniform, relative, size)).ArrayOf().Resize(1000)
        select new Scenario(
            new PlanOptions(g, p, 1, [2UL << 20, 1UL << 30]),
            regions,
            picks.Select((x, i) =>
            {
                var region = regions[x.r];
                var span = region.Size + (region.Size / 16);
                var offset = x.clustered
                    ? (ulong)Int128.Clamp(((Int128)(anchors[x.a] % span)) + (x.delta * 0x4000), 0, (Int128)ulong.MaxValue)
                    : x.uniform % span;
                var source = SourceLocation.AtLine("retired.csv", i + 1);
                return x.relative
                    ? RetiredRecord.InRegion(region.Id, offset, x.size, source)
                    : RetiredRecord.AtAddress((ulong)UInt128.Min((UInt128)region.Base + offset, ulong.MaxValue), x.size, source);
            }).ToArray());

    private static Region[] Quarters(ulong[] sizes, int[] shifts, bool top)
    {
        const ulong quarter = 1UL << 62;
        var regions = new Region[sizes.Length];
        for (var i = 0; i < sizes.Length; i++)
        {
            var @base = ((ulong)i * quarter) + (ulong)shifts[i];
            var size = Math.Min(sizes[i], quarter - (ulong)shifts[i]);
            if (top && i == sizes.Length - 1)
            {
                @base = ulong.MaxValue - size + 1;
            }

            regions[i] = new Region($"egm{i}", i, @base, size, SourceLocation.AtLine("regions.csv", i + 2));
        }

        return regions;
    }

    private static Region[] Place(ulong[] sizes, ulong[] gaps, string placement, ulong shift)
    {
        var span = 0UL;
        for (var i = 0; i < sizes.Length; i++)
        {
            span += sizes[i] + (i > 0 ? gaps[i] : 0);
        }

        ulong start = placement switch
        {
            "low" => shift / Unit * Unit,
            "unaligned" => shift,
            "top" => Top - span + 1,
            _ => 0x8000_0000_0000_0000 - shift,
        };

        var regions = new Region[sizes.Length];
        var cursor = start;
        for (var i = 0; i < sizes.Length; i++)
        {
            cursor += i > 0 ? gaps[i] : 0;
            regions[i] = new Region($"egm{i}", i, cursor, sizes[i], SourceLocation.AtLine("regions.csv", i + 2));
            cursor = unchecked(cursor + sizes[i]);
        }

        return regions;
    }

    private static Gen<RetiredRecord[]> Records(Region[] regions, PlanOptions options)
    {
        var l = (int)options.LayoutGranule;
        var size = Gen.Frequency(
            (4, Gen.Constant(0UL)),
            (2, Gen.Choose(1, 3 * l).Select(x => (ulong)x)),
            (2, Gen.Choose(1, 6).Select(x => (ulong)x * Unit)),
            (1, Gen.Elements(ulong.MaxValue, 1UL << 63, (1UL << 63) + 1)));
        var one =
            from kind in Gen.Frequency((6, Gen.Constant(0)), (3, Gen.Constant(1)), (1, Gen.Constant(2)))
            from r in Gen.Choose(0, regions.Length - 1)
            from delta in Gen.Choose(-40, (int)regions[r].Size + 40)
            from aligned in Gen.Elements(true, false)
            from anywhere in Gen.Choose(0, 8192)
            from s in size
            from atRisk in Gen.Frequency((4, Gen.Constant(false)), (1, Gen.Constant(true)))
            select (kind, r, delta, aligned, anywhere, s, atRisk);

        return from picks in one.ArrayOf()
               select picks.Select((p, i) => MakeRecord(regions, p, i + 1)).ToArray();
    }

    private static RetiredRecord MakeRecord(Region[] regions, (int Kind, int R, int Delta, bool Aligned, int Anywhere, ulong Size, bool AtRisk) p, int line)
    {
        var kind = p.AtRisk ? RecordKind.AtRisk : RecordKind.Retired;
        var source = SourceLocation.AtLine("retired.csv", line);
        var region = regions[p.R];
        var delta = p.Aligned ? (p.Delta / (int)Unit) * (int)Unit : p.Delta;
        switch (p.Kind)
        {
            case 1:
                return RetiredRecord.InRegion(region.Id, (ulong)Math.Max(0, delta), p.Size, source, kind: kind);
            case 2:
                // Anywhere low, or just below the top of the space.
                var at = p.Anywhere % 2 == 0 ? (ulong)p.Anywhere : Top - (ulong)p.Anywhere;
                return RetiredRecord.AtAddress(at, p.Size, source, kind: kind);
            default:
                var address = (Int128)region.Base + delta;
                address = Int128.Clamp(address, 0, (Int128)Top);
                return RetiredRecord.AtAddress((ulong)address, p.Size, source, kind: kind);
        }
    }
}
