namespace EgmEcc.Tests.Support;

/// <summary>What every plan must satisfy, whatever its input (docs/design.md §2, §4).</summary>
internal static class PlanInvariants
{
    /// <summary>Extents and holes tile each region; accounting and stats balance.</summary>
    public static void AssertWellFormed(Plan plan, int records)
    {
        var a = plan.Accounting;
        Assert.True(a.IsBalanced, $"unbalanced accounting {a}");
        Assert.Equal(records, a.Records);
        Assert.Equal(a.Records, a.Applied + a.AtRisk + a.Duplicate + a.OutOfRegion);
        Assert.True(a.Clipped <= a.Applied + a.AtRisk + a.Duplicate, $"clipped exceeds attributed in {a}");
        Assert.True(a.Applied >= 0 && a.AtRisk >= 0 && a.Duplicate >= 0 && a.OutOfRegion >= 0 && a.Clipped >= 0, $"negative count in {a}");
        Assert.True(!plan.Options.RetireCorrected || a.AtRisk == 0, $"at-risk records in a plan that retires them: {a}");

        // A record split across regions counts once in the plan but in every region it applied in.
        var regionApplied = plan.Regions.Sum(r => r.Stats.AppliedRecords);
        Assert.True(regionApplied >= a.Applied, $"regions applied {regionApplied} records, fewer than the {a.Applied} applied");
        Assert.True(regionApplied == 0 || a.Applied > 0, $"regions applied {regionApplied} records but the plan none");

        for (var i = 1; i < plan.Regions.Length; i++)
        {
            var (p, c) = (plan.Regions[i - 1].Region, plan.Regions[i].Region);
            var order = string.CompareOrdinal(p.Host, c.Host);
            Assert.True(order < 0 || (order == 0 && p.Base < c.Base), $"regions out of (host, base) order: {p.Id}, {c.Id}");
        }

        foreach (var region in plan.Regions)
        {
            AssertTiles(region, plan.Options);
        }
    }

    /// <summary>
    /// Extents and holes sorted by offset, disjoint, alternating (so maximal), covering [0, size)
    /// exactly; every extent at least the minimum extent; the stats add up.
    /// </summary>
    public static void AssertTiles(RegionPlan plan, PlanOptions options)
    {
        var size = plan.Region.Size;
        var pieces = plan.Usable.Select(u => (u.Start, u.Size, Hole: false))
            .Concat(plan.Holes.Select(h => (Start: h.Offset, h.Size, Hole: true)))
            .OrderBy(p => p.Start)
            .ToArray();

        Assert.True(pieces.Length > 0, $"region {plan.Region.Id} has neither extents nor holes");
        UInt128 cursor = 0;
        for (var i = 0; i < pieces.Length; i++)
        {
            var piece = pieces[i];
            Assert.True(piece.Size > 0, $"empty piece at {piece.Start:x} in {plan.Region.Id}");
            Assert.True(piece.Start == cursor, $"gap or overlap at 0x{cursor:x} in {plan.Region.Id}: next piece starts at 0x{piece.Start:x}");
            if (i > 0)
            {
                Assert.True(pieces[i - 1].Hole != piece.Hole, $"two {(piece.Hole ? "holes" : "extents")} meet at 0x{piece.Start:x} in {plan.Region.Id}");
            }

            cursor += piece.Size;
        }

        Assert.Equal((UInt128)size, cursor);
        Assert.Equal(plan.Usable.OrderBy(u => u.Start).ToArray(), plan.Usable.ToArray());
        Assert.Equal(plan.Holes.OrderBy(h => h.Offset).ToArray(), plan.Holes.ToArray());
        Assert.All(plan.Usable, u => Assert.True(u.Size >= options.MinExtent, $"extent {u} shorter than the minimum extent"));
        Assert.All(plan.Holes, h => Assert.Equal(h.Size, h.RetiredBytes + h.FragmentBytes));

        // At-risk ranges: sorted, apart (so maximal), each inside one usable extent.
        for (var i = 0; i < plan.AtRisk.Length; i++)
        {
            var risk = plan.AtRisk[i];
            Assert.True(risk.Size > 0, $"empty at-risk range in {plan.Region.Id}");
            if (i > 0)
            {
                Assert.True(plan.AtRisk[i - 1].End < risk.Start, $"at-risk ranges {plan.AtRisk[i - 1]} and {risk} in {plan.Region.Id} overlap, touch or are out of order");
            }

            Assert.True(plan.Usable.Any(u => u.Encloses(risk)), $"at-risk range {risk} of {plan.Region.Id} is not inside a usable extent");
        }

        var s = plan.Stats;
        Assert.Equal(plan.AtRisk.Aggregate(0UL, (t, r) => t + r.Size), s.AtRiskBytes);
        Assert.Equal(s.AtRiskBytes / options.Granule, s.AtRiskPages);
        Assert.True(s.AtRiskBytes <= s.UsableBytes);
        Assert.Equal(size, s.SizeBytes);
        Assert.Equal(s.SizeBytes, s.UsableBytes + s.HoleBytes);
        Assert.Equal(s.HoleBytes, s.RetiredBytes + s.FragmentBytes);
        Assert.Equal(s.UsableBytes, plan.Usable.Aggregate(0UL, (t, u) => t + u.Size));
        Assert.Equal(s.RetiredBytes, plan.Holes.Aggregate(0UL, (t, h) => t + h.RetiredBytes));
        Assert.Equal(s.FragmentBytes, plan.Holes.Aggregate(0UL, (t, h) => t + h.FragmentBytes));
        Assert.Equal(plan.Usable.Length, s.Extents);
        Assert.Equal(plan.Holes.Length, s.Holes);
        Assert.Equal(plan.Usable.Select(u => u.Size).DefaultIfEmpty(0UL).Max(), s.LargestExtentBytes);
        Assert.Equal(options.HugePages.ToArray(), s.HugePageCapacity.Select(h => h.PageSize).ToArray());
        Assert.All(s.HugePageCapacity, h =>
        {
            Assert.Equal(size / h.PageSize, h.Ideal);
            Assert.True(h.Count <= h.Ideal);
        });
    }
}
