using EgmEcc.Formats.Inputs;
using EgmEcc.Formats.Output;
using EgmEcc.Pipeline;

namespace EgmEcc.Formats.Tests.Layout;

/// <summary>A plan and the output options a golden file was made with.</summary>
public sealed record LayoutCase(string Name, Plan Plan, OutputOptions Options)
{
    public override string ToString() => Name;
}

/// <summary>The plans the layout golden files are made from: the sample host and small hand-made hosts.</summary>
internal static class LayoutCases
{
    private static readonly SourceLocation Here = SourceLocation.AtLine("cases", 1);

    private static readonly Lazy<Plan> SamplePlan = new(() => new HostInputs
    {
        Regions = [InputFile.FromPath(Repo.Sample("grace-2s.regions.csv"))],
        Retired = [InputFile.FromPath(Repo.Sample("grace-2s.retired.csv"))],
    }.Plan(PlanOptions.Default));

    /// <summary>The two-socket sample host of <c>data/samples</c>.</summary>
    public static Plan Sample => SamplePlan.Value;

    /// <summary>One 64 MiB region with retired pages at its first and last page, in the middle and as a 256 KiB run.</summary>
    public static Plan Small { get; } = Planner.Create(
        RegionSet.Create([new Region("egm0", 0, 0x20_0000_0000, 64UL << 20, Here)]),
        [
            RetiredRecord.InRegion("egm0", 0x0, 0, Here),
            RetiredRecord.InRegion("egm0", 0x123_0000, 0, Here),
            RetiredRecord.InRegion("egm0", 0x200_0000, 0x4_0000, Here),
            RetiredRecord.InRegion("egm0", 0x3ff_0000, 0, Here),
        ],
        PlanOptions.Default);

    /// <summary>
    /// Two regions given in descending PXM order: PXM 4 (32 MiB, guest size 16 MiB, a page retired
    /// inside and one beyond the guest size) and PXM 0 (16 MiB, its last page retired).
    /// </summary>
    public static Plan TwoNode { get; } = Planner.Create(
        RegionSet.Create(
        [
            new Region("egm4", 4, 0x100_0000_0000, 32UL << 20, Here, guestSize: 16UL << 20),
            new Region("egm0", 0, 0x20_0000_0000, 16UL << 20, Here),
        ]),
        [
            RetiredRecord.InRegion("egm4", 0x1_0000, 0, Here),
            RetiredRecord.InRegion("egm4", 0x180_0000, 0, Here),
            RetiredRecord.InRegion("egm0", 0xff_0000, 0, Here),
        ],
        PlanOptions.Default);

    public static IEnumerable<LayoutCase> Dts { get; } =
    [
        new("grace-2s", Sample, Options("--regions grace-2s.regions.csv --retired grace-2s.retired.csv --format dts")),
        new("grace-2s-reserved", Sample, Options("--regions grace-2s.regions.csv --retired grace-2s.retired.csv --format dts --reserved-memory") with { ReservedMemory = true }),
        new("small", Small, Options("--regions small.csv --retired small.retired.csv --format dts")),
        new("small-reserved", Small, Options("--regions small.csv --retired small.retired.csv --format dts --reserved-memory") with { ReservedMemory = true }),
        new("two-node", TwoNode, Options("--regions two-node.csv --retired two-node.retired.csv --format dts --guest-base 0x80000000") with { GuestBase = 0x8000_0000 }),
        new("two-node-reserved", TwoNode, Options("--regions two-node.csv --retired two-node.retired.csv --format dts --guest-base 0x80000000 --reserved-memory") with { GuestBase = 0x8000_0000, ReservedMemory = true }),
    ];

    public static IEnumerable<LayoutCase> Qemu { get; } =
    [
        new("grace-2s", Sample, Options("--regions grace-2s.regions.csv --retired grace-2s.retired.csv --format qemu")),
        new("two-node", TwoNode, Options("--regions two-node.csv --retired two-node.retired.csv --format qemu")),
    ];

    public static IEnumerable<LayoutCase> Windows { get; } =
    [
        new("grace-2s", Sample, Options("--regions grace-2s.regions.csv --retired grace-2s.retired.csv --format windows")),
        new("grace-2s-2M", Sample, Options("--regions grace-2s.regions.csv --retired grace-2s.retired.csv --format windows --map-align 2M") with { MapAlign = 2UL << 20 }),
        new("small", Small, Options("--regions small.csv --retired small.retired.csv --format windows")),
        new("two-node", TwoNode, Options("--regions two-node.csv --retired two-node.retired.csv --format windows")),
    ];

    public static TheoryData<string> Names(IEnumerable<LayoutCase> cases) => [.. cases.Select(c => c.Name)];

    public static LayoutCase Named(IEnumerable<LayoutCase> cases, string name) => cases.Single(c => c.Name == name);

    // Golden files record fixed text, never the machine's paths.
    private static OutputOptions Options(string arguments) => new() { Invocation = "egmecc plan " + arguments };
}
