namespace EgmEcc.Tests;

/// <summary>
/// docs/design.md §2: a record that names no region retires every byte it covers in every region
/// of its host it overlaps, split at region edges; it counts once.
/// </summary>
public partial class PlannerTests
{
    [Fact]
    public void Create_RecordAcrossTwoTouchingRegions_RetiresBothSidesCountedOnce()
    {
        var plan = PlanOf([Egm(0, G, 16 * M), Egm(1, G + (16 * M), 16 * M)], [At(G + (16 * M) - K64, 2 * K64)]);

        Assert.Equal([new Hole((16 * M) - K64, K64, K64, 0)], plan.Regions[0].Holes.ToArray());
        Assert.Equal([new Hole(0, K64, K64, 0)], plan.Regions[1].Holes.ToArray());
        Assert.Equal(new Accounting(1, 1, 0, 0, 0), plan.Accounting);
        Assert.Equal([1L, 1L], plan.Regions.Select(r => r.Stats.AppliedRecords).ToArray());

        // Nothing of it lies outside the two regions: no clip, no warning.
        Assert.Empty(RecordWarnings(plan));
    }

    [Fact]
    public void Create_RecordFromZeroOfSize2Pow64Minus1_RetiresEveryRegion()
    {
        // Gaps, touching regions and one at the very top, whose last byte the record misses: the
        // widening to L takes it anyway.
        Region[] regions = [Egm(0, G, 16 * M), Egm(1, G + (16 * M), 16 * M), Egm(2, 4 * G, G), Egm(3, TopMinus(32 * M), 32 * M)];

        var plan = PlanOf(regions, [At(0, ulong.MaxValue, line: 3)]);

        Assert.All(plan.Regions, r =>
        {
            Assert.Empty(r.Usable);
            Assert.Equal([new Hole(0, r.Region.Size, r.Region.Size, 0)], r.Holes.ToArray());
            Assert.Equal(1, r.Stats.AppliedRecords);
        });
        Assert.Equal(new Accounting(1, 1, 0, 1, 0), plan.Accounting);
        Assert.Equal(
            "warning: retired.csv:3: retired record 0x0 (18446744073709551615) lies partly outside the 4 regions it overlaps, 'egm0' [0x40000000, 0x41000000) to 'egm3' [0xfffffffffe000000, 0x10000000000000000); clipped to them",
            Assert.Single(RecordWarnings(plan)));
    }

    [Fact]
    public void Create_RecordPartlyInAGap_IsClippedAndRetiresBothRegionsItTouches()
    {
        // The last page of egm0, the 16 MiB gap, the first page of egm1.
        var plan = PlanOf([Egm(0, G, 16 * M), Egm(1, G + (32 * M), 16 * M)], [At(G + (16 * M) - K64, (16 * M) + (2 * K64), line: 4)]);

        Assert.Equal([new Hole((16 * M) - K64, K64, K64, 0)], plan.Regions[0].Holes.ToArray());
        Assert.Equal([new Hole(0, K64, K64, 0)], plan.Regions[1].Holes.ToArray());
        Assert.Equal(new Accounting(1, 1, 0, 1, 0), plan.Accounting);
        Assert.Equal(
            "warning: retired.csv:4: retired record 0x40ff0000 (16512K) lies partly outside the 2 regions it overlaps, 'egm0' [0x40000000, 0x41000000) to 'egm1' [0x42000000, 0x43000000); clipped to them",
            Assert.Single(RecordWarnings(plan)));
    }

    [Fact]
    public void Create_RecordStartingInAGapRunningAcrossTwoRegions_RetiresBoth()
    {
        var plan = PlanOf([Egm(0, G, 16 * M), Egm(1, G + (16 * M), 16 * M)], [At(G - K64, (16 * M) + (2 * K64))]);

        Assert.Equal([new Hole(0, 16 * M, 16 * M, 0)], plan.Regions[0].Holes.ToArray());
        Assert.Equal([new Hole(0, K64, K64, 0)], plan.Regions[1].Holes.ToArray());
        Assert.Equal(new Accounting(1, 1, 0, 1, 0), plan.Accounting);
    }

    [Fact]
    public void Create_RecordNamingItsRegion_StaysClippedToItEvenWhenTheNextTouches()
    {
        var plan = PlanOf([Egm(0, G, 16 * M), Egm(1, G + (16 * M), 16 * M)], [In("egm0", (16 * M) - K64, 2 * K64)]);

        Assert.Equal([new Hole((16 * M) - K64, K64, K64, 0)], plan.Regions[0].Holes.ToArray());
        Assert.Empty(plan.Regions[1].Holes);
        Assert.Equal(new Accounting(1, 1, 0, 1, 0), plan.Accounting);
    }

    [Fact]
    public void Create_RecordSpanningTheAddressesOfTwoHosts_RetiresOnlyItsOwnHost()
    {
        var plan = PlanOf([Egm(0, G, 16 * M, "a"), Egm(1, G + (16 * M), 16 * M, "a"), Egm(0, G, 32 * M, "b")], [At(0, ulong.MaxValue, host: "a")]);

        Assert.Equal(["a", "a", "b"], plan.Regions.Select(r => r.Region.Host).ToArray());
        Assert.Empty(plan.Regions[0].Usable);
        Assert.Empty(plan.Regions[1].Usable);
        Assert.Empty(plan.Regions[2].Holes);
    }

    [Fact]
    public void Create_SplitRecordAllOfWhosePiecesAreCovered_IsADuplicate()
    {
        // The same two pages again, and then each half alone: only the first record is applied.
        Region[] regions = [Egm(0, G, 16 * M), Egm(1, G + (16 * M), 16 * M)];
        var across = At(G + (16 * M) - K64, 2 * K64);

        var plan = PlanOf(regions, [across, across, At(G + (16 * M) - K64), At(G + (16 * M))]);

        Assert.Equal(new Accounting(4, 1, 3, 0, 0), plan.Accounting);
        Assert.Equal([1L, 1L], plan.Regions.Select(r => r.Stats.AppliedRecords).ToArray());
    }

