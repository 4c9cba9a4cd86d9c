using System.Collections.Immutable;
using System.Numerics;

namespace EgmEcc.Reporting;

/// <summary>What a block of a <see cref="BlockMap"/> still offers.</summary>
public enum BlockState
{
    /// <summary>No byte of the block is in a hole: a full-size block is one hugepage of the map's block size.</summary>
    Whole,

    /// <summary>Some bytes of the block are in holes, some are usable: the block is lost as a hugepage.</summary>
    Broken,

    /// <summary>Every byte of the block is in a hole.</summary>
    Unusable,
}

/// <summary>One aligned block of a region: the offsets <c>[Start, End)</c> and how many of them are unusable.</summary>
/// <param name="Start">The block's first offset, a multiple of the block size.</param>
/// <param name="End">One past its last offset: <c>Start + block size</c>, or the region's end for a short last block.</param>
/// <param name="HoleBytes">Bytes of the block that lie in holes.</param>
public readonly record struct Block(ulong Start, ulong End, ulong HoleBytes)
{
    /// <summary>Whole, broken or unusable, from <see cref="HoleBytes"/>.</summary>
    public BlockState State => HoleBytes == 0 ? BlockState.Whole : HoleBytes == End - Start ? BlockState.Unusable : BlockState.Broken;
}

/// <summary>
/// A region cut into aligned blocks of one power-of-two size, each whole, broken or unusable: the
/// view of a dense host an operator needs (docs/design.md §4.6), where a hole map drawn to scale is
/// marked from end to end. Blocks are aligned in region offset, as hugepage capacity is
/// (docs/design.md §2.7), so when the block size is a counted hugepage size the full-size whole blocks
/// are exactly the capacity at that size.
/// </summary>
/// <remarks>
/// Writers lay the blocks out in rows of <see cref="PerRow"/>, each row starting at offset
/// <c>row × PerRow × BlockSize</c>. The exact holes stay for the zoomed views.
/// </remarks>
public sealed record BlockMap
{
    /// <summary>The smallest block size chosen for a region that holds one: 512 MiB, the PMD hugepage of a 64 KiB-page kernel (docs/design.md §1).</summary>
    public const ulong MinBlockSize = 512UL << 20;

    /// <summary>The block size, a power of two.</summary>
    public required ulong BlockSize { get; init; }

    /// <summary>Blocks in offset order; the last may be shorter than <see cref="BlockSize"/>.</summary>
    public required ImmutableArray<Block> Blocks { get; init; }

    /// <summary>Blocks a row of the drawing holds.</summary>
    public required int PerRow { get; init; }

    /// <summary>Rows of the drawing.</summary>
    public int Rows => (Blocks.Length + PerRow - 1) / PerRow;

    /// <summary>Full-size blocks with no hole byte: the hugepages of <see cref="BlockSize"/> the region holds.</summary>
    public int Whole => Blocks.Count(b => b.State == BlockState.Whole && b.End - b.Start == BlockSize);

    /// <summary>Blocks with some bytes in holes and some usable.</summary>
    public int Broken => Blocks.Count(b => b.State == BlockState.Broken);

    /// <summary>Blocks wholly in holes.</summary>
    public int Unusable => Blocks.Count(b => b.State == BlockState.Unusable);

    /// <summary>The offset row <paramref name="row"/> starts at.</summary>
    public ulong RowStart(int row) => Blocks[row * PerRow].Start;

    /// <summary>The blocks of row <paramref name="row"/>.</summary>
    public ReadOnlySpan<Block> Row(int row) => Blocks.AsSpan().Slice(row * PerRow, Math.Min(PerRow, Blocks.Length - (row * PerRow)));

    /// <summary>
    /// The block size for a region of <paramref name="size"/> bytes drawn in at most
    /// <paramref name="maxBlocks"/> blocks: the smallest power of two from <see cref="MinBlockSize"/> up
    /// (512 MiB, then 1 GiB, ...) that needs no more; for a region smaller than 512 MiB, the smallest
    /// power of two that draws it in at most <paramref name="maxBlocks"/> blocks.
    /// </summary>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="size"/> is 0 or <paramref name="maxBlocks"/> is less than 1.</exception>
    public static ulong BlockSizeFor(ulong size, int maxBlocks)
    {
        ArgumentOutOfRangeException.ThrowIfZero(size);
        ArgumentOutOfRangeException.ThrowIfLessThan(maxBlocks, 1);
        var floor = size < MinBlockSize ? 1UL : MinBlockSize;

        // ceil(size / maxBlocks) as a power of two, never past 2^63 (a region is under 2^64 bytes).
        var needed = (size / (ulong)maxBlocks) + (size % (ulong)maxBlocks == 0 ? 0UL : 1UL);
        var block = needed > 1UL << 63 ? 1UL << 63 : BitOperations.RoundUpToPowerOf2(needed);
        return Math.Max(floor, block);
    }

    /// <summary>
    /// The block map of <paramref name="plan"/> in rows of <paramref name="perRow"/> blocks, at most
    /// <paramref name="maxRows"/> rows, with the block size <see cref="BlockSizeFor"/> chooses.
    /// </summary>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="perRow"/> or <paramref name="maxRows"/> is less than 1.</exception>
    public static BlockMap Create(RegionPlan plan, int perRow, int maxRows)
    {
        ArgumentNullException.ThrowIfNull(plan);
        ArgumentOutOfRangeException.ThrowIfLessThan(perRow, 1);
        ArgumentOutOfRangeException.ThrowIfLessThan(maxRows, 1);
        var size = plan.Region.Size;
        var blockSize = BlockSizeFor(size, (int)Math.Min(int.MaxValue, (long)perRow * maxRows));
        var count = (int)((size / blockSize) + (size % blockSize == 0 ? 0UL : 1UL));
        var holeBytes = new ulong[count];
        foreach (var hole in plan.Holes)
        {
            // A hole may span many blocks (a whole unusable gigabyte); add its bytes to each.
            var end = hole.Offset + hole.Size;
            for (var i = (int)(hole.Offset / blockSize); i < count; i++)
            {
                var blockStart = (ulong)i * blockSize;
                if (blockStart >= end)
                {
                    break;
                }

                var blockEnd = BlockEnd(blockStart, blockSize, size);
                holeBytes[i] += Math.Min(blockEnd, end) - Math.Max(blockStart, hole.Offset);
            }
        }

        var blocks = ImmutableArray.CreateBuilder<Block>(count);
        for (var i = 0; i < count; i++)
        {
            var start = (ulong)i * blockSize;
            blocks.Add(new Block(start, BlockEnd(start, blockSize, size), holeBytes[i]));
        }

        return new BlockMap { BlockSize = blockSize, Blocks = blocks.MoveToImmutable(), PerRow = perRow };
    }

    // start + blockSize may pass 2^64 only past the region's end: compare before adding.
    private static ulong BlockEnd(ulong start, ulong blockSize, ulong size) => size - start <= blockSize ? size : start + blockSize;
}
