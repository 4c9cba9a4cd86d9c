using System.Collections.Immutable;

namespace EgmEcc.Fleet;

/// <summary>The figures of one region of a fleet host: size, usable bytes, hugepage capacity and VM blocks.</summary>
/// <param name="Id">The region's id.</param>
/// <param name="Node">The region's PXM.</param>
/// <param name="SizeBytes">The region's size.</param>
/// <param name="UsableBytes">Bytes in usable extents.</param>
/// <param name="HugePages">Blocks per configured hugepage size, in the plan options' order.</param>
/// <param name="VmBlocks">Usable blocks of the VM shape's page size (0 when no shape is asked for).</param>
/// <param name="AtRiskPages">Usable retirement granules at risk (corrected errors).</param>
/// <param name="RetiredPages">Retirement granules retired in the region (its retired bytes over the granule).</param>
/// <param name="TableEntries">Entries of the region's firmware retired-page table, or null when none was read.</param>
/// <param name="Base">The region's SPA: with the id, node and size, what tells a moved region from the same one (docs/design.md §4.13).</param>
public sealed record RegionSummary(string Id, int Node, ulong SizeBytes, ulong UsableBytes, ImmutableArray<ulong> HugePages, ulong VmBlocks, ulong AtRiskPages = 0, ulong RetiredPages = 0, int? TableEntries = null, ulong Base = 0);