    [Fact]
    public void Create_SplitRecordWithOneNewPiece_IsApplied()
    {
        // Its piece in egm0 repeats an earlier record; its piece in egm1 is new.
        var plan = PlanOf([Egm(0, G, 16 * M), Egm(1, G + (16 * M), 16 * M)], [At(G + (16 * M) - K64), At(G + (16 * M) - K64, 2 * K64)]);

        Assert.Equal(new Accounting(2, 2, 0, 0, 0), plan.Accounting);
        Assert.Equal([1L, 1L], plan.Regions.Select(r => r.Stats.AppliedRecords).ToArray());
    }

    [Theory]
    [InlineData(true, 1)]
    [InlineData(false, 2)]
    public void Create_EqualPiecesOfASplitRecordAndAnother_InputOrderDecides(bool splitFirst, long applied)
    {
        // Duplicates are judged in (widened start, widened end descending, input order). The two
        // records have the same piece in egm0: the earlier in input order is applied there. When
        // that is the split record, the other is a duplicate; otherwise both are applied (the split
        // record for its piece in egm1). Records within one region never show this.
        RetiredRecord[] records = [At(G + (16 * M) - K64, 2 * K64, line: 1), At(G + (16 * M) - K64, line: 2)];

        var plan = PlanOf([Egm(0, G, 16 * M), Egm(1, G + (16 * M), 16 * M)], splitFirst ? records : [records[1], records[0]]);

        Assert.Equal(new Accounting(2, applied, 2 - applied, 0, 0), plan.Accounting);
    }

    [Fact]
    public void Create_RecordsCoveringRegionsWhole_FirstInInputOrderIsApplied()
    {
        // The later record covers egm1 whole too, and egm0's last page: all of it seen before.
        Region[] regions = [Egm(0, G, 16 * M), Egm(1, G + (16 * M), 16 * M), Egm(2, G + (32 * M), 16 * M)];

        var plan = PlanOf(regions, [At(G + (16 * M) - K64, (16 * M) + (2 * K64)), At(G + (16 * M) - K64, (16 * M) + K64), In("egm1", 0, 16 * M)]);

        Assert.Equal(new Accounting(3, 1, 2, 0, 0), plan.Accounting);
        Assert.Equal([new Hole(0, 16 * M, 16 * M, 0)], plan.Regions[1].Holes.ToArray());
        Assert.Equal([new Hole(0, K64, K64, 0)], plan.Regions[2].Holes.ToArray());
    }

    [Fact]
    public void Create_RegionCoveredWholeByANamedRecordFirst_TheSplitRecordIsADuplicateThere()
    {
        // The named record covers egm1 whole and comes first: the split record's whole-region
        // piece ties with it and loses on input order; its other pieces are new, so it is applied.
        Region[] regions = [Egm(0, G, 16 * M), Egm(1, G + (16 * M), 16 * M), Egm(2, G + (32 * M), 16 * M)];

        var plan = PlanOf(regions, [In("egm1", 0, 16 * M), At(G + (16 * M) - K64, (16 * M) + (2 * K64))]);

        Assert.Equal(new Accounting(2, 2, 0, 0, 0), plan.Accounting);
        Assert.Equal([1L, 1L, 1L], plan.Regions.Select(r => r.Stats.AppliedRecords).ToArray());
    }

    [Fact]
    public void Create_ManyRegionsAndRecordsInTheGaps_PlansInSeconds()
    {
        // Regression: each record in a gap scanned every region, 10^5 x 10^5 region tests (100 s).
        const int n = 100_000;
        var regions = Enumerable.Range(0, n).Select(i => Egm(i, (ulong)i * 4 * G, G, id: $"r{i}")).ToArray();
        var records = Enumerable.Range(0, n).Select(i => At(((ulong)i * 4 * G) + (2 * G), K64, line: i + 1)).ToArray();
        var set = RegionSet.Create(regions);

        var clock = System.Diagnostics.Stopwatch.StartNew();
        var plan = Planner.Create(set, records, PlanOptions.Default);

        // About a second on a busy 2-core machine; the old way took minutes.
        Assert.True(clock.Elapsed < TimeSpan.FromSeconds(30), $"planning took {clock.Elapsed}");
        Assert.Equal(new Accounting(n, 0, 0, 0, n), plan.Accounting);
    }

    [Fact]
    public void Create_ManyRecordsEachCoveringManyRegions_PlansInSeconds()
    {
        // Every record spans every region: marking each region once keeps this near-linear
        // (a piece per record and region would be 10^10).
        const int n = 100_000;
        var regions = Enumerable.Range(0, n).Select(i => Egm(i, (ulong)i * 4 * G, G, id: $"r{i}")).ToArray();
        var records = Enumerable.Range(0, n).Select(i => At((ulong)i % 7 * K64, ulong.MaxValue - (ulong)i, line: i + 1)).ToArray();
        var set = RegionSet.Create(regions);

        var clock = System.Diagnostics.Stopwatch.StartNew();
        var plan = Planner.Create(set, records, PlanOptions.Default);

        // About a second on a busy 2-core machine; the old way took minutes.
        Assert.True(clock.Elapsed < TimeSpan.FromSeconds(30), $"planning took {clock.Elapsed}");
        Assert.All(plan.Regions, r => Assert.Empty(r.Usable));
        Assert.Equal(new Accounting(n, 1, n - 1, n, 0), plan.Accounting);
    }
}
