using System.Runtime.CompilerServices;
using System.Runtime.Intrinsics;

namespace EgmEcc.Formats.Output;

/// <summary>
/// A fixed text a plan writer writes once a row (a JSON element's punctuation and names, a CSV
/// row's host, region and node), held in vectors and written whole.
/// </summary>
/// <remarks>
/// A row writes several; copied through <c>Memmove</c>, a text of a few dozen bytes cost a call
/// each, a twentieth of the time of a large plan. A text of at most <see cref="Room"/> bytes is
/// written as three 16-byte stores, the bytes after it being scratch that the writer's next text
/// or value overwrites; a longer one (a long host name) is copied.
/// </remarks>
internal readonly struct FixedText
{
    /// <summary>The room after a text's start that writing it may touch, whatever its length up to this.</summary>
    public const int Room = 48;

    private readonly Vector128<byte> first;
    private readonly Vector128<byte> second;
    private readonly Vector128<byte> third;
    private readonly byte[]? longer;

    /// <summary>A text of the bytes of <paramref name="text"/>.</summary>
    public FixedText(ReadOnlySpan<byte> text)
    {
        Length = text.Length;
        if (text.Length > Room)
        {
            longer = text.ToArray();
            return;
        }

        Span<byte> padded = stackalloc byte[Room];
        padded.Clear();
        text.CopyTo(padded);
        first = Vector128.Create<byte>(padded);
        second = Vector128.Create<byte>(padded[16..]);
        third = Vector128.Create<byte>(padded[32..]);
    }

    /// <summary>The text's length in bytes.</summary>
    public int Length { get; }

    /// <summary>The most bytes <see cref="WriteTo"/> touches: the room, or the text's length when longer.</summary>
    public int Touches => Math.Max(Room, Length);

    /// <summary>Writes the text to the start of <paramref name="to"/>, which has room for <see cref="Touches"/> bytes; returns the text's length.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)] // several a row: a call each cost more than the stores
    public int WriteTo(Span<byte> to)
    {
        if (longer is not null)
        {
            return WriteLonger(to);
        }

        first.CopyTo(to);
        second.CopyTo(to[16..]);
        third.CopyTo(to[32..]);
        return Length;
    }

    [MethodImpl(MethodImplOptions.NoInlining)] // rare: kept out of the inlined stores
    private int WriteLonger(Span<byte> to)
    {
        longer!.CopyTo(to);
        return Length;
    }
}
